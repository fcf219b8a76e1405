import type * as OpenIdClient from 'openid-client';

export type OpenIdClientModule = typeof OpenIdClient;

/**
 * openid-client 6 is an ES module only. This project compiles to CommonJS, where TypeScript would turn `import()`
 * into `require()`; a function made at run time keeps a real dynamic import, which Node runs as ESM. (Jest's module
 * system cannot run it: the OpenID Connect tests start the service as a child process, test/e2e/oidc.e2e.test.ts.)
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let loaded: Promise<OpenIdClientModule> | null = null;

/** The openid-client module, loaded once. */
export function loadOpenIdClient(): Promise<OpenIdClientModule> {
  loaded ??= importEsm('openid-client') as Promise<OpenIdClientModule>;
  return loaded;
}
