import { ConsoleLogger } from '@nestjs/common';
import { Harness, startHarness } from '../support/harness';

class CapturingLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  override log(message: unknown, ...rest: unknown[]) {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  override error(message: unknown, ...rest: unknown[]) {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  override warn(message: unknown, ...rest: unknown[]) {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
}

describe('hardening', () => {
  let h: Harness;
  const logger = new CapturingLogger();
  beforeAll(async () => {
    h = await startHarness({ bodyLimitBytes: 4096 }, { logger });
  });
  afterAll(async () => {
    await h.close();
  });

  it('sends security headers and a request id on every response, and echoes a safe incoming one', async () => {
    const res = await h.http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await h.http().get('/health').set('X-Request-Id', 'griffie-42').expect(200);
    expect(echoed.headers['x-request-id']).toBe('griffie-42');
    const unsafe = await h.http().get('/health').set('X-Request-Id', 'a b<script>').expect(200);
    expect(unsafe.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('refuses oversize bodies (413), non-JSON bodies (415) and malformed JSON (400) as problem+json', async () => {
    const big = await h.as(h.users.bm).post('/api/v1/dossiers', { title: 'x'.repeat(5000), strategisch: false, besluitvormer: 'GS' }).expect(413);
    expect(big.body.type).toMatch(/\/payload-too-large$/);
    const text = await h.as(h.users.bm).post('/api/v1/dossiers').set('Content-Type', 'text/plain').send('title=x').expect(415);
    expect(text.headers['content-type']).toMatch(/application\/problem\+json/);
    const broken = await h.as(h.users.bm).post('/api/v1/dossiers').set('Content-Type', 'application/json').send('{"title": ').expect(400);
    expect(broken.body.type).toMatch(/\/malformed-json$/);
  });

  it('names every invalid and unknown field in a 400, and creates nothing', async () => {
    const before = await h.as(h.users.bm).get('/api/v1/dossiers').expect(200);
    const res = await h.as(h.users.bm).post('/api/v1/dossiers', { title: 42, strategisch: 'ja', besluitvormer: 'Koning', extra: 1 }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'strategisch', 'besluitvormer', 'extra']));
    const after = await h.as(h.users.bm).get('/api/v1/dossiers').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers unknown routes and ids with 404/400 problem+json, never a stack trace', async () => {
    const route = await h.as(h.users.bm).get('/api/v1/nope').expect(404);
    expect(route.body.type).toMatch(/\/route-not-found$/);
    const id = await h.as(h.users.bm).get("/api/v1/dossiers/1' OR '1'='1").expect(400);
    expect(id.body.errors[0].field).toBe('path.id');
    const missing = await h.as(h.users.bm).get('/api/v1/dossiers/6f1c1f47-2b0e-4f67-9a8e-0c1d2e3f4a5b').expect(404);
    expect(missing.body.type).toMatch(/\/not-found$/);
    expect(JSON.stringify(missing.body)).not.toMatch(/at \w+ \(|node_modules|SELECT/);
  });

  it('keeps CORS closed unless configured', async () => {
    const res = await h.http().get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never writes tokens to the log', async () => {
    await h.as(h.users.bm).get('/api/v1/me').expect(200);
    await h.http().get('/api/v1/me').set('Authorization', 'Bearer kw_0123456789abcdef.not-a-real-secret-not-a-real-secret-not-a-r').expect(401);
    const log = logger.lines.join('\n');
    expect(log).toContain('/api/v1/me');
    expect(log).not.toContain(h.users.bm.token);
    expect(log).not.toContain(h.users.bm.token.split('.')[1]);
    expect(log).not.toContain('not-a-real-secret');
  });
});

describe('rate limiting and CORS when configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimitPerMinute: 5, corsOrigins: ['https://griffie.drenthe.nl'] });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers 429 problem+json past the per-token limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.as(h.users.auditor).get('/api/v1/me')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[6]).toBe(429);
    const res = await h.as(h.users.auditor).get('/api/v1/me').expect(429);
    expect(res.body.type).toMatch(/\/rate-limited$/);
  });

  it('allows a configured origin', async () => {
    const res = await h.http().get('/health').set('Origin', 'https://griffie.drenthe.nl');
    expect(res.headers['access-control-allow-origin']).toBe('https://griffie.drenthe.nl');
  });
});

describe('deeply nested bodies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([40, 1500, 5000])('answers a body nested %d levels deep with a 400 naming the body, never a 500', async (depth) => {
    const body = `{"title":"x","strategisch":false,"besluitvormer":"GS","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await h.as(h.users.bm).post('/api/v1/dossiers').set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('body');
  });
});
