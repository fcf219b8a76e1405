import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CanonicalJsonError, MAX_CANONICAL_DEPTH, canonicalJson, canonicalJsonObject, quoteJsonString } from './canonical-json';

/**
 * Reference implementation, as short as possible: sorted keys, JSON.stringify for the leaves. (Rebuilding the
 * object with sorted keys and calling JSON.stringify would be wrong: JavaScript puts integer-like keys first.)
 */
function reference(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Small deterministic PRNG so the randomized test is reproducible. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('canonicalJson', () => {
  describe('object keys', () => {
    it('sorts keys by UTF-16 code units, at every level, without whitespace', () => {
      expect(canonicalJson({ b: 1, a: { d: [3, { z: 0, y: 1 }], c: null }, A: true, '': 'leeg', aa: 'x' })).toBe(
        '{"":"leeg","A":true,"a":{"c":null,"d":[3,{"y":1,"z":0}]},"aa":"x","b":1}',
      );
    });

    it('orders integer-like keys as strings, not in JavaScript insertion order', () => {
      expect(canonicalJson({ 10: 'a', 2: 'b', 1: 'c', x: 'd' })).toBe('{"1":"c","10":"a","2":"b","x":"d"}');
    });

    it('compares code units, not code points (RFC 8785 §3.2.3)', () => {
      // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FFFD by code unit (after it by code point).
      const obj = { '\uFFFD': 1, '\u{1F600}': 2, é: 3, z: 4 };
      expect(canonicalJson(obj)).toBe('{"z":4,"é":3,"😀":2,"\uFFFD":1}');
    });

    it('sorts many keys (built-in sort path) the same as few', () => {
      const obj: Record<string, number> = {};
      for (let i = 40; i > 0; i--) obj[`k${(i * 7919) % 101}`] = i;
      expect(canonicalJson(obj)).toBe(reference(obj));
    });

    it('omits members whose value is undefined, like JSON.stringify', () => {
      expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    });

    it('accepts null-prototype objects and objects from another realm', () => {
      const bare = Object.create(null) as Record<string, unknown>;
      bare.b = 2;
      bare.a = 1;
      expect(canonicalJson(bare)).toBe('{"a":1,"b":2}');
      expect(canonicalJson(runInNewContext('({ b: [1, { d: 1, c: 2 }], a: "x" })'))).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
    });

    it('escapes keys like strings', () => {
      expect(canonicalJson({ 'a"b': 1, 'tab\t': 2 })).toBe('{"a\\"b":1,"tab\\t":2}');
    });
  });

  describe('strings', () => {
    it('keeps non-ASCII characters literally and escapes like JSON.stringify', () => {
      expect(canonicalJson('Ëén “opmerking” — 😀')).toBe('"Ëén “opmerking” — 😀"');
      expect(canonicalJson('a"b\\c\n\r\t\b\f\u0001\u001f\u007f\u2028')).toBe('"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u007f\u2028"');
    });

    it('escapes lone surrogates as lowercase \\udxxx (well-formed JSON.stringify)', () => {
      expect(canonicalJson('x\uD800y')).toBe('"x\\ud800y"');
      expect(canonicalJson('\uDFFF')).toBe('"\\udfff"');
    });

    it('quoteJsonString equals JSON.stringify for every BMP character and for pairs', () => {
      for (let c = 0; c < 0x10000; c++) {
        const s = `a${String.fromCharCode(c)}b`;
        if (quoteJsonString(s) !== JSON.stringify(s)) throw new Error(`differs at U+${c.toString(16)}`);
      }
      expect(quoteJsonString('\u{1F600}\u{10FFFF}')).toBe(JSON.stringify('\u{1F600}\u{10FFFF}'));
    });
  });

  describe('numbers', () => {
    it.each([
      [0, '0'],
      [-0, '0'],
      [1, '1'],
      [-1.5, '-1.5'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [123456789012345680000, '123456789012345680000'],
      [1e-6, '0.000001'],
      [1e-7, '1e-7'],
      [5e-324, '5e-324'],
      [Number.MAX_SAFE_INTEGER, '9007199254740991'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [-1e-7, '-1e-7'],
    ])('%p → %s', (n, text) => {
      expect(canonicalJson(n)).toBe(text);
      expect(canonicalJson([n])).toBe(`[${text}]`);
    });

    it.each([NaN, Infinity, -Infinity])('rejects %p', (n) => {
      expect(() => canonicalJson({ a: [1, n] })).toThrow(new CanonicalJsonError(`non-finite number ${n}`, '$.a[1]'));
    });
  });

  describe('values JSON cannot represent', () => {
    const cases: Array<[string, () => unknown, string, RegExp]> = [
      ['undefined at the top', () => undefined, '$', /undefined/],
      ['undefined in an array', () => ({ a: [1, undefined] }), '$.a[1]', /undefined/],
      // eslint-disable-next-line no-sparse-arrays
      ['a hole in an array', () => [1, , 3], '$[1]', /hole/],
      ['BigInt', () => ({ n: 10n }), '$.n', /BigInt/],
      ['a function', () => ({ f: () => 1 }), '$.f', /function/],
      ['a toJSON method (never called)', () => ({ toJSON: () => 'x' }), '$.toJSON', /function/],
      ['a symbol', () => ({ s: Symbol('x') }), '$.s', /symbol/],
      ['a Date', () => ({ when: new Date(0) }), '$.when', /Date is not allowed \(convert it to an ISO 8601 string/],
      ['a Map', () => ({ m: new Map() }), '$.m', /Map is not a plain object/],
      ['a Set', () => [new Set([1])], '$[0]', /Set is not a plain object/],
      ['a Buffer', () => ({ b: Buffer.from('x') }), '$.b', /Buffer is not a plain object/],
      ['a class instance', () => ({ x: new (class Dossier {})() }), '$.x', /Dossier is not a plain object/],
      ['a key that needs quoting', () => ({ 'a b': { c: NaN } }), '$["a b"].c', /non-finite/],
    ];

    it.each(cases)('rejects %s, naming the path', (_name, make, path, message) => {
      let error: unknown;
      try {
        canonicalJson(make());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CanonicalJsonError);
      expect((error as CanonicalJsonError).path).toBe(path);
      expect((error as CanonicalJsonError).message).toMatch(message);
      expect((error as CanonicalJsonError).message).toContain(`at ${path}`);
    });

    it('rejects cyclic and absurdly deep structures instead of overflowing the stack', () => {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      expect(() => canonicalJson(cyclic)).toThrow(/nesting deeper than/);
      let deep: unknown = 'leaf';
      for (let i = 0; i < MAX_CANONICAL_DEPTH; i++) deep = [deep];
      expect(() => canonicalJson(deep)).not.toThrow();
      expect(() => canonicalJson([deep])).toThrow(/nesting deeper than/);
    });
  });

  it('canonicalJsonObject accepts only objects', () => {
    expect(canonicalJsonObject({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(() => canonicalJsonObject([1])).toThrow(/expected a JSON object, got an array/);
    expect(() => canonicalJsonObject(null)).toThrow(/expected a JSON object, got null/);
    expect(() => canonicalJsonObject('x')).toThrow(/expected a JSON object, got string/);
    expect(() => canonicalJsonObject(new Date(0))).toThrow(/Date is not allowed/);
  });

  it('agrees with a naive reference on random JSON values, and is stable under re-parsing', () => {
    const rnd = prng(8785);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const strings = ['', 'a', 'é', '😀', '"', '\\', '\n', '\u0000', 'x\uD800', 'Drents Panel', '\u2028', 'ÿ', '10', '1'];
    const gen = (depth: number): unknown => {
      const r = rnd();
      if (depth > 4 || r < 0.35) {
        return pick<unknown>([null, true, false, pick(strings), (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20), Math.floor(rnd() * 1000)]);
      }
      if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rnd() * 6); i > 0; i--) o[pick(strings) + pick(strings)] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 2000; i++) {
      const v = gen(0);
      const text = canonicalJson(v);
      expect(text).toBe(reference(v));
      expect(canonicalJson(JSON.parse(text))).toBe(text);
    }
  });
});

/**
 * Issue #14 asked whether a kept RFC 8785 implementation can replace the serializer. `canonicalize` (erdtman, the
 * reference implementation the RFC names, installed) is checked here byte for byte against `canonicalJson`. It agrees
 * on every value the format allows except strings with an unpaired surrogate, which it refuses ("Lone surrogate is
 * not allowed"), while the format writes them as `\udxxx` (docs/audit-format.md section 3) and stored events may hold
 * them. So it cannot write the same bytes on the existing vectors; the hand-written serializer stays, with this
 * conformance check against the maintained implementation. (`canonicalize` is ESM-only; it runs in a child process.)
 */
describe('canonicalJson against canonicalize (RFC 8785)', () => {
  /** canonicalize(value) for each value, in a child Node process: the text, or the error message. */
  function canonicalizeAll(values: unknown[]): ({ text: string } | { error: string })[] {
    const dir = mkdtempSync(join(tmpdir(), 'kw-jcs-'));
    try {
      const file = join(dir, 'values.bin');
      writeFileSync(file, serialize(values));
      const script = `
        import canonicalize from 'canonicalize';
        import { readFileSync } from 'node:fs';
        import { deserialize } from 'node:v8';
        const out = deserialize(readFileSync(process.argv[1])).map((v) => {
          try { return { text: canonicalize(v) }; } catch (e) { return { error: e.message }; }
        });
        process.stdout.write(JSON.stringify(out));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: join(__dirname, '..', '..'), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as ({ text: string } | { error: string })[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const rnd = prng(8785 * 2);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const strings = ['', 'a', 'é', '😀', '"', '\\', '\n', '\u0000', '\u001f', 'Drents Panel', '\u2028', 'ÿ', '10', '1', '\uFFFD', 'Ëén “opmerking” —', 'B'];
  const gen = (depth: number): unknown => {
    const r = rnd();
    if (depth > 4 || r < 0.35) {
      return pick<unknown>([null, true, false, pick(strings), (rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20), Math.floor(rnd() * 1000), -0, 1e21, 5e-324, 0.1 + 0.2]);
    }
    if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 4) }, () => gen(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 6); i > 0; i--) o[pick(strings) + pick(strings)] = gen(depth + 1);
    return o;
  };

  it('writes the same bytes as canonicalize on every value without an unpaired surrogate', () => {
    const values: unknown[] = [
      { b: 1, a: { d: [3, { z: 0, y: 1 }], c: null }, A: true, '': 'leeg', aa: 'x' },
      { 10: 'a', 2: 'b', 1: 'c', x: 'd' },
      { '\uFFFD': 1, '\u{1F600}': 2, é: 3, z: 4 },
      { numbers: [0, -0, 1.5, -2, 1e21, 1e-7, 0.1 + 0.2, 5e-324, Number.MAX_SAFE_INTEGER, 123456789012345680000] },
      { text: 'regel 1\nregel 2\ttab "quote" \\ backslash \u0001 \u007f \u2028 pair:😀' },
      ...Array.from({ length: 1500 }, () => gen(0)),
    ];
    const theirs = canonicalizeAll(values);
    values.forEach((v, i) => expect({ i, ...theirs[i] }).toEqual({ i, text: canonicalJson(v) }));
  });

  it('differs only where the format keeps what RFC 8785 refuses: an unpaired surrogate', () => {
    const values = ['x\uD800y', { 'k\uDC00': 1 }, ['\uDBFF']];
    const theirs = canonicalizeAll(values);
    expect(theirs.map((t) => ('error' in t ? t.error : t.text))).toEqual(values.map(() => 'Lone surrogate is not allowed'));
    expect(values.map((v) => canonicalJson(v))).toEqual(['"x\\ud800y"', '{"k\\udc00":1}', '["\\udbff"]']);
  });
});
