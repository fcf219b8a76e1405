import { DossierState, EvidenceRecord } from '../../workflows/evidence';
import { amsterdamDate, WaiverFact } from '../../workflows/facts';
import { DossierEntity, EvidenceEntity, Tx, WaiverEntity } from '../database';

/** A dossier as stored (the entity). */
export type DossierRow = DossierEntity;
/** A waiver as stored (the entity). */
export type WaiverRow = WaiverEntity;

export function toEvidenceRecord(r: EvidenceEntity): EvidenceRecord {
  return {
    id: r.id,
    dossierId: r.dossierId,
    kind: r.kind as EvidenceRecord['kind'],
    occurredOn: r.occurredOn,
    recordedAt: r.recordedAt,
    recordedBy: r.recordedBy,
    supersedes: r.supersedes,
    data: JSON.parse(r.data) as EvidenceRecord['data'],
  };
}

export function toWaiverFact(w: WaiverRow): WaiverFact {
  return {
    id: w.id,
    requirementId: w.requirementId,
    reasonCode: w.reasonCode,
    motivation: w.motivation,
    requestedBy: w.requestedBy,
    approvedBy: w.status === 'approved' || w.status === 'used' ? w.decidedBy : null,
    status: w.status,
  };
}

/**
 * The hot path of every dossier command and view (load the dossier, its evidence and waivers; move it to a phase):
 * prepared statements, read with the entities' property names. Everything else goes through the EntityManager.
 */
const DOSSIER_SQL = `SELECT id, title, workflow_id AS "workflowId", workflow_version AS "workflowVersion", state, version,
  entered_phase_on AS "enteredPhaseOn", entered_phase_at AS "enteredPhaseAt", strategisch, besluitvormer, assignee_id AS "assigneeId",
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt", previous_dossier_id AS "previousDossierId",
  follow_up_dossier_id AS "followUpDossierId" FROM dossier WHERE id = ?`;
const EVIDENCE_COLUMNS = `id, dossier_id AS "dossierId", kind, occurred_on AS "occurredOn", recorded_at AS "recordedAt", recorded_by AS "recordedBy",
  supersedes, position, data`;
const WAIVER_SQL = `SELECT id, dossier_id AS "dossierId", requirement_id AS "requirementId", reason_code AS "reasonCode", motivation,
  requested_by AS "requestedBy", requested_at AS "requestedAt", approver_id AS "approverId", status, decided_by AS "decidedBy",
  decided_at AS "decidedAt", decision_note AS "decisionNote", used_at AS "usedAt", used_by_event AS "usedByEvent"
  FROM waiver WHERE dossier_id = ? ORDER BY requested_at, id`;
const MOVE_SQL =
  'UPDATE dossier SET state = ?, version = version + 1, entered_phase_on = ?, entered_phase_at = ?, updated_at = ? WHERE id = ? AND version = ?';

type Moved = Pick<DossierRow, 'state' | 'version' | 'enteredPhaseOn' | 'enteredPhaseAt' | 'updatedAt'>;

/** SQLite returns a boolean column as 0/1 to a raw read. */
const asDossier = (r: DossierRow | undefined): DossierRow | undefined =>
  r && (typeof r.strategisch === 'number' ? { ...r, strategisch: r.strategisch === 1 } : r);

/** The dossier aggregate: the dossier, its evidence records and its waivers. */
export const DossierRepository = {
  /**
   * The dossier, `lock`ed for a write: on PostgreSQL the row is locked until commit, so writes to one dossier (its
   * evidence positions, its audit stream, its version) follow each other instead of colliding. SQLite transactions
   * are serialised already.
   */
  async load(tx: Tx, id: string, opts: { lock?: boolean } = {}): Promise<DossierRow | undefined> {
    return asDossier(await tx.get<DossierRow>(opts.lock && tx.dialect === 'postgres' ? `${DOSSIER_SQL} FOR UPDATE` : DOSSIER_SQL, [id]));
  },

  async exists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.em.countBy(DossierEntity, { id })) > 0;
  },

  async evidence(tx: Tx, dossierId: string): Promise<EvidenceRecord[]> {
    const rows = await tx.all<EvidenceEntity>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence WHERE dossier_id = ? ORDER BY position`, [dossierId]);
    return rows.map(toEvidenceRecord);
  },

  /** Insert one evidence record at the next position of its dossier (the order guards and corrections follow). */
  async insertEvidence(tx: Tx, r: EvidenceRecord): Promise<void> {
    await tx.run(
      `INSERT INTO evidence (id, dossier_id, kind, occurred_on, recorded_at, recorded_by, supersedes, position, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM evidence WHERE dossier_id = ?), ?)`,
      [r.id, r.dossierId, r.kind, r.occurredOn, r.recordedAt, r.recordedBy, r.supersedes, r.dossierId, JSON.stringify(r.data)],
    );
  },

  waivers(tx: Tx, dossierId: string): Promise<WaiverRow[]> {
    return tx.all<WaiverRow>(WAIVER_SQL, [dossierId]);
  },

  /** How many waivers the dossier holds (any status). */
  waiverCount(tx: Tx, dossierId: string): Promise<number> {
    return tx.em.countBy(WaiverEntity, { dossierId });
  },

  async waiver(tx: Tx, dossierId: string, id: string): Promise<WaiverRow | null> {
    return tx.em.findOneBy(WaiverEntity, { id, dossierId });
  },

  /** Is a waiver for this requirement requested or approved (and not yet used)? */
  async hasOpenWaiver(tx: Tx, dossierId: string, requirementId: string): Promise<boolean> {
    return tx.em
      .createQueryBuilder(WaiverEntity, 'w')
      .where('w.dossierId = :dossierId AND w.requirementId = :requirementId', { dossierId, requirementId })
      .andWhere("w.status IN ('requested', 'approved')")
      .getExists();
  },

  async insertWaiver(tx: Tx, w: WaiverRow): Promise<void> {
    await tx.em.insert(WaiverEntity, w);
  },

  /** Decide a requested waiver; false when someone decided it first. */
  async decideWaiver(tx: Tx, id: string, d: Pick<WaiverRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>): Promise<boolean> {
    const r = await tx.em.update(WaiverEntity, { id, status: 'requested' }, d);
    return r.affected === 1;
  },

  /** Use an approved waiver (once); false when another transition used it first. */
  async useWaiver(tx: Tx, id: string, usedAt: string, usedByEvent: string): Promise<boolean> {
    const r = await tx.em.update(WaiverEntity, { id, status: 'approved' }, { status: 'used', usedAt, usedByEvent });
    return r.affected === 1;
  },

  async insert(tx: Tx, row: DossierRow): Promise<void> {
    await tx.em.insert(DossierEntity, row);
  },

  /**
   * Move the dossier to a phase if it is still at `expectedVersion`: the fields that changed, or null when another
   * write came first. The transition's hot path.
   */
  async moveTo(tx: Tx, id: string, m: { state: DossierState; expectedVersion: number; now: Date }): Promise<Moved | null> {
    const at = m.now.toISOString();
    const moved: Moved = { state: m.state, version: m.expectedVersion + 1, enteredPhaseOn: amsterdamDate(m.now), enteredPhaseAt: at, updatedAt: at };
    const r = await tx.run(MOVE_SQL, [moved.state, moved.enteredPhaseOn, at, at, id, m.expectedVersion]);
    return r.changes === 1 ? moved : null;
  },

  /** Assign the dossier if it is still at `expectedVersion`; false when another write came first. */
  async assign(tx: Tx, id: string, assigneeId: string, expectedVersion: number, at: string): Promise<boolean> {
    const r = await tx.em
      .createQueryBuilder()
      .update(DossierEntity)
      .set({ assigneeId, version: () => 'version + 1', updatedAt: at })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return r.affected === 1;
  },

  async update(tx: Tx, id: string, changes: Partial<Pick<DossierRow, 'strategisch' | 'besluitvormer' | 'updatedAt' | 'followUpDossierId'>>): Promise<void> {
    await tx.em.update(DossierEntity, { id }, changes);
  },

  /** A page of dossiers, newest first, and how many match. */
  async list(
    tx: Tx,
    q: { state?: DossierState; strategisch?: boolean; besluitvormer?: string; assigneeId?: string; titleContains?: string; limit: number; offset: number },
  ): Promise<{ rows: DossierRow[]; total: number }> {
    const qb = tx.em.createQueryBuilder(DossierEntity, 'd');
    if (q.state) qb.andWhere('d.state = :state', { state: q.state });
    if (q.strategisch !== undefined) qb.andWhere('d.strategisch = :strategisch', { strategisch: q.strategisch });
    if (q.besluitvormer) qb.andWhere('d.besluitvormer = :besluitvormer', { besluitvormer: q.besluitvormer });
    if (q.assigneeId) qb.andWhere('d.assigneeId = :assigneeId', { assigneeId: q.assigneeId });
    if (q.titleContains)
      qb.andWhere("LOWER(d.title) LIKE :title ESCAPE '\\'", { title: `%${q.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const [rows, total] = await qb.orderBy('d.createdAt', 'DESC').addOrderBy('d.id').limit(q.limit).offset(q.offset).getManyAndCount();
    return { rows, total };
  },
};
