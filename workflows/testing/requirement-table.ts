/**
 * Table-driven specs for requirements: each case builds facts through the real projection, evaluates one
 * requirement through `evaluateRequirements` (so the status mapping is exercised) and checks status,
 * explanation and the evidence the outcome rests on.
 */
import { EvidenceRecord } from '../evidence';
import { evaluateRequirements, Requirement, RequirementStatus } from '../requirement';
import { factsWith, FactsOptions } from './facts-builder';

export interface RequirementCase {
  name: string;
  evidence: () => EvidenceRecord[];
  opts?: FactsOptions;
  status: RequirementStatus;
  /** Patterns the Dutch explanation must match. */
  nl?: RegExp | RegExp[];
  /** Patterns the Dutch explanation must not match. */
  notNl?: RegExp[];
  en?: RegExp | RegExp[];
  /** Evidence ids the outcome must rest on. */
  evidenceIds?: string[];
  /** Exactly the evidence ids the outcome rests on, in order (nothing more). */
  evidenceExactly?: string[];
}

const list = (p: RegExp | RegExp[] | undefined): RegExp[] => (p === undefined ? [] : Array.isArray(p) ? p : [p]);

/** One `it` per case; `defaults` are facts options every case starts from (e.g. the phase). */
export function runCases(req: Requirement, cases: RequirementCase[], defaults: FactsOptions = {}): void {
  it.each(cases)('$name', (c) => {
    const [e] = evaluateRequirements([req], factsWith(c.evidence(), { ...defaults, ...c.opts }));
    expect(e.status).toBe(c.status);
    expect(e.explanation.nl.length).toBeGreaterThan(0);
    expect(e.explanation.en.length).toBeGreaterThan(0);
    for (const p of list(c.nl)) expect(e.explanation.nl).toMatch(p);
    for (const p of c.notNl ?? []) expect(e.explanation.nl).not.toMatch(p);
    for (const p of list(c.en)) expect(e.explanation.en).toMatch(p);
    if (c.evidenceIds) expect(e.evidence).toEqual(expect.arrayContaining(c.evidenceIds));
    if (c.evidenceExactly) expect(e.evidence).toEqual(c.evidenceExactly);
  });
}

/** The compact form: `[name, evidence, status, pattern the nl or en explanation matches, opts?]`. */
export type RequirementRow = [name: string, evidence: () => EvidenceRecord[], status: RequirementStatus, explains: RegExp, opts?: FactsOptions];

export function runRows(req: Requirement, rows: RequirementRow[]): void {
  // A rest parameter keeps fn.length at 0, so jest never mistakes `opts` for a `done` callback.
  it.each(rows)('%s', (...row: RequirementRow) => {
    const [, evidence, status, explains, opts] = row;
    const [e] = evaluateRequirements([req], factsWith(evidence(), opts));
    expect(e.status).toBe(status);
    expect(`${e.explanation.nl}\n${e.explanation.en}`).toMatch(explains);
    expect(e.explanation.nl.length).toBeGreaterThan(0);
    expect(e.explanation.en.length).toBeGreaterThan(0);
  });
}
