import { patternMaxLength } from './bounds';

describe('patternMaxLength', () => {
  it.each([
    ['^[0-9a-f]{64}$', 64],
    ['^(X-0[1-5]|G[1-6]-\\d{2})$', 5],
    ['^(?:system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$', 36],
    ['^prb-\\d{4}-\\d{1,9}$', 18],
    ['^ab?c$', 3],
    ['^[A-Za-z0-9._-]{1,64}$', 64],
  ])('%s matches at most %i characters', (pattern, max) => {
    expect(patternMaxLength(pattern)).toBe(max);
  });

  it.each(['\\S', '^prb-\\d{4}-\\d+$', '^a*$', '^a{2,}$', '^[\\s\\S]*$', '^(a)\\1$', 'abc$', '^abc'])('%s implies no bound', (pattern) => {
    expect(patternMaxLength(pattern)).toBeUndefined();
  });

  it('never claims less than the pattern really allows (random strings of the pattern’s alphabet)', () => {
    const pattern = '^(?:system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$';
    const re = new RegExp(pattern);
    const max = patternMaxLength(pattern)!;
    for (let len = 0; len <= 40; len++) {
      const s = Array.from({ length: len }, (_, k) => ([8, 13, 18, 23].includes(k) ? '-' : 'a')).join('');
      if (re.test(s)) expect(s.length).toBeLessThanOrEqual(max);
    }
  });
});
