// The service with sign-in through an identity provider, for test/e2e/oidc.e2e.test.ts. Started as a child process
// (node -r test/support/ts-register.js test/support/oidc-app.ts): openid-client is an ES module, which the service
// loads with a real dynamic import that Jest's module system cannot run. Reads the same environment as the service,
// plus KW_TEST_ROLE_MAPPING (JSON: claim value → roles; the service reads it from config/). Prints {"ready":true}.
import 'reflect-metadata';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { Db } from '../../src/database/db';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.oidc) throw new Error('set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  config.oidc.roleMapping = JSON.parse(process.env.KW_TEST_ROLE_MAPPING ?? '{}') as Record<string, string[]>;
  const db = await Db.open(config.database);
  const app = await createApp({ config, db, logger: ['error', 'warn'] });
  await app.listen(config.port, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  process.once('SIGTERM', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
