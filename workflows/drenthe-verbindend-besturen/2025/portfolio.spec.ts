/**
 * The 2021 rule set keeps evaluating its dossiers exactly as before 2025 was added (issue #16). The snapshot in
 * __snapshots__ was written by this spec on the code before the 2025 version and its evidence fields existed
 * (commit "2021 portfolio snapshot"); any change to a 2021 evaluation — a status, an explanation, the evidence it
 * rests on, or what the engine decides — changes the digest or the per-dossier statuses.
 */
import { createHash } from 'node:crypto';
import { DRENTHE_2021 } from '../workflow';
import { previewEvents } from '../../engine';
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
