import { EntityManager, FindManyOptions, MoreThan, ObjectLiteral } from 'typeorm';
import { ChainVerifier } from '../audit';
import { DatabaseConfig } from '../config';
import { afterCopy, AuditEventEntity, COPY_PLAN, CopyStep, Db, DossierEntity, UserEntity } from '../database';

/** Rows per page read from the source (and per page of the verification). */
const PAGE = 2000;
/** Bound parameters per INSERT, below SQLite's limit (32,766) and PostgreSQL's (65,535): rows per INSERT follow. */
const PARAMETERS = 30_000;

export interface CopyReport {
  tables: Array<{ table: string; rows: number }>;
  verified: { ok: boolean; checked: number; streams: number };
  headsMatch: boolean;
  seconds: number;
}

/** The stored head of every stream: stream → [highest stream_seq, its hash]. */
type Heads = Map<string, [number, string]>;
function addHead(heads: Heads, e: Pick<AuditEventEntity, 'stream' | 'streamSeq' | 'hash'>): void {
  if ((heads.get(e.stream)?.[0] ?? -1) < e.streamSeq) heads.set(e.stream, [e.streamSeq, e.hash]);
}
const sameHeads = (a: Heads, b: Heads) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** One entity to copy: its table and the columns both stores have that the target takes (never a generated one). */
interface Plan extends CopyStep {
  table: string;
  key: string;
  columns: string[];
}

async function plan(source: Db, target: Db): Promise<Plan[]> {
  const steps: Plan[] = [];
  await source.read(async (tx) => {
    const runner = tx.em.queryRunner ?? tx.em.connection.createQueryRunner();
    for (const step of COPY_PLAN) {
      const meta = tx.em.connection.getMetadata(step.entity);
      if (!(await runner.hasTable(meta.tableName))) {
        if (step.required) throw new Error(`The source has no table ${meta.tableName}: is it a Kaderwijzer store?`);
        continue;
      }
      const columns: string[] = [];
      for (const c of meta.columns) if (c.isInsert && (await runner.hasColumn(meta.tableName, c.databaseName))) columns.push(c.propertyPath);
      steps.push({ ...step, table: meta.tableName, key: meta.primaryColumns[0].propertyPath, columns });
    }
  });
  await target.read(async (tx) => {
    if ((await tx.em.exists(AuditEventEntity)) || (await tx.em.exists(DossierEntity)) || (await tx.em.exists(UserEntity))) {
      throw new Error('The target already holds data; db:copy only fills an empty store.');
    }
    const runner = tx.em.queryRunner ?? tx.em.connection.createQueryRunner();
    const missing: string[] = [];
    for (const s of steps) if (!(await runner.hasTable(s.table))) missing.push(s.table);
    if (missing.length) throw new Error(`The target lacks table(s) ${missing.join(', ')}: run the same version of Kaderwijzer on both.`);
  });
  return steps;
}

/** Read `step` from the source in pages (by primary key, or in its own order), each handed to `page`. */
async function readPages(source: Db, step: Plan, select: string[], size: number, page: (rows: ObjectLiteral[]) => Promise<void>): Promise<void> {
  let last: unknown;
  for (let offset = 0; ; offset += size) {
    const options: FindManyOptions<ObjectLiteral> = { select: Object.fromEntries(select.map((c) => [c, true])), take: size };
    if (step.order) Object.assign(options, { order: step.order, skip: offset });
    else Object.assign(options, { order: { [step.key]: 'ASC' }, where: last === undefined ? {} : { [step.key]: MoreThan(last) } });
    const rows = await source.read((tx) => tx.em.find<ObjectLiteral>(step.entity, options));
    if (rows.length) await page(rows);
    if (rows.length < size) return;
    last = rows[rows.length - 1][step.key];
  }
}

async function insert(em: EntityManager, step: Plan, rows: ObjectLiteral[]): Promise<void> {
  const perInsert = Math.max(1, Math.floor(PARAMETERS / step.columns.length));
  for (let i = 0; i < rows.length; i += perInsert) {
    await em.createQueryBuilder().insert().into(step.entity, step.columns).values(rows.slice(i, i + perInsert)).updateEntity(false).execute();
  }
}

/**
 * Copy a whole store (typically SQLite → PostgreSQL) into an empty, migrated target in one transaction, through the
 * entities (see COPY_PLAN), then verify the target's chains and that every stream ends on the same head as in the
 * source.
 */
export async function copyStore(
  from: DatabaseConfig,
  to: DatabaseConfig,
  progress: (table: string, copied: number, total: number) => void = () => undefined,
  /** Rows per page: the tests make pages small to copy across many. */
  pageSize = PAGE,
): Promise<CopyReport> {
  const started = Date.now();
  const source = await Db.open(from, { migrate: false });
  const target = await Db.open(to);
  try {
    const steps = await plan(source, target);
    const report: CopyReport['tables'] = [];
    const sourceHeads: Heads = new Map();
    await target.transaction(async (tx) => {
      const links: Array<{ step: Plan; key: unknown; values: ObjectLiteral }> = [];
      for (const step of steps) {
        const audit = step.entity === AuditEventEntity;
        const total = await source.read((s) => s.em.count(step.entity));
        let copied = 0;
        await readPages(source, step, audit ? [...step.columns, 'stream', 'streamSeq'] : step.columns, pageSize, async (rows) => {
          if (audit) for (const r of rows) addHead(sourceHeads, r as AuditEventEntity);
          for (const r of rows) {
            const linked = (step.linkedAfter ?? []).filter((c) => r[c] !== null);
            if (linked.length) links.push({ step, key: r[step.key], values: Object.fromEntries(linked.map((c) => [c, r[c] as unknown])) });
            for (const c of linked) r[c] = null;
          }
          await insert(tx.em, step, rows);
          copied += rows.length;
          progress(step.table, copied, total);
        });
        report.push({ table: step.table, rows: copied });
      }
      for (const l of links) await tx.em.update(l.step.entity, { [l.step.key]: l.key }, l.values);
      await afterCopy(tx.em);
    });

    // The copy is verified from its own bytes: the stored text of every event hashed as it is in the target.
    const verifier = new ChainVerifier();
    const targetHeads: Heads = new Map();
    const auditStep = steps.find((s) => s.entity === AuditEventEntity)!;
    await readPages(target, auditStep, ['seq', 'content', 'hash', 'stream', 'streamSeq', 'prevHash'], pageSize, (rows) => {
      for (const r of rows as AuditEventEntity[]) {
        verifier.add([r.seq, r.content, r.hash, r.stream, r.streamSeq, r.prevHash]);
        addHead(targetHeads, r);
      }
      return Promise.resolve();
    });
    const result = verifier.result();
    return {
      tables: report,
      verified: { ok: result.ok, checked: result.checked, streams: result.streams },
      headsMatch: sameHeads(sourceHeads, targetHeads),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await source.close();
    await target.close();
  }
}
