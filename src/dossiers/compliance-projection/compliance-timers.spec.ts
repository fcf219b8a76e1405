import { factsWith, rec } from '../../../workflows/testing/facts-builder';
import { COMPLIANCE_SETTINGS } from '../../config';
import { deriveTimers } from './compliance-timers';

const timers = (...args: Parameters<typeof factsWith>) => deriveTimers(factsWith(...args), COMPLIANCE_SETTINGS);

describe('dashboard timers derived from facts', () => {
  it('TM-01: six weeks from the terinzagelegging, extended past a Sunday; open while the dossier is in ontwikkeling-voorstel', () => {
    const ter = rec('procedure', { stap: 'terinzagelegging', startOn: '2026-03-02' });
    const [t] = timers([ter], { state: 'ontwikkeling-voorstel' });
    expect(t).toMatchObject({
      timerId: 'TM-01',
      sourceId: ter.id,
      start: '2026-03-02',
      computedEnd: '2026-04-13',
      status: 'open',
      closedReason: null,
      calendarRuleVersion: 'atw-2026.2',
      key: `d-1:TM-01:${ter.id}:2026-04-13`,
    });
    expect(t.extendedBy.length).toBeGreaterThan(0);
    expect(timers([ter], { state: 'kaderstelling-besluitvorming' })[0]).toMatchObject({ status: 'closed', closedReason: 'dossier-verder' });
    expect(timers([ter], { state: 'ingetrokken' })[0]).toMatchObject({ status: 'closed', closedReason: 'dossier-ingetrokken' });
    // A longer statutory period moves the end, and so the key.
    const eight = rec('procedure', { stap: 'terinzagelegging', startOn: '2026-03-02', termijnWeken: 8 });
    // Eight weeks end Sunday 26 April; Monday 27 April is Koningsdag (Atw art. 3(1)), so Tuesday 28 April.
    expect(timers([eight], { state: 'ontwikkeling-voorstel' })[0].computedEnd).toBe('2026-04-28');
  });

  it('TM-01: a superseded terinzagelegging no longer counts', () => {
    const old = rec('procedure', { stap: 'terinzagelegging', startOn: '2026-03-02' });
    const fix = rec('procedure', { stap: 'terinzagelegging', startOn: '2026-03-09' }, { supersedes: old.id });
    expect(timers([old, fix], { state: 'ontwikkeling-voorstel' }).map((t) => t.sourceId)).toEqual([fix.id]);
  });

  it('TM-06: one year from submission with the support count against 400; closed by the Presidium decision', () => {
    const verzoek = rec('procedure', { stap: 'agenderingsverzoek', ingediendOn: '2026-03-10', geldigeOndersteuners: 312, binnenBevoegdheidPs: true });
    const [t] = timers([verzoek]);
    expect(t).toMatchObject({ timerId: 'TM-06', computedEnd: '2027-03-09', status: 'open', details: { ondersteuners: 312, drempel: 400, drempelGehaald: false } });
    const presidium = rec('besluit', { orgaan: 'Presidium', onderwerp: 'agendering', kenmerk: 'P-1', besluitdatum: '2026-05-01' });
    expect(timers([verzoek, presidium])[0]).toMatchObject({ status: 'closed', closedReason: 'presidium-besluit' });
  });

  it('TM-10: the configured window for PS wensen en bedenkingen; closed by the reaction or the GS decision', () => {
    const wb = rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'PS', gelegenheidGebodenOn: '2026-03-02' });
    const [t] = timers([wb], { state: 'kaderstelling-besluitvorming' });
    expect(t).toMatchObject({ timerId: 'TM-10', start: '2026-03-02', computedEnd: '2026-04-12', status: 'open', calendarRuleVersion: 'no-atw' });
    const reacted = rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'PS', gelegenheidGebodenOn: '2026-03-02', reactieOn: '2026-03-20' });
    expect(timers([reacted], { state: 'kaderstelling-besluitvorming' })[0]).toMatchObject({ status: 'closed', closedReason: 'ps-reactie' });
    const gs = rec('besluit', { orgaan: 'GS', onderwerp: 'eindbesluit', kenmerk: 'GS-1', besluitdatum: '2026-04-20' });
    expect(timers([wb, gs], { state: 'kaderstelling-besluitvorming' })[0].closedReason).toBe('gs-besloten');
    // GS's own opportunity (Pw 143) is not a PS window.
    expect(timers([rec('procedure', { stap: 'wensen-en-bedenkingen', partij: 'GS', gelegenheidGebodenOn: '2026-03-02' })])).toEqual([]);
  });

  it('TM-11: the evaluation date of the plan, else the cycle from the entry into force; closed by an evaluation report', () => {
    const besluit = rec('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'S-1', besluitdatum: '2026-01-10', inwerkingtredingOn: '2026-02-01' });
    expect(timers([besluit], { state: 'kaderstelling-besluitvorming' })).toEqual([]);
    expect(timers([besluit], { state: 'uitvoering' })[0]).toMatchObject({ timerId: 'TM-11', start: '2026-02-01', computedEnd: '2027-02-01', status: 'open', details: { bron: 'cyclus' } });
    const plan = rec('document', { documentType: 'evaluatieplan', titel: 'Plan', evaluatieplan: { wanneer: '2026-12-01', hoe: 'x', indicatoren: ['y'] } });
    expect(timers([besluit, plan], { state: 'uitvoering' })[0]).toMatchObject({ computedEnd: '2026-12-01', sourceId: plan.id, details: { bron: 'evaluatieplan' } });
    const report = rec('document', { documentType: 'evaluatierapport', titel: 'Evaluatie' });
    expect(timers([besluit, report], { state: 'controle-evaluatie' })[0]).toMatchObject({ status: 'closed', closedReason: 'evaluatie-gereed' });
  });
});
