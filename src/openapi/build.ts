/**
 * Build the published document without a listening server: the application on a throw-away SQLite file,
 * as `npm run lint:openapi` and the contract tests need it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { Db } from '../database';
import { publishOpenApi } from './document';

export async function buildPublishedDocument(env: NodeJS.ProcessEnv = {}): Promise<OpenAPIObject> {
  const dir = mkdtempSync(join(tmpdir(), 'kaderwijzer-openapi-'));
  try {
    const config = loadConfig({ ...env, DATABASE_URL: `sqlite:${join(dir, 'doc.sqlite')}` });
    const db = await Db.open(config.database);
    try {
      const app = await createApp({ config, db, logger: false });
      try {
        return publishOpenApi(app, config);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
