import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../config';

/**
 * Where the first start leaves the bootstrap beheerder's token (issue #12): `BOOTSTRAP_TOKEN_FILE`, else
 * `bootstrap-token` beside the SQLite database, else `./data/bootstrap-token`.
 */
export function bootstrapTokenFile(config: Pick<AppConfig, 'database'>, env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.BOOTSTRAP_TOKEN_FILE?.trim();
  if (explicit) return resolve(explicit);
  return resolve(config.database.type === 'sqlite' && config.database.path ? join(dirname(config.database.path), 'bootstrap-token') : './data/bootstrap-token');
}

/**
 * Write the token to a new file only this account (and root) can read (mode 0600), replacing an old one, so it
 * never passes through standard output or a log stream. Returns the path to print.
 */
export function writeBootstrapToken(file: string, token: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  rmSync(file, { force: true }); // an old file could have looser permissions; `wx` below creates it afresh
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  return file;
}
