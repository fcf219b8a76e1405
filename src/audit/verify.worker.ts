/**
 * One segment of a parallel verification (src/audit/segmented-verify.ts), run in a worker thread: its own read-only
 * connection to the SQLite file (memory-mapped), the segment's rows page by page in raw mode, and
 * `ChainVerifier.addStored` on the stored payload text. Posts `{ type: 'progress', checked }` now and then and
 * `{ type: 'done', result }` at the end. Started by AuditService.verify; not an entry point of its own.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { AUDIT_COLUMNS, RawAuditRow, RolesCache, SCAN_MMAP_BYTES, toStoredRow } from './audit-scan';
import type { Anchor, StoredAuditEventRow } from './hash-chain';
import { SegmentRange, verifySegment } from './segmented-verify';

/** What the worker is given. */
export interface SegmentTask extends SegmentRange {
  file: string;
  anchors: Anchor[];
  pageSize: number;
}

function run(task: SegmentTask): void {
  const conn = new Database(task.file, { readonly: true, fileMustExist: true });
  try {
    conn.pragma(`mmap_size = ${SCAN_MMAP_BYTES}`); // read through the page cache without a system call per page
    const stmt = conn.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`).raw(true);
    const roles = new RolesCache();
    function* rows(): Generator<StoredAuditEventRow> {
      let after = task.from;
      for (;;) {
        const page = stmt.all(after, task.to, task.pageSize) as RawAuditRow[];
        for (const r of page) yield toStoredRow(r, roles);
        if (page.length < task.pageSize) return;
        after = Number(page[page.length - 1][0]);
      }
    }
    conn.exec('BEGIN'); // one snapshot for the whole segment
    const result = verifySegment(task, rows(), task.anchors, (checked) => parentPort!.postMessage({ type: 'progress', checked }));
    conn.exec('COMMIT');
    parentPort!.postMessage({ type: 'done', result });
  } finally {
    conn.close();
  }
}

if (parentPort !== null) run(workerData as SegmentTask);
