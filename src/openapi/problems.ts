/**
 * The problem+json bodies of the published document: one schema per error code, each with its `type` as a
 * one-value enum, and per HTTP status a `oneOf` of the codes sent with that status, discriminated on `type`.
 * So a 409 body matches exactly one schema (requirements-unmet, version-conflict, …), never "any problem".
 */
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ANY_TEXT, ERROR_CODES, ERROR_STATUS, ERROR_TITLES, ErrorCode, NON_BLANK, PROBLEM_TYPE_BASE, REQUIREMENT_ID, UUID } from '../common';

type Schema = SchemaObject | ReferenceObject;

/** How long a problem `detail` may be: messages are one or two sentences with a few ids in them. */
export const DETAIL_MAX = 4000;

/** The HTTP statuses of the error codes a routed request can get (431 and the unroutable 400 come from the socket). */
export function problemStatuses(): number[] {
  return [...new Set(ERROR_CODES.map((c) => Number(ERROR_STATUS[c])))].sort((a, b) => a - b);
}

export const problemSchemaName = (code: ErrorCode): string =>
  `${code
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}Problem`;

export const problemStatusSchemaName = (status: number): string => `Problem${status}`;

const text = (max: number, description?: string): SchemaObject => ({ type: 'string', maxLength: max, ...NON_BLANK, ...(description ? { description } : {}) });
const PHASE: SchemaObject = { type: 'string', maxLength: 64, pattern: '^[a-z][a-z-]*$', description: 'The phase (state) of the dossier.' };
const seqNumber = (description: string): SchemaObject => ({ type: 'integer', format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description });

/**
 * The extension members each code carries besides type/title/status/detail/instance/requestId. The problem
 * objects stay open (RFC 9457, section 3.2: clients ignore members they do not know); these are the ones
 * the service sends today.
 */
function extensions(code: ErrorCode, fieldMax: number): { properties: Record<string, Schema>; required?: string[] } {
  switch (code) {
    case 'validation-failed':
      return {
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            minItems: 1,
            maxItems: MAX_FIELD_ERRORS,
            description: `One entry per invalid field (at most ${MAX_FIELD_ERRORS}).`,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['field', 'message'],
              properties: {
                field: { type: 'string', maxLength: fieldMax, ...ANY_TEXT, description: 'Path of the field: `data.participatieparagraaf.doel`, `query.limit`, `path.id`.', example: 'data.participatieparagraaf.doel' },
                message: { ...text(DETAIL_MAX), example: 'must not be empty' },
              },
            },
          },
        },
      };
    case 'not-found':
      return {
        properties: {
          resource: { type: 'string', maxLength: 64, pattern: '^[A-Za-z][A-Za-z ]*$', description: 'What was not found (Dossier, Waiver, User, …).' },
          id: { type: 'string', maxLength: 200, ...ANY_TEXT, description: 'The id that was looked up.' },
          at: { type: 'string', format: 'date-time', maxLength: 40, description: 'The moment asked for (state at a moment).' },
        },
      };
    case 'forbidden':
      return {
        properties: {
          requiredActions: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z.-]*$' }, description: 'The actions of which your roles allow none.' },
          requirementId: REQUIREMENT_ID,
          reason: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z-]*$', description: 'Why the dossier is closed to you (not-assigned, not-ps-side).' },
        },
      };
    case 'requirements-unmet':
      return {
        required: ['to', 'unmetRequirements'],
        properties: {
          to: PHASE,
          unmetRequirements: {
            type: 'array',
            maxItems: 200,
            description: 'One entry per unmet requirement of the transition.',
            items: { $ref: '#/components/schemas/UnmetRequirementDto' },
          },
        },
      };
    case 'version-conflict':
      return {
        properties: {
          expectedVersion: seqNumber('The version you sent.'),
          currentVersion: { ...seqNumber('The version the dossier is at (null when it could not be read).'), nullable: true },
        },
      };
    case 'event-not-allowed':
      return {
        properties: {
          phase: PHASE,
          event: { type: 'string', maxLength: 64, ...ANY_TEXT },
          acceptedEvents: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64, pattern: '^[A-Z][A-Z_]*$' } },
        },
      };
    case 'invalid-state':
      return { properties: { phase: PHASE, firstBroken: { type: 'object', maxProperties: 20, description: 'The first broken audit event.' } } };
    case 'waiver-conflict':
      return {
        properties: {
          requirementId: REQUIREMENT_ID,
          waiverStatus: { type: 'string', enum: ['requested', 'approved', 'rejected', 'used'] },
          waiverId: UUID,
        },
      };
    case 'evidence-conflict':
      return { properties: { evidenceId: UUID } };
    case 'limit-reached':
      return {
        required: ['resource', 'limit'],
        properties: {
          resource: { type: 'string', enum: ['evidence', 'waivers'], description: 'What the dossier holds the most of.' },
          limit: { type: 'integer', format: 'int32', minimum: 1, maximum: 1_000_000, description: 'How many one dossier may hold.' },
        },
      };
    default:
      return { properties: {} };
  }
}

/** The service never sends more field errors than this in one 400 (DomainError.validation keeps the first ones). */
export const MAX_FIELD_ERRORS = 100;

/** The problem schemas, by name: one per code and one `oneOf` per status. */
export function problemSchemas(opts: { fieldMax: number }): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = {};
  for (const code of ERROR_CODES) {
    const status = ERROR_STATUS[code];
    const ext = extensions(code, opts.fieldMax);
    out[problemSchemaName(code)] = {
      type: 'object',
      description: `RFC 9457 problem details for \`${code}\` (HTTP ${status}).`,
      required: ['type', 'title', 'status', 'detail', ...(ext.required ?? [])],
      properties: {
        type: { type: 'string', enum: [PROBLEM_TYPE_BASE + code], description: 'Ends in the error code.' },
        title: { type: 'string', enum: [...new Set([ERROR_TITLES[code].nl, ERROR_TITLES[code].en])], description: 'In Dutch, or English for `Accept-Language: en`.' },
        status: { type: 'integer', format: 'int32', minimum: Number(status), maximum: Number(status), enum: [Number(status)] },
        detail: text(DETAIL_MAX, 'What went wrong, for a person.'),
        instance: { type: 'string', maxLength: 16_384, pattern: '^\\S+$', description: 'The path of the request.', example: '/api/v1/dossiers' },
        requestId: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9._-]{1,64}$', description: 'The X-Request-Id of the request; quote it in a report.' },
        ...ext.properties,
      },
    };
  }
  for (const status of problemStatuses()) {
    const codes = ERROR_CODES.filter((c) => Number(ERROR_STATUS[c]) === status);
    const refs = codes.map((c) => ({ $ref: `#/components/schemas/${problemSchemaName(c)}` }));
    out[problemStatusSchemaName(status)] = {
      description: `Every problem sent with HTTP ${status}: ${codes.join(', ')}. \`type\` tells which.`,
      oneOf: refs,
      discriminator: { propertyName: 'type', mapping: Object.fromEntries(codes.map((c, i) => [PROBLEM_TYPE_BASE + c, refs[i].$ref])) },
    };
  }
  return out;
}
