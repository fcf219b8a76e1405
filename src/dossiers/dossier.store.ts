import { DossierState, EvidenceRecord } from '../../workflows/evidence';
import { WaiverFact } from '../../workflows/facts';
import { Tx } from '../database';

/** A `dossier` row as stored. */
export interface DossierRow {
  id: string;
  title: string;
  workflow_id: string;
  workflow_version: string;
  state: DossierState;
  version: number;
  entered_phase_on: string;
  entered_phase_at: string;
  strategisch: number | boolean | null;
  besluitvormer: string | null;
  assignee_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  previous_dossier_id: string | null;
  follow_up_dossier_id: string | null;
}

interface EvidenceRowDb {
  id: string;
  dossier_id: string;
  kind: string;
  occurred_on: string;
  recorded_at: string;
  recorded_by: string;
  supersedes: string | null;
  data: string;
}

export interface WaiverRow {
  id: string;
  dossier_id: string;
  requirement_id: string;
  reason_code: string;
  motivation: string;
  requested_by: string;
  requested_at: string;
  approver_id: string | null;
  status: WaiverFact['status'];
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  used_at: string | null;
  used_by_event: string | null;
}

export function toEvidenceRecord(r: EvidenceRowDb): EvidenceRecord {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    kind: r.kind as EvidenceRecord['kind'],
    occurredOn: r.occurred_on,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    supersedes: r.supersedes,
    data: JSON.parse(r.data) as EvidenceRecord['data'],
  };
}

export function toWaiverFact(w: WaiverRow): WaiverFact {
  return {
    id: w.id,
    requirementId: w.requirement_id,
    reasonCode: w.reason_code,
    motivation: w.motivation,
    requestedBy: w.requested_by,
    approvedBy: w.status === 'approved' || w.status === 'used' ? w.decided_by : null,
    status: w.status,
  };
}

/** Plain SQL reads shared by the dossier, evidence, waiver and transition services. */
export const DossierStore = {
  loadDossier(tx: Tx, id: string): Promise<DossierRow | undefined> {
    return tx.get<DossierRow>('SELECT * FROM dossier WHERE id = ?', [id]);
  },

  /**
   * Load the dossier for a write: on PostgreSQL the row is locked until commit, so writes to one dossier
   * (its evidence positions, its audit stream, its version) follow each other instead of colliding.
   * SQLite transactions are serialised already.
   */
  lockDossier(tx: Tx, id: string): Promise<DossierRow | undefined> {
    return tx.get<DossierRow>(tx.dialect === 'postgres' ? 'SELECT * FROM dossier WHERE id = ? FOR UPDATE' : 'SELECT * FROM dossier WHERE id = ?', [id]);
  },

  async loadEvidence(tx: Tx, dossierId: string): Promise<EvidenceRecord[]> {
    const rows = await tx.all<EvidenceRowDb>('SELECT * FROM evidence WHERE dossier_id = ? ORDER BY position', [dossierId]);
    return rows.map(toEvidenceRecord);
  },

  loadEvidenceRecord(tx: Tx, id: string): Promise<EvidenceRecord | undefined> {
    return tx.get<EvidenceRowDb>('SELECT * FROM evidence WHERE id = ?', [id]).then((r) => (r ? toEvidenceRecord(r) : undefined));
  },

  /** Insert one evidence record at the next position of its dossier (the order guards and corrections follow). */
  async insertEvidence(tx: Tx, r: EvidenceRecord): Promise<void> {
    await tx.run(
      `INSERT INTO evidence (id, dossier_id, kind, occurred_on, recorded_at, recorded_by, supersedes, position, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM evidence WHERE dossier_id = ?), ?)`,
      [r.id, r.dossierId, r.kind, r.occurredOn, r.recordedAt, r.recordedBy, r.supersedes, r.dossierId, JSON.stringify(r.data)],
    );
  },

  loadWaivers(tx: Tx, dossierId: string): Promise<WaiverRow[]> {
    return tx.all<WaiverRow>('SELECT * FROM waiver WHERE dossier_id = ? ORDER BY requested_at, id', [dossierId]);
  },
};
