// A real OpenID provider (oidc-provider) on loopback, for test/e2e/oidc.e2e.test.ts. Started as a child process:
// oidc-provider is an ES module and Jest's module system cannot load it.
//
//   node test/support/oidc-provider.mjs <redirect base URL>   → prints {"issuer": "..."} once it listens
//
// The test steers it through /test/... on the same port:
//   POST /test/account?sub=<id>&name=<name>&roles=<a,b>  the account and the value of its `roles` claim
//   POST /test/mode?value=none|forge|expire              how the next token responses' ID token is altered
// Login: the authorization request names the account in `login_hint`; the interaction is completed at once.
import http from 'node:http';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';

const appBase = process.argv[2];
const accounts = new Map();
let mode = 'none';

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signing = { ...(await exportJWK(privateKey)), kid: 'kw-test', alg: 'RS256', use: 'sig' };
const { privateKey: otherKey } = await generateKeyPair('RS256', { extractable: true });

const server = http.createServer();
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'kaderwijzer',
      client_secret: 'test-secret-of-kaderwijzer-0123456789',
      redirect_uris: [`${appBase}/inloggen/callback`],
      post_logout_redirect_uris: [`${appBase}/inloggen`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signing] },
  claims: { openid: ['sub'], profile: ['name', 'roles'], email: ['email'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['kw-test-cookie-key'] },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => {
    const a = accounts.get(sub);
    if (!a) return undefined;
    return { accountId: sub, claims: () => ({ sub, name: a.name, roles: a.roles, email: `${sub}@drenthe.test` }) };
  },
});
provider.proxy = false;

// Alter the ID token of token responses when the test asks for it: re-signed with another key (forged), or with
// its validity in the past (expired). Everything else about the response stays as the provider made it.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || mode === 'none' || !ctx.body || typeof ctx.body.id_token !== 'string') return;
  const claims = decodeJwt(ctx.body.id_token);
  const header = decodeProtectedHeader(ctx.body.id_token);
  const now = Math.floor(Date.now() / 1000);
  const payload = mode === 'expire' ? { ...claims, iat: now - 7200, exp: now - 3600 } : claims;
  ctx.body = { ...ctx.body, id_token: await new SignJWT(payload).setProtectedHeader(header).sign(mode === 'forge' ? otherKey : privateKey) };
});

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    if (req.method === 'POST' && url.pathname === '/test/account') {
      const roles = (url.searchParams.get('roles') ?? '').split(',').filter(Boolean);
      accounts.set(url.searchParams.get('sub'), { name: url.searchParams.get('name') ?? url.searchParams.get('sub'), roles });
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/test/mode') {
      mode = url.searchParams.get('value') ?? 'none';
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      const accountId = details.session?.accountId ?? details.params.login_hint;
      if (!accountId || !accounts.has(accountId)) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown test account' }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
      grant.addOIDCScope(details.params.scope);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e?.stack ?? e));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
