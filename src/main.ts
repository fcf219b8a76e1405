import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { logToStdout, SYSTEM_ACTOR } from './common';
import { ConfigError, loadConfig } from './config';
import { Db } from './database';
import { bootstrapTokenFile, UsersService, writeBootstrapToken } from './users';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = new Logger('Kaderwijzer');
  const db = await Db.open(config.database);
  // JSON lines when stdout is not a terminal, readable lines on one (src/common/logging.ts).
  const app = await createApp({ config, db, log: logToStdout(config.logLevel) });
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log(`Kaderwijzer on http://localhost:${port} (API docs: /api/docs, database: ${config.database.type})`);
  // Only once the service listens (a start that fails creates nothing), and never on stdout or in the log (issue #12).
  const token = await app.get(UsersService).bootstrap(SYSTEM_ACTOR);
  if (token) {
    const file = bootstrapTokenFile(config);
    try {
      writeBootstrapToken(file, token);
      logger.log(`First start: a beheerder was created. Its token is in ${file} (readable only by this account); store it safely and delete the file.`);
    } catch (e) {
      logger.error(`First start: a beheerder was created, but its token could not be written to ${file} (${(e as Error).message}); create another beheerder with: npm run cli -- users:create --name <name> --role beheerder`);
    }
  }
  app.enableShutdownHooks();
  process.once('SIGTERM', () => void app.close().then(() => db.close()));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
