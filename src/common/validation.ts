import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from './domain-error';

/** The most items a list in a request may have (also published as `maxItems`, src/openapi/bounds.ts). */
export const LIST_MAX_ITEMS = 100;

/** Flatten class-validator's error tree into `{ field: 'a.b[0].c', message }` entries. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) {
      // Messages start with the property name; strip it as text (a key may hold any character).
      const text = message === `property ${e.property} should not exist` ? 'is not allowed' : message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message;
      out.push({ field, message: text });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/**
 * The global pipe for bodies and query-parameter DTOs alike (src/common/query-dto.ts): a query parameter's error
 * is named `query.<name>`.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (e) {
      if (metadata.type !== 'query' || !(e instanceof DomainError) || e.code !== 'validation-failed') throw e;
      const errors = (e.details.errors ?? []) as FieldError[];
      throw DomainError.validation(errors.map((f) => ({ ...f, field: `query.${f.field}` })));
    }
  }
}

/** The strict global pipe: unknown fields are errors, types are enforced, and every error names its field. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => DomainError.validation(flattenValidationErrors(errors)),
  });
}

/** A UUID (versions 1–8, the RFC variant), in either case: the ids the API and the command line accept. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A path id that must be a uuid: anything else is a 400 naming the parameter, never a database lookup. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID_RE.test(value)) throw DomainError.validation([{ field: `path.${meta.data ?? 'id'}`, message: 'must be a UUID' }]);
    return value.toLowerCase();
  }
}
