import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Harness, startHarness } from '../support/harness';

/**
 * Property-based fuzzing of the HTTP surface (issue: "throw thousands of random and malformed bodies, query
 * strings, headers and ids at every write endpoint"). Every answer must be a 4xx application/problem+json,
 * never a 5xx, and the database must be exactly as it was, except for the audit events of refused requests.
 *
 * The write endpoints are taken from the OpenAPI document of the running app; every one of them needs a valid
 * body template below (a new endpoint fails the coverage test until it has one). The templates are proven
 * valid first, on a twin fixture, so a mutated body that is refused is refused because of its mutation, and
 * a 2xx during fuzzing is a real failure.
 */
jest.setTimeout(120_000);

// ---------------------------------------------------------------------------------------------------------
// JSON values, including ones JSON.stringify cannot produce (raw number literals, very deep nesting)
// ---------------------------------------------------------------------------------------------------------

/** JSON text inserted as-is; `kind` is what JSON.parse makes of it. */
class RawJson {
  constructor(
    readonly text: string,
    readonly kind: 'number' | 'array' | 'object',
  ) {}
  toString(): string {
    return this.text.length > 80 ? `${this.text.slice(0, 40)}…(${this.text.length} chars)` : this.text;
  }
}
type Value = null | boolean | number | string | RawJson | Value[] | { [key: string]: Value };
type JsonObject = { [key: string]: Value };

function toJson(v: Value): string {
  if (v instanceof RawJson) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${toJson(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

const isPlainObject = (v: Value): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RawJson);

/** Set an own property, even `__proto__`. */
function setKey(o: JsonObject, key: string, value: Value): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(v: Value): Value {
  if (v instanceof RawJson || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone);
  const out: JsonObject = {};
  for (const k of Object.keys(v)) setKey(out, k, clone(v[k]));
  return out;
}

const nest = (open: '[' | '{"a":', depth: number) => open.repeat(depth) + (open === '[' ? '' : '1') + (open === '[' ? ']' : '}').repeat(depth);

/** Names an object inherits, prototype-pollution keys, mass-assignment guesses and other awkward keys. */
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'then',
  'length',
  '',
  ' ',
  '0',
  '$where',
  'id',
  'version',
  'state',
  'status',
  'createdBy',
  'roles[0]',
  'a.b',
  'ünïcødé',
];

const hugeNumbers = fc.constantFrom<Value>(
  new RawJson('1e400', 'number'),
  new RawJson('-1e400', 'number'),
  new RawJson('1E-400', 'number'),
  new RawJson('-0', 'number'),
  new RawJson('123456789012345678901234567890', 'number'),
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  0.1,
  -1,
);
/** At most ~16 KB of JSON each, so that a few of them stay under BODY_LIMIT_BYTES. */
const longString = fc.integer({ min: 1_000, max: 8_000 }).chain((n) => fc.constantFrom<Value>('a'.repeat(n), 'ä'.repeat(n), '\u0000'.repeat(n / 4), '😀'.repeat(n / 2)));
const deepNesting = fc.tuple(fc.constantFrom<'[' | '{"a":'>('[', '{"a":'), fc.integer({ min: 1, max: 5_000 })).map(
  ([open, depth]) => new RawJson(nest(open, depth), open === '[' ? 'array' : 'object') as Value,
);
const protoObjects = fc.constantFrom<Value>(
  new RawJson('{"__proto__":{"admin":true,"roles":["beheerder"]}}', 'object'),
  new RawJson('{"constructor":{"prototype":{"polluted":true}}}', 'object'),
  new RawJson('{"__proto__":null}', 'object'),
);
const jsonish = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Value>;

/** Any JSON value: mostly small random ones, sometimes huge, long, deep or prototype-polluting. */
const anyValue: fc.Arbitrary<Value> = fc.oneof(
  { weight: 8, arbitrary: jsonish },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: hugeNumbers },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: protoObjects },
);

function jsonKind(v: Value): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (v instanceof RawJson) return v.kind;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'boolean' | 'number' | 'string' | 'object';
}

// ---------------------------------------------------------------------------------------------------------
// OpenAPI schemas → values that are certainly invalid
// ---------------------------------------------------------------------------------------------------------

interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: Record<string, unknown>[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  security?: Record<string, unknown>[];
  components: { schemas: Record<string, Schema> };
}

let components: Record<string, Schema> = {};

function resolve(s: Schema | undefined): Schema | undefined {
  if (!s) return undefined;
  if (s.$ref) return resolve(components[s.$ref.replace('#/components/schemas/', '')]);
  if (s.allOf?.length === 1) {
    const { allOf, ...rest } = s;
    return { ...resolve(allOf[0]), ...rest };
  }
  return s;
}

/** A value that the property described by `raw` can never accept (a type, enum, format, length or bound violation). */
function wrongValue(raw: Schema, required: boolean, template: Value | undefined): fc.Arbitrary<Value> {
  const s = resolve(raw)!;
  const nullOk = !required || s.nullable === true;
  const other = (bad: (kind: ReturnType<typeof jsonKind>) => boolean) =>
    anyValue.filter((v) => {
      const kind = jsonKind(v);
      return bad(kind) && !(kind === 'null' && nullOk);
    });
  const choices: fc.Arbitrary<Value>[] = [];
  const type = s.enum ? 'string' : s.oneOf || s.additionalProperties || s.properties ? 'object' : s.type;
  switch (type) {
    case 'string':
      choices.push(other((k) => k !== 'string'));
      // '¬' occurs in no enum value, uuid, date, uri, requirement id or hash (a pattern that admits any text, such as
      // `^[\s\S]*$` for a free text, is no restriction).
      if (s.enum || s.format || (s.pattern && !new RegExp(s.pattern, 'u').test('¬'))) choices.push(fc.string({ maxLength: 20 }).map((x) => `¬${x}`));
      if (s.minLength && s.minLength > 0) choices.push(fc.integer({ min: 0, max: s.minLength - 1 }).map((n) => 'x'.repeat(n)));
      if (s.maxLength !== undefined) choices.push(fc.integer({ min: s.maxLength + 1, max: s.maxLength + 100 }).map((n) => 'x'.repeat(n)));
      break;
    case 'number':
    case 'integer':
      choices.push(other((k) => k !== 'number'));
      choices.push(fc.constantFrom<Value>(new RawJson('1e400', 'number'), new RawJson('-1e400', 'number')));
      if (s.minimum !== undefined) choices.push(fc.integer({ min: -1_000_000_000, max: Math.ceil(s.minimum) - 1 }), fc.constant(-Number.MAX_VALUE));
      break;
    case 'boolean':
      choices.push(other((k) => k !== 'boolean'), fc.constantFrom<Value>('true', 'false', 0, 1, 'yes', ''));
      break;
    case 'array': {
      choices.push(other((k) => k !== 'array'));
      if (s.minItems && s.minItems > 0) choices.push(fc.constant<Value>([]));
      const sample = Array.isArray(template) && template.length ? template[0] : 'x';
      if (s.maxItems !== undefined) choices.push(fc.integer({ min: s.maxItems + 1, max: s.maxItems + 5 }).map((n) => Array.from({ length: n }, () => clone(sample))));
      if (s.items) choices.push(fc.array(wrongValue(s.items, true, undefined), { minLength: 1, maxLength: 3 }));
      break;
    }
    case 'object':
      choices.push(other((k) => k !== 'object'));
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        const valueSchema = s.additionalProperties;
        choices.push(fc.dictionary(fc.constantFrom('G1-05', 'G2-02', 'X-02'), wrongValue(valueSchema, true, undefined), { minKeys: 1, maxKeys: 3 }));
      }
      break;
    default:
      throw new Error(`no invalid values known for schema ${JSON.stringify(s)}`);
  }
  return fc.oneof(...choices);
}

// ---------------------------------------------------------------------------------------------------------
// Mutations of a valid body: random noise, then exactly one mutation that certainly makes it invalid
// ---------------------------------------------------------------------------------------------------------

type Mutation =
  | { op: 'set'; at: 'body' | 'data'; key: string; value: Value }
  | { op: 'drop'; at: 'body' | 'data'; key: string }
  | { op: 'add'; at: 'body' | 'data'; key: string; value: Value }
  | { op: 'replace'; value: Value };

interface Template {
  body: JsonObject;
  /** Component schema of `body.data` (evidence). */
  data?: string;
}

function unknownKey(known: Set<string>): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ maxLength: 24 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 })).filter((k) => !known.has(k));
}

function mutationsAt(at: 'body' | 'data', schema: Schema, template: JsonObject): { noise: fc.Arbitrary<Mutation>; breaks: fc.Arbitrary<Mutation>[] } {
  const props = schema.properties ?? {};
  const known = new Set([...Object.keys(props), ...Object.keys(template)]);
  const keys = [...known];
  const required = schema.required ?? [];
  const noise: fc.Arbitrary<Mutation>[] = [fc.record({ op: fc.constant('add' as const), at: fc.constant(at), key: unknownKey(known), value: anyValue })];
  if (keys.length) {
    noise.push(fc.record({ op: fc.constant('set' as const), at: fc.constant(at), key: fc.constantFrom(...keys), value: anyValue }));
    noise.push(fc.record({ op: fc.constant('drop' as const), at: fc.constant(at), key: fc.constantFrom(...keys) }));
  }
  const breaks: fc.Arbitrary<Mutation>[] = [fc.record({ op: fc.constant('add' as const), at: fc.constant(at), key: unknownKey(known), value: anyValue })];
  if (required.length) breaks.push(fc.record({ op: fc.constant('drop' as const), at: fc.constant(at), key: fc.constantFrom(...required) }));
  for (const [key, propSchema] of Object.entries(props)) {
    breaks.push(wrongValue(propSchema, required.includes(key), template[key]).map((value): Mutation => ({ op: 'set', at, key, value })));
  }
  return { noise: fc.oneof(...noise), breaks };
}

function applyMutation(body: Value, m: Mutation): Value {
  if (m.op === 'replace') return m.value;
  if (!isPlainObject(body)) return body;
  const target = m.at === 'body' ? body : body.data;
  if (!isPlainObject(target)) return body;
  if (m.op === 'drop') delete target[m.key];
  else setKey(target, m.key, m.value);
  return body;
}

/** Bodies derived from the templates that no server following the OpenAPI schema may accept. */
interface Candidate {
  mutations: Mutation[];
  text: string;
  topLevel: ReturnType<typeof jsonKind>;
}

function invalidBodies(schema: Schema | undefined, templates: Template[]): fc.Arbitrary<Candidate> {
  const perTemplate = templates.map((t, i) => {
    const top = mutationsAt('body', schema ?? { type: 'object', properties: {} }, t.body);
    const noise: fc.Arbitrary<Mutation>[] = [top.noise];
    const breaks = [...top.breaks];
    if (t.data) {
      const dataSchema = resolve({ $ref: `#/components/schemas/${t.data}` })!;
      const inner = mutationsAt('data', dataSchema, t.body.data as JsonObject);
      noise.push(inner.noise);
      breaks.push(...inner.breaks);
    }
    const replace = fc
      .oneof(jsonish.filter((v) => !isPlainObject(v)), deepNesting.filter((v) => jsonKind(v) === 'array'), fc.constantFrom<Value>([], [{}], [t.body]))
      .map((value): Mutation => ({ op: 'replace', value }));
    breaks.push(replace);
    return fc.tuple(fc.array(fc.oneof(...noise), { maxLength: 3 }), fc.oneof(...breaks)).map(([n, b]): Candidate => {
      const mutations = [...n, b];
      const body = mutations.reduce<Value>((acc, m) => applyMutation(acc, m), clone(t.body));
      const text = toJson(body);
      // How fast-check prints a counterexample: the body sent, cut short, not every mutation in full.
      const print = () => `template ${i}, last mutation ${b.op}${'key' in b ? ` ${JSON.stringify(b.key)}` : ''}: ${short(text, 600)}`;
      return Object.assign({ mutations, text, topLevel: jsonKind(body) }, { [fc.toStringMethod]: print });
    });
  });
  return fc.oneof(...perTemplate);
}

// ---------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  contentType: string;
  text: string;
  body: unknown;
}

const PROBLEM_BASE = 'https://kaderwijzer.nl/problems/';
const stats = { requests: 0, denied: 0, refusedTransitions: 0, byStatus: new Map<number, number>() };
/** Fuzzed POSTs the server accepted (2xx): each one is a failure, and it changes what later requests see. */
const acceptedWrites: string[] = [];
let fuzzing = false;
let port = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** One request with exactly these bytes, path and headers (no client-side normalisation or defaults). */
function send(method: string, path: string, headers: Record<string, string>, body?: string | Buffer, opts: { chunked?: boolean } = {}): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const h: Record<string, string> = { ...headers };
    if (payload !== undefined && !opts.chunked) h['Content-Length'] = String(payload.length);
    const big = payload !== undefined && payload.length > 100_000;
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: h, agent: big ? false : agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        const status = res.statusCode ?? 0;
        stats.requests++;
        stats.byStatus.set(status, (stats.byStatus.get(status) ?? 0) + 1);
        const type = (parsed as { type?: unknown } | undefined)?.type;
        if (status === 403) stats.denied++;
        if (fuzzing && method === 'POST' && status >= 200 && status < 300) acceptedWrites.push(`POST ${short(path, 120)} ${short(payload?.toString('utf8') ?? '', 300)} → ${status}`);
        if (status === 409 && (type === `${PROBLEM_BASE}requirements-unmet` || type === `${PROBLEM_BASE}event-not-allowed`)) stats.refusedTransitions++;
        resolvePromise({ status, contentType: String(res.headers['content-type'] ?? ''), text, body: parsed });
      });
      res.on('error', reject);
    });
    req.on('error', (e) => reject(new Error(`${method} ${path.slice(0, 200)}: no HTTP answer (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
    if (payload !== undefined) {
      if (opts.chunked) for (let i = 0; i < payload.length; i += 16_384) req.write(payload.subarray(i, i + 16_384));
      else req.write(payload);
    }
    req.end();
  });
}

const short = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/** RFC 9457 problem details: the right media type, the standard members, status equal to the HTTP status. */
function expectProblem(r: Reply, what: string): { type: string; errors?: { field: string; message: string }[] } {
  const ctx = `${what} → ${r.status} ${r.contentType} ${short(r.text)}`;
  if (r.status >= 500) throw new Error(`server error: ${ctx}`);
  if (!/^application\/problem\+json(;|$)/.test(r.contentType)) throw new Error(`not problem+json: ${ctx}`);
  const p = r.body as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') throw new Error(`problem body is not a JSON object: ${ctx}`);
  if (typeof p.type !== 'string' || !p.type.startsWith(PROBLEM_BASE)) throw new Error(`bad problem type: ${ctx}`);
  if (typeof p.title !== 'string' || !p.title) throw new Error(`problem without title: ${ctx}`);
  if (typeof p.detail !== 'string') throw new Error(`problem without detail: ${ctx}`);
  if (p.status !== r.status) throw new Error(`problem status ${String(p.status)} differs from HTTP status: ${ctx}`);
  if (/\bat \S+ \(|SQLITE_|QueryFailedError|RangeError|TypeError/.test(r.text)) throw new Error(`internals leak into the problem: ${ctx}`);
  if (p.type === `${PROBLEM_BASE}validation-failed`) {
    const errors = p.errors;
    if (!Array.isArray(errors) || errors.length === 0) throw new Error(`validation-failed without errors[]: ${ctx}`);
    for (const e of errors as unknown[]) {
      const fe = e as { field?: unknown; message?: unknown };
      if (typeof fe.field !== 'string' || typeof fe.message !== 'string' || !fe.message) throw new Error(`bad errors[] entry ${JSON.stringify(e)}: ${ctx}`);
    }
  }
  return p as { type: string; errors?: { field: string; message: string }[] };
}

function expectStatus(r: Reply, allowed: number[], what: string): void {
  if (allowed.includes(r.status)) return;
  // After an accepted write, shrinking replays against changed state: say so, with the write that did it.
  const note = acceptedWrites.length ? `\n(the server had already accepted ${acceptedWrites.length} fuzzed write(s); the first: ${acceptedWrites[0]})` : '';
  throw new Error(`expected ${allowed.join('/')}: ${what} → ${r.status} ${r.contentType} ${short(r.text)}${note}`);
}

const code = (p: { type: string }) => p.type.slice(PROBLEM_BASE.length);

// ---------------------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------------------

type UserKey = keyof Harness['users'];
const ALL_USERS: UserKey[] = ['bm', 'bm2', 'tl', 'tl2', 'griffie', 'auditor', 'beheerder'];
const ROLE_OF: Record<UserKey, string> = {
  bm: 'beleidsmedewerker',
  bm2: 'beleidsmedewerker',
  tl: 'teamleider',
  tl2: 'teamleider',
  griffie: 'griffie',
  auditor: 'auditor',
  beheerder: 'beheerder',
};
const READERS = ['beleidsmedewerker', 'teamleider', 'griffie', 'auditor'];
const EVERYONE = [...READERS, 'beheerder'];

interface Fixture {
  strategic: string;
  /** A dossier under 2021, to move to 2025 (issue #16). */
  legacy: string;
  plain: string;
  toAssign: string;
  waiver: string;
  victim: { id: string; tokenId: string; token: string };
  /** The user of the `/users/{id}/tokens` template (a user creates their own tokens). */
  self: string;
}

interface WriteSpec {
  /** The user sending it (a role allowed to). */
  as: UserKey;
  /** Roles the permission table lets through the guard (README). */
  roles: string[];
  params: (fx: Fixture) => Record<string, string>;
  templates: (fx: Fixture, h: Harness) => Template[];
}

const FUTURE = '2030-01-01T00:00:00.000Z';
const MOTIVATION = 'De gemeenten zijn al in een eerder traject geraadpleegd.';

/** Every POST of the API, with a valid body: the coverage test fails when the OpenAPI document has another. */
const WRITES: Record<string, WriteSpec> = {
  '/api/v1/dossiers': {
    as: 'bm',
    roles: ['beleidsmedewerker'],
    params: () => ({}),
    templates: (_fx, h) => [
      {
        body: {
          title: 'Fuzz: Subsidieregeling dorpshuizen',
          strategisch: false,
          strategischMotivatie: 'Beperkte, uitvoerende regeling.',
          besluitvormer: 'GS',
          besluittype: 'beleidsregel',
          instrumentType: 'none',
          herkomst: 'signaal-samenleving',
          herkomstBron: 'Brief van de Vereniging Kleine Kernen',
          // Issue #12: at creation a beleidsmedewerker may name only themself (assigning someone else is the teamleider's).
          assigneeId: h.users.bm.id,
        },
      },
    ],
  },
  '/api/v1/dossiers/{id}/evidence': {
    as: 'bm',
    roles: ['beleidsmedewerker', 'griffie'],
    params: (fx) => ({ id: fx.strategic }),
    templates: (): Template[] => [
      { body: { kind: 'leerpunten', occurredOn: '2026-03-02', data: { leerpunten: 'Eerder met netbeheerders om tafel.', successen: 'Hoge opkomst.' } }, data: 'LeerpuntenDataDto' },
      { body: { kind: 'checkvraag', occurredOn: '2026-02-20', data: { vraag: 'inwonersinitiatief', antwoord: true, toelichting: 'Coöperaties dragen zoekgebieden voor.' } }, data: 'CheckvraagDataDto' },
      {
        body: {
          kind: 'procedure',
          occurredOn: '2026-02-24',
          data: { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: true, motivering: 'Beleidsvoornemen met grote gevolgen.', gsBesluitKenmerk: 'GS 2026-09' },
        },
        data: 'ProcedureInspraakbesluitDto',
      },
    ],
  },
  '/api/v1/dossiers/{id}/transitions': {
    as: 'bm',
    roles: ['beleidsmedewerker'],
    params: (fx) => ({ id: fx.plain }),
    templates: () => [{ body: { event: 'WITHDRAW', expectedVersion: 1, reason: 'Wordt meegenomen in de Omgevingsvisie.', explanations: {} } }], // WITHDRAW needs no explanation: one for G1-05 is refused since issue #11 (it was dropped)
  },
  '/api/v1/dossiers/{id}/waivers': {
    as: 'bm',
    roles: ['beleidsmedewerker'],
    params: (fx) => ({ id: fx.strategic }),
    templates: (_fx, h) => [{ body: { requirementId: 'G1-01', reasonCode: 'anders', motivation: MOTIVATION, approverId: h.users.tl.id } }],
  },
  '/api/v1/dossiers/{id}/waivers/{waiverId}/decision': {
    as: 'tl',
    roles: ['teamleider'],
    params: (fx) => ({ id: fx.strategic, waiverId: fx.waiver }),
    templates: () => [{ body: { decision: 'approve', note: 'Akkoord: eerder traject volstaat.' } }],
  },
  // Issue #16: a dry run writes nothing, so the valid body can be sent again and again.
  '/api/v1/dossiers/{id}/migrations': {
    as: 'tl',
    roles: ['teamleider'],
    params: (fx) => ({ id: fx.legacy }),
    templates: () => [{ body: { targetVersion: '2025', expectedVersion: 1, reason: 'Het kader van 2025 geldt.', dryRun: true } }],
  },
  '/api/v1/dossiers/{id}/assignment': {
    as: 'tl',
    roles: ['teamleider'],
    params: (fx) => ({ id: fx.toAssign }),
    templates: (_fx, h) => [{ body: { assigneeId: h.users.bm2.id, expectedVersion: 1 } }],
  },
  '/api/v1/users': {
    as: 'beheerder',
    roles: ['beheerder'],
    params: () => ({}),
    // Issue #12: auditor together with a role that writes dossiers (griffie) is refused now.
    templates: () => [{ body: { name: 'Fuzz Gebruiker', roles: ['auditor'], tokenExpiresAt: FUTURE } }],
  },
  // Issue #12: a user creates their own tokens (a beheerder only a user's first, which no fixture user lacks).
  '/api/v1/users/{id}/tokens': {
    as: 'griffie',
    roles: EVERYONE,
    params: (fx) => ({ id: fx.self }),
    templates: () => [{ body: { label: 'laptop', expiresAt: FUTURE } }],
  },
  '/api/v1/tokens/{id}/revoke': {
    as: 'beheerder',
    roles: EVERYONE,
    params: (fx) => ({ id: fx.victim.tokenId }),
    // No body is declared: the valid request has none (sent as `{}`), anything in it is an unknown field.
    templates: () => [{ body: {} }],
  },
};

/** Roles allowed on the GET routes with path parameters (README permission table): a 403 for one of them is wrong. */
const READ_ROLES: Record<string, string[]> = {
  '/api/v1/dossiers/{id}': READERS,
  '/api/v1/dossiers/{id}/evidence': READERS,
  '/api/v1/dossiers/{id}/transitions': READERS,
  '/api/v1/dossiers/{id}/waivers': READERS,
  '/api/v1/workflows/{id}/{version}': EVERYONE,
  '/api/v1/dossiers/{id}/history': ['griffie', 'auditor'],
  '/api/v1/dossiers/{id}/state': ['griffie', 'auditor'],
  '/api/v1/dossiers/{id}/flags': ['griffie', 'auditor'],
};

const fill = (route: string, params: Record<string, string>) => route.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);

const TABLES = ['dossier', 'evidence', 'waiver', 'app_user', 'api_token', 'audit_event'] as const;
const STATE_TABLES = ['dossier', 'evidence', 'waiver', 'app_user', 'api_token'] as const;

describe('fuzzing the HTTP API (property-based)', () => {
  let h: Harness;
  let doc: OpenApi;
  let fx: Fixture;
  let revokedToken: string;
  let countsBefore: Record<string, number>;
  let rowsBefore: Map<string, string>;
  let seqBefore: number;
  const started = Date.now();

  const auth = (u: UserKey) => ({ Authorization: `Bearer ${h.users[u].token}` });
  const json = (u: UserKey) => ({ ...auth(u), 'Content-Type': 'application/json' });

  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await h.db.read((tx) => tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`)))!.n);
    return out;
  }
  /** Whole tables, not just counts: an UPDATE (a revoke, an assignment, a decided waiver) changes no count. */
  async function rows(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const t of STATE_TABLES) {
      for (const r of await h.db.read((tx) => tx.all(`SELECT * FROM ${t}`))) {
        out.set(`${t} ${String(r.id)}`, JSON.stringify(t === 'api_token' ? { ...r, last_used_at: null } : r));
      }
    }
    return out;
  }
  /** What changed, row by row: `added …`, `removed …`, `changed … column: before → after`. */
  function diff(before: Map<string, string>, after: Map<string, string>): string[] {
    const out: string[] = [];
    for (const [k, v] of after) if (!before.has(k)) out.push(`added ${k}: ${short(v, 300)}`);
    for (const [k, v] of before) {
      const now = after.get(k);
      if (now === undefined) out.push(`removed ${k}`);
      else if (now !== v) {
        const [a, b] = [JSON.parse(v) as Record<string, unknown>, JSON.parse(now) as Record<string, unknown>];
        const cols = Object.keys(b).filter((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c]));
        out.push(`changed ${k}: ${cols.map((c) => `${c} ${short(JSON.stringify(a[c]), 80)} → ${short(JSON.stringify(b[c]), 80)}`).join(', ')}`);
      }
    }
    return out;
  }

  async function makeFixture(tag: string): Promise<Fixture> {
    const post = async (u: UserKey, url: string, body: object, status = 201) => {
      const r = await send('POST', url, json(u), JSON.stringify(body));
      if (r.status !== status) throw new Error(`fixture ${tag}: POST ${url} → ${r.status} ${r.text}`);
      return r.body as Record<string, unknown>;
    };
    const strategic = await post('bm', '/api/v1/dossiers', { title: `Fuzz ${tag}: Regionale Energiestrategie`, strategisch: true, besluitvormer: 'PS' });
    const dossier = { title: `Fuzz ${tag}: Dorpshuizen`, strategisch: false, strategischMotivatie: 'Uitvoerend.', besluitvormer: 'GS', besluittype: 'beleidsregel', instrumentType: 'none', herkomst: 'signaal-samenleving' };
    const plain = await post('bm', '/api/v1/dossiers', dossier);
    const legacy = await post('bm', '/api/v1/dossiers', { ...dossier, title: `Fuzz ${tag}: Onder 2021`, workflow: { id: 'drenthe-verbindend-besturen', version: '2021' } });
    const toAssign = await post('bm', '/api/v1/dossiers', { ...dossier, title: `Fuzz ${tag}: Toe te wijzen` });
    const waiver = await post('bm', `/api/v1/dossiers/${String(strategic.id)}/waivers`, { requirementId: 'G1-03', reasonCode: 'anders', motivation: MOTIVATION });
    const victim = await post('beheerder', '/api/v1/users', { name: `Fuzz ${tag}: Vera Victim`, roles: ['griffie'] });
    return {
      strategic: String(strategic.id),
      legacy: String(legacy.id),
      plain: String(plain.id),
      toAssign: String(toAssign.id),
      waiver: String(waiver.id),
      victim: { id: String((victim.user as { id: string }).id), tokenId: String(victim.tokenId), token: String(victim.token) },
      self: h.users.griffie.id,
    };
  }

  const writeOps = () =>
    Object.entries(doc.paths).flatMap(([route, ops]) => (ops.post ? [{ route, op: ops.post, spec: WRITES[route] }] : [])).filter((w) => w.spec !== undefined);
  const bodySchema = (op: Operation) => op.requestBody?.content['application/json']?.schema;

  beforeAll(async () => {
    // 2021 and 2025 both active, as config/default.json has them: the migration endpoint has a target (issue #16).
    h = await startHarness({
      workflows: {
        versions: [
          { id: 'drenthe-verbindend-besturen', version: '2021', status: 'active' },
          { id: 'drenthe-verbindend-besturen', version: '2025', status: 'active' },
        ],
      },
    });
    await new Promise<void>((ok) => h.app.getHttpServer().listen(0, '127.0.0.1', ok));
    port = (h.app.getHttpServer().address() as AddressInfo).port;
    const d = await send('GET', '/api/docs-json', {});
    expect(d.status).toBe(200);
    doc = d.body as OpenApi;
    components = doc.components.schemas;

    // Prove every template valid on a twin fixture: each one succeeds there.
    const probe = await makeFixture('probe');
    for (const { route, spec } of writeOps()) {
      for (const t of spec.templates(probe, h)) {
        const r = await send('POST', fill(route, spec.params(probe)), json(spec.as), toJson(t.body));
        if (r.status !== 200 && r.status !== 201) throw new Error(`template for POST ${route} is not valid: ${r.status} ${r.text}`);
      }
    }
    revokedToken = probe.victim.token; // revoked by the probe of /tokens/{id}/revoke
    expect((await send('GET', '/api/v1/me', { Authorization: `Bearer ${revokedToken}` })).status).toBe(401);

    fx = await makeFixture('target');
    // Every token has been used once (its lastUsedAt kept, to the minute, on the fixed clock) before the snapshot.
    for (const u of ALL_USERS) expect((await send('GET', '/api/v1/me', auth(u))).status).toBe(200);
    countsBefore = await counts();
    rowsBefore = await rows();
    seqBefore = Number((await h.db.read((tx) => tx.get<{ s: number }>('SELECT MAX(seq) AS s FROM audit_event')))!.s);
    stats.requests = 0;
    stats.denied = 0;
    stats.refusedTransitions = 0;
    stats.byStatus.clear();
    fuzzing = true;
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const byStatus = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz: ${stats.requests} requests in ${seconds} s (${byStatus})`);
    agent.destroy();
    await h?.close();
  });

  it('fuzzes every write endpoint of the OpenAPI document', () => {
    const posts = Object.entries(doc.paths).filter(([, ops]) => ops.post).map(([route]) => route).sort();
    expect(posts).toEqual(Object.keys(WRITES).sort());
  });

  // 1. Mutated bodies: every one is invalid by construction, so every answer is 400 and nothing is written.
  describe('1. a valid body with random noise and one certain defect is refused: 400 problem+json, validation-failed with errors[]', () => {
    it.each(Object.keys(WRITES))('POST %s', async (route) => {
      const w = writeOps().find((x) => x.route === route)!;
      const templates = w.spec.templates(fx, h);
      const url = fill(route, w.spec.params(fx));
      await fc.assert(
        fc.asyncProperty(invalidBodies(resolve(bodySchema(w.op)), templates), async (b) => {
          const r = await send('POST', url, json(w.spec.as), b.text);
          const what = `POST ${url} ${short(b.text)}`;
          expectStatus(r, [400], what);
          const p = expectProblem(r, what);
          // A body that is JSON but not an object or array is refused by the strict parser.
          const expected = b.topLevel === 'object' || b.topLevel === 'array' ? ['validation-failed'] : ['malformed-json', 'validation-failed'];
          if (!expected.includes(code(p))) throw new Error(`expected ${expected.join(' or ')}: ${what} → ${r.text}`);
        }),
        { numRuns: 400 },
      );
    });
  });

  // 2. Bodies that are not JSON, not declared as JSON, or too large.
  describe('2. raw bodies', () => {
    const writes = () => writeOps().map((w) => ({ url: fill(w.route, w.spec.params(fx)), as: w.spec.as, template: toJson(w.spec.templates(fx, h)[0].body) }));

    it('random text and bytes declared as application/json are 400 malformed-json', async () => {
      const parsesToContainer = (b: Buffer) => {
        try {
          const v: unknown = JSON.parse(b.toString('utf8').replace(/^\uFEFF/, ''));
          return v !== null && typeof v === 'object';
        } catch {
          return false;
        }
      };
      const garbage = fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 200 }).map((s) => Buffer.from(s, 'utf8')),
        fc.uint8Array({ minLength: 1, maxLength: 200 }).map((a) => Buffer.from(a)),
        fc.constantFrom('{', '}', '[', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '{a:1}', '{"a":1}//', '/*x*/{}', '{"a":"\u0001"}', '{"a":01}', '\u0000', ' ', '\n\t', 'null', 'true', '42', '"{}"').map((s) => Buffer.from(s, 'utf8')),
      );
      // A valid template, cut short or with a control character inserted: never JSON either.
      const broken = (template: string) =>
        fc.oneof(
          fc.integer({ min: 1, max: template.length - 1 }).map((n) => Buffer.from(template.slice(0, n), 'utf8')),
          fc.integer({ min: 0, max: template.length }).map((n) => Buffer.from(`${template.slice(0, n)}\u0001${template.slice(n)}`, 'utf8')),
        );
      const targets = writes();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: targets.length - 1 }).chain((i) => fc.tuple(fc.constant(i), fc.oneof(garbage, broken(targets[i].template)))),
          fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', 'Application/JSON'),
          async ([i, body], contentType) => {
            fc.pre(!parsesToContainer(body));
            const t = targets[i];
            const r = await send('POST', t.url, { ...auth(t.as), 'Content-Type': contentType }, body);
            const what = `POST ${t.url} (${contentType}) ${JSON.stringify(short(body.toString('latin1'), 120))}`;
            expectStatus(r, [400], what);
            const p = expectProblem(r, what);
            if (code(p) !== 'malformed-json') throw new Error(`expected malformed-json: ${what} → ${r.text}`);
          },
        ),
        { numRuns: 600 },
      );
    });

    it('a body that is not declared as JSON is 415, even a valid one', async () => {
      const isJsonType = (ct: string) => /^application\/([a-z0-9!#$&^_.+-]+\+)?json$/i.test(ct.split(';')[0].trim());
      const contentType = fc
        .oneof(
          fc.constantFrom(
            'text/plain',
            'text/html',
            'text/json',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=----fuzz',
            'application/octet-stream',
            'application/javascript',
            'application/jsonx',
            'application/json-seq',
            'application/jsonp',
            'application/x-json',
            'json',
            'application',
            '*/*',
            'application/*',
            '',
          ),
          fc.tuple(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z0-9.+-]{1,16}$/)).map(([a, b]) => `${a}/${b}`),
          fc.constant(undefined),
        )
        .filter((ct) => ct === undefined || !isJsonType(ct));
      const targets = writes();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: targets.length - 1 }),
          contentType,
          fc.oneof(fc.constant(null), fc.string({ unit: 'binary', minLength: 1, maxLength: 100 })),
          async (i, ct, text) => {
            const t = targets[i];
            const body = Buffer.from(text ?? t.template, 'utf8');
            const headers: Record<string, string> = { ...auth(t.as) };
            if (ct !== undefined) headers['Content-Type'] = ct;
            const r = await send('POST', t.url, headers, body);
            const what = `POST ${t.url} (Content-Type: ${String(ct)}) ${short(body.toString('utf8'), 100)}`;
            expectStatus(r, [415], what);
            const p = expectProblem(r, what);
            if (code(p) !== 'unsupported-media-type') throw new Error(`expected unsupported-media-type: ${what} → ${r.text}`);
          },
        ),
        { numRuns: 400 },
      );
    });

    it('a JSON body over BODY_LIMIT_BYTES is 413, with or without Content-Length', async () => {
      const limit = h.config.bodyLimitBytes;
      const targets = writes();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: targets.length - 1 }),
          fc.integer({ min: 1, max: 200_000 }),
          fc.constantFrom('padded-valid', 'junk'),
          fc.boolean(),
          async (i, extra, shape, chunked) => {
            const t = targets[i];
            const size = limit + extra;
            const body = Buffer.alloc(size, 'a');
            if (shape === 'padded-valid') {
              // {"<template fields>","pad":"aaaa…"}: well-formed JSON, just too large.
              const head = `${t.template.slice(0, -1)}${t.template.length > 2 ? ',' : ''}"pad":"`;
              body.write(head, 0, 'utf8');
              body.write('"}', size - 2, 'utf8');
            }
            const r = await send('POST', t.url, json(t.as), body, { chunked });
            const what = `POST ${t.url} ${shape} body of ${size} bytes${chunked ? ' (chunked)' : ''}`;
            expectStatus(r, [413], what);
            const p = expectProblem(r, what);
            if (code(p) !== 'payload-too-large') throw new Error(`expected payload-too-large: ${what} → ${r.text}`);
          },
        ),
        { numRuns: 40 },
      );
    });
  });

  // 3. Ids in paths.
  it('3. random ids in paths are 400 (not a uuid), 403 (role) or 404, never 5xx', async () => {
    const sql = ["' OR 1=1 --", "1'; DROP TABLE dossier; --", '1 UNION SELECT * FROM api_token', '%27%20OR%201%3D1', '*', '%', '%00', '%zz', '..', '.', '%2e%2e', '%2F', 'null', 'undefined', '0', '-1', 'NaN'];
    // Characters that may stand unencoded in a path ('?' and '#' would end it).
    const urlChars = fc.constantFrom(...'abcdefXYZ0189-_.~%!$&\'()*+,;=:@/[]'.split(''));
    const idArb = fc.oneof(
      fc.uuid().map((u) => ({ id: u, encode: true })),
      fc.uuid().map((u) => ({ id: u.toUpperCase(), encode: true })),
      fc.stringMatching(/^[0-9a-f]{16}$/).map((id) => ({ id, encode: true })),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map((id) => ({ id, encode: true })),
      fc.string({ unit: urlChars, minLength: 1, maxLength: 60 }).map((id) => ({ id, encode: false })),
      fc.constantFrom(...sql).map((id) => ({ id: id.replace(/ /g, '%20'), encode: false })),
      fc.constantFrom(...sql).map((id) => ({ id, encode: true })),
      fc.integer({ min: 100, max: 4_000 }).map((n) => ({ id: 'a'.repeat(n), encode: false })),
      fc.uuid().map((u) => ({ id: `${u}x`, encode: true })),
      fc.uuid().map((u) => ({ id: ` ${u}`, encode: true })),
    );
    const real: Record<string, (route: string) => string> = {
      id: (route) => (route.startsWith('/api/v1/users') ? fx.victim.id : route.startsWith('/api/v1/workflows') ? 'drenthe-verbindend-besturen' : fx.strategic),
      waiverId: () => fx.waiver,
      tokenId: () => fx.victim.tokenId,
      version: () => '2021',
    };
    const routes = Object.entries(doc.paths).flatMap(([route, ops]) =>
      (['get', 'post'] as const).filter((m) => ops[m] && route.includes('{')).map((method) => ({ route, method, names: [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((r) =>
          fc.tuple(
            fc.constant(r),
            fc.array(fc.oneof(idArb.map((x) => ({ ...x, real: false })), fc.constant({ id: '', encode: false, real: true })), { minLength: r.names.length, maxLength: r.names.length }).filter((xs) => xs.some((x) => !x.real)),
            fc.constantFrom(...ALL_USERS),
          ),
        ),
        async ([r, ids, user]) => {
          const values = Object.fromEntries(
            r.names.map((n, i) => [n, ids[i].real ? (real[n]?.(r.route) ?? fx.strategic) : ids[i].encode ? encodeURIComponent(ids[i].id) : ids[i].id]),
          );
          const url = fill(r.route, values);
          const spec = r.method === 'post' ? WRITES[r.route] : undefined;
          const body = r.method === 'post' ? toJson(spec?.templates(fx, h)[0].body ?? {}) : undefined;
          const reply = await send(r.method.toUpperCase(), url, body === undefined ? auth(user) : json(user), body);
          const what = `${r.method.toUpperCase()} ${short(url, 200)} as ${ROLE_OF[user]}`;
          expectStatus(reply, [400, 403, 404], what);
          expectProblem(reply, what);
          const roles = r.method === 'post' ? spec?.roles : READ_ROLES[r.route];
          if (reply.status === 403 && roles?.includes(ROLE_OF[user])) throw new Error(`403 for an allowed role on an id that does not exist: ${what} → ${reply.text}`);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('3b. an id longer than the HTTP header limit is still answered with problem+json', async () => {
    const r = await send('GET', `/api/v1/dossiers/${'a'.repeat(20_000)}`, auth('auditor'));
    expectStatus(r, [400, 404, 414, 431], 'GET /api/v1/dossiers/<20000 × a>');
    expectProblem(r, 'GET /api/v1/dossiers/<20000 × a>');
  });

  // 4. Query strings.
  describe('4. random query strings are 200 when every parameter is valid and 400 problem+json otherwise', () => {
    type Param = { key: string; value: string; valid: boolean; known: boolean };
    const encodeParam = (p: Param) => `${encodeURIComponent(p.key)}=${encodeURIComponent(p.value)}`;
    const unknownParam = (known: string[]) =>
      fc
        .tuple(fc.oneof(fc.constantFrom(...NASTY_KEYS), fc.string({ minLength: 1, maxLength: 16 })), fc.string({ maxLength: 16 }))
        .filter(([k]) => k !== '' && !known.includes(k))
        .map(([key, value]): Param => ({ key, value, valid: false, known: false }));
    const badInt = fc.constantFrom('0', '-1', '201', '1.5', '1e2', '', 'abc', ' 5', '99999999999999999999', '0x10', 'NaN', 'Infinity', '-0');
    const badOffset = fc.constantFrom('-1', '1.5', 'abc', '', '1e3', '0x10', '99999999999999999999', ' 1', 'NaN');
    const notIn = (values: readonly string[]) => fc.string({ maxLength: 20 }).filter((s) => !values.includes(s));

    async function run(url: string, params: Record<string, { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string> }>, check: (body: unknown, query: Record<string, string>) => void) {
      const known = Object.keys(params);
      const knownParam = fc.constantFrom(...known).chain((key) =>
        fc.oneof(params[key].valid.map((value): Param => ({ key, value, valid: true, known: true })), params[key].invalid.map((value): Param => ({ key, value, valid: false, known: true }))),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof({ weight: 3, arbitrary: knownParam }, { weight: 1, arbitrary: unknownParam(known) }), { maxLength: 5 }), async (ps) => {
          const query = ps.map(encodeParam).join('&');
          const full = query ? `${url}?${query}` : url;
          const keys = ps.map((p) => p.key);
          // A repeated parameter arrives as an array: invalid.
          const valid = ps.every((p) => p.valid) && new Set(keys).size === keys.length;
          const r = await send('GET', full, auth('auditor'));
          const what = `GET ${short(full, 300)}`;
          if (valid) {
            expectStatus(r, [200], what);
            check(r.body, Object.fromEntries(ps.map((p) => [p.key, p.value])));
          } else {
            expectStatus(r, [400], what);
            const p = expectProblem(r, what);
            if (code(p) !== 'validation-failed') throw new Error(`expected validation-failed: ${what} → ${r.text}`);
          }
        }),
        { numRuns: 400 },
      );
    }

    it('GET /api/v1/dossiers', async () => {
      const schema = doc.paths['/api/v1/dossiers'].get.parameters!.map((p) => p.name).sort();
      expect(schema).toEqual(['assigneeId', 'besluitvormer', 'limit', 'offset', 'phase', 'q', 'strategisch']);
      const phases = (resolve((doc.paths['/api/v1/dossiers'].get.parameters as { name: string; schema?: Schema }[]).find((p) => p.name === 'phase')!.schema)!.enum ?? []) as string[];
      expect(phases.length).toBeGreaterThan(5);
      await run(
        '/api/v1/dossiers',
        {
          phase: { valid: fc.constantFrom(...phases), invalid: notIn(phases) },
          strategisch: { valid: fc.constantFrom('true', 'false'), invalid: notIn(['true', 'false']) },
          besluitvormer: { valid: fc.constantFrom('PS', 'GS'), invalid: notIn(['PS', 'GS']) },
          assigneeId: { valid: fc.uuid({ version: 4 }), invalid: fc.string({ maxLength: 40 }).map((s) => `¬${s}`) },
          q: { valid: fc.string({ maxLength: 100 }), invalid: fc.integer({ min: 201, max: 400 }).map((n) => 'q'.repeat(n)) },
          limit: { valid: fc.integer({ min: 1, max: 200 }).map(String), invalid: badInt },
          offset: { valid: fc.integer({ min: 0, max: 100_000_000 }).map(String), invalid: badOffset },
        },
        (body, query) => {
          const page = body as { items: unknown[]; total: number; limit: number; offset: number };
          expect(Array.isArray(page.items)).toBe(true);
          expect(page.limit).toBe(query.limit === undefined ? 50 : Number(query.limit));
          expect(page.offset).toBe(query.offset === undefined ? 0 : Number(query.offset));
          expect(page.items.length).toBeLessThanOrEqual(page.limit);
        },
      );
    });

    it('GET /api/v1/dossiers/{id}/evidence', async () => {
      const kinds = (resolve((doc.paths['/api/v1/dossiers/{id}/evidence'].get.parameters as { name: string; schema?: Schema }[]).find((p) => p.name === 'kind')!.schema)!.enum ?? []) as string[];
      expect(kinds).toContain('leerpunten');
      await run(
        `/api/v1/dossiers/${fx.strategic}/evidence`,
        {
          kind: { valid: fc.constantFrom(...kinds), invalid: notIn(kinds) },
          includeSuperseded: { valid: fc.constantFrom('true', 'false'), invalid: notIn(['true', 'false']) },
        },
        (body, query) => {
          expect(Array.isArray(body)).toBe(true);
          if (query.kind) for (const e of body as { kind: string }[]) expect(e.kind).toBe(query.kind);
        },
      );
    });
  });

  // 5. Authorization headers.
  it('5. a missing, malformed, unknown, wrong or revoked bearer token is 401 on every endpoint', async () => {
    const b64 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
    const hex16 = fc.stringMatching(/^[0-9a-f]{16}$/);
    const secret = fc.string({ unit: b64, minLength: 43, maxLength: 43 });
    const headerChar = fc.integer({ min: 0x20, max: 0xff }).filter((c) => c < 0x7f || c >= 0xa0).map((c) => String.fromCharCode(c));
    const mutateReal = fc.tuple(fc.constantFrom(...ALL_USERS), fc.nat(), b64, fc.constantFrom('flip', 'truncate', 'append', 'upper-prefix', 'swap-dot', 'double')).map(([u, n, c, how]) => {
      const token = h.users[u].token;
      const i = 20 + (n % 43); // a position inside the secret
      switch (how) {
        case 'flip':
          return `Bearer ${token.slice(0, i)}${c === token[i] ? (c === 'A' ? 'B' : 'A') : c}${token.slice(i + 1)}`;
        case 'truncate':
          return `Bearer ${token.slice(0, i)}`;
        case 'append':
          return `Bearer ${token}${c}`;
        case 'upper-prefix':
          return `Bearer KW_${token.slice(3)}`;
        case 'swap-dot':
          return `Bearer ${token.replace('.', '_')}`;
        default:
          return `Bearer ${token} ${token}`;
      }
    });
    const header = fc.oneof(
      fc.constant<string | undefined>(undefined),
      fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer', 'Basic dXNlcjpwYXNz', 'Token abc', 'Bearer null', 'Bearer undefined', "Bearer ' OR 1=1 --", 'Bearer kw_', 'Bearer kw_.'),
      fc.string({ unit: headerChar, maxLength: 120 }),
      fc.string({ unit: headerChar, minLength: 1, maxLength: 120 }).map((s) => `Bearer ${s}`),
      fc.tuple(hex16, secret).map(([id, s]) => `Bearer kw_${id}.${s}`),
      fc.tuple(fc.constantFrom(...ALL_USERS), secret).map(([u, s]) => `Bearer kw_${h.users[u].token.slice(3, 19)}.${s}`),
      fc.constantFrom(...ALL_USERS).map((u) => `Basic ${h.users[u].token}`),
      fc.constant(`Bearer ${revokedToken}`),
      mutateReal,
    );
    const ops = Object.entries(doc.paths).flatMap(([route, methods]) =>
      Object.entries(methods)
        // Secured: the operation's own requirement, or else the document's global one, names a scheme.
        .filter(([, op]) => (op.security ?? doc.security ?? []).some((req) => Object.keys(req).length > 0))
        .map(([method]) => ({ route, method })),
    );
    const params = (route: string): Record<string, string> =>
      WRITES[route]?.params(fx) ?? { id: route.startsWith('/api/v1/workflows') ? 'drenthe-verbindend-besturen' : fx.strategic, version: '2021' };
    expect(ops.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), header, async ({ route, method }, authorization) => {
        const url = fill(route, params(route));
        const headers: Record<string, string> = {};
        if (authorization !== undefined) headers.Authorization = authorization;
        let body: string | undefined;
        if (method === 'post') {
          headers['Content-Type'] = 'application/json';
          body = toJson(WRITES[route]?.templates(fx, h)[0].body ?? {});
        }
        const r = await send(method.toUpperCase(), url, headers, body);
        const what = `${method.toUpperCase()} ${url} with Authorization: ${authorization === undefined ? '(none)' : JSON.stringify(short(authorization, 120))}`;
        expectStatus(r, [401], what);
        const p = expectProblem(r, what);
        if (code(p) !== 'unauthenticated') throw new Error(`expected unauthenticated: ${what} → ${r.text}`);
      }),
      { numRuns: 600 },
    );
  });

  // Last: what all of the above did to the database.
  it('left every table as it was; the only new audit events are those of refused requests; the chain verifies', async () => {
    const after = await counts();
    const actions = await h.db.read((tx) => tx.all<{ action: string; n: number }>('SELECT action, COUNT(*) AS n FROM audit_event WHERE seq > ? GROUP BY action ORDER BY action', [seqBefore]));
    const byAction = Object.fromEntries(actions.map((a) => [a.action, Number(a.n)]));
    const verify = await send('GET', '/api/v1/audit/verify', auth('auditor'));
    const { audit_event: auditAfter, ...stateAfter } = after;
    const { audit_event: auditBefore, ...stateBefore } = countsBefore;
    // One comparison, so that a failure shows everything that went wrong at once.
    expect({
      acceptedWrites,
      changedRows: diff(rowsBefore, await rows()),
      rowCounts: stateAfter,
      unexpectedAuditActions: Object.keys(byAction).filter((a) => a !== 'access.denied' && a !== 'transition.refused'),
      // Every 403 is audited (README: "a refusal is 403 problem+json and an access.denied audit event"), and so
      // is every refused transition; nothing else leaves a trace.
      accessDenied: byAction['access.denied'] ?? 0,
      transitionRefused: byAction['transition.refused'] ?? 0,
      newAuditEvents: auditAfter - auditBefore,
      verify: { status: verify.status, ok: (verify.body as { ok?: unknown } | undefined)?.ok },
    }).toEqual({
      acceptedWrites: [],
      changedRows: [],
      rowCounts: stateBefore,
      unexpectedAuditActions: [],
      accessDenied: stats.denied,
      transitionRefused: stats.refusedTransitions,
      newAuditEvents: stats.denied + stats.refusedTransitions,
      verify: { status: 200, ok: true },
    });
  });
});
