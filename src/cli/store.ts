import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseConfig, maskUrl } from '../config';

/** The store a command names does not exist: exit code 1 with the message. */
export class StoreMissingError extends Error {}

/** How the command line names a database: the SQLite file's full path, or the URL without its password. */
export function describeDatabase(db: DatabaseConfig): string {
  return db.type === 'sqlite' ? `SQLite ${db.path === ':memory:' ? ':memory:' : resolve(db.path)}` : `PostgreSQL ${maskUrl(db.url)}`;
}

/** A SQLite store must exist before a command touches it; opening would otherwise create an empty one. */
export function requireExistingStore(db: DatabaseConfig, setting = 'database.url / DATABASE_URL'): void {
  if (db.type === 'sqlite' && db.path !== ':memory:' && !existsSync(db.path))
    throw new StoreMissingError(
      `The database file ${resolve(db.path)} does not exist (${setting} = ${db.url}). ` +
        'The command line does not create a store: start the service once (npm start) to create it, or point DATABASE_URL at the existing one.',
    );
}
