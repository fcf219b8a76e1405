import { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AccessLog } from './audit';
import { Clock, DomainError, FieldError, LogSetup, ProblemDetailsFilter, problemFor, requestId, sendProblem, strictValidationPipe, toDomainError } from './common';
import { AppConfig } from './config';
import { Db } from './database';
import { publishOpenApi } from './openapi';
import { isWebPath } from './web';

export interface CreateAppOptions {
  config: AppConfig;
  db: Db;
  clock?: Clock;
  logger?: LoggerService | LogLevel[] | false;
  /** The service's log (src/common/logging.ts); replaces `logger` and adds a line per request. */
  log?: LogSetup;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i;

/** Deeper than any body the API accepts; past it, validators would recurse without end. */
export const MAX_BODY_DEPTH = 32;

/**
 * Keys that name members of every JavaScript object. Mappers and validators treat them specially (prototype
 * pollution, skipped "unknown field" checks), so no body or query may use them anywhere.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * Check a parsed JSON value without recursion (no input can overflow the stack): its nesting depth and its
 * keys. Returns the first problem as a field error, or null.
 */
export function inspectJson(value: unknown, limit: number, root = 'body'): FieldError | null {
  const stack: Array<[unknown, number, string]> = [[value, 1, root]];
  while (stack.length) {
    const [v, depth, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return { field: root, message: `is nested more than ${limit} levels deep` };
    if (Array.isArray(v)) v.forEach((child, i) => stack.push([child, depth + 1, `${path}[${i}]`]));
    else
      for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
        const field = path === 'body' ? key : `${path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) return { field, message: 'is not allowed' };
        stack.push([child, depth + 1, field]);
      }
  }
  return null;
}

/** A body that is not JSON is refused before it reaches a controller (415), and so is a broken one (400/413). */
function jsonBody(limitBytes: number) {
  const parse = express.json({ limit: limitBytes, strict: true, type: () => true });
  return (req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return next();
    if (!JSON_TYPE.test(req.headers['content-type'] ?? ''))
      return sendProblem(req, res, new DomainError('unsupported-media-type', 'Send the body as application/json.'));
    parse(req, res, (err?: unknown) => {
      if (err) return sendProblem(req, res, toDomainError(err) ?? new DomainError('malformed-json', 'Unreadable body.'));
      const problem = inspectJson(req.body, MAX_BODY_DEPTH);
      if (problem) return sendProblem(req, res, DomainError.validation([problem]));
      next();
    });
  };
}

/**
 * Issue #12: responses carry tokens and dossier data, so no cache (browser, proxy) may keep them; and a request with
 * more than one Authorization header is ambiguous (Node keeps only the first), so it is refused before anything reads it.
 */
function noStoreAndOneAuthorization(req: Request & { id?: string }, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  let n = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === 'authorization') n++;
  if (n > 1) return sendProblem(req, res, DomainError.validation([{ field: 'headers.authorization', message: 'must be sent once', nl: 'De kopregel Authorization mag maar één keer worden meegestuurd.' }]));
  next();
}

/** Build the HTTP application on an open database. Used by main.ts, the e2e tests and the benchmarks. */
export async function createApp(opts: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(opts), {
    bodyParser: false,
    ...(opts.log ? { bufferLogs: true } : { logger: opts.logger ?? ['error', 'warn', 'log'] }),
    cors: opts.config.corsOrigins.length ? { origin: opts.config.corsOrigins, credentials: false } : false,
  });
  if (opts.log) app.useLogger(app.get(PinoNestLogger));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestId);
  // No upgrade-insecure-requests: the Swagger UI must load over plain http on localhost and internal networks.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(noStoreAndOneAuthorization);
  // The web pages post HTML forms (application/x-www-form-urlencoded); the API takes JSON only.
  const apiBody = jsonBody(opts.config.bodyLimitBytes);
  const formBody = express.urlencoded({ extended: false, limit: opts.config.bodyLimitBytes, parameterLimit: 2000 });
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => (isWebPath(req.path) ? formBody(req, res, next) : apiBody(req, res, next)));
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const problem = inspectJson(req.query, 4, 'query');
    return problem ? sendProblem(req, res, DomainError.validation([problem])) : next();
  });
  const accessLog = app.get(AccessLog);
  app.useGlobalFilters(new ProblemDetailsFilter((req, e) => accessLog.refused(req, e)));
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  const doc = publishOpenApi(app, opts.config);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  app.getHttpServer().on('clientError', (err: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
    if (!socket.writable) return;
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const error = tooLarge
      ? new DomainError('header-too-large', 'The request line or headers are too large.')
      : new DomainError('malformed-request', 'The HTTP request could not be parsed.');
    const body = JSON.stringify(problemFor(error));
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\nContent-Type: application/problem+json\r\nContent-Language: nl\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return app;
}
