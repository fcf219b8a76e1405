import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { CliCommand, CliContext, defineCommand, oneOf, UsageError } from './cli-command';
import { Clock, DomainError, UUID_RE } from '../common';
import { Anchor, AnchorError, AuditService, EXPORT_FORMATS, exportChunks, ExportFormat, formatAnchor, formatAnchorFile, parseAnchor, parseAnchorLine, VerifyResult } from '../audit';

/** `--dossier <id>`: a UUID (usage error otherwise). */
const DOSSIER_OPTION = {
  flags: '--dossier <id>',
  description: 'only this dossier',
  parse: (id: string) => {
    if (!UUID_RE.test(id)) throw new UsageError('--dossier must be a dossier id (a UUID)');
    return id.toLowerCase();
  },
};

/** The dossier of `--dossier`, which must exist (not-found error otherwise). */
async function existingDossier(ctx: CliContext, id: string | undefined): Promise<string | undefined> {
  if (id !== undefined && !(await ctx.app.get(AuditService).dossierExists(id))) throw DomainError.notFound('Dossier', id);
  return id;
}

/** An anchor line as an option gives it: well-formed, or a usage error naming the option. */
function checkAnchorLine(option: string, line: string): string {
  try {
    parseAnchorLine(line);
  } catch (e) {
    if (e instanceof AnchorError) throw new UsageError(`${option}: ${e.message}`);
    throw e;
  }
  return line;
}

/** `--anchor "<line>" --anchor-file <file>`, possibly repeated (the n-th line goes with the n-th file). */
function anchorsFromOptions(lines: string[], files: string[]): Anchor[] | { error: string } {
  if (lines.length !== files.length) throw new UsageError('--anchor and --anchor-file go together (one file per anchor line)');
  const anchors: Anchor[] = [];
  for (let i = 0; i < lines.length; i++) {
    checkAnchorLine('--anchor', lines[i]);
    if (!existsSync(files[i])) throw new UsageError(`anchor file ${files[i]} does not exist`);
    try {
      anchors.push(parseAnchor(lines[i], readFileSync(files[i], 'utf8')));
    } catch (e) {
      // The line is well-formed, so the file is not the one it was made from (altered, replaced or not an anchor file).
      if (e instanceof AnchorError) return { error: `ANCHOR FILE ${files[i]} DOES NOT MATCH THE ANCHOR LINE: ${e.message}` };
      throw e;
    }
  }
  return anchors;
}

function report(out: (l: string) => void, r: VerifyResult): void {
  if (r.firstBroken) {
    const b = r.firstBroken;
    out(`BROKEN after ${r.checked} intact events: event seq ${b.seq} (stream ${b.stream} #${b.streamSeq}): ${b.reason}`);
    out(`  expected ${b.expected}\n  found    ${b.found}`);
  } else {
    out(`ok: ${r.checked} events in ${r.streams} stream(s) verified.`);
  }
  for (const a of r.anchors ?? []) {
    if (a.ok) out(`anchor ${a.at} holds (${a.streams} streams)`);
    else {
      out(`ANCHOR ${a.at} FAILED: ${a.reason} for stream ${a.stream} at streamSeq ${a.streamSeq}${a.seq !== undefined ? ` (event seq ${a.seq})` : ''}`);
      out(`  expected ${a.expected}\n  found    ${a.found}`);
    }
  }
}

async function verifyWithProgress(ctx: CliContext, opts: { dossierId?: string; anchors?: Anchor[] }): Promise<VerifyResult> {
  const audit = ctx.app.get(AuditService);
  const bar = ctx.progress('Verifying', await audit.count({ dossierId: opts.dossierId }));
  try {
    return await audit.verify({ ...opts, onProgress: bar.tick });
  } finally {
    bar.done();
  }
}

/**
 * `audit:verify --since "<anchor line>" [--anchor-file <file>]`: the anchored heads unchanged, then only the events
 * after them (docs/audit-format.md section 5.1). The heads come from the file, or else from the store (audit:anchor
 * keeps them there).
 */
async function verifySince(ctx: CliContext, line: string, o: { dossier?: string; anchor: string[]; anchorFile: string[] }): Promise<number> {
  if (o.dossier !== undefined || o.anchor.length > 0 || o.anchorFile.length > 1) {
    throw new UsageError('--since takes one anchor line, with at most one --anchor-file, and not --dossier or --anchor');
  }
  const file = o.anchorFile.at(0);
  const audit = ctx.app.get(AuditService);
  if (file !== undefined && !existsSync(file)) throw new UsageError(`anchor file ${file} does not exist`);
  let anchor: Anchor | null;
  try {
    anchor = file === undefined ? await audit.storedAnchor(line) : parseAnchor(line, readFileSync(file, 'utf8'));
  } catch (e) {
    if (!(e instanceof AnchorError)) throw e;
    ctx.out(`ANCHOR FILE ${file ?? '(kept in the store)'} DOES NOT MATCH THE ANCHOR LINE: ${e.message}`);
    return 1;
  }
  if (anchor === null) throw new UsageError('this store did not take that anchor: give its heads with --anchor-file <file>');
  const bar = ctx.progress('Verifying');
  let r: Awaited<ReturnType<AuditService['verifySince']>>;
  try {
    r = await audit.verifySince(anchor, { onProgress: bar.tick });
  } finally {
    bar.done();
  }
  ctx.out(`Since anchor ${anchor.at}: ${r.checked} event(s) appended after its ${anchor.streams} head(s).`);
  report(ctx.out, { ...r, anchors: [r.since] });
  return r.ok ? 0 : 1;
}

/** A file name for the anchor file when none is given: audit-anchor-20260331T120000Z.json. */
const defaultAnchorFile = (at: string) => `audit-anchor-${at.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.json`;

/** The audit commands of `npm run cli` (docs/audit-format.md sections 5–8). */
export const AUDIT_COMMANDS: CliCommand[] = [
  defineCommand<{ dossier?: string; anchor: string[]; anchorFile: string[]; since?: string }>({
    name: 'audit:verify',
    summary: 'verify the hash chains (and earlier anchors), or with --since only what was appended after an anchor; exit 0 when intact, 1 when broken',
    options: [
      DOSSIER_OPTION,
      { flags: '--anchor <anchor line>', description: 'an anchor line printed earlier by audit:anchor (quoted; repeatable)', repeatable: true },
      { flags: '--anchor-file <file>', description: 'the anchor file that goes with it (one per --anchor, or the one of --since)', repeatable: true },
      {
        flags: '--since <anchor line>',
        description: 'verify only what was appended after this anchor (quoted), and that its heads are unchanged; the heads come from --anchor-file or from the store',
        parse: (line: string) => checkAnchorLine('--since', line),
      },
    ],
    run: async (ctx, o) => {
      if (o.since !== undefined) return verifySince(ctx, o.since, o);
      const dossierId = await existingDossier(ctx, o.dossier);
      const anchors = anchorsFromOptions(o.anchor, o.anchorFile);
      if ('error' in anchors) {
        ctx.out(anchors.error);
        return 1;
      }
      const r = await verifyWithProgress(ctx, { dossierId, anchors });
      report(ctx.out, r);
      return r.ok ? 0 : 1;
    },
  }),
  defineCommand<{ dossier?: string; format?: ExportFormat; out?: string }>({
    name: 'audit:export',
    summary: 'export the audit trail in seq order (JSON Lines by default; to stdout without --out), streamed',
    options: [
      DOSSIER_OPTION,
      { flags: '--format <format>', description: `${EXPORT_FORMATS.join(' or ')} (default jsonl)`, parse: oneOf('--format', EXPORT_FORMATS) },
      { flags: '--out <file>', description: 'write to this file (default: stdout)' },
    ],
    run: async (ctx, o) => {
      const dossierId = await existingDossier(ctx, o.dossier);
      const format = o.format ?? 'jsonl';
      const out = o.out;
      const audit = ctx.app.get(AuditService);
      const total = await audit.count({ dossierId });
      const filter = dossierId === undefined ? {} : { stream: dossierId };
      if (out === undefined) {
        // stdout: only the export itself, so it can be piped; progress (on a terminal) goes to stderr.
        const bar = ctx.progress('Exporting', total);
        try {
          for await (const chunk of exportChunks(audit.scanner, { format, filter, onRows: bar.tick })) ctx.out(chunk.replace(/\n$/, '')); // out() adds the \n back (a CSV line keeps its \r)
        } finally {
          bar.done();
        }
        return 0;
      }
      // Write next to the target and rename at the end: an interrupted export never leaves a file that looks complete.
      const partial = `${out}.partial-${process.pid}`;
      const fd = openSync(partial, 'w');
      const bar = ctx.progress('Exporting', total);
      let rows = 0;
      try {
        for await (const chunk of exportChunks(audit.scanner, { format, filter, onRows: (n) => bar.tick((rows = n)) })) writeSync(fd, chunk);
        closeSync(fd);
        renameSync(partial, out);
      } catch (e) {
        closeSync(fd);
        rmSync(partial, { force: true });
        throw e;
      } finally {
        bar.done();
      }
      ctx.out(`exported ${rows} events${dossierId ? ` of dossier ${dossierId}` : ''} as ${format} to ${out}`);
      if (format === 'jsonl') ctx.out(`verify it independently with: node scripts/verify-audit-export.mjs ${out}`);
      return 0;
    },
  }),
  defineCommand<{ out?: string }>({
    name: 'audit:anchor',
    summary: 'verify the store, write the anchor file (the heads) and print the anchor line to publish (last line)',
    options: [{ flags: '--out <anchor file>', description: 'where to write the heads (default audit-anchor-<time>.json)' }],
    run: async (ctx, o) => {
      const target = o.out;
      const r = await verifyWithProgress(ctx, {});
      if (!r.ok) {
        report(ctx.out, r);
        ctx.out('No anchor taken: the chain is broken. Resolve that first.');
        return 1;
      }
      const at = ctx.app.get(Clock).now().toISOString();
      const file = target ?? defaultAnchorFile(at);
      writeFileSync(file, formatAnchorFile(r.heads, at), { encoding: 'utf8', flag: 'wx' });
      // The store keeps the heads too, so that `audit/verify?since=<line>` can check them (the line's digest vouches for them).
      await ctx.app.get(AuditService).recordAnchor(formatAnchor(r.heads, at), r.heads);
      ctx.out(`Anchor of ${r.checked} events in ${r.streams} stream(s); heads written to ${file}.`);
      ctx.out('Publish this line (e.g. in a PS decision or a letter) and keep the file with it:');
      ctx.out(formatAnchor(r.heads, at));
      return 0;
    },
  }),
];
