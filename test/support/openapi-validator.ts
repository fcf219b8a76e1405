import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

type Json = Record<string, unknown>;
interface MediaType {
  schema?: Json;
}
interface Header {
  $ref?: string;
  required?: boolean;
  schema?: Json;
}
interface ResponseSpec {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, ResponseSpec>;
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; headers?: Record<string, Header> };
}

const DOC_ID = 'kaderwijzer-openapi';

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable` becomes a `null` type, and every `$ref` points
 * into the one registered document. The discriminator is left out on purpose: `oneOf` is then checked as
 * JSON Schema says, so a problem body passes only if it matches exactly one of the status's problem types.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.startsWith('#/') ? `${DOC_ID}${v}` : v;
    else if (k === 'discriminator') continue;
    else if (k === 'example' || k === 'nullable' || k === 'xml' || k === 'externalDocs' || k === 'deprecated') continue;
    else out[k] = toJsonSchema(v);
  }
  const src = node as Json;
  if (src.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...(out.enum as unknown[]), null];
    if (out.$ref || out.allOf || out.oneOf) return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

const templateRegex = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);

/**
 * Checks answers of the service against the published document: the status is documented for the
 * operation, the content type is one the response lists, the body matches its schema (ajv, formats
 * checked), and every header the response marks required is there and valid.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; re: RegExp; literal: number }>;
  /** Every (operation, status) this validator has seen answered, for the coverage check. */
  readonly seen = new Set<string>();

  constructor(private readonly doc: OpenApiDoc) {
    addFormats(this.ajv);
    this.ajv.addSchema(toJsonSchema({ components: doc.components }) as Json, DOC_ID);
    this.templates = Object.keys(doc.paths)
      .map((template) => ({ template, re: templateRegex(template), literal: template.replace(/\{[^}]+\}/g, '').length }))
      .sort((a, b) => b.literal - a.literal);
  }

  private compile(key: string, schema: Json): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema) as Json);
      this.cache.set(key, fn);
    }
    return fn;
  }

  private header(h: Header): Header {
    return h.$ref ? this.doc.components.headers![h.$ref.split('/').pop()!] : h;
  }

  /** The problems of one answer, empty when it matches the document. */
  problems(res: Response): string[] {
    const req = (res as unknown as { req: { method: string; path: string } }).req;
    const method = req.method.toLowerCase();
    const path = new URL(req.path, 'http://x').pathname;
    const where = `${req.method} ${path} → ${res.status}`;
    const match = this.templates.find((t) => t.re.test(path) && this.doc.paths[t.template][method]);
    if (!match) return [`${where}: no operation in the document`];
    const op = this.doc.paths[match.template][method];
    const spec = op.responses[String(res.status)];
    if (!spec) return [`${where}: status not documented for ${op.operationId} (documented: ${Object.keys(op.responses).join(', ')})`];
    this.seen.add(`${op.operationId} ${res.status}`);
    const out: string[] = [];
    for (const [name, declared] of Object.entries(spec.headers ?? {})) {
      const h = this.header(declared);
      const value = res.headers[name.toLowerCase()] as string | undefined;
      if (value === undefined) {
        if (h.required) out.push(`${where}: required header ${name} missing`);
        continue;
      }
      const v = h.schema?.type === 'integer' && /^-?\d+$/.test(value) ? Number(value) : value;
      const check = this.compile(`header ${name} ${JSON.stringify(h.schema)}`, h.schema ?? {});
      if (!check(v)) out.push(`${where}: header ${name}=${value}: ${this.ajv.errorsText(check.errors)}`);
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0].trim();
    const content = spec.content ?? {};
    if (!Object.keys(content).length) {
      if (res.text) out.push(`${where}: a body was sent, the document declares none`);
      return out;
    }
    const media = content[contentType];
    if (!media) return [...out, `${where}: content type ${contentType || '(none)'} not documented (documented: ${Object.keys(content).join(', ')})`];
    if (!media.schema) return out;
    const isJson = contentType === 'application/json' || contentType.endsWith('+json');
    const body: unknown = isJson ? JSON.parse(res.text) : res.text;
    const validate = this.compile(`${op.operationId} ${res.status} ${contentType}`, media.schema);
    if (!validate(body)) {
      for (const e of validate.errors ?? []) out.push(`${where}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    }
    return out;
  }
}
