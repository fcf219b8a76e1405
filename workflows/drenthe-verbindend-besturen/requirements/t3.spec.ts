import { EvidenceRecord } from '../../evidence';
import { evaluateRequirements, Requirement } from '../../requirement';
import { factsWith, FactsOptions, rec } from '../../testing/facts-builder';
import { runCases, runRows as runTable } from '../../testing/requirement-table';

const evaluate = (req: Requirement, evidence: EvidenceRecord[], opts?: FactsOptions) => evaluateRequirements([req], factsWith(evidence, opts))[0];
import {
  doeWatJeZegt,
  participatieparagraafInGsVoorstel,
  participatieverklaringInOntwerp,
  psEvenementenVoorDeadline,
  publicatieGsVoorstel,
  T3_REQUIREMENTS,
  uniformeOpenbareVoorbereiding,
  voorgenomenBesluitAanPs,
} from './t3';

// TEST_NOW is 2026-06-15T10:00Z, so f.today is Monday 2026-06-15.

const klass = (data: Omit<Parameters<typeof rec<'classificatie'>>[1], 'reden'>) => rec('classificatie', { reden: 'test', ...data });
const inspraak = () =>
  rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'grote groepen geraakt' });

describe('T3_REQUIREMENTS', () => {
  it('lists G3-01 … G3-07 in brief order with the brief metadata', () => {
    expect(T3_REQUIREMENTS.map((r) => r.id)).toEqual(['G3-01', 'G3-02', 'G3-03', 'G3-04', 'G3-05', 'G3-06', 'G3-07']);
    expect(T3_REQUIREMENTS.every((r) => r.transition === 'T3' && r.events.join() === 'ADVANCE')).toBe(true);
    expect(T3_REQUIREMENTS.map((r) => `${r.severity}/${r.waivable}`)).toEqual([
      'hard/true',
      'hard/false',
      'advisory/false',
      'advisory/false',
      'advisory/false',
      'advisory/false',
      'advisory/false',
    ]);
    expect(participatieparagraafInGsVoorstel.origin.seedQuote).toBe('Participatieparagraaf in GS voorstellen');
    expect(participatieverklaringInOntwerp.origin.verified).toBe(true);
    expect(participatieverklaringInOntwerp.origin.basis).toMatch(/artikel 10\.8 Omgevingsbesluit \(programma\).*artikel 5\.51 Omgevingswet \(projectbesluit\)/);
    expect(participatieverklaringInOntwerp.origin.note).toMatch(/10\.8/);
  });
});

describe('G3-01 participatieparagraaf in GS-voorstel', () => {
  const plan = { doel: 'draagvlak', instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' as const }] };
  runTable(participatieparagraafInGsVoorstel, [
    [
      'satisfied: Statenvoorstel with plan and report of activities so far',
      () => [
        rec('document', {
          documentType: 'statenvoorstel',
          titel: 'Statenvoorstel Wonen',
          participatieparagraaf: plan,
          participatieverslag: { activiteiten: 'twee ateliers' },
        }),
      ],
      'satisfied',
      /Statenvoorstel Wonen/,
    ],
    ['unsatisfied: no proposal at all', () => [rec('document', { documentType: 'startnotitie', titel: 'S', participatieparagraaf: plan })], 'unsatisfied', /nog geen voorstel/],
    [
      'unsatisfied: plan without report names participatieverslag',
      () => [rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: plan })],
      'unsatisfied',
      /participatieverslag, veld activiteiten/,
    ],
    [
      'unsatisfied: report without plan names participatieparagraaf',
      () => [rec('document', { documentType: 'ontwerpbesluit', titel: 'Ontwerp', participatieverslag: { activiteiten: 'x' } })],
      'unsatisfied',
      /mist de participatieparagraaf \(plan/,
    ],
    [
      'unsatisfied: an empty plan and blank activiteiten do not count',
      () => [
        rec('document', {
          documentType: 'beleidsvoorstel',
          titel: 'B',
          participatieparagraaf: { doelgroepen: [], doel: '  ' },
          participatieverslag: { activiteiten: ' ' },
        }),
      ],
      'unsatisfied',
      /participatieparagraaf \(plan.*en het verslag/,
    ],
    [
      'unsatisfied: plan and report in a non-proposal document do not count',
      () => [rec('document', { documentType: 'overig', titel: 'Notitie', participatieparagraaf: plan, participatieverslag: { activiteiten: 'x' } })],
      'unsatisfied',
      /nog geen voorstel/,
    ],
  ]);

  it('rests on the proposal record', () => {
    const d = rec('document', { documentType: 'statenvoorstel', titel: 'S', participatieparagraaf: plan, participatieverslag: { activiteiten: 'x' } });
    expect(evaluate(participatieparagraafInGsVoorstel, [d]).evidence).toEqual([d.id]);
  });
});

describe('G3-02 uniforme openbare voorbereiding (Awb 3.4)', () => {
  /** Terinzagelegging from 2026-05-01: six weeks end Thursday 2026-06-11 (no Atw extension). */
  const complete = (opts: { start?: string; kgOn?: string; prbId?: string; zienswijzen?: Array<{ id: string; on: string }>; answered?: string[] } = {}) => {
    const zws = opts.zienswijzen ?? [
      { id: 'zw-1', on: '2026-05-20' },
      { id: 'zw-2', on: '2026-06-01' },
    ];
    return [
      inspraak(),
      rec('procedure', { stap: 'kennisgeving-ontwerp', datum: opts.kgOn ?? '2026-04-30', prbId: opts.prbId ?? 'prb-2026-1234' }, { id: 'kg' }),
      rec('procedure', { stap: 'terinzagelegging', startOn: opts.start ?? '2026-05-01' }, { id: 'ter' }),
      rec('procedure', { stap: 'toezending-ontwerp', geenGeadresseerden: true }, { id: 'toez' }),
      ...zws.map((z) => rec('procedure', { stap: 'zienswijze', ontvangenOn: z.on, indienerRef: `indiener ${z.id}`, vorm: 'schriftelijk' }, { id: z.id })),
      rec('document', { documentType: 'reactienota', titel: 'Reactienota', beantwoordtZienswijzen: opts.answered ?? zws.map((z) => z.id) }, { id: 'rn' }),
    ];
  };
  const without = (stap: string) => () => complete().filter((r) => !(r.kind === 'procedure' && (r.data as { stap: string }).stap === stap));

  runTable(uniformeOpenbareVoorbereiding, [
    ['not applicable: no inspraak granted', () => [rec('procedure', { stap: 'inspraakbesluit', inspraak: false, awb34VanToepassing: false, motivering: 'n.v.t.' })], 'not-applicable', /Niet van toepassing/],
    ['not applicable: nothing decided yet, and the text says so', () => [], 'not-applicable', /GS hebben nog niet besloten over inspraak \(G2-09\)/],
    ['not applicable: no inspraak and no afdeling 3.4 by law, and the text says so', () => [rec('procedure', { stap: 'inspraakbesluit', inspraak: false, awb34VanToepassing: false, motivering: 'x' })], 'not-applicable', /GS verleenden geen inspraak en afdeling 3\.4 Awb is niet van rechtswege van toepassing/],
    ['satisfied: all six steps, with the computed end date reported', () => complete(), 'satisfied', /\(d\) in orde: .*tot en met 2026-06-11/],
    ['satisfied: reports the count of zienswijzen', () => complete(), 'satisfied', /\(e\) 2 zienswijzen geregistreerd.*alle tijdig/],
    ['unsatisfied: no kennisgeving (a)', without('kennisgeving-ontwerp'), 'unsatisfied', /\(a\) ontbreekt: de kennisgeving/],
    ['unsatisfied: kennisgeving one day after the terinzagelegging started (a)', () => complete({ kgOn: '2026-05-02' }), 'unsatisfied', /\(a\) te laat: .*2026-05-02.*2026-05-01/],
    ['satisfied: kennisgeving on the day the terinzagelegging starts (boundary, a)', () => complete({ kgOn: '2026-05-01' }), 'satisfied', /\(a\) in orde/],
    ['unsatisfied: malformed Provinciaal blad id (a)', () => complete({ prbId: 'Provinciaal blad 2026, 12' }), 'unsatisfied', /prb-JJJJ-N/],
    ['unsatisfied: no terinzagelegging (b, d)', without('terinzagelegging'), 'unsatisfied', /\(b\) ontbreekt: de terinzagelegging.*\(d\) niet te berekenen/],
    ['unsatisfied: no toezending record (c)', without('toezending-ontwerp'), 'unsatisfied', /\(c\) ontbreekt: .*artikel 3:13 Awb/],
    [
      'unsatisfied: toezending without date or geenGeadresseerden (c)',
      () => [...without('toezending-ontwerp')(), rec('procedure', { stap: 'toezending-ontwerp' })],
      'unsatisfied',
      /\(c\) onvolledig/,
    ],
    [
      'satisfied: toezending with a date (c)',
      () => [...without('toezending-ontwerp')(), rec('procedure', { stap: 'toezending-ontwerp', datum: '2026-04-29' })],
      'satisfied',
      /\(c\) in orde: .*2026-04-29/,
    ],
    // Start 2026-05-05: plain end Monday 2026-06-15 = today → still running.
    ['unsatisfied: zienswijzentermijn ends today (boundary, d)', () => complete({ start: '2026-05-05', zienswijzen: [] }), 'unsatisfied', /\(d\) nog niet verstreken: .*tot en met 2026-06-15.*2026-06-16/],
    // Start 2026-05-04: plain end Sunday 2026-06-14, extended by the Atw to Monday 2026-06-15 → still running.
    [
      'unsatisfied: Atw extends a Sunday end to Monday = today (d)',
      () => complete({ start: '2026-05-04', zienswijzen: [] }),
      'unsatisfied',
      /verlengd van 2026-06-14 tot en met 2026-06-15 op grond van de Algemene termijnenwet: .*2026-06-14 is een zondag/,
    ],
    [
      'satisfied: the day after the Atw-extended end (d)',
      () => complete({ start: '2026-05-04', zienswijzen: [] }),
      'satisfied',
      /\(d\) in orde: .*Algemene termijnenwet/,
      { now: '2026-06-16T10:00:00.000Z' },
    ],
    [
      'unsatisfied: a longer statutory period (8 weeks) is still running (d)',
      () => [...without('terinzagelegging')(), rec('procedure', { stap: 'terinzagelegging', startOn: '2026-05-01', termijnWeken: 8 })],
      'unsatisfied',
      /zienswijzentermijn van 8 weken loopt van 2026-05-01 tot en met 2026-06-25/,
    ],
    [
      'unsatisfied: a period shorter than six weeks is reported, not thrown (d)',
      () => [...without('terinzagelegging')(), rec('procedure', { stap: 'terinzagelegging', startOn: '2026-04-01', termijnWeken: 4 })],
      'unsatisfied',
      /termijn van 4 weken; artikel 3:16 Awb/,
    ],
    [
      'satisfied: a late zienswijze is flagged but does not block (e)',
      () => complete({ zienswijzen: [{ id: 'zw-1', on: '2026-06-01' }, { id: 'zw-laat', on: '2026-06-12' }] }),
      'satisfied',
      /waarvan 1 te laat \(na 2026-06-11\): indiener zw-laat/,
    ],
    ['satisfied: no zienswijzen, no reactienota needed (f)', () => complete({ zienswijzen: [] }).filter((r) => r.kind !== 'document'), 'satisfied', /\(f\) geen reactienota nodig/],
    [
      'unsatisfied: zienswijzen but no reactienota (f)',
      () => complete().filter((r) => r.kind !== 'document'),
      'unsatisfied',
      /\(f\) ontbreekt: een reactienota die de 2 zienswijzen/,
    ],
    [
      'unsatisfied: reactienota leaves one zienswijze unanswered and names it (f)',
      () => complete({ answered: ['zw-1'] }),
      'unsatisfied',
      /\(f\) onvolledig: 1 van de 2 zienswijzen .*indiener zw-2 \(zw-2, ontvangen 2026-06-01\)/,
    ],
    [
      'unsatisfied: a corrected zienswijze (superseding record) must be answered by its new id (f)',
      () => [
        ...complete({ answered: ['zw-1', 'zw-2'] }),
        rec('procedure', { stap: 'zienswijze', ontvangenOn: '2026-05-21', indienerRef: 'indiener zw-1 (gecorrigeerd)', vorm: 'schriftelijk' }, { id: 'zw-1b', supersedes: 'zw-1' }),
      ],
      'unsatisfied',
      /zw-1b/,
    ],
    [
      'satisfied: answers may be spread over a reactienota and an addendum (f)',
      () => [
        ...complete({ answered: ['zw-1'] }),
        rec('document', { documentType: 'reactienota', titel: 'Aanvulling reactienota', beantwoordtZienswijzen: ['zw-2'] }),
      ],
      'satisfied',
      /beantwoordt alle 2 zienswijzen/,
    ],
  ]);

  it('reports every sub-check (a)…(f) separately and rests on all records used', () => {
    const evidence = complete();
    const e = evaluate(uniformeOpenbareVoorbereiding, evidence);
    for (const part of ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)']) {
      expect(e.explanation.nl).toContain(part);
      expect(e.explanation.en).toContain(part);
    }
    expect(new Set(e.evidence)).toEqual(new Set(evidence.map((r) => r.id)));
  });

  it('still reports what is in order when one sub-check fails', () => {
    const e = evaluate(uniformeOpenbareVoorbereiding, complete({ answered: [] }));
    expect(e.status).toBe('unsatisfied');
    expect(e.explanation.nl).toMatch(/\(a\) in orde.*\(b\) in orde.*\(c\) in orde.*\(d\) in orde.*\(f\) onvolledig: 2 van de 2/);
  });
});

describe('G3-03 voorgenomen besluit actief aan PS', () => {
  runTable(voorgenomenBesluitAanPs, [
    [
      'satisfied: terugkoppeling aan PS over het voorgenomen besluit',
      () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voorgenomen-besluit', kenmerk: 'brief 2026/123' }, { occurredOn: '2026-05-02' })],
      'satisfied',
      /2026-05-02.*brief 2026\/123/,
    ],
    ['unsatisfied: nothing sent', () => [], 'unsatisfied', /voorgenomen besluit actief aan PS/],
    [
      'unsatisfied: feedback to PS on another subject does not count',
      () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' }), rec('terugkoppeling', { aan: 'griffie', onderwerp: 'voorgenomen-besluit' })],
      'unsatisfied',
      /onderwerp voorgenomen-besluit/,
    ],
  ]);
});

describe('G3-04 publicatie GS-voorstel', () => {
  runTable(publicatieGsVoorstel, [
    [
      'satisfied: GS proposal published on the website',
      () => [rec('publicatie', { onderwerp: 'gs-voorstel', kanaal: 'website-provincie', url: 'https://www.provincie.drenthe.nl/x', publishedOn: '2026-05-01' })],
      'satisfied',
      /GS-voorstel is op 2026-05-01 gepubliceerd/,
    ],
    [
      'satisfied: GS besluitenlijst published',
      () => [rec('publicatie', { onderwerp: 'gs-besluitenlijst', kanaal: 'woo-platform', publishedOn: '2026-05-03' })],
      'satisfied',
      /GS-besluitenlijst/,
    ],
    [
      'unsatisfied: only a startnotitie publication',
      () => [rec('publicatie', { onderwerp: 'startnotitie', kanaal: 'website-provincie', publishedOn: '2026-03-01' })],
      'unsatisfied',
      /gs-voorstel of gs-besluitenlijst/,
    ],
  ]);
  it('marks the Woo part as unverified', () => expect(publicatieGsVoorstel.origin.verified).toBe(false));
});

describe('G3-05 doe wat je zegt', () => {
  const activity = (instrumentId: string, fase: 'voorbereiding-beleid' | 'ontwikkeling-voorstel' | 'uitvoering', status: 'gepland' | 'uitgevoerd' | 'geannuleerd', extra: { annuleringsreden?: string; id?: string } = {}) =>
    rec(
      'activiteit',
      {
        instrumentId,
        organisator: 'GS',
        fase,
        inwonersGericht: false,
        doelgroepen: ['ondernemers'],
        startOn: '2026-04-10',
        status,
        annuleringsreden: extra.annuleringsreden,
      },
      extra.id ? { id: extra.id } : {},
    );
  const plan = (instrumenten: Array<{ instrumentId: string; fase: 'voorbereiding-beleid' | 'ontwikkeling-voorstel' | 'uitvoering' }>) =>
    rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: { doel: 'draagvlak', instrumenten } }, { id: 'plan' });

  runTable(doeWatJeZegt, [
    ['not applicable: nothing planned or recorded for phases 2–3', () => [activity('atelier', 'uitvoering', 'gepland')], 'not-applicable', /Niet van toepassing/],
    [
      'satisfied: planned atelier held, expertsessie cancelled with a reason',
      () => [
        plan([
          { instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' },
          { instrumentId: 'expertsessie', fase: 'ontwikkeling-voorstel' },
        ]),
        activity('atelier', 'ontwikkeling-voorstel', 'uitgevoerd'),
        activity('expertsessie', 'ontwikkeling-voorstel', 'geannuleerd', { annuleringsreden: 'experts niet beschikbaar; schriftelijk geraadpleegd' }),
      ],
      'satisfied',
      /1 activiteit uitgevoerd, 1 gemotiveerd geannuleerd; alle 2 geplande onderdelen/,
    ],
    [
      'unsatisfied: an activity still planned is listed as open',
      () => [activity('keukentafelgesprekken', 'voorbereiding-beleid', 'gepland', { id: 'act-open' })],
      'unsatisfied',
      /'Keukentafelgesprekken' \(act-open, voorbereiding-beleid, gepland op 2026-04-10\) staat nog op gepland/,
    ],
    [
      'unsatisfied: cancelled without a reason',
      () => [activity('atelier', 'ontwikkeling-voorstel', 'geannuleerd', { id: 'act-x' })],
      'unsatisfied',
      /act-x, ontwikkeling-voorstel\) is geannuleerd zonder annuleringsreden/,
    ],
    [
      'unsatisfied: a planned instrument without any activity is named',
      () => [plan([{ instrumentId: 'raadgevende-groep', fase: 'voorbereiding-beleid' }])],
      'unsatisfied',
      /instrument 'Raadgevende groep' in fase voorbereiding-beleid: geen activiteit vastgelegd/,
    ],
    [
      'unsatisfied: an activity in another phase does not fulfil the plan',
      () => [plan([{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }]), activity('atelier', 'voorbereiding-beleid', 'uitgevoerd')],
      'unsatisfied',
      /instrument 'Atelier' in fase ontwikkeling-voorstel: geen activiteit vastgelegd/,
    ],
    [
      'satisfied: the latest plan counts (a superseded plan item is no longer owed)',
      () => [
        plan([{ instrumentId: 'raadgevende-groep', fase: 'voorbereiding-beleid' }]),
        rec(
          'document',
          { documentType: 'participatieparagraaf-plan', titel: 'Plan v2', participatieparagraaf: { instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }] } },
          { supersedes: 'plan' },
        ),
        activity('atelier', 'ontwikkeling-voorstel', 'uitgevoerd'),
      ],
      'satisfied',
      /het ene geplande onderdeel is opgevolgd/,
    ],
  ]);
});

describe('G3-06 PS-bijeenkomsten vóór de deadline', () => {
  const event = (instrumentId: string, startOn: string, status: 'gepland' | 'uitgevoerd' | 'geannuleerd' = 'gepland') =>
    rec('activiteit', { instrumentId, organisator: 'PS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['inwoners'], startOn, status, annuleringsreden: status === 'geannuleerd' ? 'x' : undefined });
  const ter = () => rec('procedure', { stap: 'terinzagelegging', startOn: '2026-05-01' }); // ends 2026-06-11
  const psBesluit = () => rec('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: '2026-45', besluitdatum: '2026-07-08' });

  runTable(psEvenementenVoorDeadline, [
    ['not applicable: no PS-side events, and the text says so', () => [ter(), event('atelier', '2026-06-20')], 'not-applicable', /er zijn geen \(niet-geannuleerde\) PS-bijeenkomsten vastgelegd/],
    ['not applicable: no deadline known, and the text says so', () => [event('drenthe-in-debat', '2026-06-20')], 'not-applicable', /er is nog geen termijn bekend/],
    ['not applicable: the only PS-side event was cancelled', () => [ter(), event('drenthe-in-debat', '2026-06-20', 'geannuleerd')], 'not-applicable', /Niet van toepassing/],
    ['unsatisfied: Drenthe in Debat on the last day of the zienswijzentermijn (it must be before; issue #11)', () => [ter(), event('drenthe-in-debat', '2026-06-11')], 'unsatisfied', /Eén PS-bijeenkomst valt niet vóór het einde van de zienswijzentermijn \(2026-06-11\)/],
    ['satisfied: Drenthe in Debat the day before the zienswijzentermijn ends (boundary)', () => [ter(), event('drenthe-in-debat', '2026-06-10')], 'satisfied', /De PS-bijeenkomst vindt plaats vóór het einde van de zienswijzentermijn \(2026-06-11\)/],
    ['unsatisfied: a PS-side event on the day of the PS decision', () => [psBesluit(), event('statenontmoeting', '2026-07-08')], 'unsatisfied', /niet vóór het besluit van PS/],
    ['satisfied: two events before the deadline, counted without "(en)"', () => [ter(), event('drenthe-in-debat', '2026-05-20'), event('drents-panel', '2026-05-21')], 'satisfied', /Alle 2 PS-bijeenkomsten vinden plaats vóór/],
    [
      'unsatisfied: Drenthe in Debat the day after the zienswijzentermijn ends',
      () => [ter(), event('drenthe-in-debat', '2026-06-12')],
      'unsatisfied',
      /'Drenthe in Debat' \(.+\) op 2026-06-12/,
    ],
    [
      'unsatisfied: without terinzagelegging the PS decision is the deadline',
      () => [psBesluit(), event('statenontmoeting', '2026-07-09')],
      'unsatisfied',
      /niet vóór het besluit van PS \(2026-45\) \(2026-07-08\)/,
    ],
    ['satisfied: Drents Panel poll before the PS decision', () => [psBesluit(), event('drents-panel', '2026-06-01')], 'satisfied', /2026-07-08/],
  ]);
});

describe('G3-07 participatieverklaring in het ontwerp', () => {
  runTable(participatieverklaringInOntwerp, [
    ['not applicable: not an Omgevingswet instrument', () => [klass({ instrumentType: 'none' })], 'not-applicable', /geen instrument van de Omgevingswet/],
    ['not applicable: an omgevingsverordening', () => [klass({ instrumentType: 'omgevingsverordening' })], 'not-applicable', /alleen voorgeschreven bij een omgevingsvisie, programma of projectbesluit/],
    ['unsatisfied: a projectbesluit needs the statement too (artikel 5.51 Omgevingswet; issue #11)', () => [klass({ instrumentType: 'projectbesluit' })], 'unsatisfied', /het projectbesluit bevat nog geen participatieverklaring.*artikel 5\.51 Omgevingswet/],
    [
      'satisfied: draft decision with a participatieverklaring',
      () => [klass({ instrumentType: 'omgevingsvisie' }), rec('document', { documentType: 'ontwerpbesluit', titel: 'Ontwerp Omgevingsvisie', participatieverklaring: 'Betrokken via …; resultaten …' })],
      'satisfied',
      /Het voorstel \(ontwerpbesluit 'Ontwerp Omgevingsvisie' \(.+\)\) bevat de participatieverklaring voor de omgevingsvisie \(artikel 10\.7 Omgevingsbesluit\)/,
    ],
    [
      'unsatisfied: programma with a proposal but no statement',
      () => [klass({ instrumentType: 'programma' }), rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel programma', participatieverklaring: ' ' })],
      'unsatisfied',
      /voor het programma bevat nog geen participatieverklaring.*artikel 10\.8 Omgevingsbesluit.*GS-voorstel programma/,
    ],
    ['unsatisfied: no proposal yet', () => [klass({ instrumentType: 'omgevingsvisie' })], 'unsatisfied', /nog geen voorstel vastgelegd/],
  ]);
});

// Issue #11: a plan needs content, a proposal follows the startnotitie, and G3-05 answers with the view's lines.
describe('G3-01 content and date order (issue #11)', () => {
  const verslag = { activiteiten: 'twee ateliers' };
  const proposal = (participatieparagraaf: object, occurredOn = '2026-05-01') =>
    rec('document', { documentType: 'ontwerpbesluit', titel: 'Ontwerp', participatieparagraaf, participatieverslag: verslag }, { id: 'ob-1', occurredOn });
  const sn = () => rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', vastgesteldDoorGsOn: '2026-03-03' }, { id: 'sn-1', occurredOn: '2026-03-01' });
  runTable(participatieparagraafInGsVoorstel, [
    ['unsatisfied: {doel: ""} is no participatieparagraaf', () => [proposal({ doel: '' })], 'unsatisfied', /mist de participatieparagraaf \(plan/],
    [
      'unsatisfied: a level with an empty target group is no plan',
      () => [proposal({ niveaus: [{ doelgroep: '', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' }] })],
      'unsatisfied',
      /mist de participatieparagraaf \(plan/,
    ],
    [
      'unsatisfied: an ontwerpbesluit dated before the startnotitie does not count',
      () => [sn(), proposal({ doel: 'draagvlak' }, '2026-02-01')],
      'unsatisfied',
      /ontwerpbesluit 'Ontwerp' \(ob-1\) is gedateerd 2026-02-01, vóór de startnotitie 'Startnotitie' \(sn-1\) van 2026-03-03/,
    ],
    ['satisfied: an ontwerpbesluit after the startnotitie', () => [sn(), proposal({ doel: 'draagvlak' })], 'satisfied', /Het voorstel \(ontwerpbesluit 'Ontwerp' \(ob-1\)\)/],
  ]);
});

describe('G3-05 reads the planned-versus-realised lines (issue #11)', () => {
  const plan = () =>
    rec('document', {
      documentType: 'startnotitie',
      titel: 'Startnotitie',
      participatieparagraaf: {
        doel: 'draagvlak',
        niveaus: [{ doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' }],
        instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }],
      },
    });
  const atelier = (over: object = {}) =>
    rec('activiteit', { instrumentId: 'atelier', organisator: 'GS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['inwoners'], startOn: '2026-04-10', status: 'uitgevoerd', ...over });
  runTable(doeWatJeZegt, [
    [
      'unsatisfied: the instrument was followed up but the planned target group and level were not',
      () => [plan(), atelier()],
      'unsatisfied',
      /niveau 'meebeslissen' voor doelgroep 'jongeren' in fase ontwikkeling-voorstel: geen activiteit vastgelegd/,
    ],
    [
      'unsatisfied: the target group was reached, but at a lower level',
      () => [plan(), atelier({ doelgroepen: ['jongeren'] })],
      'unsatisfied',
      /voor doelgroep 'jongeren' in fase ontwikkeling-voorstel: alleen op een lager niveau uitgevoerd/,
    ],
    ['satisfied: level and instrument both realised', () => [plan(), atelier({ doelgroepen: ['jongeren'], niveau: 'meebeslissen' })], 'satisfied', /alle 2 geplande onderdelen/],
    [
      'not applicable: nothing planned or recorded for phases 2–3, and the text says so',
      () => [],
      'not-applicable',
      /voor de fasen voorbereiding-beleid en ontwikkeling-voorstel is geen participatie gepland/,
    ],
  ]);
});

// Issue #17: the cases mutation testing showed missing — each row pins one fact a wrong rule would get wrong.
describe('G3-01: which proposals count, against which startnotitie date (issue #17)', () => {
  const plan = { doel: 'draagvlak', instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' as const }] };
  const startnotitie = (vastgesteldDoorGsOn: string) =>
    rec('document', { documentType: 'startnotitie', titel: 'SN', vastgesteldDoorGsOn }, { id: 'sn-1', occurredOn: '2026-05-01' });
  const voorstel = (occurredOn: string, over: Record<string, unknown> = {}, id = 'gv-1') =>
    rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieparagraaf: plan, participatieverslag: { activiteiten: 'twee ateliers' }, ...over } as never, { id, occurredOn });
  runCases(participatieparagraafInGsVoorstel, [
    {
      name: 'a complete proposal: the outcome rests on it alone, in both languages',
      evidence: () => [startnotitie('2026-03-03'), voorstel('2026-05-10')],
      status: 'satisfied',
      en: [/^The proposal GS-voorstel 'GS-voorstel' \(gv-1\) contains a participation section/],
      evidenceExactly: ['gv-1'],
    },
    {
      name: 'a proposal dated on the day GS adopted the startnotitie (boundary) follows it',
      evidence: () => [startnotitie('2026-03-03'), voorstel('2026-03-03')],
      status: 'satisfied',
    },
    {
      name: 'an adoption date that is no calendar date: the startnotitie dates from when it was recorded',
      evidence: () => [startnotitie('2026-02-30'), voorstel('2026-04-01')],
      status: 'unsatisfied',
      nl: [/is gedateerd 2026-04-01, vóór de startnotitie 'SN' \(sn-1\) van 2026-05-01/],
    },
    {
      name: 'a proposal before the startnotitie is named for its date only, not for what it lacks',
      evidence: () => [startnotitie('2026-03-03'), voorstel('2026-03-01')],
      status: 'unsatisfied',
      notNl: [/ mist /],
      evidenceExactly: ['gv-1'],
    },
    {
      name: 'a plan without report: names only the report, in both languages',
      evidence: () => [voorstel('2026-05-10', { participatieverslag: undefined })],
      status: 'unsatisfied',
      nl: [/\(gv-1\) mist het verslag van de participatie tot nu toe \(participatieverslag, veld activiteiten\)\.$/],
      en: [/^No proposal contains both .*: GS-voorstel 'GS-voorstel' \(gv-1\) lacks the report of the participation so far \(participatieverslag, field activiteiten\)\.$/],
    },
    {
      name: 'a report without plan: names only the plan',
      evidence: () => [voorstel('2026-05-10', { participatieparagraaf: undefined })],
      status: 'unsatisfied',
      nl: [/\(gv-1\) mist de participatieparagraaf \(plan: doel, doelgroepen, niveaus, instrumenten, terugkoppeling …\)\.$/],
    },
  ]);
});

describe('G3-03, G3-04: what the outcome rests on (issue #17)', () => {
  runCases(voorgenomenBesluitAanPs, [
    {
      name: 'sent to PS: rests on the letter, in both languages',
      evidence: () => [rec('terugkoppeling', { aan: 'ps', onderwerp: 'voorgenomen-besluit', kenmerk: 'brief 1' }, { id: 't-1', occurredOn: '2026-05-02' })],
      status: 'satisfied',
      en: [/^The intended decision was actively sent to PS on 2026-05-02 \(reference brief 1\)\.$/],
      evidenceExactly: ['t-1'],
    },
  ]);
  runCases(publicatieGsVoorstel, [
    {
      name: 'published twice: rests on both publications',
      evidence: () => [
        rec('publicatie', { onderwerp: 'gs-voorstel', kanaal: 'website-provincie', publishedOn: '2026-05-01' }, { id: 'p-1' }),
        rec('publicatie', { onderwerp: 'gs-besluitenlijst', kanaal: 'woo-platform', publishedOn: '2026-05-03' }, { id: 'p-2' }),
      ],
      status: 'satisfied',
      evidenceExactly: ['p-1', 'p-2'],
    },
  ]);
});

describe('G3-07: which documents count, and the texts per instrument (issue #17)', () => {
  const voorstel = (participatieverklaring: string | undefined, documentType = 'ontwerpbesluit', id = 'ob-1') =>
    rec('document', { documentType, titel: 'Ontwerp', participatieverklaring } as never, { id });
  runCases(participatieverklaringInOntwerp, [
    {
      name: 'a statement in a startnotitie is no statement in the draft decision',
      evidence: () => [klass({ instrumentType: 'programma' }), voorstel('Betrokken via …', 'startnotitie', 'sn-1')],
      status: 'unsatisfied',
      evidenceExactly: [],
    },
    {
      name: 'a statement in the draft: rests on that draft, in English too',
      evidence: () => [klass({ instrumentType: 'programma' }), voorstel('Betrokken via …')],
      status: 'satisfied',
      en: [/contains the participation statement for the programma \(article 10\.8 Omgevingsbesluit\)\.$/],
      evidenceExactly: ['ob-1'],
    },
    {
      name: 'a programma: the statement also says how the participation policy was applied; rests on the proposals checked',
      evidence: () => [klass({ instrumentType: 'programma' }), voorstel(undefined), voorstel(' ', 'gs-voorstel', 'gv-1')],
      status: 'unsatisfied',
      nl: [/hoe het participatiebeleid is toegepast/],
      en: [/^The draft adoption decision for the programma does not yet contain/],
      evidenceExactly: ['ob-1', 'gv-1'],
    },
    {
      name: 'a projectbesluit: nothing about the participation policy of PS',
      evidence: () => [klass({ instrumentType: 'projectbesluit' })],
      status: 'unsatisfied',
      notNl: [/participatiebeleid/],
    },
  ]);
});

describe('G3-01: the Dutch list of what is missing (issue #17)', () => {
  runCases(participatieparagraafInGsVoorstel, [
    {
      name: 'the list of what is missing starts with the first proposal checked',
      evidence: () => [rec('document', { documentType: 'gs-voorstel', titel: 'GS-voorstel', participatieverslag: { activiteiten: 'x' } }, { id: 'gv-1' })],
      status: 'unsatisfied',
      nl: [/^Geen geldig voorstel bevat zowel de participatieparagraaf \(plan\) als een verslag van de participatie tot nu toe: GS-voorstel 'GS-voorstel' \(gv-1\) mist /],
    },
  ]);
});

describe('G3-02: each sub-check says exactly what it found (issue #17)', () => {
  const kg = () => rec('procedure', { stap: 'kennisgeving-ontwerp', datum: '2026-04-30', prbId: 'prb-2026-1234' }, { id: 'kg' });
  const ter = (startOn = '2026-05-01', termijnWeken?: number) => rec('procedure', { stap: 'terinzagelegging', startOn, termijnWeken }, { id: 'ter' });
  const geenGeadresseerden = () => rec('procedure', { stap: 'toezending-ontwerp', geenGeadresseerden: true }, { id: 'toez' });
  const zienswijze = (id: string, ontvangenOn: string) =>
    rec('procedure', { stap: 'zienswijze', ontvangenOn, indienerRef: `indiener ${id}`, vorm: 'schriftelijk' }, { id });
  const reactienota = (beantwoordtZienswijzen: string[], documentType = 'reactienota') =>
    rec('document', { documentType, titel: 'Reactienota', beantwoordtZienswijzen } as never, { id: 'rn' });
  /** Terinzagelegging from 2026-05-01 (ends 2026-06-11), timely notice, no addressees, these zienswijzen all answered. */
  const dossier = (...zws: Array<[string, string]>) => [
    inspraak(),
    kg(),
    ter(),
    geenGeadresseerden(),
    ...zws.map(([id, on]) => zienswijze(id, on)),
    reactienota(zws.map(([id]) => id)),
  ];
  runCases(uniformeOpenbareVoorbereiding, [
    {
      name: 'without an Atw extension the period is stated without one, in both languages (d)',
      evidence: () => dossier(['zw-1', '2026-05-20']),
      status: 'satisfied',
      nl: [/\(d\) in orde: de zienswijzentermijn van 6 weken liep van 2026-05-01 tot en met 2026-06-11 en is verstreken\./],
      en: [/\(d\) in order: the zienswijzen period of 6 weeks ran from 2026-05-01 to 2026-06-11 inclusive and has elapsed\./],
    },
    {
      name: 'a start date that is no calendar date is reported, not thrown, in both languages (d)',
      evidence: () => [inspraak(), kg(), ter('2026-02-30'), geenGeadresseerden()],
      status: 'unsatisfied',
      nl: [/\(d\) niet te berekenen: de startdatum van de terinzagelegging \(ter\) is geen geldige datum \('2026-02-30'\)\./],
      en: [/\(d\) cannot be computed: the start date of the terinzagelegging \(ter\) is not a valid date \('2026-02-30'\)\./],
    },
    {
      name: 'with a terinzagelegging whose period is invalid, the notice cannot be checked against it (a)',
      evidence: () => [inspraak(), kg(), ter('2026-04-01', 4), geenGeadresseerden()],
      status: 'unsatisfied',
      nl: [/^Afdeling 3\.4 Awb is nog niet volledig doorlopen\. \(a\) niet te toetsen: kennisgeving prb-2026-1234 van 2026-04-30 is vastgelegd/],
    },
    {
      name: 'without a terinzagelegging, the notice cannot be checked against it (a)',
      evidence: () => [inspraak(), kg(), geenGeadresseerden()],
      status: 'unsatisfied',
      nl: [/^Afdeling 3\.4 Awb is nog niet volledig doorlopen\. \(a\) niet te toetsen: kennisgeving prb-2026-1234 van 2026-04-30 is vastgelegd/],
    },
    {
      name: 'with an invalid period, zienswijzen are counted but their timeliness is left open (e)',
      evidence: () => [inspraak(), kg(), ter('2026-04-01', 4), geenGeadresseerden(), zienswijze('zw-1', '2026-04-20')],
      status: 'unsatisfied',
      nl: [/\(e\) 1 zienswijze geregistreerd met ontvangstdatum; de tijdigheid is niet te bepalen zolang de zienswijzentermijn onbekend is\./],
    },
    {
      name: 'a malformed Provinciaal blad id is quoted, and the notice is part of the evidence (a)',
      evidence: () => [inspraak(), rec('procedure', { stap: 'kennisgeving-ontwerp', datum: '2026-04-30', prbId: 'blad 12' }, { id: 'kg-x' }), ter(), geenGeadresseerden()],
      status: 'unsatisfied',
      nl: [/\(a\) niet in orde: .*\(verwacht prb-JJJJ-N, vastgelegd: 'blad 12' \(kg-x\)\)\./],
      evidenceIds: ['kg-x'],
    },
    {
      name: 'a decision without addressees needs no toezending, and the text says so (c)',
      evidence: () => dossier(),
      status: 'satisfied',
      nl: [/\(c\) in orde: het besluit heeft geen geadresseerden, dus toezending van het ontwerp \(artikel 3:13 Awb\) is niet nodig\./],
    },
    {
      name: 'an incomplete toezending is named, in both languages, and is part of the evidence (c)',
      evidence: () => [inspraak(), kg(), ter(), rec('procedure', { stap: 'toezending-ontwerp' }, { id: 'toez-x' })],
      status: 'unsatisfied',
      nl: [/\(c\) onvolledig: de procedurestap toezending-ontwerp \(toez-x\) heeft geen verzenddatum/],
      en: [/\(c\) incomplete: the procedure step toezending-ontwerp \(toez-x\) has no dispatch date/],
      evidenceIds: ['toez-x'],
    },
    {
      name: 'no zienswijzen: the text says none were registered (e)',
      evidence: () => dossier(),
      status: 'satisfied',
      nl: [/\(e\) er zijn geen zienswijzen geregistreerd\./],
    },
    {
      name: 'one timely zienswijze, answered: singular in both languages (e, f)',
      evidence: () => dossier(['zw-1', '2026-05-20']),
      status: 'satisfied',
      nl: [/\(e\) 1 zienswijze geregistreerd met ontvangstdatum, tijdig \(uiterlijk 2026-06-11\)\./, /\(f\) in orde: .* beantwoordt de zienswijze\.$/],
      en: [/\(f\) in order: .* answers the zienswijze\.$/],
    },
    {
      name: 'two timely zienswijzen, answered: all on time, all answered, in English (e, f)',
      evidence: () => dossier(['zw-1', '2026-05-20'], ['zw-2', '2026-06-01']),
      status: 'satisfied',
      en: [/\(e\) 2 zienswijzen registered with receipt date, all on time \(by 2026-06-11\)\./, /\(f\) in order: .* answers all 2 zienswijzen\.$/],
    },
    {
      name: 'a late zienswijze is named in English too (e)',
      evidence: () => dossier(['zw-1', '2026-05-20'], ['zw-laat', '2026-06-12']),
      status: 'satisfied',
      en: [/\(e\) 2 zienswijzen registered with receipt date, 1 of them late \(after 2026-06-11\): indiener zw-laat \(zw-laat, received 2026-06-12\)\./],
    },
    {
      name: 'only a reactienota answers zienswijzen: the same answers in another document do not count (f)',
      evidence: () => [...dossier(['zw-1', '2026-05-20']).filter((r) => r.kind !== 'document'), reactienota(['zw-1'], 'statenvoorstel')],
      status: 'unsatisfied',
      nl: [/\(f\) ontbreekt: een reactienota die de 1 zienswijze beantwoordt/],
    },
  ]);
});

describe('G3-05: what is counted and reported (issue #17)', () => {
  const activity = (id: string, status: 'gepland' | 'uitgevoerd', instrumentId = 'atelier') =>
    rec('activiteit', { instrumentId, organisator: 'GS', fase: 'ontwikkeling-voorstel', inwonersGericht: false, doelgroepen: ['ondernemers'], startOn: '2026-04-10', status }, { id });
  const plan = (instrumenten: Array<{ instrumentId: string; fase: 'ontwikkeling-voorstel' | 'uitvoering' }>, niveaus: object[] = []) =>
    rec('document', { documentType: 'startnotitie', titel: 'Startnotitie', participatieparagraaf: { doel: 'draagvlak', instrumenten, niveaus } } as never, { id: 'plan' });
  runCases(doeWatJeZegt, [
    {
      name: 'without a plan: two activities carried out, counted in both languages; rests on the activities alone',
      evidence: () => [activity('act-1', 'uitgevoerd'), activity('act-2', 'uitgevoerd', 'expertsessie')],
      status: 'satisfied',
      nl: [/: 2 activiteiten uitgevoerd, 0 gemotiveerd geannuleerd\.$/],
      en: [/: 2 activities carried out, 0 cancelled with a reason\.$/],
      evidenceExactly: ['act-1', 'act-2'],
    },
    {
      name: 'one planned item carried out: singular in English; rests on the plan and the activity',
      evidence: () => [plan([{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }]), activity('act-1', 'uitgevoerd')],
      status: 'satisfied',
      en: [/: 1 activity carried out, 0 cancelled with a reason; the one planned item has been followed up\.$/],
      evidenceExactly: ['plan', 'act-1'],
    },
    {
      name: 'two planned items carried out: plural in English',
      evidence: () => [
        plan([
          { instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' },
          { instrumentId: 'expertsessie', fase: 'ontwikkeling-voorstel' },
        ]),
        activity('act-1', 'uitgevoerd'),
        activity('act-2', 'uitgevoerd', 'expertsessie'),
      ],
      status: 'satisfied',
      en: [/; all 2 planned items \(levels and instruments\) have been followed up\.$/],
    },
    {
      name: 'a planned item whose activity is still planned is reported once, as the plan line, in both languages',
      evidence: () => [plan([{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }]), activity('act-1', 'gepland')],
      status: 'unsatisfied',
      nl: [/^Doe wat je zegt — nog open \(1\): instrument 'Atelier' in fase ontwikkeling-voorstel: nog alleen gepland\.$/],
      en: [/^Do what you say — still open \(1\): instrument 'Design workshop' in phase ontwikkeling-voorstel: only scheduled so far\.$/],
    },
    {
      name: 'a planned level is named in English too',
      evidence: () => [plan([], [{ doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' }])],
      status: 'unsatisfied',
      en: [/level 'meebeslissen' for target group 'jongeren' in phase ontwikkeling-voorstel: no activity recorded/],
    },
    {
      name: 'a plan for the uitvoering phase alone is not owed at T3',
      evidence: () => [plan([{ instrumentId: 'atelier', fase: 'uitvoering' }])],
      status: 'not-applicable',
    },
    {
      name: 'an instrument id the catalogue does not know is named by its id',
      evidence: () => [plan([{ instrumentId: 'eigen-instrument', fase: 'ontwikkeling-voorstel' }])],
      status: 'unsatisfied',
      nl: [/instrument 'eigen-instrument' in fase ontwikkeling-voorstel: geen activiteit vastgelegd/],
      en: [/instrument 'eigen-instrument' in phase ontwikkeling-voorstel: no activity recorded/],
    },
  ]);
});

describe('G3-06: which events and which deadline count (issue #17)', () => {
  const event = (id: string, instrumentId: string, startOn: string) =>
    rec('activiteit', { instrumentId, organisator: 'PS', fase: 'ontwikkeling-voorstel', inwonersGericht: true, niveau: 'consulteren', doelgroepen: ['inwoners'], startOn, status: 'gepland' }, { id });
  const ter = (termijnWeken?: number) => rec('procedure', { stap: 'terinzagelegging', startOn: '2026-05-01', termijnWeken }, { id: 'ter' }); // ends 2026-06-11
  const besluit = (orgaan: 'PS' | 'GS', onderwerp: 'eindbesluit' | 'kaders-hoofdlijnen') =>
    rec('besluit', { orgaan, onderwerp, kenmerk: '2026-45', besluitdatum: '2026-07-08' }, { id: 'b-1' });
  runCases(psEvenementenVoorDeadline, [
    {
      name: 'only PS-side events count: an atelier after the deadline does not; rests on the event and the terinzagelegging',
      evidence: () => [ter(), event('act-1', 'atelier', '2026-06-20'), event('ps-1', 'drenthe-in-debat', '2026-05-20')],
      status: 'satisfied',
      en: [/^The PS-side event takes place before the end of the zienswijzen period \(2026-06-11\): 'Drenthe in Debat public debate event' \(ps-1\) on 2026-05-20\.$/],
      evidenceExactly: ['ps-1', 'ter'],
    },
    {
      name: 'a PS-side event beside another activity, without a deadline: the text names the missing deadline',
      evidence: () => [event('act-1', 'atelier', '2026-06-20'), event('ps-1', 'drenthe-in-debat', '2026-05-20')],
      status: 'not-applicable',
      nl: [/er is nog geen termijn bekend/],
    },
    {
      name: 'a GS eindbesluit is no deadline for PS-side events',
      evidence: () => [besluit('GS', 'eindbesluit'), event('ps-1', 'drenthe-in-debat', '2026-07-20')],
      status: 'not-applicable',
      nl: [/er is nog geen termijn bekend/],
    },
    {
      name: 'a PS decision on something else than the eindbesluit is no deadline',
      evidence: () => [besluit('PS', 'kaders-hoofdlijnen'), event('ps-1', 'drenthe-in-debat', '2026-07-20')],
      status: 'not-applicable',
      nl: [/er is nog geen termijn bekend/],
    },
    {
      name: 'with an invalid zienswijzentermijn the PS eindbesluit is the deadline; rests on the event and the decision',
      evidence: () => [ter(4), besluit('PS', 'eindbesluit'), event('ps-1', 'drenthe-in-debat', '2026-07-01')],
      status: 'satisfied',
      nl: [/vóór het besluit van PS \(2026-45\) \(2026-07-08\)/],
      evidenceExactly: ['ps-1', 'b-1'],
    },
    {
      name: 'two late events are counted, in both languages',
      evidence: () => [ter(), event('ps-1', 'drenthe-in-debat', '2026-06-11'), event('ps-2', 'statenontmoeting', '2026-06-12')],
      status: 'unsatisfied',
      nl: [/^2 PS-bijeenkomsten vallen niet vóór het einde van de zienswijzentermijn \(2026-06-11\).* Plan ze eerder/],
      en: [/^2 PS-side events fall on or after the end of the zienswijzen period \(2026-06-11\).* Schedule them earlier/],
    },
  ]);
});
