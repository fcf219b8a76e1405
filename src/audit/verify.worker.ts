/**
 * One segment of a parallel verification (src/audit/segmented-verify.ts), run in a worker thread: its own read-only
 * connection to the SQLite file (memory-mapped), the segment read in windows (src/audit/content-page.ts) in one
 * read transaction, every event hashed where it lies: inside SQLite when the extension loads, else in the page.
 * Posts `{ type: 'progress', checked }` now and then and `{ type: 'done', result, native }` at the end (`native`:
 * whether it hashed inside SQLite). Started by AuditService.verify; not an entry point of its own.
 */
import { parentPort, workerData } from 'node:worker_threads';
// Only framework-free modules: a worker starts without loading TypeORM or Nest.
import { openScanConnection, verifyWindows } from './content-page';
import { Anchor, ChainVerifier } from './hash-chain';
import { SegmentRange, segmentResult } from './segmented-verify';

/** What the worker is given. */
export interface SegmentTask extends SegmentRange {
  file: string;
  anchors: Anchor[];
  /** Hash inside SQLite when the extension loads (src/audit/native-sha256.ts). */
  nativeSha256: boolean;
}

/** Progress is posted about this often (events). */
const PROGRESS_EVERY = 10_000;

function run(task: SegmentTask): void {
  const { conn, native } = openScanConnection(task.file, task.nativeSha256);
  try {
    const verifier = new ChainVerifier({ openStart: true, start: { heads: [], lastSeq: task.from }, anchors: task.anchors });
    let reported = 0;
    conn.exec('BEGIN'); // one snapshot for the whole segment
    for (const _ of verifyWindows(conn, native, verifier, task.from, task.to)) {
      if (verifier.checked - reported >= PROGRESS_EVERY) {
        reported = verifier.checked;
        parentPort!.postMessage({ type: 'progress', checked: reported });
      }
    }
    conn.exec('COMMIT');
    parentPort!.postMessage({ type: 'done', result: segmentResult(task, verifier, task.anchors), native });
  } finally {
    conn.close();
  }
}

if (parentPort !== null) run(workerData as SegmentTask);
