/**
 * npm run bench:compliance — the griffie's portfolio at scale. For 1,000 and 10,000 dossiers (about 30 evidence
 * records each, in every phase and final state) it
 * 1. generates the data fast: rows go straight into a temp SQLite file with chunked multi-row INSERTs inside
 *    transactions — dossiers, evidence, waivers — and the projection rows are computed with the real
 *    projector code (projectFacts → the owner's view of the next ADVANCE → computeCompliance), so they are what the
 *    service itself would have stored;
 * 2. measures through the real HTTP app (createApp on that file, listening on a port, node fetch):
 *    `GET /api/v1/compliance` first page and a filtered page (p50/p95 over BENCH_REQUESTS requests each), and the
 *    CSV export of every dossier;
 * 3. prints a table and the 10k/1k ratio of page latency (a page is an index walk: it must not grow with the total).
 *
 * Targets: page p95 ≤ 100 ms; full CSV ≤ 5 s. Env: BENCH_SIZES (default "1000,10000"), BENCH_REQUESTS (200), BENCH_KEEP.
 */
import 'reflect-metadata';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../workflows/dates';
import { ActiviteitData, DossierState, EvidenceDataByKind, EvidenceKind, EvidenceRecord, PHASE_IDS, ParticipatieparagraafPlan, PhaseId } from '../workflows/evidence';
import { amsterdamDate, projectFacts } from '../workflows/facts';
import { defaultRegistry } from '../workflows/registry';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { FixedClock } from '../src/common/clock';
import { COMPLIANCE_SETTINGS } from '../src/config/compliance-settings';
import { computeCompliance } from '../src/dossiers/compliance-projection/compliance-row';
import { ownerAttempt } from '../src/dossiers/compliance-projection/compliance.projector';
import { rowParams, ROW_COLUMNS, TIMER_COLUMNS, timerParams } from '../src/dossiers/compliance-projection/compliance.repository';
import { loadConfig } from '../src/config/config';
import { Db } from '../src/database/db';
import { DossierRow, toWaiverFact, WaiverRow } from '../src/dossiers/dossier.repository';
import { toDossierView } from '../src/dossiers/dossier.view';
import { UsersService } from '../src/users/users.service';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
export const NOW = new Date('2026-06-15T10:00:00.000Z');
const TODAY = amsterdamDate(NOW);
export const OWNERS = 25;
const WARMUP_REQUESTS = 50;

/** mulberry32: a small seeded PRNG, so every run generates the same portfolio. */
function prng(seed: number) {
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
type Rng = ReturnType<typeof prng>;

const STATE_WEIGHTS: Array<[DossierState, number]> = [
  ['voorfase-agendasetting', 16],
  ['voorbereiding-beleid', 16],
  ['ontwikkeling-voorstel', 16],
  ['kaderstelling-besluitvorming', 14],
  ['uitvoering', 14],
  ['controle-evaluatie', 10],
  ['afgesloten', 9],
  ['ingetrokken', 5],
];

function pickState(r: Rng): DossierState {
  let x = r.next() * STATE_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  for (const [s, w] of STATE_WEIGHTS) if ((x -= w) < 0) return s;
  return 'voorfase-agendasetting';
}

const ADVISORIES_BY_PHASE: Record<PhaseId, string[]> = {
  'voorfase-agendasetting': ['G1-05', 'G1-06', 'G1-07', 'X-03'],
  'voorbereiding-beleid': ['G2-04', 'G2-05', 'G2-06', 'G2-07', 'G2-08', 'X-03'],
  'ontwikkeling-voorstel': ['G3-03', 'G3-04', 'G3-05', 'G3-06'],
  'kaderstelling-besluitvorming': ['G4-08', 'G4-09', 'G4-10', 'G4-11', 'G4-12'],
  uitvoering: ['G5-01', 'G5-02', 'G5-03'],
  'controle-evaluatie': ['G6-04', 'G6-05', 'G6-06', 'G6-07'],
};

interface Generated {
  dossier: DossierRow;
  evidence: EvidenceRecord[];
  waivers: WaiverRow[];
  explained: number;
}

/** One dossier: evidence for every phase it went through (with random gaps) and some of its current phase. */
function generateDossier(r: Rng, i: number, owners: string[]): Generated {
  const id = randomUUID();
  const state = pickState(r);
  const order = state === 'afgesloten' ? 7 : state === 'ingetrokken' ? r.int(1, 4) : (PHASE_IDS as readonly string[]).indexOf(state) + 1;
  const strategisch = r.chance(0.3);
  const besluitvormer = r.chance(0.5) ? 'PS' : 'GS';
  const owner = r.pick(owners);
  const created = addDays(TODAY, -r.int(120, 900));
  const entered = addDays(TODAY, -r.int(1, 110));
  const span = Math.max(1, (Date.parse(entered) - Date.parse(created)) / 86_400_000);
  // The day phase p (1-based) was entered: spread between creation and the current phase's entry.
  const phaseStart = (p: number) => (p >= order ? entered : addDays(created, Math.floor(((p - 1) / Math.max(1, order - 1)) * span)));
  const evidence: EvidenceRecord[] = [];
  let n = 0;
  const add = <K extends EvidenceKind>(kind: K, occurredOn: string, data: EvidenceDataByKind[K], keep = 0.9) => {
    if (!r.chance(keep)) return null;
    const on = occurredOn > TODAY ? TODAY : occurredOn;
    const rec: EvidenceRecord = {
      id: randomUUID(),
      dossierId: id,
      kind,
      occurredOn: on,
      recordedAt: new Date(Date.parse(`${on}T09:00:00.000Z`) + ++n * 60_000).toISOString(),
      recordedBy: owner,
      supersedes: null,
      data,
    };
    evidence.push(rec);
    return rec;
  };
  const activity = (fase: PhaseId, on: string, status: ActiviteitData['status'] = 'uitgevoerd') =>
    add('activiteit', on, {
      instrumentId: r.pick(['atelier', 'drents-panel', 'keukentafelgesprekken', 'informatiebijeenkomst-gs', 'expertsessie', 'netwerkbijeenkomst-doelgroep']),
      organisator: 'GS',
      fase,
      inwonersGericht: true,
      niveau: r.pick(['informeren', 'consulteren', 'meebeslissen'] as const),
      doelgroepen: [r.pick(['inwoners', 'jongeren', 'ondernemers', 'agrariërs'])],
      startOn: on,
      status,
      aankondiging: { kanaal: 'website-provincie', datum: addDays(on, -r.int(3, 30)), url: 'https://www.provincie.drenthe.nl/agenda' },
    });
  const plan: ParticipatieparagraafPlan = {
    doel: 'Betrokkenen denken mee.',
    doelgroepen: ['inwoners', 'jongeren'],
    niveaus: [
      { doelgroep: 'inwoners', fase: 'voorbereiding-beleid', niveau: 'consulteren' },
      { doelgroep: 'jongeren', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
      { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'meebeslissen' },
    ],
    ruimteVoorInvloed: 'De doelen liggen vast; de uitwerking is open.',
    planning: 'Per fase bijeenkomsten.',
    instrumenten: [
      { instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' },
      { instrumentId: 'drents-panel', fase: 'voorbereiding-beleid' },
    ],
    terugkoppeling: 'Reactienota en nazorgbijeenkomst.',
    informatievindplaats: 'https://www.provincie.drenthe.nl/dossier',
  };

  // Creation: the classification as POST /dossiers records it, completed at intake (or not: G1-01/03/04 gaps).
  add('classificatie', created, { strategisch, besluitvormer, reden: 'Classificatie bij aanmaken van het dossier' }, 1);
  add('classificatie', created, {
    strategischMotivatie: 'Afgewogen bij intake.',
    besluittype: r.pick(['verordening', 'beleidsregel', 'besluit-algemene-strekking'] as const),
    instrumentType: 'none',
    herkomst: r.chance(0.05) ? 'agenderingsrecht' : r.pick(['gs-initiatief', 'signaal-samenleving', 'ps-motie'] as const),
    reden: 'Intake afgerond',
  }, 0.85);
  const p1 = phaseStart(1);
  add('publicatie', p1, { onderwerp: 'aankondiging-initiatief', kanaal: 'website-provincie', publishedOn: p1, url: 'https://www.provincie.drenthe.nl/nieuws' });
  add('document', p1, { documentType: 'stakeholderinventarisatie', titel: 'Stakeholders' });
  add('publicatie', p1, { onderwerp: 'uitleg-instrumenten', kanaal: 'sociale-media', publishedOn: p1, url: 'https://www.provincie.drenthe.nl/meedoen' });
  add('terugkoppeling', p1, { aan: 'griffie', onderwerp: 'signaal' });
  add('checkvraag', p1, { vraag: 'signaal-gedeeld-met-ps', antwoord: true, toelichting: 'Gedeeld met de griffie.' });
  if (r.chance(0.05)) add('procedure', p1, { stap: 'agenderingsverzoek', ingediendOn: addDays(p1, -r.int(0, 500)), geldigeOndersteuners: r.int(150, 900), binnenBevoegdheidPs: true }, 1);
  for (let k = r.int(1, 3); k > 0; k--) activity('voorfase-agendasetting', addDays(p1, 3 * k));

  if (order >= 2) {
    const p2 = phaseStart(2);
    if (strategisch || r.chance(0.2))
      add('document', p2, { documentType: 'startnotitie', titel: `Startnotitie ${i}`, participatieparagraaf: plan, vastgesteldDoorGsOn: p2, ...(r.chance(0.85) ? { verzondenAanPsOn: p2 } : {}) }, order > 2 ? 0.95 : 0.6);
    add('checkvraag', p2, { vraag: 'inwonersinitiatief', antwoord: r.chance(0.5), toelichting: 'Afgewogen.' });
    add('checkvraag', p2, { vraag: 'beginspraak', antwoord: r.chance(0.5), toelichting: 'Afgewogen.' });
    add('checkvraag', p2, { vraag: 'jongerenraad-drents-panel', antwoord: true, toelichting: 'Drents Panel.' });
    add('procedure', p2, { stap: 'inspraakbesluit', inspraak: r.chance(0.6), awb34VanToepassing: r.chance(0.5), motivering: 'Besluit GS.' });
    add('procedure', p2, { stap: 'commissiebehandeling', onderwerp: 'startnotitie', commissie: 'Omgeving', vergaderdatum: p2 }, strategisch ? 0.8 : 0.3);
    add('publicatie', p2, { onderwerp: 'startnotitie', kanaal: 'website-drents-parlement', publishedOn: p2, url: 'https://www.drentsparlement.nl/stukken' });
    for (let k = r.int(2, 4); k > 0; k--) activity('voorbereiding-beleid', addDays(p2, 7 * k), r.chance(0.8) ? 'uitgevoerd' : 'gepland');
    add('terugkoppeling', p2, { aan: 'deelnemers', onderwerp: 'voortgang' });
  }
  if (order >= 3) {
    const p3 = phaseStart(3);
    const ter = addDays(p3, r.int(0, 40));
    add('document', p3, { documentType: 'statenvoorstel', titel: `Statenvoorstel ${i}`, participatieparagraaf: plan, participatieverslag: { activiteiten: 'Ateliers.' } });
    add('procedure', ter, { stap: 'kennisgeving-ontwerp', datum: ter, prbId: `prb-2026-${i + 1}` });
    add('procedure', ter, { stap: 'terinzagelegging', startOn: ter }, 0.95);
    add('procedure', ter, { stap: 'toezending-ontwerp', geenGeadresseerden: true });
    const zw = add('procedure', addDays(ter, 10), { stap: 'zienswijze', ontvangenOn: addDays(ter, 10), indienerRef: `ZW-${i}-1`, vorm: 'schriftelijk' });
    add('procedure', addDays(ter, 20), { stap: 'zienswijze', ontvangenOn: addDays(ter, 20), indienerRef: `ZW-${i}-2`, vorm: 'mondeling' });
    if (order > 3 || r.chance(0.4)) add('document', addDays(ter, 45), { documentType: 'reactienota', titel: 'Reactienota', beantwoordtZienswijzen: zw ? [zw.id] : [] });
    add('terugkoppeling', p3, { aan: 'ps', onderwerp: 'voorgenomen-besluit' });
    add('publicatie', p3, { onderwerp: 'gs-voorstel', kanaal: 'website-provincie', publishedOn: p3, url: 'https://www.provincie.drenthe.nl/gs' });
    for (let k = r.int(2, 4); k > 0; k--) activity('ontwikkeling-voorstel', addDays(p3, 7 * k), r.chance(0.85) ? 'uitgevoerd' : 'geannuleerd');
    add('terugkoppeling', p3, { aan: 'deelnemers', onderwerp: 'voortgang' });
  }
  if (order >= 4) {
    const p4 = phaseStart(4);
    if (besluitvormer === 'GS') add('procedure', p4, { stap: 'wensen-en-bedenkingen', partij: 'PS', gelegenheidGebodenOn: p4, ...(r.chance(0.5) ? { reactieOn: addDays(p4, 20) } : {}) }, 0.4);
    if (order > 4 || r.chance(0.5)) {
      add('besluit', addDays(p4, 20), { orgaan: besluitvormer, onderwerp: 'eindbesluit', kenmerk: `Statenstuk ${i}`, besluitdatum: addDays(p4, 20), inwerkingtredingOn: addDays(p4, 30) }, 0.97);
      add('publicatie', addDays(p4, 22), { onderwerp: 'besluit', kanaal: 'provinciaal-blad', prbId: `prb-2026-${20000 + i}`, publishedOn: addDays(p4, 22), url: 'https://zoek.officielebekendmakingen.nl/' });
      add('procedure', addDays(p4, 22), { stap: 'kennisgeving-besluit', datum: addDays(p4, 22), prbId: `prb-2026-${40000 + i}` });
      add('procedure', addDays(p4, 22), { stap: 'besluit-toegezonden-indieners', datum: addDays(p4, 22) });
    }
    add('publicatie', p4, { onderwerp: 'gs-besluitenlijst', kanaal: 'website-provincie', publishedOn: p4, url: 'https://www.provincie.drenthe.nl/besluitenlijst' });
    add('publicatie', p4, { onderwerp: 'ps-vergaderstukken', kanaal: 'website-drents-parlement', publishedOn: p4, url: 'https://www.drentsparlement.nl/vergaderingen' });
    add('document', p4, { documentType: 'evaluatieplan', titel: 'Evaluatieplan', evaluatieplan: { wanneer: r.chance(0.5) ? addDays(p4, r.int(200, 500)) : 'na twee jaar', hoe: 'Monitor', indicatoren: ['bereik'], is217a: r.chance(0.2) } });
    for (let k = r.int(1, 2); k > 0; k--) activity('kaderstelling-besluitvorming', addDays(p4, 5 * k));
  }
  if (order >= 5) {
    const p5 = phaseStart(5);
    add('terugkoppeling', p5, { aan: 'ps', onderwerp: 'voortgang' });
    add('checkvraag', p5, { vraag: 'maatschappelijke-initiatieven', antwoord: false, toelichting: 'Geen.' });
    add('procedure', p5, { stap: 'evaluatietype', type: 'gs-evaluatie' });
    for (let k = r.int(1, 3); k > 0; k--) add('terugkoppeling', addDays(p5, 30 * k), { aan: 'ps', onderwerp: 'voortgang' });
  }
  if (order >= 6) {
    const p6 = phaseStart(6);
    add('document', p6, { documentType: 'evaluatierapport', titel: 'Evaluatie', verzondenAanPsOn: p6 }, order > 6 ? 1 : 0.5);
    add('terugkoppeling', p6, { aan: 'ps', onderwerp: 'evaluatie' });
    add('leerpunten', p6, { leerpunten: 'Eerder beginnen.' });
    add('publicatie', p6, { onderwerp: 'evaluatierapport', kanaal: 'website-provincie', publishedOn: p6, url: 'https://www.provincie.drenthe.nl/evaluatie' });
  }
  if (strategisch && order <= 3 && r.chance(0.03)) add('classificatie', entered, { strategisch: false, strategischMotivatie: 'Herbeoordeeld.', reden: 'Toch niet strategisch' }, 1);
  // Corrections: a few records superseded by a new version.
  const correctable = evidence.filter((e) => e.kind === 'document' || e.kind === 'activiteit');
  if (correctable.length && r.chance(0.2)) {
    const old = r.pick(correctable);
    const fix = add(old.kind, old.occurredOn, old.data, 1)!;
    fix.supersedes = old.id;
  }

  const waivers: WaiverRow[] = [];
  // Advisory requirements passed with only an explanation at each earlier ADVANCE (the count the projection keeps; the
  // bench writes no audit trail, which the views do not read).
  const passed = PHASE_IDS.slice(0, Math.min(order, 7) - 1);
  let explained = 0;
  for (const from of passed) explained += ADVISORIES_BY_PHASE[from].filter(() => r.chance(0.45)).length;
  if (order >= 2 && r.chance(0.06)) waivers.push(waiver(id, owner, owners, 'G1-03', 'used', created));
  if (order <= 6 && r.chance(0.04)) waivers.push(waiver(id, owner, owners, r.pick(['G2-01', 'G2-03', 'G3-01', 'G4-07']), r.pick(['requested', 'approved'] as const), entered));

  const finalState: DossierState = state;
  const dossier: DossierRow = {
    id, title: `Dossier ${i} ${r.pick(['energie', 'natuur', 'mobiliteit', 'wonen', 'water', 'cultuur'])}`, workflowId: 'drenthe-verbindend-besturen',
    workflowVersion: '2021', state: finalState, version: passed.length + 1, enteredPhaseOn: entered, enteredPhaseAt: `${entered}T09:00:00.000Z`,
    strategisch, besluitvormer, assigneeId: owner, createdBy: owner, createdAt: `${created}T09:00:00.000Z`, updatedAt: `${entered}T09:00:00.000Z`,
    previousDossierId: null, followUpDossierId: null,
  };
  return { dossier, evidence, waivers, explained };
}

function waiver(dossierId: string, owner: string, owners: string[], requirementId: string, status: WaiverRow['status'], on: string): WaiverRow {
  const decided = status === 'approved' || status === 'used';
  return {
    id: randomUUID(), dossierId: dossierId, requirementId: requirementId, reasonCode: 'spoed', motivation: 'Wettelijke termijn.', requestedBy: owner,
    requestedAt: `${on}T10:00:00.000Z`, approverId: null, status, decidedBy: decided ? owners.find((o) => o !== owner)! : null,
    decidedAt: decided ? `${on}T11:00:00.000Z` : null, decisionNote: null, usedAt: status === 'used' ? `${on}T12:00:00.000Z` : null,
    usedByEvent: status === 'used' ? randomUUID() : null,
  };
}

/** Multi-row INSERT in chunks; statements cached per chunk size. */
function bulkInsert(conn: SqliteDatabase, table: string, columns: readonly string[], rows: Array<readonly unknown[]>) {
  const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
  const cache = new Map<number, Statement>();
  const stmt = (k: number) => {
    let s = cache.get(k);
    if (!s) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      s = conn.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: k }, () => tuple).join(', ')}`);
      cache.set(k, s);
    }
    return s;
  };
  const toParam = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v);
  conn.transaction(() => {
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = rows.slice(i, i + perChunk);
      stmt(chunk.length).run(...chunk.flat().map(toParam));
    }
  })();
}

/** Generate a portfolio of `count` dossiers into an open, migrated SQLite database (also used by bench:web). */
export function generate(conn: SqliteDatabase, count: number, owners: string[], version = '2021') {
  const registry = defaultRegistry();
  const workflow = registry.get({ id: 'drenthe-verbindend-besturen', version })!;
  const r = prng(20260615 + count);
  const dossiers: unknown[][] = [];
  const evidence: unknown[][] = [];
  const waivers: unknown[][] = [];
  const rows: unknown[][] = [];
  const timers: unknown[][] = [];
  let projectMs = 0;
  for (let i = 0; i < count; i++) {
    const g = generateDossier(r, i, owners);
    const d = g.dossier;
    dossiers.push([d.id, d.title, d.workflowId, d.workflowVersion, d.state, d.version, d.enteredPhaseOn, d.enteredPhaseAt, d.strategisch, d.besluitvormer, d.assigneeId, d.createdBy, d.createdAt, d.updatedAt]);
    g.evidence.forEach((e, pos) => evidence.push([e.id, e.dossierId, e.kind, e.occurredOn, e.recordedAt, e.recordedBy, e.supersedes, pos + 1, JSON.stringify(e.data)]));
    for (const w of g.waivers) waivers.push([w.id, w.dossierId, w.requirementId, w.reasonCode, w.motivation, w.requestedBy, w.requestedAt, w.approverId, w.status, w.decidedBy, w.decidedAt, w.decisionNote, w.usedAt, w.usedByEvent]);
    // The projection, with the projector's own code: facts as the owner sees them, the view's evaluation, the row.
    const t0 = performance.now();
    const facts = projectFacts({
      dossier: { id: d.id, state: d.state, enteredPhaseOn: d.enteredPhaseOn, assigneeId: d.assigneeId },
      evidence: g.evidence,
      waivers: g.waivers.map(toWaiverFact),
      now: NOW.toISOString(),
      attempt: ownerAttempt(d.assigneeId),
      settings: workflow.definition.settings,
    });
    const next = toDossierView({ row: d, workflow, evidence: g.evidence, waivers: g.waivers, facts }).next;
    const p = computeCompliance({ row: d, facts, next, waivers: g.waivers, settings: COMPLIANCE_SETTINGS });
    projectMs += performance.now() - t0;
    rows.push([...rowParams(p.row), g.explained]);
    for (const t of p.timers) timers.push(timerParams(t));
  }
  const t1 = performance.now();
  bulkInsert(conn, 'dossier', ['id', 'title', 'workflow_id', 'workflow_version', 'state', 'version', 'entered_phase_on', 'entered_phase_at', 'strategisch', 'besluitvormer', 'assignee_id', 'created_by', 'created_at', 'updated_at'], dossiers);
  bulkInsert(conn, 'evidence', ['id', 'dossier_id', 'kind', 'occurred_on', 'recorded_at', 'recorded_by', 'supersedes', 'position', 'data'], evidence);
  bulkInsert(conn, 'waiver', ['id', 'dossier_id', 'requirement_id', 'reason_code', 'motivation', 'requested_by', 'requested_at', 'approver_id', 'status', 'decided_by', 'decided_at', 'decision_note', 'used_at', 'used_by_event'], waivers);
  bulkInsert(conn, 'dossier_compliance', [...ROW_COLUMNS, 'advisories_explained'], rows);
  bulkInsert(conn, 'dossier_timer', TIMER_COLUMNS, timers);
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.exec('ANALYZE');
  return { evidence: evidence.length, timers: timers.length, projectMs, insertMs: performance.now() - t1 };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function timeRequests(url: string, headers: Record<string, string>, n: number): Promise<{ p50: number; p95: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n + WARMUP_REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.arrayBuffer();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${Buffer.from(body).toString()}`);
    if (i >= WARMUP_REQUESTS) times.push(ms); // the first ones warm up JIT and statement caches
    bytes = body.byteLength;
  }
  return { p50: pct(times, 50), p95: pct(times, 95), bytes };
}

async function run(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kw-bench-compliance-'));
  const started = performance.now();
  try {
    const config = { ...loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, RATE_LIMIT_PER_MINUTE: '1000000' }), timerJobIntervalSeconds: 0 };
    const db = await Db.open(config.database);
    const app = await createApp({ config, db, clock: new FixedClock(NOW), logger: false });
    const users = app.get(UsersService);
    const owners: string[] = [];
    for (let i = 0; i < OWNERS; i++) owners.push((await users.createUser(SYSTEM_ACTOR, { name: `Beleid ${i}`, roles: ['beleidsmedewerker'] })).user.id);
    const { token } = await users.createUser(SYSTEM_ACTOR, { name: 'Griffie', roles: ['griffie'] });
    const conn = db.sqliteConnection!;
    const gen = generate(conn, count, owners);
    const genSeconds = (performance.now() - started) / 1000;
    const stats = conn
      .prepare(
        `SELECT SUM(CASE WHEN hard_open_count > 0 THEN 1 ELSE 0 END) AS hard, SUM(CASE WHEN next_deadline < ? THEN 1 ELSE 0 END) AS overdue,
          SUM(CASE WHEN waivers_used_count > 0 THEN 1 ELSE 0 END) AS waived, SUM(CASE WHEN reclassified_count > 0 THEN 1 ELSE 0 END) AS reclassified,
          SUM(advisories_explained) AS explained, SUM(CASE WHEN participation_gaps > 0 THEN 1 ELSE 0 END) AS gaps FROM dossier_compliance`,
      )
      .get(TODAY) as Record<string, number>;

    const server = app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/compliance`;
    const auth = { Authorization: `Bearer ${token}` };
    const first = await timeRequests(base, auth, REQUESTS);
    const filtered = await timeRequests(`${base}?phase=ontwikkeling-voorstel&hasOpenHard=true`, auth, REQUESTS);
    const counted = await timeRequests(`${base}?phase=ontwikkeling-voorstel&hasOpenHard=true&withTotal=true`, auth, REQUESTS);
    const csvTimes: number[] = [];
    let csvBytes = 0;
    let csvRows = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(base, { headers: { ...auth, Accept: 'text/csv' } });
      const text = await res.text();
      csvTimes.push(performance.now() - t0);
      csvBytes = Buffer.byteLength(text);
      csvRows = text.split('\r\n').length - 2;
    }
    await app.close();
    await db.close();
    return { count, evidence: gen.evidence, timers: gen.timers, genSeconds, projectMs: gen.projectMs, stats, first, filtered, counted, csvMs: Math.max(...csvTimes), csvBytes, csvRows };
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

async function main() {
  // Warm the process up on a small portfolio first (not reported), so the first size is not measured on a cold JIT.
  await run(Number(process.env.BENCH_WARMUP ?? 300));
  const results = [];
  for (const n of SIZES) {
    const r = await run(n);
    results.push(r);
    console.log(
      `  ${n.toLocaleString('en')} dossiers generated in ${r.genSeconds.toFixed(1)} s (${r.evidence.toLocaleString('en')} evidence records, ${r.timers.toLocaleString('en')} timers; projector ${(r.projectMs / n).toFixed(2)} ms/dossier)`,
    );
    const s = r.stats;
    console.log(
      `    portfolio: ${s.hard} with open hard requirements, ${s.overdue} with overdue timers, ${s.waived} with a waiver used, ${s.reclassified} reclassified, ${s.gaps} with participation gaps, ${s.explained} explained advisories`,
    );
  }
  const f = (x: number) => x.toFixed(1).padStart(6);
  console.log(`\nbench:compliance  SQLite file (WAL), HTTP on localhost, ${REQUESTS} requests per page after ${WARMUP_REQUESTS} warm-up`);
  console.log('  first page: GET /api/v1/compliance; filtered: ?phase=ontwikkeling-voorstel&hasOpenHard=true; +total: the same with withTotal=true');
  console.log('  dossiers | evidence | first page p50 / p95 ms | filtered p50 / p95 ms | filtered+total p50 / p95 ms | full CSV ms (rows, MB)');
  for (const r of results) {
    console.log(
      `  ${r.count.toLocaleString('en').padStart(8)} | ${r.evidence.toLocaleString('en').padStart(8)} | ${f(r.first.p50)} / ${f(r.first.p95)}          | ${f(r.filtered.p50)} / ${f(r.filtered.p95)}        | ${f(r.counted.p50)} / ${f(r.counted.p95)}              | ${r.csvMs.toFixed(0).padStart(6)} (${r.csvRows.toLocaleString('en')}, ${(r.csvBytes / 1e6).toFixed(1)})`,
    );
  }
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    console.log(
      `  ratio ${b.count.toLocaleString('en')}/${a.count.toLocaleString('en')} page p95: first ${(b.first.p95 / a.first.p95).toFixed(2)}, filtered ${(b.filtered.p95 / a.filtered.p95).toFixed(2)}, filtered+total ${(b.counted.p95 / a.counted.p95).toFixed(2)} ` +
        `(p50: ${(b.first.p50 / a.first.p50).toFixed(2)}, ${(b.filtered.p50 / a.filtered.p50).toFixed(2)}, ${(b.counted.p50 / a.counted.p50).toFixed(2)})`,
    );
  }
  const worstPage = Math.max(...results.map((r) => Math.max(r.first.p95, r.filtered.p95, r.counted.p95)));
  const worstCsv = Math.max(...results.map((r) => r.csvMs));
  console.log(`  targets: page p95 ≤ 100 ms → ${worstPage <= 100 ? 'OK' : 'MISSED'} (${worstPage.toFixed(1)}); full CSV ≤ 5000 ms → ${worstCsv <= 5000 ? 'OK' : 'MISSED'} (${worstCsv.toFixed(0)})`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
