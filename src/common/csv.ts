/**
 * CSV that opens correctly in Excel with Dutch regional settings: UTF-8 with a byte-order mark (else Excel reads
 * it as Windows-1252), `;` as separator (the Dutch list separator; a comma is the decimal sign there), CRLF line
 * ends, dates as ISO `yyyy-mm-dd` (which Excel recognises as dates), fields quoted when they hold a separator, a
 * quote or a line break. Text that Excel would run as a formula (starting with `=`, `+`, `-`, `@`, or a tab or
 * carriage return, OWASP "CSV injection") gets a leading `'`, so it shows as text. Numbers are written as numbers.
 */

export type CsvCell = string | number | boolean | null | undefined;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

/** One cell: booleans as ja/nee, null as empty, text neutralised against formulas and quoted when needed. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(SEPARATOR) + EOL;
}

/** A column: its header and how to take the cell from an item. */
export interface CsvColumn<T> {
  header: string;
  value: (item: T) => CsvCell;
}

/** The whole document as chunks of at most `chunkRows` lines: BOM and header first. */
export function* csvChunks<T>(columns: readonly CsvColumn<T>[], items: Iterable<T>, chunkRows = 500): Generator<string> {
  let chunk = BOM + csvLine(columns.map((c) => c.header));
  let n = 0;
  for (const item of items) {
    chunk += csvLine(columns.map((c) => c.value(item)));
    if (++n % chunkRows === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], items: Iterable<T>): string {
  return [...csvChunks(columns, items)].join('');
}

/** A list of ids or labels in one cell. */
export const joinList = (xs: readonly string[] | null | undefined): string => (xs ?? []).join(', ');
