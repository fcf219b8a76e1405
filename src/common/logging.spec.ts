import pino from 'pino';
import { Writable } from 'node:stream';
import { formatForTerminal, pinoOptions, terminalStream } from './logging';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('the service log', () => {
  it('maps LOG_LEVEL to pino levels: debug lines only at debug, "log" is info', () => {
    const c = capture();
    const log = pino(pinoOptions('log'), c.stream);
    log.debug('hidden');
    log.info('shown');
    expect(c.lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['shown']);
    expect(pino(pinoOptions('debug')).level).toBe('debug');
    expect(pino(pinoOptions('error')).level).toBe('error');
  });

  it('redacts authorization, cookies, tokens and secrets wherever they are logged', () => {
    const c = capture();
    const log = pino(pinoOptions('log'), c.stream);
    log.info({ req: { headers: { authorization: 'Bearer kw_x.geheim1', cookie: 'sid=geheim2' } }, res: { headers: { 'set-cookie': 'sid=geheim3' } }, user: { token: 'geheim4' }, oidc: { clientSecret: 'geheim5' }, token: 'geheim6' }, 'x');
    expect(c.lines).toHaveLength(1);
    expect(c.lines[0]).not.toMatch(/geheim/);
    expect(JSON.parse(c.lines[0])).toMatchObject({ req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } }, token: '[redacted]' });
  });

  it('prints a readable line on a terminal, coloured only when asked', () => {
    const line = JSON.stringify({ level: 30, time: '2026-03-02T09:00:01.234Z', pid: 1, context: 'TimerJob', msg: '2026-03-02: 1 timer(s) expired', req: { id: 'r1' }, res: { statusCode: 200 }, durationMs: 4 });
    expect(formatForTerminal(line, false)).toBe('09:00:01.234 INFO  [TimerJob] 2026-03-02: 1 timer(s) expired  reqId=r1 status=200 durationMs=4\n');
    expect(formatForTerminal(line)).toContain('\u001b[32mINFO ');
    expect(formatForTerminal('not json')).toBe('not json');
    const out = capture();
    const log = pino(pinoOptions('log'), terminalStream(out.stream));
    log.warn('let op');
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        expect(out.lines[0]).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} /);
        expect(out.lines[0]).toContain('\u001b[33mWARN ');
        resolve();
      }),
    );
  });
});
