import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The griffie's compliance projection (issue #4): derived tables, kept up to date in the same transaction as every
 * dossier write (src/dossiers/compliance-projection/compliance.projector.ts), so the compliance views read one indexed row per dossier
 * instead of evaluating every guard of every dossier on each request.
 *
 * - `dossier_compliance`: one row per dossier — phase, owner, the requirement matrix of the next transition, open
 *   hard/advisory requirements, waivers, startnotitie dates, reclassifications, planned versus realised participation,
 *   and the earliest end date of an open legal timer. Relative values ("days in phase", "overdue") are computed when
 *   read from the dates stored here; guard outcomes that read "today" are evaluated again daily by the timer job.
 * - `dossier_timer`: the legal timers of domain-brief §9 derived from a dossier's evidence (start, computed end,
 *   basis, calendar rule version).
 * - `timer_expiry`: the unique key that makes the timer job record `timer.expired` exactly once per timer, even with
 *   several app instances on one database (insert-if-absent inside the job's transaction).
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
    // Indexes for the next deadline (hasOverdue) and the columns that rarely change (title, besluitvormer, strategisch,
    // owner); each ends in the tie-breaker, so a page sorted on one is an index walk of `limit` entries. Columns that
    // change with nearly every transition (phase, counts, dates) are deliberately not indexed here: on SQLite every
    // index page a commit dirties is written to the WAL, and an entry that moves costs two pages. The projector rewrites
    // only the indexed columns whose value changed. The default order, by phase, walks the dossier table's own
    // (state, created_at) index instead, which every transition updates already.
    const sortIndexes: Record<string, string> = {
      deadline: 'next_deadline, dossier_id',
      title: 'title, dossier_id',
      besluitvormer: 'besluitvormer, dossier_id',
      strategisch: 'strategisch, dossier_id',
      owner: 'owner_id, dossier_id',
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
    // A page's overdue timers: a few entries per dossier id, never a scan of all overdue timers.
    await q.query(`CREATE INDEX idx_dossier_timer_dossier ON dossier_timer (dossier_id, status, computed_end)`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    // Derived data: the projection is rebuilt from the dossiers, their evidence and the audit trail (timer_expiry mirrors
    // the timer.expired events; without it the job would record those expiries again).
    for (const table of ['timer_expiry', 'dossier_timer', 'dossier_compliance']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
