/**
 * One segment of a parallel verification (src/audit/segmented-verify.ts), run in a worker thread: its own read-only
 * connection to the SQLite file (memory-mapped), the segment read as byte pages (src/audit/content-page.ts) in one
 * read transaction, every event hashed where it lies in the page. Posts `{ type: 'progress', checked }` now and then
 * and `{ type: 'done', result }` at the end. Started by AuditService.verify; not an entry point of its own.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
// Only framework-free modules: a worker starts without loading TypeORM or Nest.
import { contentPages, feedContentPage, SCAN_MMAP_BYTES } from './content-page';
import { Anchor, ChainVerifier } from './hash-chain';
import { SegmentRange, segmentResult } from './segmented-verify';

/** What the worker is given. */
export interface SegmentTask extends SegmentRange {
  file: string;
  anchors: Anchor[];
}

/** Progress is posted about this often (events). */
const PROGRESS_EVERY = 10_000;

function run(task: SegmentTask): void {
  const conn = new Database(task.file, { readonly: true, fileMustExist: true });
  try {
    conn.pragma(`mmap_size = ${SCAN_MMAP_BYTES}`); // read through the page cache without a system call per page
    const verifier = new ChainVerifier({ openStart: true, start: { heads: [], lastSeq: task.from }, anchors: task.anchors });
    let reported = 0;
    conn.exec('BEGIN'); // one snapshot for the whole segment
    for (const page of contentPages(conn, task.from, task.to)) {
      feedContentPage(verifier, page);
      if (!verifier.intact) break;
      if (verifier.checked - reported >= PROGRESS_EVERY) {
        reported = verifier.checked;
        parentPort!.postMessage({ type: 'progress', checked: reported });
      }
    }
    conn.exec('COMMIT');
    parentPort!.postMessage({ type: 'done', result: segmentResult(task, verifier, task.anchors) });
  } finally {
    conn.close();
  }
}

if (parentPort !== null) run(workerData as SegmentTask);
