import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The cookie that carries a sign-in in progress from `/inloggen/oidc` to `/inloggen/callback`. */
export const LOGIN_STATE_COOKIE = 'kw_oidc_login';
/** A sign-in must come back from the provider within this time. */
export const LOGIN_STATE_TTL_MS = 10 * 60_000;

/** What the callback must check: OAuth `state`, OpenID `nonce`, and the PKCE code verifier. */
export interface LoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after sign-in (a local path). */
  returnTo: string;
  expiresAt: number;
}

const keyOf = (secret: string) => createHash('sha256').update(`kaderwijzer oidc login state\0${secret}`).digest();

/**
 * The login state, signed with a key derived from the client secret (HMAC-SHA256): stateless, so any instance can
 * finish a sign-in another started; the browser cannot alter it. It holds no credential of the person.
 */
export function sealLoginState(s: LoginState, secret: string): string {
  const body = Buffer.from(JSON.stringify(s), 'utf8').toString('base64url');
  const mac = createHmac('sha256', keyOf(secret)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** The login state of a cookie value, or null when it is missing, altered or expired. */
export function openLoginState(value: string | null | undefined, secret: string, now: number): LoginState | null {
  if (!value || value.length > 4096) return null;
  const [body, mac, extra] = value.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', keyOf(secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as LoginState;
    if (typeof s.state !== 'string' || typeof s.nonce !== 'string' || typeof s.codeVerifier !== 'string' || typeof s.expiresAt !== 'number') return null;
    if (s.expiresAt <= now) return null;
    return { ...s, returnTo: safeReturnTo(s.returnTo) };
  } catch {
    return null;
  }
}

/** A local path to return to after sign-in; anything else (another site, `//host`, `/\\host`) becomes `/`. */
export function safeReturnTo(v: unknown): string {
  return typeof v === 'string' && /^\/(?![/\\])[^\s]*$/.test(v) && v.length <= 500 ? v : '/';
}
