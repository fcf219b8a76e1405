/**
 * The two export formats of docs/audit-format.md section 6: JSON Lines (one `formatExportLine(row)` per line, the
 * file an auditor verifies) and CSV (for reading in a spreadsheet). Both are produced page by page from
 * {@link AuditScanner} so an export never holds the whole store in memory.
 */
import { canonicalJson } from './canonical-json';
import { AuditScanner, RawAuditRow, RolesCache, ScanFilter, toEventRow } from './audit-scan';
import { AuditFormatError, formatExportLine } from './hash-chain';

/** `jsonl`: the verifiable export; `csv`: for spreadsheets. */
export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** MIME types used by the HTTP export. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The CSV columns: the fourteen fields of the record, in the order of docs/audit-format.md section 2. */
export const CSV_COLUMNS = [
  'seq',
  'stream',
  'streamSeq',
  'id',
  'occurredAt',
  'actorId',
  'actorRoles',
  'action',
  'dossierId',
  'workflowId',
  'workflowVersion',
  'payload',
  'prevHash',
  'hash',
] as const;

/** RFC 4180: a field with a comma, quote, CR or LF goes between double quotes, quotes doubled. `null` is empty. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line (without line break). */
export const csvHeader = (): string => CSV_COLUMNS.join(',');

/**
 * One CSV line (without line break) for a stored row: `actorRoles` and `payload` as their stored JSON text (the
 * payload is stored in canonical form), every other field as it is. No parsing: a damaged row is shown as stored.
 */
export function csvLine(r: RawAuditRow): string {
  let out = '';
  for (let i = 0; i < r.length; i++) out += (i === 0 ? '' : ',') + csvField(r[i]);
  return out;
}

/**
 * One JSON Lines line (without line break): {@link formatExportLine}. A row that has no canonical form (its payload
 * or a field was damaged in the database) is written as plain JSON with the stored payload text as a string, so the
 * export still completes and the offline verifier reports that line as `bad-format` instead of silently repairing it.
 */
export function jsonlLine(r: RawAuditRow, roles: RolesCache): string {
  const row = toEventRow(r, roles);
  if (row.payloadError === undefined) {
    try {
      return formatExportLine(row);
    } catch (e) {
      if (!(e instanceof AuditFormatError) && !(e instanceof TypeError)) throw e;
    }
  }
  // Everything as read (an unreadable payload as its stored text): the line is then not an audit event, and the
  // verifier says which field is wrong.
  const { payloadError, ...fields } = row;
  const line: Record<string, unknown> = { ...fields, payload: payloadError === undefined ? row.payload : r[11] };
  try {
    return canonicalJson(line);
  } catch {
    return JSON.stringify(line);
  }
}

/**
 * The export as text chunks (one per page of rows, each ending in a line break), in `seq` order. For CSV the first
 * chunk is the header. `onRows` is told how many rows have been written so far (for progress displays).
 */
export async function* exportChunks(
  scanner: AuditScanner,
  opts: { format: ExportFormat; filter?: ScanFilter; onRows?: (written: number) => void },
): AsyncGenerator<string> {
  const roles = new RolesCache();
  let written = 0;
  if (opts.format === 'csv') yield csvHeader() + '\r\n';
  for await (const page of scanner.pages(opts.filter ?? {}, undefined, { snapshot: true })) {
    let chunk = '';
    if (opts.format === 'csv') for (const r of page) chunk += csvLine(r) + '\r\n';
    else for (const r of page) chunk += jsonlLine(r, roles) + '\n';
    written += page.length;
    yield chunk;
    opts.onRows?.(written);
  }
}
