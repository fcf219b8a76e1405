import { claimValues, mapRoles, roleMappingProblems } from './role-mapping';
import { openLoginState, safeReturnTo, sealLoginState } from './login-state';

const MAPPING = { 'KW-Beleid': ['beleidsmedewerker'], 'KW-Team': ['teamleider'], 'KW-Audit': ['auditor'], 'KW-Beheer': ['beheerder'] };

describe('role mapping (issue #12)', () => {
  it('reads a claim as a list, a string with separators, or nothing', () => {
    expect(claimValues(['a', 'b', 3])).toEqual(['a', 'b']);
    expect(claimValues('a b,c')).toEqual(['a', 'b', 'c']);
    expect(claimValues({ a: 1 })).toEqual([]);
    expect(claimValues(undefined)).toEqual([]);
  });

  it('maps the claim values to the union of their roles, and ignores values without a mapping', () => {
    expect(mapRoles(['KW-Team', 'Iets', 'KW-Beleid'], MAPPING)).toEqual({ ok: true, roles: ['beleidsmedewerker', 'teamleider'] });
    expect(mapRoles(['toString', '__proto__'], MAPPING)).toMatchObject({ ok: false, reason: 'no-mapped-role' });
  });

  it('refuses no mapped role and a combination the role table forbids', () => {
    expect(mapRoles([], MAPPING)).toMatchObject({ ok: false, reason: 'no-mapped-role' });
    expect(mapRoles(['KW-Audit', 'KW-Beleid'], MAPPING)).toMatchObject({ ok: false, reason: 'role-combination' });
    expect(mapRoles(['KW-Beheer', 'KW-Team'], MAPPING)).toMatchObject({ ok: false, reason: 'role-combination' });
  });

  it('names every key of a mapping with an unknown role or no roles', () => {
    expect(roleMappingProblems({ a: ['koning'], b: [], c: ['griffie'] })).toEqual([
      'oidc.roleMapping.a: unknown role(s) koning; one of: beleidsmedewerker, teamleider, griffie, auditor, beheerder',
      'oidc.roleMapping.b must be a non-empty list of roles',
    ]);
  });
});

describe('login state cookie', () => {
  const s = { state: 's', nonce: 'n', codeVerifier: 'v', returnTo: '/dossiers', expiresAt: 2_000 };

  it('opens what it sealed with the same secret before it expires', () => {
    expect(openLoginState(sealLoginState(s, 'geheim'), 'geheim', 1_000)).toEqual(s);
  });

  it('refuses another secret, an altered body, expiry and garbage', () => {
    const sealed = sealLoginState(s, 'geheim');
    expect(openLoginState(sealed, 'ander', 1_000)).toBeNull();
    const [body, mac] = sealed.split('.');
    const altered = Buffer.from(JSON.stringify({ ...s, state: 'x' })).toString('base64url');
    expect(openLoginState(`${altered}.${mac}`, 'geheim', 1_000)).toBeNull();
    expect(openLoginState(`${body}.${mac}`, 'geheim', 2_000)).toBeNull();
    for (const v of [null, '', 'a', 'a.b.c', `${body}.`]) expect(openLoginState(v, 'geheim', 1_000)).toBeNull();
  });

  it('returns only to a local path', () => {
    expect(safeReturnTo('/dossiers/1?x=2')).toBe('/dossiers/1?x=2');
    for (const v of ['https://evil.example', '//evil.example', '/\\evil.example', 'dossiers', 42]) expect(safeReturnTo(v)).toBe('/');
  });
});
