import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { ActorContext } from './actor';

/**
 * The service's log (pino): JSON lines when stdout is not a terminal (a file, journald, a collector), readable
 * coloured lines on a terminal. Nothing secret: request headers are not logged at all, and the paths below are
 * redacted wherever they occur in a logged object.
 */

export type LogLevelSetting = 'error' | 'warn' | 'log' | 'debug';

/** `LOG_LEVEL` (Nest's names) as pino levels. */
const PINO_LEVEL: Record<LogLevelSetting, pino.Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

/** Where a secret could sit in a logged object: headers, cookies, tokens, secrets. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.idToken',
  '*.clientSecret',
  '*.password',
  'token',
  'clientSecret',
];

const COLOURS: Record<string, string> = { fatal: '\u001b[35m', error: '\u001b[31m', warn: '\u001b[33m', info: '\u001b[32m', debug: '\u001b[36m', trace: '\u001b[90m' };
const RESET = '\u001b[39m';

/** One JSON log line as a short readable line, for a terminal: `09:14:03 INFO  [TimerJob] message  key=value`. */
export function formatForTerminal(line: string, colour = true): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { level, time, msg, context, pid: _pid, hostname: _host, req, res, ...rest } = o;
  const label = pino.levels.labels[Number(level)] ?? String(level);
  const when = typeof time === 'string' ? time.slice(11, 23) : new Date(Number(time)).toISOString().slice(11, 23);
  const head = `${when} ${colour ? `${COLOURS[label] ?? ''}${label.toUpperCase().padEnd(5)}${RESET}` : label.toUpperCase().padEnd(5)}`;
  const ctx = typeof context === 'string' ? ` [${context}]` : '';
  const r = req as { id?: string } | undefined;
  const extra = Object.entries({ reqId: r?.id, status: (res as { statusCode?: number } | undefined)?.statusCode, ...rest })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${head}${ctx} ${typeof msg === 'string' ? msg : JSON.stringify(msg ?? '')}${extra ? `  ${extra}` : ''}\n`;
}

/** A destination that prints each line readably (the terminal case). */
export function terminalStream(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) out.write(formatForTerminal(line));
      done();
    },
  });
}

/** Where the log goes and from which level: what the service (main.ts) and a test hand to createApp. */
export interface LogSetup {
  level: LogLevelSetting;
  destination: DestinationStream;
}

/** stdout: JSON lines, or readable lines when stdout is a terminal. */
export function logToStdout(level: LogLevelSetting): LogSetup {
  return { level, destination: process.stdout.isTTY ? terminalStream() : pino.destination({ dest: 1, sync: true }) };
}

/** pino's settings: level, ISO 8601 times (UTC), the process id, redaction. */
export function pinoOptions(level: LogLevelSetting): LoggerOptions {
  return {
    level: PINO_LEVEL[level],
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
}

type LoggedRequest = Omit<IncomingMessage, 'id'> & {
  id?: string | number | object;
  actor?: ActorContext;
  originalUrl?: string;
  baseUrl?: string;
  route?: { path?: string };
};

/** The path of a URL, without its query (a query may carry a code or a state). */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * nestjs-pino's `pinoHttp` (pino-http's settings and the destination): one line per request when it is answered,
 * with request id, method, path, route, status, duration, client address, and the authenticated user and role(s).
 * Never headers, bodies or queries. pino-http builds the logger itself: it brings its own pino, whose loggers
 * it alone can extend.
 */
export function httpLogOptions(setup: LogSetup): [PinoHttpOptions, DestinationStream] {
  const options: PinoHttpOptions = {
    ...(pinoOptions(setup.level) as PinoHttpOptions),
    // src/common/request-id.ts has set req.id (and the X-Request-Id header) already.
    genReqId: (req) => (req as LoggedRequest).id ?? '',
    customAttributeKeys: { responseTime: 'durationMs' },
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string; raw?: LoggedRequest }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.raw?.originalUrl ?? req.url),
        clientAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    // Evaluated again when the response is finished: the actor (set by the AuthGuard) and the matched route are known then.
    customProps: (raw) => {
      const req = raw as LoggedRequest;
      return { user: req.actor?.id, roles: req.actor?.roles, route: req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : undefined };
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf((req as LoggedRequest).originalUrl ?? req.url)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf((req as LoggedRequest).originalUrl ?? req.url)} ${res.statusCode}`,
  };
  return [options, setup.destination];
}
