import { evidenceInForce, replayDossier } from './as-of';
import { AuditEventRow, AuditPayload } from '../audit';

const D = '3f1c9a52-8d4e-4c7b-9a1e-5b2d7c0e6f18';
const PREV = '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
let seq = 0;

function ev(action: string, occurredAt: string, payload: AuditPayload, over: Partial<AuditEventRow> = {}): AuditEventRow {
  seq++;
  return {
    seq, stream: D, streamSeq: seq, id: `e-${seq}`, occurredAt, actorId: 'bea', actorRoles: ['beleidsmedewerker'], action, dossierId: D,
    workflowId: 'drenthe-verbindend-besturen', workflowVersion: '2021', payload, prevHash: '0'.repeat(64), hash: String(seq).padStart(64, '0'), ...over,
  };
}

const created = (at: string, extra: Record<string, unknown> = {}) =>
  ev('dossier.created', at, {
    after: {
      id: D, title: 'T', phase: 'voorfase-agendasetting', version: 1, workflow: { id: 'drenthe-verbindend-besturen', version: '2021' }, assigneeId: 'bea',
      createdBy: 'bea', createdAt: at, updatedAt: at, enteredPhaseOn: '2026-03-02', previousDossierId: null, followUpDossierId: null, ...extra,
    },
    classification: { evidenceId: 'c1', strategisch: true, besluitvormer: 'PS', reden: 'Bij aanmaken' },
  });

const evidence = (id: string, at: string, supersedes: string | null = null) =>
  ev(supersedes ? 'evidence.superseded' : 'evidence.recorded', at, {
    evidence: { id, dossierId: D, kind: 'checkvraag', occurredOn: '2026-03-01', recordedAt: at, recordedBy: 'bea', supersedes, data: { vraag: 'beginspraak', antwoord: true } },
  });

const waiver = (status: string, at: string) => ({
  id: 'w1', dossierId: D, requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'm', requestedBy: 'bea', requestedAt: '2026-03-02T09:30:00.000Z',
  approverId: null, status, decidedBy: status === 'requested' ? null : 'tom', decidedAt: status === 'requested' ? null : at, decisionNote: null, usedAt: null, usedByEvent: null,
});

beforeEach(() => {
  seq = 0;
});

describe('replayDossier', () => {
  it('replays a move to another workflow version (issue #16): the version that applied then, and a gap for a move without `to`', () => {
    const events = [
      created('2026-03-02T09:00:00.000Z'),
      ev('dossier.migrated', '2026-03-05T10:00:00.000Z', {
        from: { id: 'drenthe-verbindend-besturen', version: '2021' }, to: { id: 'drenthe-verbindend-besturen', version: '2025' }, newVersion: 2, reason: 'Nieuw kader',
      }, { workflowVersion: '2025' }),
      ev('dossier.migrated', '2026-03-06T10:00:00.000Z', { reason: 'kapot' }),
    ];
    expect(replayDossier(events, '2026-03-05T09:59:59.999Z')!.row).toMatchObject({ workflowVersion: '2021', version: 1 });
    const after = replayDossier(events, '2026-03-05T10:00:00.000Z')!;
    expect(after.row).toMatchObject({ workflowId: 'drenthe-verbindend-besturen', workflowVersion: '2025', version: 2, state: 'voorfase-agendasetting', updatedAt: '2026-03-05T10:00:00.000Z' });
    expect(after.gaps).toEqual([]);
    const broken = replayDossier(events, '2026-03-07T00:00:00.000Z')!;
    expect(broken.row.workflowVersion).toBe('2025');
    expect(broken.gaps.map((g) => [g.kind, g.seqs])).toEqual([['missing-field', [3]]]);
  });

  it('returns null before the dossier existed', () => {
    expect(replayDossier([created('2026-03-02T09:00:00.000Z')], '2026-03-02T08:59:59.999Z')).toBeNull();
  });

  it('rebuilds row, evidence and waivers from the events up to `at` (inclusive), and stops at the first later event', () => {
    const events = [
      created('2026-03-02T09:00:00.000Z'),
      evidence('a', '2026-03-02T09:10:00.000Z'),
      ev('waiver.requested', '2026-03-02T09:30:00.000Z', { waiver: waiver('requested', '') }),
      ev('waiver.approved', '2026-03-02T09:35:00.000Z', { before: waiver('requested', ''), after: waiver('approved', '2026-03-02T09:35:00.000Z') }),
      ev('transition.done', '2026-03-02T23:30:00.000Z', { event: 'ADVANCE', from: 'voorfase-agendasetting', to: 'voorbereiding-beleid', newVersion: 2, waiversUsed: { 'G1-03': 'w1' } }),
      evidence('b', '2026-03-03T10:00:00.000Z', 'a'),
    ];
    const at0935 = replayDossier(events, '2026-03-02T09:35:00.000Z')!;
    expect(at0935.row).toMatchObject({ state: 'voorfase-agendasetting', version: 1 });
    expect(at0935.waivers.map((w) => w.status)).toEqual(['approved']);
    expect(at0935.applied.map((e) => e.seq)).toEqual([1, 2, 3, 4]);

    const later = replayDossier(events, '2026-03-03T09:00:00.000Z')!;
    // 23:30 UTC is already 3 March in Amsterdam: the phase is entered on the local date.
    expect(later.row).toMatchObject({ state: 'voorbereiding-beleid', version: 2, enteredPhaseOn: '2026-03-03', updatedAt: '2026-03-02T23:30:00.000Z' });
    expect(later.waivers[0]).toMatchObject({ status: 'used', usedByEvent: 'e-5', usedAt: '2026-03-02T23:30:00.000Z' });
    expect(later.evidence.map((r) => r.id)).toEqual(['c1', 'a']);
    expect(later.evidence[0]).toEqual({
      id: 'c1', dossierId: D, kind: 'classificatie', occurredOn: '2026-03-02', recordedAt: '2026-03-02T09:00:00.000Z', recordedBy: 'bea', supersedes: null,
      data: { strategisch: true, besluitvormer: 'PS', reden: 'Bij aanmaken' },
    });
    const end = replayDossier(events, '2026-03-04T00:00:00.000Z')!;
    expect(evidenceInForce(end.evidence)).toEqual(['c1', 'b']);
  });

  it('applies assignments, counts events that change no state, and records gaps instead of inventing state', () => {
    const events = [
      created('2026-03-02T09:00:00.000Z'),
      ev('dossier.assigned', '2026-03-02T10:00:00.000Z', { before: { assigneeId: 'bea', version: 1 }, after: { assigneeId: 'bram', version: 2 } }),
      ev('timer.started', '2026-03-02T10:01:00.000Z', { timerId: 'TM-01' }),
      ev('timer.expired', '2026-03-02T10:02:00.000Z', { timerId: 'TM-01' }),
      ev('transition.done', '2026-03-02T11:00:00.000Z', { event: 'ADVANCE', to: 'nergens', newVersion: 3 }),
      ev('evidence.recorded', '2026-03-02T11:01:00.000Z', { phase: 'x' }),
    ];
    const r = replayDossier(events, '2026-03-02T12:00:00.000Z')!;
    expect(r.row).toMatchObject({ assigneeId: 'bram', version: 2, state: 'voorfase-agendasetting' });
    expect(r.notApplied).toEqual({ 'timer.started': 1, 'timer.expired': 1 });
    expect(r.gaps.map((g) => [g.kind, g.seqs])).toEqual([
      ['missing-field', [5]],
      ['missing-field', [6]],
    ]);
  });

  it('adds the lessons a NEW_CYCLE copied (not audited) with placeholder ids, and says so', () => {
    const newCycle: AuditEventRow = {
      ...ev('transition.done', '2026-03-02T08:59:00.000Z', { event: 'NEW_CYCLE', to: 'afgesloten', followUpDossierId: D, lessonsCarried: ['l1'] }),
      stream: PREV,
      dossierId: PREV,
    };
    const lesson = { id: 'l1', dossierId: PREV, kind: 'leerpunten' as const, occurredOn: '2026-02-01', recordedAt: '2026-02-01T10:00:00.000Z', recordedBy: 'bea', supersedes: null, data: { leerpunten: 'Eerder beginnen.' } };
    const r = replayDossier([created('2026-03-02T08:59:00.000Z', { previousDossierId: PREV })], '2026-03-02T09:00:00.000Z', { event: newCycle, records: [lesson] })!;
    expect(r.evidence.map((x) => x.id)).toEqual(['c1', 'overgenomen:l1']);
    expect(r.evidence[1]).toMatchObject({ kind: 'leerpunten', occurredOn: '2026-02-01', recordedAt: '2026-03-02T08:59:00.000Z', data: { leerpunten: 'Eerder beginnen.', overgenomenUit: 'l1' } });
    expect(r.gaps).toEqual([expect.objectContaining({ kind: 'carried-lessons-not-audited', seqs: [newCycle.seq] })]);

    // Once NEW_CYCLE audits the copies, they are replayed as recorded and nothing is invented.
    seq = 10;
    const audited = ev('evidence.recorded', '2026-03-02T08:59:00.000Z', {
      evidence: { ...lesson, id: 'l1-copy', dossierId: D, recordedAt: '2026-03-02T08:59:00.000Z', data: { ...lesson.data, overgenomenUit: 'l1' } },
    });
    const r2 = replayDossier([created('2026-03-02T08:59:00.000Z', { previousDossierId: PREV }), audited], '2026-03-02T09:00:00.000Z', { event: newCycle, records: [lesson] })!;
    expect(r2.evidence.map((x) => x.id)).toEqual(['c1', 'l1-copy']);
    expect(r2.gaps).toEqual([]);
  });
});
