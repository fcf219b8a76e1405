/**
 * A deterministic portfolio of dossiers for specs that compare rule-set versions: the same kind of evidence the
 * compliance bench generates (bench/compliance.bench.ts), with seeded ids instead of random UUIDs, so that an
 * evaluation can be snapshotted and compared across code changes.
 */
import { addDays } from '../dates';
import { ActiviteitData, DossierState, EvidenceDataByKind, EvidenceKind, EvidenceRecord, PHASE_IDS, ParticipatieparagraafPlan, PhaseId } from '../evidence';
import { DossierFacts, projectFacts, WaiverFact } from '../facts';
import { TEST_NOW, TEST_SETTINGS } from './facts-builder';

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
export type Rng = ReturnType<typeof prng>;

const TODAY = '2026-06-15';
const STATES: readonly DossierState[] = [...PHASE_IDS, 'afgesloten', 'ingetrokken'];

export interface PortfolioDossier {
  id: string;
  state: DossierState;
  enteredPhaseOn: string;
  evidence: EvidenceRecord[];
  waivers: WaiverFact[];
}

/** One dossier with evidence for every phase it went through, with random gaps. */
export function generateDossier(r: Rng, i: number): PortfolioDossier {
  const id = `dossier-${i}`;
  const state = STATES[i % STATES.length];
  const order = state === 'afgesloten' ? 7 : state === 'ingetrokken' ? r.int(1, 4) : (PHASE_IDS as readonly string[]).indexOf(state) + 1;
  const strategisch = r.chance(0.3);
  const besluitvormer = r.chance(0.5) ? 'PS' : 'GS';
  const created = addDays(TODAY, -r.int(120, 900));
  const entered = addDays(TODAY, -r.int(1, 110));
  const span = Math.max(1, (Date.parse(entered) - Date.parse(created)) / 86_400_000);
  const phaseStart = (p: number) => (p >= order ? entered : addDays(created, Math.floor(((p - 1) / Math.max(1, order - 1)) * span)));
  const evidence: EvidenceRecord[] = [];
  let n = 0;
  const add = <K extends EvidenceKind>(kind: K, occurredOn: string, data: EvidenceDataByKind[K], keep = 0.9): EvidenceRecord | null => {
    if (!r.chance(keep)) return null;
    const on = occurredOn > TODAY ? TODAY : occurredOn;
    n += 1;
    const rec: EvidenceRecord = {
      id: `${id}-ev-${n}`,
      dossierId: id,
      kind,
      occurredOn: on,
      recordedAt: new Date(Date.parse(`${on}T09:00:00.000Z`) + n * 60_000).toISOString(),
      recordedBy: 'u-1',
      supersedes: null,
      data,
    };
    evidence.push(rec);
    return rec;
  };
  const activity = (fase: PhaseId, on: string, status: ActiviteitData['status'] = 'uitgevoerd') =>
    add('activiteit', on, {
      instrumentId: r.pick(['atelier', 'drents-panel', 'keukentafelgesprekken', 'expertsessie', 'netwerkbijeenkomst-doelgroep', 'other']),
      ...(r.chance(0.2) ? { instrumentLabel: 'Burgerberaad Wonen' } : {}),
      organisator: 'GS',
      fase,
      inwonersGericht: r.chance(0.85),
      niveau: r.pick(['informeren', 'consulteren', 'meebeslissen'] as const),
      doelgroepen: [r.pick(['inwoners', 'jongeren', 'ondernemers', 'agrariërs'])],
      startOn: on,
      status,
      ...(status === 'geannuleerd' && r.chance(0.5) ? { annuleringsreden: 'Te weinig aanmeldingen.' } : {}),
      aankondiging: { kanaal: 'website-provincie', datum: addDays(on, -r.int(3, 30)), url: 'https://www.provincie.drenthe.nl/agenda' },
    });
  const plan: ParticipatieparagraafPlan = {
    doel: 'Betrokkenen denken mee.',
    doelgroepen: ['inwoners', 'jongeren'],
    niveaus: [
      { doelgroep: 'inwoners', fase: 'voorbereiding-beleid', niveau: 'consulteren' },
      { doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
    ],
    ruimteVoorInvloed: 'De doelen liggen vast; de uitwerking is open.',
    planning: 'Per fase bijeenkomsten.',
    instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }],
    terugkoppeling: 'Reactienota en nazorgbijeenkomst.',
    informatievindplaats: 'https://www.provincie.drenthe.nl/dossier',
  };

  add('classificatie', created, { strategisch, besluitvormer, reden: 'Classificatie bij aanmaken van het dossier' }, 1);
  add(
    'classificatie',
    created,
    {
      strategischMotivatie: 'Afgewogen bij intake.',
      besluittype: r.pick(['verordening', 'beleidsregel', 'besluit-algemene-strekking'] as const),
      instrumentType: r.pick(['none', 'none', 'omgevingsvisie', 'programma', 'projectbesluit'] as const),
      herkomst: r.pick(['gs-initiatief', 'signaal-samenleving', 'ps-motie'] as const),
      reden: 'Intake afgerond',
    },
    0.85,
  );
  const p1 = phaseStart(1);
  add('publicatie', p1, { onderwerp: 'aankondiging-initiatief', kanaal: 'website-provincie', publishedOn: p1, url: 'https://www.provincie.drenthe.nl/nieuws' });
  add('document', p1, { documentType: 'stakeholderinventarisatie', titel: 'Stakeholders' });
  add('terugkoppeling', p1, { aan: 'griffie', onderwerp: 'signaal' });
  add('checkvraag', p1, { vraag: 'signaal-gedeeld-met-ps', antwoord: true, toelichting: 'Gedeeld met de griffie.' });
  for (let k = r.int(0, 2); k > 0; k--) activity('voorfase-agendasetting', addDays(p1, 3 * k));

  if (order >= 2) {
    const p2 = phaseStart(2);
    if (strategisch || r.chance(0.2))
      add('document', p2, { documentType: 'startnotitie', titel: `Startnotitie ${i}`, participatieparagraaf: plan, vastgesteldDoorGsOn: p2, ...(r.chance(0.85) ? { verzondenAanPsOn: p2 } : {}) }, 0.8);
    add('checkvraag', p2, { vraag: 'inwonersinitiatief', antwoord: r.chance(0.5), toelichting: 'Afgewogen.' });
    add('checkvraag', p2, { vraag: 'beginspraak', antwoord: r.chance(0.5), toelichting: 'Afgewogen.' });
    add('procedure', p2, { stap: 'inspraakbesluit', inspraak: r.chance(0.6), awb34VanToepassing: r.chance(0.5), motivering: 'Besluit GS.' });
    for (let k = r.int(1, 3); k > 0; k--) activity('voorbereiding-beleid', addDays(p2, 7 * k), r.chance(0.8) ? 'uitgevoerd' : 'gepland');
    add('terugkoppeling', p2, { aan: 'deelnemers', onderwerp: 'voortgang' });
  }
  if (order >= 3) {
    const p3 = phaseStart(3);
    const ter = addDays(p3, r.int(0, 40));
    add('document', p3, { documentType: 'statenvoorstel', titel: `Statenvoorstel ${i}`, participatieparagraaf: plan, participatieverslag: { activiteiten: 'Ateliers.' } });
    add('procedure', ter, { stap: 'kennisgeving-ontwerp', datum: ter, prbId: `prb-2026-${i + 1}` });
    add('procedure', ter, { stap: 'terinzagelegging', startOn: ter }, 0.95);
    add('procedure', addDays(ter, 10), { stap: 'zienswijze', ontvangenOn: addDays(ter, 10), indienerRef: `ZW-${i}-1`, vorm: 'schriftelijk' });
    add('terugkoppeling', p3, { aan: 'ps', onderwerp: 'voorgenomen-besluit' });
    for (let k = r.int(1, 3); k > 0; k--) activity('ontwikkeling-voorstel', addDays(p3, 7 * k), r.chance(0.85) ? 'uitgevoerd' : 'geannuleerd');
  }
  if (order >= 4) {
    const p4 = phaseStart(4);
    if (order > 4 || r.chance(0.5)) {
      add('besluit', addDays(p4, 20), { orgaan: besluitvormer, onderwerp: 'eindbesluit', kenmerk: `Statenstuk ${i}`, besluitdatum: addDays(p4, 20), inwerkingtredingOn: addDays(p4, 30) }, 0.97);
      add('publicatie', addDays(p4, 22), { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: `prb-2026-${20000 + i}`, publishedOn: addDays(p4, 22) });
    }
    add('terugkoppeling', addDays(p4, 25), { aan: r.pick(['deelnemers', 'adviesorgaan'] as const), onderwerp: r.pick(['adviesreactie', 'overig'] as const) }, 0.6);
    activity('kaderstelling-besluitvorming', addDays(p4, 5));
  }
  if (order >= 5) {
    const p5 = phaseStart(5);
    add('terugkoppeling', p5, { aan: 'ps', onderwerp: 'voortgang' });
    add('procedure', p5, { stap: 'evaluatietype', type: 'gs-evaluatie' });
    if (r.chance(0.5)) activity('uitvoering', addDays(p5, 10));
  }
  if (order >= 6) {
    const p6 = phaseStart(6);
    add('document', p6, { documentType: 'evaluatierapport', titel: 'Evaluatie', verzondenAanPsOn: p6 });
    add('terugkoppeling', p6, { aan: 'ps', onderwerp: 'evaluatie' });
    add('leerpunten', p6, { leerpunten: 'Eerder beginnen.' });
    if (r.chance(0.5)) activity('controle-evaluatie', addDays(p6, 5));
  }
  const correctable = evidence.filter((e) => e.kind === 'document' || e.kind === 'activiteit');
  if (correctable.length && r.chance(0.2)) {
    const old = r.pick(correctable);
    const fix = add(old.kind, old.occurredOn, old.data, 1);
    if (fix) fix.supersedes = old.id;
  }
  const waivers: WaiverFact[] =
    r.chance(0.1)
      ? [{ id: `${id}-w`, requirementId: r.pick(['G2-01', 'G3-01', 'G4-07']), reasonCode: 'anders', motivation: 'Afgewogen.', requestedBy: 'u-1', approvedBy: 'u-2', status: 'approved' }]
      : [];
  return { id, state, enteredPhaseOn: entered, evidence, waivers };
}

/** `count` dossiers from `seed`: the same portfolio on every run. */
export function portfolio(count: number, seed = 2025): PortfolioDossier[] {
  const r = prng(seed);
  return Array.from({ length: count }, (_, i) => generateDossier(r, i));
}

/** The facts of a portfolio dossier as its owner would fire ADVANCE at TEST_NOW. */
export function portfolioFacts(d: PortfolioDossier, evidence: readonly EvidenceRecord[] = d.evidence): DossierFacts {
  return projectFacts({
    dossier: { id: d.id, state: d.state, enteredPhaseOn: d.enteredPhaseOn, assigneeId: 'u-1' },
    evidence,
    waivers: d.waivers,
    now: TEST_NOW,
    attempt: { event: 'ADVANCE', actor: { id: 'u-1', roles: ['beleidsmedewerker'] } },
    settings: TEST_SETTINGS,
  });
}
