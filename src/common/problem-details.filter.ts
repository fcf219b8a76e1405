import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, FieldError } from './domain-error';
import { ERROR_TITLES, fieldErrors, Lang, negotiateLanguage, problemDetail } from './problem-text';

/** The HTTP status of every error code. A code without one does not compile. */
export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  'validation-failed': HttpStatus.BAD_REQUEST,
  'malformed-json': HttpStatus.BAD_REQUEST,
  'payload-too-large': HttpStatus.PAYLOAD_TOO_LARGE,
  'unsupported-media-type': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'not-found': HttpStatus.NOT_FOUND,
  'route-not-found': HttpStatus.NOT_FOUND,
  'method-not-allowed': HttpStatus.METHOD_NOT_ALLOWED,
  'requirements-unmet': HttpStatus.CONFLICT,
  'version-conflict': HttpStatus.CONFLICT,
  'event-not-allowed': HttpStatus.CONFLICT,
  'invalid-state': HttpStatus.CONFLICT,
  'waiver-not-allowed': HttpStatus.UNPROCESSABLE_ENTITY,
  'waiver-conflict': HttpStatus.CONFLICT,
  'evidence-conflict': HttpStatus.CONFLICT,
  'limit-reached': HttpStatus.CONFLICT,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'rate-limited': HttpStatus.TOO_MANY_REQUESTS,
  'header-too-large': 431 as HttpStatus,
  'malformed-request': HttpStatus.BAD_REQUEST,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
};

export const PROBLEM_TYPE_BASE = 'https://kaderwijzer.nl/problems/';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  [extra: string]: unknown;
}

/**
 * The problem+json body of an error, in `lang` (Dutch by default): title, detail and field messages in words a person
 * reads (problem-text.ts); `type`, `status` and `errors[].field` are the same in every language.
 */
export function problemFor(error: DomainError, instance?: string, requestId?: string, lang: Lang = 'nl'): ProblemDetails {
  const status = ERROR_STATUS[error.code];
  const extra: Record<string, unknown> = { ...error.details };
  if (Array.isArray(extra.errors)) extra.errors = fieldErrors(extra.errors as FieldError[], lang);
  // The standard members come last: a detail can never overwrite `status` or `type`.
  return {
    ...extra,
    type: PROBLEM_TYPE_BASE + error.code,
    title: ERROR_TITLES[error.code][lang],
    status,
    detail: problemDetail(error, lang),
    instance,
    requestId,
  };
}

/** Send an error as problem+json in the language the request asks for (`Accept-Language`; Dutch by default). */
export function sendProblem(req: Request & { id?: string }, res: Response, error: DomainError): void {
  const lang = negotiateLanguage(req.headers?.['accept-language']);
  const instance = req.originalUrl?.split('?')[0];
  let body: ProblemDetails;
  try {
    body = problemFor(error, instance, req.id, lang);
  } catch (e) {
    // Wording must never cost an answer: a request whose problem cannot be worded still gets one, in plain terms.
    new Logger('Problem').error(`[${req.id}] wording ${error.code} failed: ${(e as Error)?.stack ?? String(e)}`);
    const status = ERROR_STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    body = { type: PROBLEM_TYPE_BASE + error.code, title: ERROR_TITLES[error.code]?.[lang] ?? 'Error', status, detail: ERROR_TITLES[error.code]?.[lang] ?? 'Error', instance, requestId: req.id };
  }
  res.status(body.status).type('application/problem+json').set('Content-Language', lang).vary('Accept-Language').send(JSON.stringify(body));
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
 * body (the log has them, under the request id). A refusal (AccessDenied) is written to the access log first, with the
 * request's path, by `logRefusal` (AccessLog.refused); one that cannot be written is answered as an internal error.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(private readonly logRefusal: (req: Request, e: unknown) => Promise<void> = () => Promise.resolve()) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const requestId = req.id;
    exception = await this.logRefusal(req, exception).then(() => exception, (e: unknown) => e);
    let domain = toDomainError(exception);
    if (!domain) {
      this.logger.error(`[${requestId}] ${req.method} ${req.path}: ${(exception as Error)?.stack ?? String(exception)}`);
      domain = new DomainError('internal', 'An internal error occurred. Quote the request id when you report it.');
    }
    if (res.headersSent) return;
    sendProblem(req, res, domain);
  }
}
