/**
 * The two export formats of docs/audit-format.md section 6: JSON Lines (one `formatExportLine(row)` per line, the
 * file an auditor verifies) and CSV (for reading in a spreadsheet, with the conventions of every CSV of the API: UTF-8
 * with BOM, `;`, CR LF, Dutch headers, formula guard). Both are produced page by page from
 * {@link AuditScanner} so an export never holds the whole store in memory.
 */
import { BOM, csvCell } from '../common';
import { canonicalJson } from './canonical-json';
import { AuditScanner, RawAuditRow, ScanFilter, toEventRow } from './audit-scan';
import { AuditFormatError, canonicalEventContent, formatExportLine } from './canonical-event';

/** `jsonl`: the verifiable export; `csv`: for spreadsheets. */
export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** MIME types used by the HTTP export. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/**
 * The CSV columns, in order — the fourteen fields of the record, in the order of docs/audit-format.md section 2 — each
 * with its Dutch header: a person reads the CSV in Excel (issue #11); the JSON Lines export keeps the field names.
 */
export const CSV_HEADERS = {
  seq: 'volgnummer',
  stream: 'stroom',
  streamSeq: 'volgnummer in stroom',
  id: 'gebeurtenis-id',
  occurredAt: 'tijdstip (UTC)',
  actorId: 'gebruiker-id',
  actorRoles: 'rollen',
  action: 'actie',
  dossierId: 'dossier-id',
  workflowId: 'workflow',
  workflowVersion: 'workflowversie',
  payload: 'inhoud (JSON)',
  prevHash: 'vorige hash',
  hash: 'hash',
} as const;

/** The CSV columns: the keys of {@link CSV_HEADERS}, in their order. */
export const CSV_COLUMNS = Object.keys(CSV_HEADERS) as (keyof typeof CSV_HEADERS)[];

/**
 * One cell, as every CSV of the API writes it for Excel with Dutch settings (src/common/csv.ts): `;`-separated,
 * quoted when needed, text that Excel would run as a formula prefixed with `'`. `null` is empty.
 */
export function csvField(v: string | number | null): string {
  return csvCell(v);
}

/** The header line (without line break, without the byte-order mark). */
export const csvHeader = (): string => CSV_COLUMNS.map((c) => csvCell(CSV_HEADERS[c])).join(';');

/**
 * A stored row for export: its content parsed, and `contentError` set when the stored text is not exactly the
 * canonical text of what it parses to (say, a space or an unknown key was added in the database). Exporting the
 * parsed fields of such a row would silently repair it (the offline verifier would then pass it), so it is written
 * as stored instead.
 */
function readCanonical(r: RawAuditRow): ReturnType<typeof toEventRow> {
  const row = toEventRow(r);
  if (row.contentError !== undefined) return row;
  let canonical: string | null;
  try {
    canonical = canonicalEventContent(row);
  } catch {
    canonical = null;
  }
  if (canonical !== r[1]) row.contentError = 'the stored content is not in canonical form';
  return row;
}

/**
 * One CSV line (without line break) for a stored row: `actorRoles` and `payload` as canonical JSON text, every
 * other field as it is. A row whose content cannot be read is shown with its seq, the stored content as it is in
 * the `payload` column and its hash, the other fields empty: never repaired.
 */
export function csvLine(r: RawAuditRow): string {
  const row = readCanonical(r);
  if (row.contentError !== undefined) {
    return [csvField(Number(r[0])), '', '', '', '', '', '', '', '', '', '', csvField(r[1]), '', csvField(r[2])].join(';');
  }
  let roles: string;
  let payload: string;
  try {
    roles = canonicalJson(row.actorRoles);
    payload = canonicalJson(row.payload);
  } catch {
    roles = JSON.stringify(row.actorRoles);
    payload = JSON.stringify(row.payload);
  }
  const fields: (string | number | null)[] = [
    row.seq, row.stream, row.streamSeq, row.id, row.occurredAt, row.actorId, roles, row.action,
    row.dossierId, row.workflowId, row.workflowVersion, payload, row.prevHash, row.hash,
  ];
  return fields.map(csvField).join(';');
}

/**
 * One JSON Lines line (without line break): {@link formatExportLine}. A row that has no canonical form (its content
 * was damaged in the database) is written as plain JSON with the stored content as a string, so the export still
 * completes and the offline verifier reports that line as `bad-format` instead of silently repairing it.
 */
export function jsonlLine(r: RawAuditRow): string {
  const row = readCanonical(r);
  if (row.contentError === undefined) {
    try {
      return formatExportLine(row);
    } catch (e) {
      if (!(e instanceof AuditFormatError) && !(e instanceof TypeError)) throw e;
    }
  }
  // Everything as read (unreadable content as its stored text): the line is then not an audit event, and the
  // verifier says which field is wrong.
  const { contentError, ...fields } = row;
  const line: Record<string, unknown> = contentError === undefined ? { ...fields } : { seq: row.seq, content: r[1], hash: r[2] };
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
  let written = 0;
  if (opts.format === 'csv') yield BOM + csvHeader() + '\r\n';
  for await (const page of scanner.pages(opts.filter ?? {}, undefined, { snapshot: true })) {
    let chunk = '';
    if (opts.format === 'csv') for (const r of page) chunk += csvLine(r) + '\r\n';
    else for (const r of page) chunk += jsonlLine(r) + '\n';
    written += page.length;
    yield chunk;
    opts.onRows?.(written);
  }
}
