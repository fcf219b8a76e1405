import { ActiviteitData, DossierState, ParticipatieparagraafPlan, PhaseId } from './evidence';
import { assessParticipation, compareParticipation, paragraphHasContent, PlanLineStatus, statePosition } from './participation';
import { factsWith, rec } from './testing/facts-builder';

/** An activity of the dossier; `fase`, `doelgroepen` and `status` are what the comparison reads. */
const act = (id: string, fase: PhaseId, doelgroepen: string[], status: ActiviteitData['status'], more: Partial<ActiviteitData> = {}) =>
  rec(
    'activiteit',
    { instrumentId: 'drents-panel', organisator: 'GS', fase, inwonersGericht: true, doelgroepen, startOn: '2026-03-01', status, ...more },
    { id },
  );
const plan = (participatieparagraaf: ParticipatieparagraafPlan, id = 'plan-1') =>
  rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf }, { id });

const LEVEL_JONGEREN: ParticipatieparagraafPlan = {
  niveaus: [{ doelgroep: 'Jongeren', fase: 'voorbereiding-beleid', niveau: 'consulteren' }],
};

describe('statePosition', () => {
  it.each<[DossierState, number]>([
    ['voorfase-agendasetting', 1],
    ['voorbereiding-beleid', 2],
    ['ontwikkeling-voorstel', 3],
    ['kaderstelling-besluitvorming', 4],
    ['uitvoering', 5],
    ['controle-evaluatie', 6],
    ['afgesloten', 7],
    ['ingetrokken', 8],
  ])('%s is position %i', (state, position) => {
    expect(statePosition(state)).toBe(position);
  });
});

describe('paragraphHasContent', () => {
  it.each<[string, ParticipatieparagraafPlan | null | undefined, boolean]>([
    ['no paragraph (undefined)', undefined, false],
    ['no paragraph (null)', null, false],
    ['an empty paragraph', {}, false],
    ['a filled doel', { doel: 'Draagvlak' }, true],
    ['a doel of blanks only', { doel: '   ' }, false],
    ['a filled ruimteVoorInvloed', { ruimteVoorInvloed: 'Veel' }, true],
    ['a filled planning', { planning: 'Q3' }, true],
    ['a filled terugkoppeling', { terugkoppeling: 'Per brief' }, true],
    ['a filled informatievindplaats', { informatievindplaats: 'provincie.nl' }, true],
    ['one named target group among blanks', { doelgroepen: [' ', 'Jongeren'] }, true],
    ['only blank target groups', { doelgroepen: ['', '  '] }, false],
    ['a level for a named target group', LEVEL_JONGEREN, true],
    ['a level with a blank target group', { niveaus: [{ doelgroep: ' ', fase: 'uitvoering', niveau: 'informeren' }] }, false],
    ['a level without a level', { niveaus: [{ doelgroep: 'Jongeren', fase: 'uitvoering', niveau: '' as never }] }, false],
    ['a level without a phase', { niveaus: [{ doelgroep: 'Jongeren', fase: '' as never, niveau: 'informeren' }] }, false],
    ['a null level entry (stored JSON)', { niveaus: [null as never] }, false],
    ['a named instrument with a phase', { instrumenten: [{ instrumentId: 'drents-panel', fase: 'uitvoering' }] }, true],
    ['an instrument with a blank id', { instrumenten: [{ instrumentId: ' ', fase: 'uitvoering' }] }, false],
    ['an instrument without a phase', { instrumenten: [{ instrumentId: 'drents-panel', fase: '' as never }] }, false],
    ['a null instrument entry (stored JSON)', { instrumenten: [null as never] }, false],
  ])('%s → %s', (_name, p, want) => {
    expect(paragraphHasContent(p)).toBe(want);
  });
});

describe('assessParticipation: one level line', () => {
  // The plan asks to consult Jongeren in phase 2; the dossier stands in phase 3 unless a row says otherwise.
  it.each<[string, () => ReturnType<typeof act>[], PlanLineStatus, { settled: boolean; due?: boolean; gap?: boolean; state?: DossierState }]>([
    ['realised: carried out at the planned level', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd', { niveau: 'consulteren' })], 'realised', { settled: true, gap: false }],
    ['realised: carried out above the planned level', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd', { niveau: 'meebeslissen' })], 'realised', { settled: true }],
    ['realised: target groups match regardless of case and spaces', () => [act('a', 'voorbereiding-beleid', [' jongeren '], 'uitgevoerd', { niveau: 'consulteren' })], 'realised', { settled: true }],
    ['lower-level: carried out below the planned level', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd', { niveau: 'informeren' })], 'lower-level', { settled: false, gap: true }],
    ['lower-level: carried out without a level', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd')], 'lower-level', { settled: false }],
    ['scheduled: only planned activities', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'gepland', { niveau: 'consulteren' })], 'scheduled', { settled: false, gap: true }],
    [
      'scheduled: a planned activity next to a cancelled one',
      () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd', { annuleringsreden: 'storm' }), act('b', 'voorbereiding-beleid', ['Jongeren'], 'gepland')],
      'scheduled',
      { settled: false },
    ],
    ['cancelled with a reason is settled', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd', { annuleringsreden: 'Geen animo' })], 'cancelled', { settled: true, gap: false }],
    ['cancelled without a reason is not settled', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd')], 'cancelled', { settled: false, gap: true }],
    ['cancelled with a blank reason is not settled', () => [act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd', { annuleringsreden: '  ' })], 'cancelled', { settled: false }],
    [
      'cancelled twice, one without a reason, is not settled',
      () => [
        act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd', { annuleringsreden: 'Geen animo' }),
        act('b', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd'),
      ],
      'cancelled',
      { settled: false },
    ],
    ['missing: nothing recorded', () => [], 'missing', { settled: false, gap: true }],
    ['missing: an activity in another phase does not count', () => [act('a', 'ontwikkeling-voorstel', ['Jongeren'], 'uitgevoerd', { niveau: 'meebeslissen' })], 'missing', { settled: false }],
    ['missing: an activity for another target group does not count', () => [act('a', 'voorbereiding-beleid', ['Ouderen'], 'uitgevoerd', { niveau: 'meebeslissen' })], 'missing', { settled: false }],
    ['not due while the dossier is still in the planned phase', () => [], 'missing', { settled: false, due: false, gap: false, state: 'voorbereiding-beleid' }],
    ['due once the dossier is closed', () => [], 'missing', { settled: false, due: true, gap: true, state: 'afgesloten' }],
    ['never due in a withdrawn dossier', () => [], 'missing', { settled: false, due: false, gap: false, state: 'ingetrokken' }],
  ])('%s', (_name, activities, status, want) => {
    const f = factsWith([plan(LEVEL_JONGEREN), ...activities()], { state: want.state ?? 'ontwikkeling-voorstel' });
    const a = assessParticipation(f);
    expect(a.lines).toHaveLength(1);
    const [line] = a.lines;
    expect(line).toMatchObject({ kind: 'level', fase: 'voorbereiding-beleid', doelgroep: 'Jongeren', planned: 'consulteren', status, settled: want.settled });
    expect(line.due).toBe(want.due ?? true);
    expect(line.gap).toBe(want.gap ?? ((want.due ?? true) && !want.settled));
    expect(a.gaps).toBe(line.gap ? 1 : 0);
    expect(a.realised).toBe(status === 'realised' ? 1 : 0);
  });
});

describe('assessParticipation: instrument lines, plan source and unplanned activities', () => {
  it('an instrument line is realised by any carried-out activity with that instrument in that phase', () => {
    const f = factsWith(
      [
        plan({ instrumenten: [{ instrumentId: 'drents-panel', fase: 'voorbereiding-beleid', doelgroep: 'Inwoners' }] }),
        act('a', 'voorbereiding-beleid', ['Iedereen'], 'uitgevoerd'),
        act('b', 'voorbereiding-beleid', ['Iedereen'], 'uitgevoerd', { instrumentId: 'webinar' }),
        act('c', 'uitvoering', ['Iedereen'], 'uitgevoerd'),
      ],
      { state: 'ontwikkeling-voorstel' },
    );
    const a = assessParticipation(f);
    expect(a.lines).toEqual([
      { kind: 'instrument', fase: 'voorbereiding-beleid', doelgroep: 'Inwoners', planned: 'drents-panel', status: 'realised', settled: true, due: true, gap: false, activityIds: ['a'] },
    ]);
    expect(a.unplanned.map((u) => u.activityId)).toEqual(['b', 'c']);
  });

  it('an instrument line without a target group has doelgroep null', () => {
    const f = factsWith([plan({ instrumenten: [{ instrumentId: 'drents-panel', fase: 'uitvoering', doelgroep: ' ' }] })]);
    expect(assessParticipation(f).lines.map((l) => l.doelgroep)).toEqual([null]);
  });

  it('entries without a target group, level, instrument or phase plan nothing', () => {
    const f = factsWith([
      plan({
        doel: 'Draagvlak',
        niveaus: [
          { doelgroep: ' ', fase: 'uitvoering', niveau: 'informeren' },
          { doelgroep: 'Jongeren', fase: 'uitvoering', niveau: '' as never },
          { doelgroep: 'Jongeren', fase: '' as never, niveau: 'informeren' },
          null as never,
        ],
        instrumenten: [{ instrumentId: '', fase: 'uitvoering' }, { instrumentId: 'drents-panel', fase: '' as never }, null as never],
      }),
    ]);
    const a = assessParticipation(f);
    expect(a.lines).toEqual([]);
    expect(a.planned).toBe(0);
    expect(a.planSourceId).toBe('plan-1');
  });

  it('counts planned lines, realised lines and gaps', () => {
    const f = factsWith(
      [
        plan({
          niveaus: [
            { doelgroep: 'Jongeren', fase: 'voorbereiding-beleid', niveau: 'informeren' },
            { doelgroep: 'Ouderen', fase: 'voorbereiding-beleid', niveau: 'informeren' },
            { doelgroep: 'Ouderen', fase: 'uitvoering', niveau: 'informeren' },
          ],
        }),
        act('a', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd', { niveau: 'informeren' }),
      ],
      { state: 'ontwikkeling-voorstel' },
    );
    const a = assessParticipation(f);
    expect([a.planned, a.realised, a.gaps]).toEqual([3, 1, 1]);
    expect(a.lines.map((l) => [l.doelgroep, l.fase, l.status, l.gap])).toEqual([
      ['Jongeren', 'voorbereiding-beleid', 'realised', false],
      ['Ouderen', 'voorbereiding-beleid', 'missing', true],
      ['Ouderen', 'uitvoering', 'missing', false],
    ]);
  });

  it('lists carried-out activities no line asked for, not planned or cancelled ones, and gives a missing level as null', () => {
    const f = factsWith([
      plan(LEVEL_JONGEREN),
      act('used', 'voorbereiding-beleid', ['Jongeren'], 'uitgevoerd', { niveau: 'informeren' }),
      act('extra', 'uitvoering', ['Ouderen'], 'uitgevoerd'),
      act('extra-level', 'uitvoering', ['Ouderen'], 'uitgevoerd', { niveau: 'consulteren', instrumentId: 'webinar' }),
      act('later', 'uitvoering', ['Ouderen'], 'gepland'),
      act('off', 'uitvoering', ['Ouderen'], 'geannuleerd'),
    ]);
    expect(assessParticipation(f).unplanned).toEqual([
      { activityId: 'extra', instrumentId: 'drents-panel', fase: 'uitvoering', niveau: null, doelgroepen: ['Ouderen'] },
      { activityId: 'extra-level', instrumentId: 'webinar', fase: 'uitvoering', niveau: 'consulteren', doelgroepen: ['Ouderen'] },
    ]);
  });

  it('a planned-only match does not count as used', () => {
    const f = factsWith([plan(LEVEL_JONGEREN), act('p', 'voorbereiding-beleid', ['Jongeren'], 'gepland')]);
    expect(assessParticipation(f).unplanned).toEqual([]);
  });

  it.each<[string, () => ReturnType<typeof rec>[], string | null, string | null]>([
    ['no plan: no source', () => [], null, null],
    ['a document without a paragraph is no source', () => [rec('document', { documentType: 'gs-voorstel', titel: 'x' }, { id: 'g' })], null, null],
    [
      'the latest document with content is the plan',
      () => [plan({ doel: 'a' }, 'old'), rec('document', { documentType: 'gs-voorstel', titel: 'x', participatieparagraaf: { doel: 'b' } }, { id: 'new' })],
      'new',
      'gs-voorstel',
    ],
    ['a later empty paragraph does not replace the plan', () => [plan({ doel: 'a' }, 'old'), plan({ doel: ' ' }, 'empty')], 'old', 'startnotitie'],
    [
      'a superseded paragraph is out of force',
      () => [plan({ doel: 'a' }, 'old'), rec('document', { documentType: 'overig', titel: 'x', participatieparagraaf: { doel: 'b' } }, { id: 'v1' }), rec('document', { documentType: 'overig', titel: 'x' }, { supersedes: 'v1' })],
      'old',
      'startnotitie',
    ],
  ])('%s', (_name, evidence, id, type) => {
    const a = assessParticipation(factsWith(evidence()));
    expect(a.planSourceId).toBe(id);
    expect(a.planSourceType).toBe(type);
  });
});

describe('compareParticipation', () => {
  it('is the assessment without the rules-only `settled` flag', () => {
    const f = factsWith([plan(LEVEL_JONGEREN), act('a', 'voorbereiding-beleid', ['Jongeren'], 'geannuleerd', { annuleringsreden: 'storm' })], { state: 'uitvoering' });
    const c = compareParticipation(f);
    const { lines, ...rest } = assessParticipation(f);
    expect(c).toEqual({ ...rest, lines: lines.map(({ settled: _s, ...l }) => l) });
    expect(c.lines[0]).not.toHaveProperty('settled');
    expect(c.lines[0]).toMatchObject({ status: 'cancelled', gap: false, activityIds: ['a'] });
  });
});
