import { rec, factsWith } from './testing/facts-builder';
import { amsterdamDate, Classification, EMPTY_CLASSIFICATION, mergeClassification, procedureSteps, projectFacts } from './facts';
import { ClassificatieData } from './evidence';

describe('projectFacts', () => {
  it('merges classification records in the order they were recorded', () => {
    const f = factsWith([
      rec('classificatie', { strategisch: true, strategischMotivatie: 'raakt heel Drenthe', reden: 'start' }),
      rec('classificatie', { besluitvormer: 'PS', reden: 'verordening' }),
      rec('classificatie', { strategisch: false, reden: 'herzien' }),
    ]);
    expect(f.classification.strategisch).toBe(false);
    expect(f.classification.strategischMotivatie).toBe('raakt heel Drenthe');
    expect(f.classification.besluitvormer).toBe('PS');
    expect(f.classificationHistory).toHaveLength(3);
  });

  it('takes a superseded record out of force and keeps the correction', () => {
    const old = rec('document', { documentType: 'startnotitie', titel: 'v1' }, { id: 'doc-1' });
    const fix = rec('document', { documentType: 'startnotitie', titel: 'v2' }, { supersedes: 'doc-1' });
    const f = factsWith([old, fix]);
    expect(f.documents.map((d) => d.data.titel)).toEqual(['v2']);
    expect(f.superseded.map((r) => r.id)).toEqual(['doc-1']);
  });

  it('derives procedure awb-3.4 from the GS inspraak decision (G2-09)', () => {
    const f = factsWith([rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'm' })]);
    expect(f.procedureType).toBe('awb-3.4');
    expect(factsWith([]).procedureType).toBeNull();
  });

  it('gives the calendar date in Europe/Amsterdam, not UTC', () => {
    expect(amsterdamDate('2026-06-14T22:30:00.000Z')).toBe('2026-06-15');
    expect(amsterdamDate('2026-01-14T22:30:00.000Z')).toBe('2026-01-14');
    expect(amsterdamDate(new Date('2026-06-14T22:30:00.000Z'))).toBe('2026-06-15');
  });

  it('puts each kind of evidence in its own list, in recorded order', () => {
    const f = factsWith([
      rec('document', { documentType: 'startnotitie', titel: 'd' }, { id: 'doc' }),
      rec('activiteit', { instrumentId: 'drents-panel', organisator: 'GS', fase: 'uitvoering', inwonersGericht: true, doelgroepen: [], startOn: '2026-03-01', status: 'gepland' }, { id: 'act' }),
      rec('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-03-01' }, { id: 'pub' }),
      rec('besluit', { orgaan: 'GS', onderwerp: 'startnotitie', kenmerk: 'k', besluitdatum: '2026-03-01' }, { id: 'bes' }),
      rec('procedure', { stap: 'kennisgeving-besluit', datum: '2026-03-01' }, { id: 'proc' }),
      rec('terugkoppeling', { aan: 'ps', onderwerp: 'voortgang' }, { id: 'tk' }),
      rec('leerpunten', { leerpunten: 'l' }, { id: 'lp' }),
      rec('document', { documentType: 'overig', titel: 'd2' }, { id: 'doc2' }),
    ]);
    expect(f.documents.map((r) => r.id)).toEqual(['doc', 'doc2']);
    expect(f.activities.map((r) => r.id)).toEqual(['act']);
    expect(f.publications.map((r) => r.id)).toEqual(['pub']);
    expect(f.decisions.map((r) => r.id)).toEqual(['bes']);
    expect(f.procedure.map((r) => r.id)).toEqual(['proc']);
    expect(f.feedback.map((r) => r.id)).toEqual(['tk']);
    expect(f.lessons.map((r) => r.id)).toEqual(['lp']);
    expect(f.superseded).toEqual([]);
    expect(f.procedureType).toBeNull();
    expect(f.evaluatietype).toBeNull();
  });

  it('keeps the latest answer per check question', () => {
    const f = factsWith([
      rec('checkvraag', { vraag: 'beginspraak', antwoord: false, toelichting: 'eerst' }, { id: 'a1' }),
      rec('checkvraag', { vraag: 'kaders-ps-nodig', antwoord: true, toelichting: 'k' }, { id: 'k1' }),
      rec('checkvraag', { vraag: 'beginspraak', antwoord: true, toelichting: 'later' }, { id: 'a2' }),
    ]);
    expect(f.answers.beginspraak?.id).toBe('a2');
    expect(f.answers['kaders-ps-nodig']?.id).toBe('k1');
    expect(f.answers.inwonersinitiatief).toBeUndefined();
  });

  it.each<[string, boolean, boolean, 'awb-3.4' | 'geen']>([
    ['inspraak granted → awb-3.4', true, false, 'awb-3.4'],
    ['afd. 3.4 applies by law → awb-3.4', false, true, 'awb-3.4'],
    ['neither → geen', false, false, 'geen'],
  ])('procedureType: %s', (_name, inspraak, awb34VanToepassing, want) => {
    const f = factsWith([rec('procedure', { stap: 'inspraakbesluit', inspraak, awb34VanToepassing, motivering: 'm' })]);
    expect(f.procedureType).toBe(want);
  });

  it('the latest inspraakbesluit and evaluatietype count', () => {
    const f = factsWith([
      rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'm' }),
      rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' }),
      rec('procedure', { stap: 'inspraakbesluit', inspraak: false, awb34VanToepassing: false, motivering: 'm' }),
      rec('procedure', { stap: 'evaluatietype', type: '217a-onderzoek' }),
    ]);
    expect(f.procedureType).toBe('geen');
    expect(f.evaluatietype).toBe('217a-onderzoek');
  });

  it('a superseded inspraakbesluit or evaluatietype does not count', () => {
    const f = factsWith([
      rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'm' }, { id: 'i1' }),
      rec('procedure', { stap: 'evaluatietype', type: 'gs-evaluatie' }, { id: 'e1' }),
      rec('document', { documentType: 'overig', titel: 'correctie' }, { supersedes: 'i1' }),
      rec('document', { documentType: 'overig', titel: 'correctie' }, { supersedes: 'e1' }),
    ]);
    expect(f.procedureType).toBeNull();
    expect(f.evaluatietype).toBeNull();
    expect(f.superseded.map((r) => r.id)).toEqual(['i1', 'e1']);
  });

  it('classification records are history: a supersedes link does not take one out of force', () => {
    const first = rec('classificatie', { strategisch: true, reden: 'start' }, { id: 'c1' });
    const second = rec('classificatie', { besluitvormer: 'GS', reden: 'correctie' }, { supersedes: 'c1' });
    const f = factsWith([first, second]);
    expect(f.classificationHistory.map((r) => r.id)).toEqual(['c1', second.id]);
    expect(f.classification).toMatchObject({ strategisch: true, besluitvormer: 'GS' });
    expect(f.superseded).toEqual([]);
  });

  it('copies the dossier, the clock, the waivers, the attempt and the settings', () => {
    const waiver = { id: 'w', requirementId: 'G2-01', reasonCode: 'spoed', motivation: 'm', requestedBy: 'u', approvedBy: 'v', status: 'approved' as const };
    const waivers = [waiver];
    const attempt = { event: 'RETURN' as const, actor: { id: 'u-2', roles: ['teamleider' as const] } };
    const settings = { announcementLeadDays: 7, backdatingFlagDays: 3 };
    const f = projectFacts({
      dossier: { id: 'd-9', state: 'uitvoering', enteredPhaseOn: '2026-02-02', assigneeId: null },
      evidence: [],
      waivers,
      now: '2026-06-14T23:30:00.000Z',
      attempt,
      settings,
    });
    expect(f).toMatchObject({ dossierId: 'd-9', state: 'uitvoering', enteredPhaseOn: '2026-02-02', assigneeId: null, now: '2026-06-14T23:30:00.000Z', today: '2026-06-15', attempt, settings });
    expect(f.waivers).toEqual(waivers);
    expect(f.waivers).not.toBe(waivers);
    expect(f.classification).toEqual(EMPTY_CLASSIFICATION);
  });
});

describe('mergeClassification', () => {
  // Each field: set by an older record, a newer record without it keeps the value; a newer record with it wins.
  const FIELDS: Array<[keyof Classification, Partial<ClassificatieData>, Partial<ClassificatieData>]> = [
    ['strategisch', { strategisch: true }, { strategisch: false }],
    ['strategischMotivatie', { strategischMotivatie: 'a' }, { strategischMotivatie: 'b' }],
    ['besluitvormer', { besluitvormer: 'PS' }, { besluitvormer: 'GS' }],
    ['besluittype', { besluittype: 'verordening' }, { besluittype: 'beleidsregel' }],
    ['instrumentType', { instrumentType: 'programma' }, { instrumentType: 'none' }],
    ['ingrijpend', { ingrijpend: true }, { ingrijpend: false }],
    ['herkomst', { herkomst: 'ps-motie' }, { herkomst: 'gs-initiatief' }],
    ['herkomstBron', { herkomstBron: 'motie M1' }, { herkomstBron: 'motie M2' }],
  ];
  const cls = (data: Partial<ClassificatieData>) => rec('classificatie', { reden: 'r', ...data });

  it.each(FIELDS)('%s: a later record without the field keeps it', (field, older) => {
    const c = mergeClassification([cls(older), cls({})]);
    expect(c[field]).toBe(Object.values(older)[0]);
    expect(c).toEqual({ ...EMPTY_CLASSIFICATION, [field]: Object.values(older)[0] });
  });

  it.each(FIELDS)('%s: a later record with the field wins', (field, older, newer) => {
    expect(mergeClassification([cls(older), cls(newer)])[field]).toBe(Object.values(newer)[0]);
  });

  it('starts from the empty classification and does not change it', () => {
    expect(mergeClassification([])).toEqual(EMPTY_CLASSIFICATION);
    mergeClassification([cls({ strategisch: true })]);
    expect(EMPTY_CLASSIFICATION.strategisch).toBeNull();
  });
});

describe('procedureSteps', () => {
  it('gives the steps of one kind in recorded order', () => {
    const f = factsWith([
      rec('procedure', { stap: 'zienswijze', ontvangenOn: '2026-03-01', indienerRef: 'a', vorm: 'schriftelijk' }, { id: 'z1' }),
      rec('procedure', { stap: 'kennisgeving-besluit', datum: '2026-03-01' }, { id: 'k' }),
      rec('procedure', { stap: 'zienswijze', ontvangenOn: '2026-03-02', indienerRef: 'b', vorm: 'mondeling' }, { id: 'z2' }),
    ]);
    expect(procedureSteps(f, 'zienswijze').map((s) => s.id)).toEqual(['z1', 'z2']);
    expect(procedureSteps(f, 'evaluatietype')).toEqual([]);
  });
});
