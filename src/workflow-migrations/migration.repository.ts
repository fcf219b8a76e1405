/**
 * Every read and write of moving dossiers between workflow versions, in one place: the dossier with its evidence and
 * waivers (one dossier for a write, pages of them for a bulk dry run), the list of dossiers a bulk move selects, and the
 * conditional update that moves one. Plain SQL on the shared `Tx`, like src/dossiers/dossier.repository.ts.
 */
import { WorkflowRef } from '../../workflows/definition';
import { DossierState, FINAL_STATES } from '../../workflows/evidence';
import { WorkflowRegistry } from '../../workflows/registry';
import { In } from 'typeorm';
import { DossierEntity, EvidenceEntity, Tx, WaiverEntity } from '../database';
import { LoadedDossier, projectDossier, toEvidenceRecord } from '../dossiers';

/** Ids per statement when a page of dossiers is read at once. */
const PAGE = 200;

export const MigrationRepository = {
  /** Several dossiers read with three statements per page of {@link PAGE} (the bulk dry run), in the order of `ids`. */
  async loadMany(tx: Tx, registry: WorkflowRegistry, ids: readonly string[], now: Date): Promise<LoadedDossier[]> {
    const out: LoadedDossier[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const page = ids.slice(i, i + PAGE);
      const [rows, evidence, waivers] = await Promise.all([
        tx.em.findBy(DossierEntity, { id: In(page) }),
        tx.em.find(EvidenceEntity, { where: { dossierId: In(page) }, order: { dossierId: 'ASC', position: 'ASC' } }),
        tx.em.find(WaiverEntity, { where: { dossierId: In(page) }, order: { requestedAt: 'ASC', id: 'ASC' } }),
      ]);
      const byDossier = <T>(items: T[], key: (t: T) => string) => {
        const m = new Map<string, T[]>();
        for (const it of items) {
          const k = key(it);
          if (!m.has(k)) m.set(k, []);
          m.get(k)!.push(it);
        }
        return m;
      };
      const ev = byDossier(evidence, (r) => r.dossierId);
      const wv = byDossier(waivers, (w) => w.dossierId);
      const rowById = new Map(rows.map((r) => [r.id, r]));
      for (const id of page) {
        const row = rowById.get(id);
        if (!row) continue; // removed since it was listed: nothing to report
        out.push(projectDossier(registry, row, (ev.get(id) ?? []).map(toEvidenceRecord), wv.get(id) ?? [], { now, actor: null }));
      }
    }
    return out;
  },

  /**
   * The running dossiers under `from` (optionally in one phase), oldest first: what a bulk move works through. A closed
   * or withdrawn dossier keeps the rules it ended under, so it is not listed.
   */
  async listIds(tx: Tx, from: WorkflowRef, phase?: DossierState): Promise<string[]> {
    const finals = FINAL_STATES.map(() => '?').join(', ');
    const rows = await tx.all<{ id: string }>(
      `SELECT id FROM dossier WHERE workflow_id = ? AND workflow_version = ? AND state NOT IN (${finals})${phase ? ' AND state = ?' : ''} ORDER BY created_at, id`,
      [from.id, from.version, ...FINAL_STATES, ...(phase ? [phase] : [])],
    );
    return rows.map((r) => r.id);
  },

  /** The user a bulk move names as the one who decided it (`--by`). */
  async loadUser(tx: Tx, id: string): Promise<{ id: string; name: string; roles: string[]; disabled: boolean } | undefined> {
    const u = await tx.get<{ id: string; name: string; roles: string; disabled_at: string | null }>('SELECT id, name, roles, disabled_at FROM app_user WHERE id = ?', [id]);
    return u ? { id: u.id, name: u.name, roles: JSON.parse(u.roles) as string[], disabled: u.disabled_at !== null } : undefined;
  },

  /**
   * Move the dossier to `to` if it is still at `expectedVersion` (and still under `from`): the same optimistic check as
   * every other write. False when another write came first.
   */
  async move(tx: Tx, id: string, from: WorkflowRef, to: WorkflowRef, expectedVersion: number, at: string): Promise<boolean> {
    const r = await tx.run(
      'UPDATE dossier SET workflow_id = ?, workflow_version = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND workflow_id = ? AND workflow_version = ?',
      [to.id, to.version, at, id, expectedVersion, from.id, from.version],
    );
    return r.changes === 1;
  },
};
