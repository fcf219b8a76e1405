import { ColumnOptions, PrimaryColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Column helpers for the two databases. Instants and calendar dates are ISO 8601 text in both (the audit chain
 * hashes them byte for byte); counters are INTEGER, which PostgreSQL returns as a number and BIGINT as a string:
 * `numeric` reads either as a number. Booleans are INTEGER 0/1 on SQLite and BOOLEAN on PostgreSQL; TypeORM's
 * `boolean` type converts both ways. JSON documents are stored as text (`json`).
 */
export const numeric: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: number | string | null) => (v === null || v === undefined ? v : Number(v)),
};

/** A JSON value stored as text, parsed when read. */
export function jsonText<T>(): ValueTransformer {
  return {
    to: (v: T | undefined) => (v === undefined ? v : JSON.stringify(v)),
    from: (v: string | null) => (v === null ? null : (JSON.parse(v) as T)),
  };
}

export const text = (name: string, opts: ColumnOptions = {}): ColumnOptions => ({ name, type: 'text', ...opts });
export const nullableText = (name: string): ColumnOptions => ({ name, type: 'text', nullable: true });
export const int = (name: string, opts: ColumnOptions = {}): ColumnOptions => ({ name, type: 'integer', transformer: numeric, ...opts });
export const bool = (name: string, opts: ColumnOptions = {}): ColumnOptions => ({ name, type: 'boolean', ...opts });
export const key = (name: string): PrimaryColumnOptions => ({ name, type: 'text' });
