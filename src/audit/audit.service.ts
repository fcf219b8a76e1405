import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ActorContext } from '../common/actor';
import { Db, Tx } from '../database/db';
import { canonicalJson } from './canonical-json';
import { AuditEventRow, AuditPayload, ChainVerifier, sealEvent, SYSTEM_STREAM, VerifyResult } from './hash-chain';

export interface AppendAuditEvent {
  actor: ActorContext;
  action: string;
  occurredAt: string;
  dossierId?: string | null;
  workflow?: { id: string; version: string } | null;
  payload: AuditPayload;
}

interface AuditRowDb {
  seq: number | string;
  stream: string;
  stream_seq: number | string;
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_roles: string;
  action: string;
  dossier_id: string | null;
  workflow_id: string | null;
  workflow_version: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export function toAuditRow(r: AuditRowDb): AuditEventRow {
  return {
    seq: Number(r.seq),
    stream: r.stream,
    streamSeq: Number(r.stream_seq),
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorRoles: JSON.parse(r.actor_roles) as string[],
    action: r.action,
    dossierId: r.dossier_id,
    workflowId: r.workflow_id,
    workflowVersion: r.workflow_version,
    payload: JSON.parse(r.payload) as AuditPayload,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const INSERT_SQL = `INSERT INTO audit_event (stream, stream_seq, id, occurred_at, actor_id, actor_roles, action, dossier_id,
  workflow_id, workflow_version, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const HEAD_SQL = 'SELECT stream_seq, hash FROM audit_event WHERE stream = ? ORDER BY stream_seq DESC LIMIT 1';

/**
 * The append-only, hash-chained audit trail (docs/audit-format.md). Every write of the service appends
 * exactly one event inside its own transaction; a dossier's events form one stream, everything else the
 * `system` stream. The database refuses UPDATE and DELETE on the table.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(Db) private readonly db: Db) {}

  /** Seal and insert the next event of its stream. Must run inside the caller's transaction. */
  async append(tx: Tx, e: AppendAuditEvent): Promise<AuditEventRow> {
    const stream = e.dossierId ?? SYSTEM_STREAM;
    // PostgreSQL: one writer per stream at a time (held to commit), so two transactions never read the same head.
    if (tx.dialect === 'postgres') await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [stream]);
    const head = await tx.get<{ stream_seq: number | string; hash: string }>(HEAD_SQL, [stream]);
    const sealed = sealEvent(
      {
        stream,
        id: randomUUID(),
        occurredAt: e.occurredAt,
        actorId: e.actor.id,
        actorRoles: [...e.actor.roles],
        action: e.action,
        dossierId: e.dossierId ?? null,
        workflowId: e.workflow?.id ?? null,
        workflowVersion: e.workflow?.version ?? null,
        payload: e.payload,
      },
      head ? { streamSeq: Number(head.stream_seq), hash: head.hash } : null,
    );
    const r = await tx.get<{ seq: number | string }>(`${INSERT_SQL} RETURNING seq`, [
      sealed.stream,
      sealed.streamSeq,
      sealed.id,
      sealed.occurredAt,
      sealed.actorId,
      JSON.stringify(sealed.actorRoles),
      sealed.action,
      sealed.dossierId,
      sealed.workflowId,
      sealed.workflowVersion,
      canonicalJson(sealed.payload),
      sealed.prevHash,
      sealed.hash,
    ]);
    return { ...sealed, seq: Number(r!.seq) };
  }

  /** Events of one dossier in order, optionally filtered by action prefix and period. */
  async listForDossier(
    dossierId: string,
    filter: { actions?: string[]; from?: string; to?: string; limit?: number; afterSeq?: number } = {},
  ): Promise<AuditEventRow[]> {
    const where = ['dossier_id = ?'];
    const params: (string | number)[] = [dossierId];
    if (filter.actions?.length) {
      where.push(`(${filter.actions.map(() => 'action LIKE ?').join(' OR ')})`);
      params.push(...filter.actions.map((a) => (a.endsWith('.') ? `${a}%` : a)));
    }
    if (filter.from) {
      where.push('occurred_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('occurred_at < ?');
      params.push(filter.to);
    }
    if (filter.afterSeq) {
      where.push('seq > ?');
      params.push(filter.afterSeq);
    }
    const limit = filter.limit ?? 1000;
    return this.db.read(async (tx) =>
      (await tx.all<AuditRowDb>(`SELECT * FROM audit_event WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${limit}`, params)).map(toAuditRow),
    );
  }

  /** Stream all events (or one dossier's) in seq order, in pages, without holding them all in memory. */
  async *iterate(opts: { dossierId?: string; pageSize?: number } = {}): AsyncGenerator<AuditEventRow> {
    const pageSize = opts.pageSize ?? 5000;
    let after = 0;
    for (;;) {
      const page = await this.db.read((tx) =>
        opts.dossierId
          ? tx.all<AuditRowDb>('SELECT * FROM audit_event WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?', [opts.dossierId, after, pageSize])
          : tx.all<AuditRowDb>('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?', [after, pageSize]),
      );
      for (const r of page) yield toAuditRow(r);
      if (page.length < pageSize) return;
      after = Number(page[page.length - 1].seq);
    }
  }

  /** Verify the whole store, or one dossier's stream. */
  async verify(opts: { dossierId?: string; onProgress?: (checked: number) => void } = {}): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    let n = 0;
    for await (const row of this.iterate({ dossierId: opts.dossierId })) {
      verifier.add(row);
      if (opts.onProgress && ++n % 10_000 === 0) opts.onProgress(n);
    }
    return verifier.result();
  }
}
