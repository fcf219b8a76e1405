import { TEST_SETTINGS } from '../../workflows/testing/facts-builder';
import { AuditFlag, FlagDetector, MIN_ADVISORY_EXPLANATION_LENGTH, QUICK_WAIVER_APPROVAL_MINUTES, RECLASSIFICATION_WINDOW_HOURS } from './flags';
import { AuditEventRow, AuditPayload } from './canonical-event';

const D = 'd1';
let seq = 0;
function ev(action: string, occurredAt: string, payload: AuditPayload, dossierId: string | null = D): AuditEventRow {
  seq++;
  return {
    seq, stream: dossierId ?? 'system', streamSeq: seq, id: `e${seq}`, occurredAt, actorId: 'tom', actorRoles: ['teamleider'], action, dossierId,
    workflowId: dossierId ? 'drenthe-verbindend-besturen' : null, workflowVersion: dossierId ? '2021' : null, payload, prevHash: '', hash: '',
  };
}
const detector = () => new FlagDetector((wf) => (wf.id === 'drenthe-verbindend-besturen' ? TEST_SETTINGS : undefined));
const feed = (events: AuditEventRow[], d = detector()): AuditFlag[] => events.flatMap((e) => d.add(e));
const hoursAfter = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const T0 = '2026-03-02T09:00:00.000Z';

beforeEach(() => {
  seq = 0;
});

describe('FlagDetector', () => {
  const record = (occurredOn: string, recordedAt: string) =>
    ev('evidence.recorded', recordedAt, { evidence: { id: `r${seq + 1}`, kind: 'checkvraag', occurredOn, recordedAt, recordedBy: 'bea' } });

  it('flags evidence recorded more than backdatingFlagDays after it happened, counting Amsterdam calendar days', () => {
    expect(TEST_SETTINGS.backdatingFlagDays).toBe(30);
    const flags = feed([
      record('2026-01-31', '2026-03-02T09:00:00.000Z'), // 30 days: allowed
      record('2026-01-30', '2026-03-02T09:00:00.000Z'), // 31 days: flagged
      record('2026-01-31', '2026-03-01T23:30:00.000Z'), // 23:30 UTC = 2 March in Amsterdam → 30 days
    ]);
    expect(flags.map((f) => [f.kind, f.seqs, f.details.days])).toEqual([['backdated-evidence', [2], 31]]);
    expect(flags[0].description.nl).toMatch(/31 dagen na .*2026-01-30.*grens 30 dagen/);
    expect(flags[0].description.en).toMatch(/31 days after .*2026-01-30.*threshold 30 days/);
  });

  it('does not judge back-dating for a workflow it has no settings for', () => {
    const e = record('2020-01-01', T0);
    e.workflowId = 'onbekend';
    expect(feed([e])).toEqual([]);
  });

  it('flags a reclassification up to RECLASSIFICATION_WINDOW_HOURS before the next transition, once', () => {
    const change = (at: string, before: object, after: object) => ev('classification.changed', at, { before, after, reden: 'Herzien', evidence: { id: 'c', occurredOn: at.slice(0, 10), recordedAt: at } });
    const done = (at: string) => ev('transition.done', at, { event: 'ADVANCE', from: 'a', to: 'b', explanations: {} });
    const flags = feed([
      change(T0, { strategisch: true }, { strategisch: false }),
      change(hoursAfter(T0, 1), { besluitvormer: 'PS' }, { besluitvormer: 'PS' }), // nothing changed: not a reclassification
      done(hoursAfter(T0, RECLASSIFICATION_WINDOW_HOURS)),
      done(hoursAfter(T0, RECLASSIFICATION_WINDOW_HOURS + 1)), // the change was flagged with the previous transition already
    ]);
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'reclassification-before-transition', seqs: [1, 3], details: expect.objectContaining({ hours: 48, changedFields: ['strategisch'], before: { strategisch: true }, after: { strategisch: false } }) }),
    ]);
    const late = feed([change(T0, { strategisch: true }, { strategisch: false }), done(hoursAfter(T0, RECLASSIFICATION_WINDOW_HOURS + 0.1))]);
    expect(late).toEqual([]);
  });

  it('does not flag the intake classification G1 asks for: fields filled in for the first time are no reclassification', () => {
    const change = (at: string, before: object, after: object) => ev('classification.changed', at, { before, after, reden: 'Intake', evidence: { id: 'c', occurredOn: at.slice(0, 10), recordedAt: at } });
    const done = (at: string) => ev('transition.done', at, { event: 'ADVANCE', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid', explanations: {} });
    const intake = feed([
      change(T0, { strategisch: true, besluittype: null, herkomst: null }, { strategisch: true, strategischMotivatie: 'Raakt alle gemeenten', besluittype: 'verordening', instrumentType: 'none', herkomst: 'gs-initiatief' }),
      done(hoursAfter(T0, 1)),
    ]);
    expect(intake).toEqual([]);
    // A value that changes still counts, also when other fields are filled in by the same record.
    const changed = feed([change(T0, { strategisch: true, herkomst: null }, { strategisch: false, herkomst: 'gs-initiatief' }), done(hoursAfter(T0, 1))]);
    expect(changed.map((f) => f.details.changedFields)).toEqual([['strategisch']]);
  });

  it('names people in flags: requester and approver of a quickly approved waiver, who recorded back-dated evidence', () => {
    const names = new Map([['bea', 'Bea Jansen'], ['tom', 'Tom Bakker']]);
    const d = new FlagDetector((wf) => (wf.id === 'drenthe-verbindend-besturen' ? TEST_SETTINGS : undefined), undefined, names);
    const w = { id: 'w1', requirementId: 'G1-03', reasonCode: 'spoed', requestedBy: 'bea', requestedAt: T0 };
    const flags = feed(
      [
        ev('waiver.requested', T0, { waiver: w }),
        ev('waiver.approved', hoursAfter(T0, 0.05), { before: w, after: { ...w, status: 'approved' }, requester: 'bea', approver: 'tom' }),
        record('2026-01-01', T0),
      ],
      d,
    );
    expect(flags[0].description.nl).toMatch(/aangevraagd door Bea Jansen, goedgekeurd door Tom Bakker/);
    expect(flags[0].details).toMatchObject({ requestedBy: 'bea', requestedByName: 'Bea Jansen', approvedBy: 'tom', approvedByName: 'Tom Bakker' });
    expect(flags[1].description.nl).toMatch(/door Bea Jansen vastgelegd/);
  });

  it('flags an advisory requirement passed with an explanation shorter than MIN_ADVISORY_EXPLANATION_LENGTH', () => {
    const ok = 'x'.repeat(MIN_ADVISORY_EXPLANATION_LENGTH);
    const flags = feed([
      ev('transition.done', T0, {
        event: 'ADVANCE', from: 'a', to: 'b',
        explanations: { 'G1-05': '  kort  ', 'G1-06': ok, 'G1-07': `${'y'.repeat(MIN_ADVISORY_EXPLANATION_LENGTH - 1)}   ` },
        evaluation: [{ id: 'G1-05', severity: 'advisory' }, { id: 'G1-06', severity: 'advisory' }, { id: 'G1-07', severity: 'advisory' }],
      }),
    ]);
    expect(flags.map((f) => [f.kind, f.details.requirementId, f.details.length])).toEqual([
      ['short-advisory-explanation', 'G1-05', 4],
      ['short-advisory-explanation', 'G1-07', MIN_ADVISORY_EXPLANATION_LENGTH - 1],
    ]);
    expect(flags[0].description.nl).toContain('“kort”');
  });

  it('flags a waiver approved less than QUICK_WAIVER_APPROVAL_MINUTES after the request, naming both events', () => {
    const w = (id: string) => ({ id, requirementId: 'G1-03', reasonCode: 'spoed', requestedBy: 'bea', requestedAt: T0 });
    const at = (min: number) => new Date(Date.parse(T0) + min * 60_000).toISOString();
    const flags = feed([
      ev('waiver.requested', T0, { waiver: w('w1') }),
      ev('waiver.requested', T0, { waiver: w('w2') }),
      ev('waiver.approved', at(QUICK_WAIVER_APPROVAL_MINUTES - 0.5), { before: w('w1'), after: { ...w('w1'), status: 'approved' }, requester: 'bea', approver: 'tom' }),
      ev('waiver.approved', at(QUICK_WAIVER_APPROVAL_MINUTES), { before: w('w2'), after: { ...w('w2'), status: 'approved' }, requester: 'bea', approver: 'tom' }),
    ]);
    expect(flags).toEqual([
      expect.objectContaining({ kind: 'quick-waiver-approval', seqs: [1, 3], details: expect.objectContaining({ waiverId: 'w1', minutes: 14.5, requestedBy: 'bea', approvedBy: 'tom' }) }),
    ]);
  });

  it('raises only the kinds asked for, and nothing for system events', () => {
    const d = new FlagDetector(() => TEST_SETTINGS, new Set(['quick-waiver-approval'] as const));
    expect(feed([record('2020-01-01', T0), ev('user.created', T0, {}, null)], d)).toEqual([]);
  });
});
