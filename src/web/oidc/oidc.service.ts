import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { Clock, DomainError } from '../../common';
import { APP_CONFIG, AppConfig, ConfigError, OidcConfig } from '../../config';
import { isUniqueViolation } from '../../database';
import { UsersService, UserView } from '../../users';
import { LOGIN_STATE_TTL_MS, LoginState, openLoginState, safeReturnTo, sealLoginState } from './login-state';
import { loadOpenIdClient } from './openid-client';
import { mapRoles, roleMappingProblems } from './role-mapping';

/** The redirect URI registered at the provider: `<PUBLIC_URL>/inloggen/callback`. */
export const CALLBACK_PATH = '/inloggen/callback';
export const SCOPES = 'openid profile email';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Sign-in through the province's identity provider (issue #12): OpenID Connect authorization-code flow with PKCE,
 * `state` and `nonce`, done by openid-client (certified; it validates the ID token: signature, issuer, audience,
 * expiry, nonce). The roles claim is mapped to Kaderwijzer roles on every sign-in; see UsersService.signInWithOidc.
 */
@Injectable()
export class OidcService {
  private readonly log = new Logger('OidcService');
  private readonly oidc: OidcConfig;
  private configuration: Promise<Configuration> | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    if (!config.oidc) throw new Error('OidcService needs the OIDC_* settings');
    const problems = roleMappingProblems(config.oidc.roleMapping);
    if (problems.length) throw new ConfigError(problems);
    this.oidc = config.oidc;
  }

  get publicUrl(): string {
    return this.oidc.publicUrl;
  }

  get redirectUri(): string {
    return `${this.oidc.publicUrl}${CALLBACK_PATH}`;
  }

  /** Discovery, once (retried after a failure). Plain http only for a provider on loopback (tests, development). */
  private discover(): Promise<Configuration> {
    this.configuration ??= (async () => {
      const client = await loadOpenIdClient();
      const issuer = new URL(this.oidc.issuerUrl);
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      return client.discovery(issuer, this.oidc.clientId, { client_secret: this.oidc.clientSecret }, client.ClientSecretBasic(this.oidc.clientSecret), {
        // ID token signatures are checked against the provider's JWKS too (openid-client skips that by default for a
        // token endpoint over TLS, trusting the TLS server check): a forged ID token fails even if TLS is ended by a proxy.
        execute: [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])],
      });
    })().catch((e: unknown) => {
      this.configuration = null;
      this.log.error(`OpenID Connect discovery of ${this.oidc.issuerUrl} failed: ${(e as Error).message}`);
      throw new DomainError('internal', 'The identity provider cannot be reached; try again later.');
    });
    return this.configuration;
  }

  /** Start a sign-in: the provider's authorization URL and the sealed login state for the cookie. */
  async begin(returnTo?: unknown): Promise<{ url: string; cookie: string; maxAgeMs: number }> {
    const [client, config] = await Promise.all([loadOpenIdClient(), this.discover()]);
    const state: LoginState = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      expiresAt: this.clock.now().getTime() + LOGIN_STATE_TTL_MS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: SCOPES,
      response_type: 'code',
      state: state.state,
      nonce: state.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, cookie: sealLoginState(state, this.oidc.clientSecret), maxAgeMs: LOGIN_STATE_TTL_MS };
  }

  /**
   * Finish a sign-in at the callback: check the response against the login state (wrong `state`, replayed code,
   * forged or expired ID token all fail here, 401), map the roles claim, and provision the user (403 without a role).
   */
  async complete(callbackPathAndQuery: string, sealedState: string | null): Promise<{ user: UserView; idToken: string; returnTo: string }> {
    const login = openLoginState(sealedState, this.oidc.clientSecret, this.clock.now().getTime());
    if (!login) throw new DomainError('unauthenticated', 'No sign-in is in progress in this browser (or it took longer than 10 minutes); start again.');
    const [client, config] = await Promise.all([loadOpenIdClient(), this.discover()]);
    const currentUrl = new URL(callbackPathAndQuery, this.oidc.publicUrl);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      const err = e as Error & { code?: string; error?: string };
      this.log.warn(`OpenID Connect sign-in refused: ${err.code ?? err.name}${err.error ? ` (${err.error})` : ''}: ${err.message}`);
      throw new DomainError('unauthenticated', 'The sign-in with the identity provider could not be verified; start again.', {
        reason: err.error ?? err.code ?? 'invalid-response',
      });
    }
    const claims = tokens.claims();
    const idToken = tokens.id_token;
    if (!claims || !idToken) throw new DomainError('unauthenticated', 'The identity provider sent no ID token.');
    let roleClaim: unknown = claims[this.oidc.rolesClaim];
    let profile: Record<string, unknown> = claims;
    if (roleClaim === undefined && tokens.access_token) {
      // Many providers put the groups in the userinfo response rather than the ID token.
      profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      roleClaim = profile[this.oidc.rolesClaim];
    }
    const name = [profile.name, profile.preferred_username, profile.email].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? claims.sub;
    const mapped = mapRoles(roleClaim, this.oidc.roleMapping);
    const person = { issuer: claims.iss, subject: claims.sub, name };
    let outcome: Awaited<ReturnType<UsersService['signInWithOidc']>>;
    try {
      outcome = await this.users.signInWithOidc(person, mapped);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      outcome = await this.users.signInWithOidc(person, mapped); // a first sign-in of the same person at the same moment
    }
    if (!outcome.ok) {
      throw new DomainError(
        'forbidden',
        outcome.reason === 'disabled'
          ? 'Your account is disabled in Kaderwijzer.'
          : 'Your account at the identity provider has no role in Kaderwijzer; ask the beheerder to have a role granted.',
        { reason: outcome.reason, userId: outcome.userId },
      );
    }
    return { user: outcome.user, idToken, returnTo: login.returnTo };
  }

  /** Where to send the browser after ending the session here: the provider's end-session endpoint when it has one. */
  async endSessionUrl(idToken: string | null): Promise<string> {
    const back = `${this.oidc.publicUrl}/inloggen`;
    const [client, config] = await Promise.all([loadOpenIdClient(), this.discover()]);
    if (!config.serverMetadata().end_session_endpoint) return back;
    const params: Record<string, string> = { post_logout_redirect_uri: back, client_id: this.oidc.clientId };
    if (idToken) params.id_token_hint = idToken;
    return client.buildEndSessionUrl(config, params).href;
  }
}
