/**
 * The 2021 rule set keeps evaluating its dossiers exactly as before 2025 was added (issue #16). The snapshot in
 * __snapshots__ was written by this spec on the code before the 2025 version and its evidence fields existed
 * (commit "2021 portfolio snapshot"); any change to a 2021 evaluation — a status, an explanation, the evidence it
 * rests on, or what the engine decides — changes the digest or the per-dossier statuses.
 */
import { createHash } from 'node:crypto';
import { DRENTHE_2021 } from '../workflow';
import { DRENTHE_2025 } from './workflow';
import { NEW_IN_2025 } from './requirements';
import { previewEvents } from '../../engine';
import { EvidenceRecord } from '../../evidence';
import { evaluateRequirements } from '../../requirement';
import { portfolio, portfolioFacts } from '../../testing/portfolio';

const DOSSIERS = portfolio(240);

function evaluate2021(d: (typeof DOSSIERS)[number], evidence = d.evidence) {
  const facts = portfolioFacts(d, evidence);
  const evaluations = evaluateRequirements(DRENTHE_2021.requirements, facts).map((e) => ({
    id: e.id,
    status: e.status,
    explanation: e.explanation,
    evidence: e.evidence,
  }));
  const previews = previewEvents(DRENTHE_2021, facts).map((p) => ({ event: p.event, allowed: p.allowed, blocking: p.blocking, explanationsRequired: p.explanationsRequired, waived: p.waived }));
  return { evaluations, previews };
}

const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
const letter = { satisfied: 's', unsatisfied: 'u', 'not-applicable': '-' } as const;

describe('drenthe-verbindend-besturen@2021 on a portfolio', () => {
  const results = DOSSIERS.map((d) => evaluate2021(d));

  it('evaluates every dossier exactly as before 2025 was added', () => {
    const totals: Record<string, number> = {};
    for (const r of results) for (const e of r.evaluations) totals[e.status] = (totals[e.status] ?? 0) + 1;
    expect({
      dossiers: DOSSIERS.length,
      evidence: DOSSIERS.reduce((n, d) => n + d.evidence.length, 0),
      totals,
      digest: digest(results),
      statuses: results.map((r, i) => `${DOSSIERS[i].state}: ${r.evaluations.map((e) => letter[e.status]).join('')} ${r.previews.map((p) => `${p.event}=${p.allowed ? 'ok' : p.blocking.join('+')}`).join(' ')}`),
    }).toMatchSnapshot();
  });

  it('covers every status and both allowed and refused advances (the portfolio can show a difference)', () => {
    const statuses = new Set(results.flatMap((r) => r.evaluations.map((e) => e.status)));
    expect([...statuses].sort()).toEqual(['not-applicable', 'satisfied', 'unsatisfied']);
    const advances = results.flatMap((r) => r.previews.filter((p) => p.event === 'ADVANCE'));
    expect(advances.some((p) => p.allowed)).toBe(true);
    expect(advances.some((p) => !p.allowed)).toBe(true);
  });
});

/** The portfolio's records with every 2025 field filled in (no record added or removed). */
function with2025Fields(evidence: readonly EvidenceRecord[]): EvidenceRecord[] {
  const activityIds = evidence.filter((e) => e.kind === 'activiteit').map((e) => e.id);
  return evidence.map((e): EvidenceRecord => {
    if (e.kind === 'activiteit') {
      const d = e.data as EvidenceRecord<'activiteit'>['data'];
      return { ...e, data: { ...d, werving: { methode: 'loting' }, bereik: d.doelgroepen.map((g) => ({ doelgroep: g, beoogd: 10, bereikt: 4 })) } };
    }
    if (e.kind === 'document') {
      const d = e.data as EvidenceRecord<'document'>['data'];
      if (!d.participatieparagraaf) return e;
      return { ...e, data: { ...d, participatieparagraaf: { ...d.participatieparagraaf, vraag: 'Wat vindt u?', voorwerk: 'Verkenning gedaan.', ruimtePerFase: [{ fase: 'voorbereiding-beleid', ruimte: 'Adviseren.' }] } } };
    }
    if (e.kind === 'terugkoppeling') {
      return { ...e, data: { ...(e.data as EvidenceRecord<'terugkoppeling'>['data']), activiteitIds: activityIds, watGedaanMetInbreng: 'Overgenomen.' } };
    }
    return e;
  });
}

describe('the 2025 evidence fields and the 2025 version on the same portfolio', () => {
  const before = DOSSIERS.map((d) => evaluate2021(d));
  const enriched = DOSSIERS.map((d) => with2025Fields(d.evidence));

  it('2021 ignores the 2025 fields: the same evaluation, record for record', () => {
    expect(enriched.flat().some((e) => e.kind === 'activiteit' && (e.data as { werving?: unknown }).werving)).toBe(true);
    const after = DOSSIERS.map((d, i) => evaluate2021(d, enriched[i]));
    expect(digest(after)).toBe(digest(before));
  });

  it('2025 evaluates every 2021 requirement exactly as 2021 does, and differs only by its own new requirements', () => {
    const newIds = new Set(Object.values(NEW_IN_2025).flat().map((r) => r.id));
    let differences = 0;
    // A third of the portfolio (every state, both evidence forms) keeps this comparison quick enough for mutation runs.
    DOSSIERS.slice(0, 80).forEach((d, i) => {
      for (const evidence of [d.evidence, enriched[i]]) {
        const facts = portfolioFacts(d, evidence);
        const old = evaluateRequirements(DRENTHE_2021.requirements, facts);
        const now = evaluateRequirements(DRENTHE_2025.requirements, facts);
        expect(now.filter((e) => !newIds.has(e.id))).toEqual(old);
        const p21 = previewEvents(DRENTHE_2021, facts);
        const p25 = previewEvents(DRENTHE_2025, facts);
        expect(p25.map((p) => [p.event, p.to])).toEqual(p21.map((p) => [p.event, p.to]));
        p25.forEach((p, k) => {
          const q = p21[k];
          expect(p.blocking.filter((id) => !newIds.has(id))).toEqual(q.blocking);
          expect(p.explanationsRequired.filter((id) => !newIds.has(id))).toEqual(q.explanationsRequired);
          expect(p.waived).toEqual(q.waived);
          if (p.allowed !== q.allowed) {
            differences += 1;
            expect(q.allowed).toBe(true);
            expect(p.blocking.length).toBeGreaterThan(0);
            expect(p.blocking.every((id) => newIds.has(id))).toBe(true);
          }
        });
      }
    });
    // The portfolio records no 2025 evidence in its plain form, so 2025 blocks dossiers 2021 lets through.
    expect(differences).toBeGreaterThan(0);
  });
});
