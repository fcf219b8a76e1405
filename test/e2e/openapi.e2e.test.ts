import type { OpenAPIObject } from '@nestjs/swagger';
import { staleResponseBounds } from '../../src/openapi/response-bounds';
import { Harness, startHarness } from '../support/harness';

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
  maxProperties?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
};
type Operation = {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
};

/** The OpenAPI document is a contract: every operation, its security, its errors and its limits. */
describe('OpenAPI document', () => {
  let h: Harness;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
    info: { description: string };
    security?: Array<Record<string, unknown>>;
  };
  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.http().get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await h.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
  const isPublic = (path: string) => path === '/health';

  it('declares the bearer security scheme and the limits', () => {
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.info.description).toMatch(/bytes/);
    expect(doc.info.description).toMatch(/requests per minute/);
  });

  it('puts every endpoint except /health behind the bearer scheme, with 401, 403 and 429 problem+json', () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations()) {
      if (isPublic(path)) continue;
      // An operation without its own `security` has the document's (the bearer scheme); `[{}]` means public.
      const security = (op.security ?? doc.security ?? []) as Array<Record<string, unknown>>;
      if (!security.some((s) => 'bearer' in s)) missing.push(`${method} ${path}: security`);
      for (const status of ['401', '403', '429']) {
        if (!op.responses[status]?.content?.['application/problem+json']) missing.push(`${method} ${path}: ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('applies every entry of the response-bounds catalogue (none names a schema or property the document lacks)', () => {
    expect(staleResponseBounds(doc as unknown as OpenAPIObject)).toEqual([]);
  });

  it('lets /health through without a token, and only it', () => {
    const open = operations().filter(({ op }) => JSON.stringify(op.security ?? doc.security) === '[{}]').map(({ path }) => path);
    expect(open).toEqual(['/health']);
  });

  it('gives each problem status a oneOf of problem types told apart by `type`, so a body matches exactly one', () => {
    const schemas = doc.components.schemas as Record<string, Schema & { required?: string[]; discriminator?: { propertyName: string } }>;
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const ref = response.content?.['application/problem+json']?.schema?.$ref;
        expect([`${method} ${path} ${status}`, ref]).toEqual([`${method} ${path} ${status}`, `#/components/schemas/Problem${status}`]);
      }
    }
    const conflict = schemas.Problem409;
    expect(conflict.discriminator?.propertyName).toBe('type');
    const types = conflict.oneOf!.map((branch) => {
      const s = schemas[branch.$ref!.split('/').pop()!];
      expect(s.required).toContain('type');
      expect(s.properties!.type.enum).toHaveLength(1);
      return s.properties!.type.enum![0];
    });
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining([expect.stringMatching(/requirements-unmet$/), expect.stringMatching(/version-conflict$/)]));
  });

  it('documents a 400 problem+json wherever input can be wrong (bodies, parameters)', () => {
    const missing = operations()
      .filter(({ path, op }) => !isPublic(path) && (op.requestBody || op.parameters?.length))
      .filter(({ op }) => !op.responses['400']?.content?.['application/problem+json'])
      .map(({ path, method }) => `${method} ${path}`);
    expect(missing).toEqual([]);
  });

  it('documents a success response for every operation: JSON with a schema, files (CSV, JSON Lines) by media type', () => {
    const missing = operations()
      .filter(({ op }) =>
        !Object.entries(op.responses).some(
          ([s, r]) => s.startsWith('2') && Object.entries(r.content ?? {}).some(([type, c]) => c.schema || type === 'text/csv' || type === 'application/x-ndjson'),
        ),
      )
      .map(({ path, method }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    const jsonWithoutSchema = operations().flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([s, r]) => s.startsWith('2') && r.content?.['application/json'] && !r.content['application/json'].schema)
        .map(([s]) => `${method} ${path} ${s}`),
    );
    expect(jsonWithoutSchema).toEqual([]);
  });

  it('gives every POST with input a request body, and limits every string and array in request bodies', () => {
    const unbounded: string[] = [];
    const seen = new Set<string>();
    const walk = (s: Schema | undefined, at: string) => {
      if (!s) return;
      if (s.$ref) {
        const name = s.$ref.split('/').pop()!;
        if (seen.has(name)) return;
        seen.add(name);
        return walk(doc.components.schemas[name], name);
      }
      for (const sub of [...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.anyOf ?? [])]) walk(sub, at);
      if (s.type === 'string' && s.maxLength === undefined && !s.enum && !s.format && !s.pattern) unbounded.push(`${at}: string without maxLength`);
      if (s.type === 'array') {
        if (s.maxItems === undefined) unbounded.push(`${at}: array without maxItems`);
        walk(s.items, `${at}[]`);
      }
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}.${k}`);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${at}.*`);
    };
    for (const { path, method, op } of operations()) {
      if (method !== 'post') continue;
      const body = op.requestBody?.content['application/json']?.schema;
      if (!body && !path.endsWith('/revoke')) unbounded.push(`${method} ${path}: no request body`);
      walk(body, `${method} ${path}`);
    }
    expect(unbounded).toEqual([]);
    // The walk reached the evidence kinds and their nested parts, not just the envelopes.
    expect(seen.size).toBeGreaterThan(20);
    expect(seen).toContain('ParticipatieparagraafPlanDto');
  });
});
