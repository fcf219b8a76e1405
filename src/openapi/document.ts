/**
 * The published OpenAPI document (`/api/docs-json`): what @nestjs/swagger builds from the decorators, plus
 * what holds for every operation and is decided in one place, from what the route really does:
 *  - servers, license, the global bearer requirement (public routes say `[{}]`: no token needed);
 *  - tags with descriptions, and a description on every operation;
 *  - the problem responses every route can give: 400/413/415 (the body and query checks run on every
 *    request), 401 (routes that need a token), 403 (routes with role checks), 429 (the rate limiter runs on
 *    every route) and 500, each `application/problem+json` with the status's `oneOf` of problem types;
 *  - the rate-limit headers the service sends (src/common/rate-limit.guard.ts).
 * `npm run lint:openapi` lints the result with the OAS and OWASP API Security Top 10 rules
 * (scripts/openapi-lint.mjs), and test/e2e/openapi-responses.e2e.test.ts checks real answers against it.
 */
import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  HeaderObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PERMISSION_KEY, PUBLIC_KEY } from '../auth';
import { UUID, UuidParamPipe } from '../common';
import type { AppConfig } from '../config';
import { applyImpliedBounds, applyValidatorBounds } from './bounds';
import { applyResponseBounds } from './response-bounds';
import { problemSchemas, problemStatuses, problemStatusSchemaName } from './problems';

export const PROBLEM_JSON = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** What each tag groups, for the document's reader. */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  health: 'Liveness and database reachability, for load balancers and monitoring (no token needed).',
  users: 'Users, their roles and their API tokens (beheerder), and who you are (`/me`).',
  dossiers: 'Participation dossiers: create, list, read, assign.',
  evidence: 'Evidence records of a dossier: classification, documents, activities, publications, decisions, procedure steps.',
  transitions: 'Moving a dossier to another phase; refused moves say which requirements are unmet.',
  waivers: 'Requests to waive a requirement, and the teamleider’s decision.',
  workflows: 'The workflow definitions (phases, requirements, timers) dossiers run under.',
  compliance: 'Compliance views for the griffie and auditors: per dossier, waivers, timers, startnotities, participation, summary.',
  audit: 'The hash-chained audit trail: verification, history, state at a moment, flags, export.',
  termijnen: 'Legal deadlines (termijnen) of a dossier, computed with the Algemene termijnenwet calendar.',
};

/** Why each cross-cutting status can happen on any route; a controller's own description wins. */
const COMMON_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input (validation-failed, malformed-json): nothing was changed; `errors` names each field.',
  401: 'No valid bearer token (unauthenticated); on a public route, a token was sent that is not valid.',
  403: 'Your role may not do this, or the dossier is not assigned to you (forbidden). Audited.',
  413: 'The body is larger than the configured limit (payload-too-large).',
  415: 'A body was sent that is not application/json (unsupported-media-type).',
  429: 'Rate limit exceeded (rate-limited): wait `Retry-After` seconds.',
  500: 'Internal error: nothing was changed; the body holds no stack trace, quote `requestId` when you report it.',
};

export const RATE_LIMIT_HEADERS = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'] as const;

/** Component name of a header that may be absent on a response (the request was refused before the limiter). */
const optionalHeader = (name: string): string => `${name}.ifLimited`;

function headerComponents(config: AppConfig): Record<string, HeaderObject> {
  const int = (description: string, max: number, required = true): HeaderObject => ({
    description,
    required,
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: max },
  });
  const limit = `Requests allowed in the current window of 60 seconds (${config.rateLimitPerMinute} per route, per token and per IP address; draft-ietf-httpapi-ratelimit-headers). Of the token's and the IP address's windows, the headers describe the one with fewer requests left.`;
  const remaining = 'Requests left in the current window.';
  const reset = 'Seconds until the current window ends.';
  const before = ' Absent when the request was refused by the body or query checks, which run before the rate limiter.';
  return {
    'RateLimit-Limit': int(limit, 1_000_000),
    'RateLimit-Remaining': int(remaining, 1_000_000),
    'RateLimit-Reset': int(reset, 86_400),
    [optionalHeader('RateLimit-Limit')]: int(limit + before, 1_000_000, false),
    [optionalHeader('RateLimit-Remaining')]: int(remaining + before, 1_000_000, false),
    [optionalHeader('RateLimit-Reset')]: int(reset + before, 86_400, false),
    'Retry-After': int('Seconds to wait before the next request (RFC 9110, section 10.2.3).', 86_400),
    'Access-Control-Allow-Origin': {
      description: 'Sent only when CORS_ORIGINS is configured and lists the Origin of the request; it then repeats that origin.',
      required: false,
      schema: { type: 'string', format: 'uri', maxLength: 2048 },
    },
  };
}

/** The route facts the document needs, by operationId (`<Controller>_<method>`, the @nestjs/swagger default). */
interface RouteFacts {
  isPublic: boolean;
  checksRoles: boolean;
  /** Path parameters checked by UuidParamPipe: anything but a UUID is a 400 before any lookup. */
  uuidParams: Set<string>;
}

const PARAM_ARG = `${RouteParamtypes.PARAM}:`;

function uuidParams(cls: object, method: string): Set<string> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, cls.constructor, method) ?? {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
  const out = new Set<string>();
  for (const [key, arg] of Object.entries(args)) {
    if (key.startsWith(PARAM_ARG) && typeof arg.data === 'string' && (arg.pipes ?? []).some((p) => p === UuidParamPipe || p instanceof UuidParamPipe)) out.add(arg.data);
  }
  return out;
}

function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!cls) continue;
      const proto = cls.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        // The descriptor, not proto[name]: a getter on the prototype must not run (it expects an instance).
        const handler: unknown = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const meta = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, cls);
        facts.set(`${cls.name}_${name}`, {
          isPublic: meta(PUBLIC_KEY) === true,
          checksRoles: Array.isArray(meta(PERMISSION_KEY)),
          uuidParams: uuidParams(proto, name),
        });
      }
    }
  }
  return facts;
}

const isRef = (x: unknown): x is ReferenceObject => typeof x === 'object' && x !== null && '$ref' in x;

/** Headers on a response: the rate-limit triplet (optional where the limiter may not have run), Retry-After on 429, CORS. */
function responseHeaders(status: number): Record<string, ReferenceObject> {
  // 400, 413 and 415 may come from the body and query checks, which run before the rate limiter.
  const limiterRan = !(status === 400 || status === 413 || status === 415);
  const ref = (component: string): ReferenceObject => ({ $ref: `#/components/headers/${component}` });
  const headers: Record<string, ReferenceObject> = {};
  for (const name of RATE_LIMIT_HEADERS) headers[name] = ref(limiterRan ? name : optionalHeader(name));
  if (status === 429) headers['Retry-After'] = ref('Retry-After');
  headers['Access-Control-Allow-Origin'] = ref('Access-Control-Allow-Origin');
  return headers;
}

function problemResponse(status: number, description: string, headers: ResponseObject['headers'] = {}): ResponseObject {
  return {
    description,
    headers: { ...responseHeaders(status), ...headers },
    content: { [PROBLEM_JSON]: { schema: { $ref: `#/components/schemas/${problemStatusSchemaName(status)}` } } },
  };
}

function decorateOperation(op: OperationObject, facts: RouteFacts | undefined, statuses: Set<number>): void {
  const isPublic = facts?.isPublic ?? false;
  if (!op.description) op.description = op.summary ?? op.operationId;
  for (const p of op.parameters ?? []) {
    if (!isRef(p) && p.in === 'path' && facts?.uuidParams.has(p.name)) p.schema = { ...UUID, ...(isRef(p.schema) ? {} : { description: p.schema?.description }) };
  }
  if (isPublic) op.security = [{}];
  else delete op.security; // the global bearer requirement applies
  const wanted = new Set<number>([400, 413, 415, 429, 500]);
  // 401 everywhere: a public route checks a bearer token when one is sent.
  wanted.add(401);
  if (!isPublic && (facts?.checksRoles || op.responses['403'])) wanted.add(403);
  for (const [code, response] of Object.entries(op.responses)) {
    const status = Number(code);
    if (status >= 400 && statuses.has(status)) wanted.add(status);
    else if (response && !isRef(response) && ((status >= 200 && status < 300) || (status >= 400 && status < 500))) {
      response.headers = { ...responseHeaders(status), ...(response.headers ?? {}) };
      if (status < 300) describeFiles(response);
    }
  }
  for (const status of [...wanted].sort((a, b) => a - b)) {
    const existing = op.responses[String(status)];
    const description = existing && !isRef(existing) && existing.description ? existing.description : (COMMON_DESCRIPTIONS[status] ?? 'Error');
    op.responses[String(status)] = problemResponse(status, description, existing && !isRef(existing) ? existing.headers : {});
  }
}

/**
 * A file download (CSV, JSON Lines) is streamed and as long as the data it holds: no JSON Schema string with
 * a maximum length describes it truthfully. Its media type stays; what the schema said moves to the
 * response description.
 */
function describeFiles(response: ResponseObject): void {
  for (const [type, media] of Object.entries(response.content ?? {})) {
    const schema = media.schema;
    if (/json$/.test(type) && !/ndjson$/.test(type)) continue;
    if (!schema || isRef(schema) || schema.type !== 'string' || schema.maxLength !== undefined) continue;
    if (schema.description && !response.description.includes(schema.description)) response.description = `${response.description} ${schema.description}`.trim();
    if (schema.example !== undefined && media.example === undefined) media.example = schema.example as unknown;
    delete media.schema;
  }
}

/** Drop component schemas nothing refers to any more (the generic problem DTOs the controllers name). */
function pruneSchemas(doc: OpenAPIObject): void {
  const schemas = doc.components?.schemas ?? {};
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        if (!reached.has(name)) {
          reached.add(name);
          visit(schemas[name]);
        }
      } else if (k !== 'mapping') visit(v);
    }
  };
  visit(doc.paths);
  visit(doc.components?.headers);
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
}

export function publishOpenApi(app: INestApplication, config: AppConfig): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle('Kaderwijzer API')
    .setDescription(
      'Participation-trajectory workflow engine for the "Kader verbindend besturen Provincie Drenthe". ' +
        'Every error is application/problem+json (RFC 9457); the `type` of a problem names its code, and each status lists the codes it can carry. ' +
        `Limits: JSON bodies up to ${config.bodyLimitBytes} bytes (413 beyond), ${config.rateLimitPerMinute} requests per minute per route, per token and per IP address (429 beyond; see the RateLimit-* headers). ` +
        'Every endpoint except /health and the docs needs Authorization: Bearer <token>.',
    )
    .setVersion('1.0')
    .addServer('/', 'This deployment: the host that serves this document (production, test or local).', {})
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'kw_<id>.<secret>',
      description: 'Opaque API token `kw_<id>.<secret>` (not a JWT), made with `npm run cli -- users:create` or POST /api/v1/users/{id}/tokens.',
    })
    .addSecurityRequirements('bearer')
    .build();
  const doc = SwaggerModule.createDocument(app, base);
  // As package.json says: no licence is granted (npm's "UNLICENSED").
  doc.info.license = { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license' };
  doc.servers = (doc.servers ?? []).map((s) => ({ ...s, 'x-internal': true }) as typeof s);

  const fieldMax = config.bodyLimitBytes + 64;
  doc.components = {
    ...doc.components,
    headers: { ...(doc.components?.headers ?? {}), ...headerComponents(config) },
    schemas: { ...(doc.components?.schemas ?? {}), ...(problemSchemas({ fieldMax })) },
  };

  const facts = routeFacts(app);
  const statuses = new Set(problemStatuses());
  const tags = new Set<string>();
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      decorateOperation(op, facts.get(op.operationId ?? ''), statuses);
      for (const t of op.tags ?? []) tags.add(t);
    }
  }
  doc.tags = [...tags].sort().map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name }));
  applyValidatorBounds(doc);
  applyResponseBounds(doc);
  applyImpliedBounds(doc);
  pruneSchemas(doc);
  return doc;
}
