import type { Request } from 'express';

/** The posted form as plain string values (urlencoded, not extended: a repeated name gives an array). */
export function formOf(req: Request): Record<string, string | string[]> {
  const body = req.body as unknown;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** One posted value as a string ('' when absent; the first when repeated). */
export function formValue(req: Request, name: string): string {
  const v = formOf(req)[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '';
}

/** One query value as a string, or undefined. */
export function queryValue(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}
