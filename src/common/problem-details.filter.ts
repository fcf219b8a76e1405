import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';

export const PROBLEM_TYPE_BASE = 'https://kaderwijzer.nl/problems/';

/** Every error code, mapped once to its HTTP status and title. A code without a mapping does not compile. */
export const ERROR_HTTP: Record<ErrorCode, { status: HttpStatus; title: string }> = {
  'validation-failed': { status: HttpStatus.BAD_REQUEST, title: 'The request is not valid' },
  'malformed-json': { status: HttpStatus.BAD_REQUEST, title: 'The request body is not valid JSON' },
  'payload-too-large': { status: HttpStatus.PAYLOAD_TOO_LARGE, title: 'The request body is too large' },
  'unsupported-media-type': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, title: 'The request body must be application/json' },
  'not-found': { status: HttpStatus.NOT_FOUND, title: 'Not found' },
  'route-not-found': { status: HttpStatus.NOT_FOUND, title: 'No such endpoint' },
  'method-not-allowed': { status: HttpStatus.METHOD_NOT_ALLOWED, title: 'Method not allowed' },
  'requirements-unmet': { status: HttpStatus.CONFLICT, title: 'Requirements of the transition are not met' },
  'version-conflict': { status: HttpStatus.CONFLICT, title: 'The dossier changed since you read it' },
  'event-not-allowed': { status: HttpStatus.CONFLICT, title: 'The dossier does not accept this event in its current phase' },
  'invalid-state': { status: HttpStatus.CONFLICT, title: 'The dossier is not in a state that allows this' },
  'waiver-not-allowed': { status: HttpStatus.UNPROCESSABLE_ENTITY, title: 'This requirement cannot be waived' },
  'waiver-conflict': { status: HttpStatus.CONFLICT, title: 'The waiver cannot be decided or used in its current state' },
  'evidence-conflict': { status: HttpStatus.CONFLICT, title: 'The evidence record cannot be superseded' },
  unauthenticated: { status: HttpStatus.UNAUTHORIZED, title: 'Authentication required' },
  forbidden: { status: HttpStatus.FORBIDDEN, title: 'Your role does not allow this' },
  'rate-limited': { status: HttpStatus.TOO_MANY_REQUESTS, title: 'Too many requests' },
  'header-too-large': { status: 431 as HttpStatus, title: 'Request headers too large' },
  'malformed-request': { status: HttpStatus.BAD_REQUEST, title: 'Malformed HTTP request' },
  internal: { status: HttpStatus.INTERNAL_SERVER_ERROR, title: 'Internal error' },
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

export function problemFor(error: DomainError, instance?: string, requestId?: string): ProblemDetails {
  const { status, title } = ERROR_HTTP[error.code];
  // The standard members come last: a detail can never overwrite `status` or `type`.
  return { ...error.details, type: PROBLEM_TYPE_BASE + error.code, title, status, detail: error.message, instance, requestId };
}

/** Translate what Express/Nest raise before our code runs (body parser, unknown route) into domain codes. */
export function toDomainError(exception: unknown): DomainError | null {
  if (exception instanceof DomainError) return exception;
  const e = exception as { type?: string; status?: number; statusCode?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return new DomainError('malformed-json', 'The request body is not valid JSON.');
  if (e?.type === 'entity.too.large') return new DomainError('payload-too-large', e.message ?? 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new DomainError('unsupported-media-type', 'Unsupported body encoding or charset.');
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return new DomainError('route-not-found', 'There is no endpoint at this path.');
    if (status === 429) return new DomainError('rate-limited', 'Too many requests; slow down and retry later.');
    if (status === 401) return new DomainError('unauthenticated', 'A valid bearer token is required.');
    if (status === 403) return new DomainError('forbidden', 'Your role does not allow this.');
    if (status === 405) return new DomainError('method-not-allowed', 'Method not allowed.');
    if (status === 413) return new DomainError('payload-too-large', 'The request body is too large.');
    if (status === 415) return new DomainError('unsupported-media-type', 'The request body must be application/json.');
    if (status >= 400 && status < 500) return DomainError.validation([{ field: 'request', message: exception.message }], exception.message);
  }
  return null;
}

/**
 * RFC 9457 problem+json for every error. Unknown errors become a 500 with no stack trace or SQL in the
 * body (the log has them, under the request id).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = req.id;
    let domain = toDomainError(exception);
    if (!domain) {
      this.logger.error(`[${requestId}] ${req.method} ${req.path}: ${(exception as Error)?.stack ?? String(exception)}`);
      domain = new DomainError('internal', 'An internal error occurred. Quote the request id when you report it.');
    }
    const body = problemFor(domain, req.originalUrl?.split('?')[0], requestId);
    if (res.headersSent) return;
    res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}
