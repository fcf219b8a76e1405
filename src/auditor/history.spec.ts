import { AuditEventRow, AuditPayload } from '../audit';
import { ReferenceIndex, summarize, toHistoryEntry } from './history';

let seq = 0;
function ev(action: string, payload: AuditPayload, occurredAt = '2026-03-02T23:30:00.000Z'): AuditEventRow {
  seq++;
  return {
    seq, stream: 'd', streamSeq: seq, id: `e${seq}`, occurredAt, actorId: 'bea', actorRoles: ['beleidsmedewerker'], action, dossierId: 'd',
    workflowId: 'drenthe-verbindend-besturen', workflowVersion: '2021', payload, prevHash: 'p', hash: `h${seq}`,
  };
}

describe('history entries', () => {
  it('carry the kind, the Amsterdam date, the payload unchanged and the hashes', () => {
    const e = ev('transition.refused', { event: 'ADVANCE', from: 'voorfase-agendasetting', refusal: 'requirements-unmet', evaluation: [{ id: 'G1-03', blockReason: 'waiver-required' }, { id: 'X-01' }] });
    const entry = toHistoryEntry(e, null);
    expect(entry).toMatchObject({ seq: e.seq, kind: 'transition', action: 'transition.refused', at: e.occurredAt, localDate: '2026-03-03', payload: e.payload, hash: e.hash, prevHash: 'p' });
    expect(entry.summary).toEqual({ nl: 'ADVANCE geweigerd (niet voldaan: G1-03).', en: 'ADVANCE refused (unmet: G1-03).' });
  });

  it('summarise each kind of event in both languages', () => {
    expect(summarize(ev('classification.changed', { before: { strategisch: true, besluitvormer: 'PS' }, after: { strategisch: false, besluitvormer: 'PS' }, reden: 'Herzien' })).nl).toBe(
      'Classificatie gewijzigd: strategisch ja → nee; reden: “Herzien”.',
    );
    expect(summarize(ev('dossier.assigned', { before: { assigneeId: null }, after: { assigneeId: 'bram' } })).en).toBe('Assigned to bram (was nobody).');
    expect(summarize(ev('waiver.approved', { after: { requirementId: 'G1-03', requestedBy: 'bea' }, requester: 'bea', approver: 'tom' })).nl).toBe(
      'Vrijstelling voor G1-03 goedgekeurd door tom (gevraagd door bea).',
    );
    expect(summarize(ev('evidence.superseded', { evidence: { id: 'b', supersedes: 'a', kind: 'document', occurredOn: '2026-03-01', data: { documentType: 'startnotitie' } } })).en).toBe(
      'Evidence a corrected by b (document / startnotitie), happened on 2026-03-01.',
    );
    expect(summarize(ev('timer.started', { timerId: 'TM-03', computedEnd: '2026-04-13' })).nl).toBe('Termijn: timer.started (timerId TM-03, computedEnd 2026-04-13).');
    expect(summarize(ev('iets.nieuws', {})).en).toBe('iets.nieuws.');
  });

  it('resolve what a transition rested on as it was then: evidence with the event that recorded it, waivers with requester and approver', () => {
    seq = 0;
    const refs = new ReferenceIndex();
    const recorded = ev('evidence.recorded', { evidence: { id: 'a', kind: 'checkvraag', occurredOn: '2026-03-01', recordedAt: 'x', recordedBy: 'bea', supersedes: null } });
    const requested = ev('waiver.requested', { waiver: { id: 'w', requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'm', requestedBy: 'bea', requestedAt: 'r' } });
    const approved = ev('waiver.approved', { after: { id: 'w', requirementId: 'G1-03', reasonCode: 'spoed', motivation: 'm', requestedBy: 'bea', decidedBy: 'tom', decidedAt: 'd' } });
    const done = ev('transition.done', { waiversUsed: { 'G1-03': 'w' }, evaluation: [{ id: 'X-04', evidence: ['w'] }, { id: 'G2-03', evidence: ['a', 'later'] }] });
    const corrected = ev('evidence.superseded', { evidence: { id: 'later', kind: 'checkvraag', supersedes: 'a' } });
    for (const e of [recorded, requested, approved, corrected]) refs.add(e);
    const entry = toHistoryEntry(done, refs);
    expect(entry.references!.waivers).toEqual([
      { requirementId: 'G1-03', waiverId: 'w', reasonCode: 'spoed', motivation: 'm', requestedBy: 'bea', requestedByName: null, requestedAt: 'r', approvedBy: 'tom', approvedByName: null, approvedAt: approved.occurredAt, decisionNote: null },
    ]);
    // With names, people are named (issue #11): requester and approver, and the actor of the entry.
    const named = toHistoryEntry(done, refs, new Map([['bea', 'Bea Jansen'], ['tom', 'Tom Bakker']]));
    expect(named.references!.waivers[0]).toMatchObject({ requestedByName: 'Bea Jansen', approvedByName: 'Tom Bakker' });
    expect(named.actor.name).toBe('Bea Jansen');
    // 'a' was not yet corrected when the transition happened; 'later' did not exist yet.
    expect(entry.references!.evidence).toEqual([
      expect.objectContaining({ id: 'a', kind: 'checkvraag', recordedInSeq: recorded.seq, recordedInHash: recorded.hash, supersededBy: null }),
      expect.objectContaining({ id: 'later', kind: null, recordedInSeq: null }),
    ]);
  });
});
