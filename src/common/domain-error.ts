/**
 * Errors are coded in the domain and mapped to HTTP once (problem-details.filter.ts). Services throw
 * `DomainError`, never an HttpException: a refused transition must not look like bad input.
 */

export const ERROR_CODES = [
  'validation-failed',
  'malformed-json',
  'payload-too-large',
  'unsupported-media-type',
  'not-found',
  'route-not-found',
  'method-not-allowed',
  'requirements-unmet',
  'version-conflict',
  'event-not-allowed',
  'invalid-state',
  'waiver-not-allowed',
  'waiver-conflict',
  'evidence-conflict',
  'limit-reached',
  'unauthenticated',
  'forbidden',
  'rate-limited',
  'header-too-large',
  'malformed-request',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One invalid field: its path in the request (`data.participatieparagraaf.doel`, `query.limit`) and what is wrong, in
 * English (`message`). The problem filter turns `message` into Dutch (problem-text.ts) unless `nl` gives the Dutch
 * sentence already; the response carries only `{ field, message }`.
 */
export interface FieldError {
  field: string;
  message: string;
  nl?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra members of the problem+json body (e.g. `unmetRequirements`, `errors`). */
    readonly details: Record<string, unknown> = {},
    /** The detail in Dutch; without it the problem filter words one from the code and the details (problem-text.ts). */
    readonly nl?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(errors: FieldError[], message = 'The request is not valid.', nl?: string): DomainError {
    return new DomainError('validation-failed', message, { errors }, nl);
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError('not-found', `${what} ${id} does not exist.`, { resource: what, id });
  }
}

/**
 * A refusal (403) and what the access log keeps of it: the actions refused, the dossier and why (`reason`, default
 * `role`), and the route pattern when a guard refused. Whoever answers the request writes the log entry, with the path
 * (the exception filters, or a web page that shows the refusal itself): the code that refuses does not know the path.
 */
export class AccessDenied extends DomainError {
  constructor(readonly denied: { actions: readonly string[]; dossierId?: string | null; reason?: string; route?: string }, ...text: [message: string, details?: Record<string, unknown>, nl?: string]) {
    super('forbidden', ...text);
  }
}
