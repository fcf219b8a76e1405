import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The griffie's compliance projection (issue #4): derived tables, kept up to date in the same transaction as every
 * dossier write (src/compliance/compliance.projector.ts), so the compliance views read one indexed row per dossier
 * instead of evaluating every guard of every dossier on each request.
 *
 * - `dossier_compliance`: one row per dossier — phase, owner, the requirement matrix of the next transition, open
 *   hard/advisory requirements, waivers, startnotitie dates, reclassifications, planned versus realised participation,
 *   and the earliest end date of an open legal timer. Relative values ("days in phase", "overdue") are computed when
 *   read, from the dates stored here, so a row never goes stale with the calendar.
 * - `dossier_timer`: the legal timers of domain-brief §9 derived from a dossier's evidence (start, computed end,
 *   basis, calendar rule version).
 * - `timer_expiry`: the unique key that makes the timer job record `timer.expired` exactly once per timer, even with
 *   several app instances on one database (insert-if-absent inside the job's transaction).
 * - `compliance_explanation`: every advisory requirement passed with only an explanation (from `transition.done`),
 *   by date, for the "advisories explained" signal and the PS report.
 *
 * Text columns that lists sort or page on use the "C" collation on PostgreSQL, so ordering and keyset cursors are
 * byte order on both databases.
 */
export class ComplianceProjection1764400000000 implements MigrationInterface {
  name = 'ComplianceProjection1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.options.type === 'postgres';
    const bool = pg ? 'BOOLEAN' : 'INTEGER';
    const key = pg ? 'TEXT COLLATE "C"' : 'TEXT';

    await q.query(`CREATE TABLE dossier_compliance (
      dossier_id ${key} PRIMARY KEY REFERENCES dossier(id),
      title ${key} NOT NULL,
      workflow_id TEXT NOT NULL,
      workflow_version TEXT NOT NULL,
      dossier_version INTEGER NOT NULL,
      phase ${key} NOT NULL,
      phase_order INTEGER NOT NULL,
      entered_phase_on TEXT NOT NULL,
      besluitvormer ${key} NOT NULL,
      strategisch ${bool} NULL,
      owner_id ${key} NOT NULL,
      next_to TEXT NULL,
      hard_open_count INTEGER NOT NULL,
      hard_open_ids TEXT NOT NULL,
      advisory_open_count INTEGER NOT NULL,
      advisory_open_ids TEXT NOT NULL,
      waived_ids TEXT NOT NULL,
      waivers_pending_count INTEGER NOT NULL,
      waivers_pending_ids TEXT NOT NULL,
      waivers_used_count INTEGER NOT NULL,
      waivers_used_ids TEXT NOT NULL,
      advisories_explained INTEGER NOT NULL,
      matrix TEXT NOT NULL,
      startnotitie_adopted_on TEXT NULL,
      startnotitie_sent_to_ps_on TEXT NULL,
      startnotitie_committee_on TEXT NULL,
      reclassified_count INTEGER NOT NULL,
      last_reclassified_on TEXT NULL,
      reclassifications TEXT NOT NULL,
      participation TEXT NOT NULL,
      participation_planned INTEGER NOT NULL,
      participation_realised INTEGER NOT NULL,
      participation_gaps INTEGER NOT NULL,
      open_timers INTEGER NOT NULL,
      next_deadline TEXT NOT NULL,
      projected_on TEXT NOT NULL,
      projected_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    // One index per sortable column, each ending in the tie-breaker, so a page is an index walk of `limit` entries.
    const sortIndexes: Record<string, string> = {
      phase: 'phase_order, entered_phase_on, dossier_id',
      entered: 'entered_phase_on, dossier_id',
      title: 'title, dossier_id',
      besluitvormer: 'besluitvormer, dossier_id',
      strategisch: 'strategisch, dossier_id',
      owner: 'owner_id, dossier_id',
      hard: 'hard_open_count, dossier_id',
      advisory: 'advisory_open_count, dossier_id',
      explained: 'advisories_explained, dossier_id',
      deadline: 'next_deadline, dossier_id',
      updated: 'updated_at, dossier_id',
      projected: 'projected_on, phase_order',
    };
    for (const [name, cols] of Object.entries(sortIndexes)) {
      await q.query(`CREATE INDEX idx_dossier_compliance_${name} ON dossier_compliance (${cols})`);
    }

    await q.query(`CREATE TABLE dossier_timer (
      timer_key ${key} PRIMARY KEY,
      dossier_id ${key} NOT NULL REFERENCES dossier(id),
      timer_id TEXT NOT NULL,
      source_id TEXT NOT NULL,
      start_on TEXT NOT NULL,
      computed_end TEXT NOT NULL,
      basis TEXT NOT NULL,
      calendar_rule_version TEXT NOT NULL,
      extended_by TEXT NOT NULL,
      status TEXT NOT NULL,
      closed_reason TEXT NULL,
      details TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_dossier_timer_dossier ON dossier_timer (dossier_id)`);
    await q.query(`CREATE INDEX idx_dossier_timer_due ON dossier_timer (status, computed_end, timer_key)`);

    await q.query(`CREATE TABLE timer_expiry (
      timer_key ${key} PRIMARY KEY,
      dossier_id ${key} NOT NULL REFERENCES dossier(id),
      timer_id TEXT NOT NULL,
      start_on TEXT NOT NULL,
      computed_end TEXT NOT NULL,
      basis TEXT NOT NULL,
      calendar_rule_version TEXT NOT NULL,
      expired_on TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      audit_event_id TEXT NULL
    )`);
    await q.query(`CREATE INDEX idx_timer_expiry_dossier ON timer_expiry (dossier_id)`);

    await q.query(`CREATE TABLE compliance_explanation (
      transition_id ${key} NOT NULL,
      requirement_id ${key} NOT NULL,
      dossier_id ${key} NOT NULL REFERENCES dossier(id),
      event TEXT NOT NULL,
      from_phase TEXT NOT NULL,
      to_phase TEXT NOT NULL,
      explained_on TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      actor_id TEXT NOT NULL,
      explanation TEXT NOT NULL,
      PRIMARY KEY (transition_id, requirement_id)
    )`);
    await q.query(`CREATE INDEX idx_compliance_explanation_dossier ON compliance_explanation (dossier_id)`);
    await q.query(`CREATE INDEX idx_compliance_explanation_on ON compliance_explanation (explained_on, dossier_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Derived data only: the projection is rebuilt from the dossiers, their evidence and the audit trail.
    for (const table of ['compliance_explanation', 'timer_expiry', 'dossier_timer', 'dossier_compliance']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
