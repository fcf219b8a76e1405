import { ActiviteitData } from '../../../workflows/evidence';
import { factsWith, rec } from '../../../workflows/testing/facts-builder';
import { doeWatJeZegt } from '../../../workflows/drenthe-verbindend-besturen/requirements/t3';
import { evaluateRequirements } from '../../../workflows/requirement';
import { assessParticipation } from '../../../workflows/participation';
import { compareParticipation } from './participation';

const activity = (over: Partial<ActiviteitData>) =>
  rec('activiteit', {
    instrumentId: 'atelier',
    organisator: 'GS',
    fase: 'voorbereiding-beleid',
    inwonersGericht: true,
    niveau: 'consulteren',
    doelgroepen: ['inwoners'],
    startOn: '2026-03-02',
    status: 'uitgevoerd',
    ...over,
  });

const plan = rec('document', {
  documentType: 'startnotitie',
  titel: 'Startnotitie',
  participatieparagraaf: {
    niveaus: [
      { doelgroep: 'inwoners', fase: 'voorbereiding-beleid', niveau: 'consulteren' },
      { doelgroep: 'jongeren', fase: 'voorbereiding-beleid', niveau: 'meebeslissen' },
      { doelgroep: 'bedrijven', fase: 'voorbereiding-beleid', niveau: 'informeren' },
      { doelgroep: 'inwoners', fase: 'uitvoering', niveau: 'informeren' },
    ],
    instrumenten: [
      { instrumentId: 'atelier', fase: 'voorbereiding-beleid' },
      { instrumentId: 'drents-panel', fase: 'voorbereiding-beleid' },
      { instrumentId: 'expertsessie', fase: 'voorbereiding-beleid' },
    ],
  },
});

describe('planned versus realised participation', () => {
  it('marks each plan line realised, lower-level, scheduled, cancelled or missing, and counts gaps only for phases behind the dossier', () => {
    const atelier = activity({ doelgroepen: ['Inwoners '] });
    const jong = activity({ instrumentId: 'drents-panel', doelgroepen: ['jongeren'], niveau: 'consulteren' });
    const cancelled = activity({ instrumentId: 'expertsessie', status: 'geannuleerd', doelgroepen: ['bedrijven'], annuleringsreden: 'Geen aanmeldingen' });
    const extra = activity({ instrumentId: 'keukentafelgesprekken', doelgroepen: ['agrariërs'] });
    const c = compareParticipation(factsWith([plan, atelier, jong, cancelled, extra], { state: 'ontwikkeling-voorstel' }));
    expect(c.planSourceId).toBe(plan.id);
    expect(c.lines.map((l) => [l.kind, l.doelgroep ?? l.planned, l.status, l.due, l.gap])).toEqual([
      ['level', 'inwoners', 'realised', true, false],
      ['level', 'jongeren', 'lower-level', true, true],
      ['level', 'bedrijven', 'cancelled', true, false], // cancelled with a reason
      ['level', 'inwoners', 'missing', false, false], // uitvoering lies ahead
      ['instrument', 'atelier', 'realised', true, false],
      ['instrument', 'drents-panel', 'realised', true, false],
      ['instrument', 'expertsessie', 'cancelled', true, false],
    ]);
    expect(c.unplanned.map((u) => u.activityId)).toEqual([extra.id]);
    expect(c).toMatchObject({ planned: 7, realised: 3, gaps: 1 });
  });

  it('counts a cancellation without a reason, and a scheduled activity in a past phase, as gaps', () => {
    const noReason = activity({ status: 'geannuleerd' });
    const scheduled = activity({ instrumentId: 'drents-panel', status: 'gepland' });
    const c = compareParticipation(factsWith([plan, noReason, scheduled], { state: 'afgesloten' }));
    expect(c.lines.find((l) => l.planned === 'atelier')).toMatchObject({ status: 'cancelled', gap: true });
    expect(c.lines.find((l) => l.planned === 'drents-panel')).toMatchObject({ status: 'scheduled', gap: true });
    expect(c.lines.every((l) => l.due)).toBe(true);
  });

  it('has nothing to compare without a plan, and owes nothing once withdrawn', () => {
    expect(compareParticipation(factsWith([activity({})], { state: 'uitvoering' }))).toMatchObject({ planSourceId: null, planned: 0, gaps: 0, unplanned: [expect.any(Object)] });
    expect(compareParticipation(factsWith([plan], { state: 'ingetrokken' })).gaps).toBe(0);
  });
});

describe('one computation for G3-05 and the planned-versus-realised view (issue #11)', () => {
  const planWith = (niveaus: Array<{ doelgroep: string; fase: 'ontwikkeling-voorstel'; niveau: 'consulteren' | 'meebeslissen' }>) =>
    rec('document', {
      documentType: 'startnotitie',
      titel: 'Startnotitie',
      participatieparagraaf: { niveaus, instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }] },
    });
  const atelier = (over: Partial<ActiviteitData> = {}) => activity({ fase: 'ontwikkeling-voorstel', ...over });

  it.each([
    ['a planned target group without any activity', [planWith([{ doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' }]), atelier()]],
    ['a target group reached at a lower level', [planWith([{ doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' }]), atelier()]],
    ['everything realised', [planWith([{ doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' }]), atelier()]],
    ['a planned instrument only scheduled', [planWith([]), atelier({ status: 'gepland' })]],
  ])('%s: G3-05 is satisfied exactly when no plan line of phases 2–3 is open in the view', (_name, evidence) => {
    // At T3 (leaving ontwikkeling-voorstel) the view marks phase 3 as not yet due; the line statuses are the same.
    const facts = factsWith(evidence, { state: 'ontwikkeling-voorstel' });
    const view = compareParticipation(facts);
    const assessed = assessParticipation(facts);
    const [g305] = evaluateRequirements([doeWatJeZegt], facts);
    // The view's lines are the assessed lines without `settled`: one computation.
    expect(view.lines).toEqual(assessed.lines.map(({ settled: _s, ...l }) => l));
    const open = assessed.lines.filter((l) => !l.settled);
    expect(g305.status).toBe(open.length === 0 ? 'satisfied' : 'unsatisfied');
    for (const l of open) expect(g305.explanation.nl).toContain(l.kind === 'level' ? `voor doelgroep '${l.doelgroep ?? ''}'` : 'Atelier');
    expect(g305.explanation.nl).not.toMatch(/elk gepland instrument/);
  });
});
