import { FlagDetector } from './flags';
import { AuditEventRow, AuditPayload } from './canonical-event';

let seq = 0;
function ev(action: string, payload: AuditPayload, dossierId: string | null = 'd1'): AuditEventRow {
  seq++;
  return {
    seq, stream: dossierId ?? 'system', streamSeq: seq, id: `e${seq}`, occurredAt: '2026-03-02T09:00:00.000Z', actorId: 'tineke', actorRoles: ['teamleider'],
    action, dossierId, workflowId: null, workflowVersion: null, payload, prevHash: '', hash: '',
  };
}

describe('FlagDetector: token-issued-by-another (issue #12)', () => {
  const issuer = { id: 'bert', name: 'Bert Beheer', tokenId: '0123456789abcdef' };

  it('flags every dossier action taken with a token someone else issued, naming the issuer', () => {
    const d = new FlagDetector(() => undefined);
    const flags = [ev('waiver.approved', { tokenIssuedBy: issuer }), ev('dossier.assigned', { tokenIssuedBy: issuer })].flatMap((e) => d.add(e));
    expect(flags.map((f) => [f.kind, f.seqs, f.details.issuedBy, f.details.action])).toEqual([
      ['token-issued-by-another', [1], 'bert', 'waiver.approved'],
      ['token-issued-by-another', [2], 'bert', 'dossier.assigned'],
    ]);
    expect(flags[0].description.nl).toContain('Bert Beheer');
  });

  it('leaves actions with the user\'s own token, system events and unselected kinds alone', () => {
    expect(new FlagDetector(() => undefined).add(ev('waiver.approved', {}))).toEqual([]);
    expect(new FlagDetector(() => undefined).add(ev('token.created', { tokenIssuedBy: issuer }, null))).toEqual([]);
    expect(new FlagDetector(() => undefined, new Set(['quick-waiver-approval'])).add(ev('dossier.created', { tokenIssuedBy: issuer }))).toEqual([]);
  });
});
