import { DossierState, EvidenceRecord } from '../../../workflows/evidence';
import { defaultRegistry } from '../../../workflows/registry';
import { factsWith, rec } from '../../../workflows/testing/facts-builder';
import { DossierRow, toWaiverFact, WaiverRow } from '../dossier.repository';
import { toDossierView } from '../dossier.view';
import { COMPLIANCE_SETTINGS } from '../../config';
import { computeCompliance } from './compliance-row';

const workflow = defaultRegistry().get({ id: 'drenthe-verbindend-besturen', version: '2021' })!;

function project(evidence: EvidenceRecord[], state: DossierState, waivers: WaiverRow[] = []) {
  const row: DossierRow = {
    id: 'd-1', title: 'Dossier', workflowId: workflow.definition.id, workflowVersion: workflow.definition.version, state, version: 3,
    enteredPhaseOn: '2026-01-05', enteredPhaseAt: '2026-01-05T09:00:00.000Z', strategisch: true, besluitvormer: 'PS', assigneeId: 'u-1',
    createdBy: 'u-1', createdAt: '2026-01-01T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', previousDossierId: null, followUpDossierId: null,
  };
  const facts = factsWith(evidence, { state, waivers: waivers.map(toWaiverFact) });
  const next = toDossierView({ row, workflow, evidence, waivers, facts }).next;
  return { next, ...computeCompliance({ row, facts, next, waivers, settings: COMPLIANCE_SETTINGS }) };
}

const classified = (strategisch: boolean, occurredOn = '2026-01-02') =>
  rec('classificatie', { strategisch, strategischMotivatie: 'm', besluitvormer: 'PS', besluittype: 'verordening', instrumentType: 'none', herkomst: 'gs-initiatief', reden: 'r' }, { occurredOn });

const waiver = (status: WaiverRow['status']): WaiverRow => ({
  id: `w-${status}`, dossierId: 'd-1', requirementId: 'G2-01', reasonCode: 'spoed', motivation: 'm', requestedBy: 'u-1', requestedAt: '2026-01-06T09:00:00.000Z',
  approverId: null, status, decidedBy: status === 'requested' ? null : 'u-2', decidedAt: null, decisionNote: null, usedAt: null, usedByEvent: null,
});

describe('the compliance row of one dossier', () => {
  it('turns the evaluation of the next ADVANCE into open hard and advisory ids and a matrix, in requirement order', () => {
    const { row, next } = project([classified(true)], 'voorbereiding-beleid');
    expect(row.nextTo).toBe('ontwikkeling-voorstel');
    expect(row.hardOpenIds).toEqual(next!.blocking);
    expect(row.hardOpenIds).toContain('G2-01');
    expect(row.advisoryOpenIds).toEqual(next!.explanationsRequired);
    expect(row.matrix.map((m) => m.id)).toEqual(next!.requirements.map((r) => r.id));
    expect(row.matrix.find((m) => m.id === 'G2-01')).toMatchObject({ severity: 'hard', status: 'open', waiver: null });
    expect(row.matrix.find((m) => m.id === 'X-01')).toMatchObject({ status: 'met' });
    expect(row.matrix.find((m) => m.id === 'G2-10')).toMatchObject({ status: 'not-applicable' });
  });

  it('shows an approved waiver as waived (and pending until used), a requested one as open with its waiver', () => {
    const approved = project([classified(true)], 'voorbereiding-beleid', [waiver('approved')]).row;
    expect(approved.matrix.find((m) => m.id === 'G2-01')).toEqual({ id: 'G2-01', severity: 'hard', waivable: true, status: 'waived', waiver: { id: 'w-approved', status: 'approved' } }); // only what is stored: no names
    expect(approved.hardOpenIds).not.toContain('G2-01');
    expect(approved.waivedIds).toEqual(['G2-01']);
    expect(approved.waiversPendingIds).toEqual(['w-approved']);
    const requested = project([classified(true)], 'voorbereiding-beleid', [waiver('requested')]).row;
    expect(requested.matrix.find((m) => m.id === 'G2-01')).toMatchObject({ status: 'open', waiver: { id: 'w-requested', status: 'requested' } });
    const used = project([classified(true)], 'ontwikkeling-voorstel', [waiver('used')]).row;
    expect(used).toMatchObject({ waiversUsedIds: ['w-used'], waiversPendingIds: [] });
  });

  it('alerts on strategisch true → false only, with the record, its date and reason', () => {
    const down = rec('classificatie', { strategisch: false, reden: 'Toch niet' }, { occurredOn: '2026-02-01', recordedAt: '2026-02-03T08:00:00.000Z' });
    const up = rec('classificatie', { strategisch: true, reden: 'Toch wel' });
    const { row } = project([classified(true), down, up], 'voorfase-agendasetting');
    expect(row.reclassifications).toEqual([{ evidenceId: down.id, occurredOn: '2026-02-01', recordedAt: '2026-02-03T08:00:00.000Z', recordedOn: '2026-02-03', recordedBy: 'u-1', reden: 'Toch niet' }]);
    expect(project([classified(false), up], 'voorfase-agendasetting').row.reclassifications).toEqual([]);
  });

  it('keeps the startnotitie dates, no next transition in a final state, and the earliest open deadline', () => {
    const startnotitie = rec('document', { documentType: 'startnotitie', titel: 'S', vastgesteldDoorGsOn: '2026-01-10' });
    const commissie = rec('procedure', { stap: 'commissiebehandeling', onderwerp: 'startnotitie', vergaderdatum: '2026-01-20' });
    const ter = rec('procedure', { stap: 'terinzagelegging', startOn: '2026-03-02' });
    const verzoek = rec('procedure', { stap: 'agenderingsverzoek', ingediendOn: '2026-01-15', geldigeOndersteuners: 450, binnenBevoegdheidPs: true });
    const { row } = project([classified(true), startnotitie, commissie, ter, verzoek], 'voorfase-agendasetting');
    expect(row).toMatchObject({ startnotitieAdoptedOn: '2026-01-10', startnotitieSentToPsOn: null, startnotitieCommitteeOn: '2026-01-20' });
    expect(row).toMatchObject({ openTimers: 2, nextDeadline: '2026-04-13' });
    const closed = project([classified(true), ter], 'afgesloten');
    expect(closed.row).toMatchObject({ nextTo: null, matrix: [], hardOpenIds: [], phaseOrder: 7, openTimers: 0, nextDeadline: null });
  });
});
