import { DossierEventType, DossierFacts } from './facts';

/** A text in both languages the product speaks. */
export interface Text {
  nl: string;
  en: string;
}

/** Which transition of domain-brief §8 a requirement guards: `X` is any transition. */
export const TRANSITION_KEYS = ['X', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'] as const;
export type TransitionKey = (typeof TRANSITION_KEYS)[number];

export type Severity = 'hard' | 'advisory';

export interface RequirementOrigin {
  /** seed, law, practice, or a data-completeness rule. */
  kind: 'seed' | 'law' | 'practice' | 'data';
  /** The brief's origin column, verbatim (e.g. "law (Awb 3.4)"). */
  label: string;
  /** The seed quote or the legal / practice citation (domain-brief §8 "basis" column). */
  basis: string;
  /** The seed phrase itself, where the rule comes from the seed. */
  seedQuote?: string;
  /** False where the brief marks the legal point unverified: keep the rule, say so. */
  verified: boolean;
  note?: string;
}

/** The outcome of one predicate: met or not, what it rested on, and a human explanation. */
export interface CheckResult {
  met: boolean;
  /** Ids of the evidence records the outcome rests on (for the audit snapshot). */
  evidence: string[];
  /** When met: what satisfied it. When not met: exactly what is missing. */
  explanation: Text;
}

/**
 * One guard of domain-brief §8: metadata plus a named pure predicate over the dossier's facts.
 * `appliesWhen` and `check` never read the database or the clock.
 */
export interface Requirement {
  id: string;
  transition: TransitionKey;
  /** The events this requirement guards (ADVANCE for T1–T6; NEW_CYCLE also for T6; RETURN for X-05). */
  events: readonly DossierEventType[];
  label: Text;
  /** The rule as the brief states it, in English. */
  rule: string;
  severity: Severity;
  waivable: boolean;
  origin: RequirementOrigin;
  appliesWhen: AppliesWhen;
  check: (f: DossierFacts) => CheckResult;
}

/**
 * When a requirement applies. `description` states the condition ("het onderwerp is strategisch"); `whyNot`
 * says, true to this dossier's facts, why it does not apply ("het onderwerp is niet strategisch (G1-03)").
 * The not-applicable explanation is built from `whyNot`, never from `description`: the condition read as a
 * reason states the opposite of the facts (issue #11).
 */
export interface AppliesWhen {
  description: Text;
  test: (f: DossierFacts) => boolean;
  /** Why the requirement does not apply to this dossier: a clause without the final full stop. */
  whyNot?: (f: DossierFacts) => Text;
}

export type RequirementStatus = 'satisfied' | 'unsatisfied' | 'not-applicable';

/** A requirement evaluated on a dossier: what the API shows and the audit trail keeps. */
export interface RequirementEvaluation {
  id: string;
  transition: TransitionKey;
  severity: Severity;
  waivable: boolean;
  status: RequirementStatus;
  label: Text;
  explanation: Text;
  origin: { kind: RequirementOrigin['kind']; basis: string; verified: boolean };
  evidence: string[];
}

/** "Niet van toepassing: <why, for this dossier>." Without a `whyNot`, the condition is stated as a condition. */
export function notApplicableText(r: Requirement, f: DossierFacts): Text {
  const why = r.appliesWhen.whyNot?.(f);
  if (why) return { nl: `Niet van toepassing: ${why.nl}.`, en: `Not applicable: ${why.en}.` };
  return {
    nl: `Niet van toepassing: deze eis geldt alleen als ${r.appliesWhen.description.nl}, en dat is bij dit dossier niet zo.`,
    en: `Not applicable: this requirement applies only when ${r.appliesWhen.description.en}, which is not the case for this dossier.`,
  };
}

/**
 * Evaluate requirements in order. Pure: the same facts always give the same evaluation.
 *
 * Each evaluation (and each unmet one in `decide`) is written as one object literal: a spread followed by new
 * properties (`{ ...base, status }`) takes a slow path in V8 (a fresh map per object, about a microsecond or more
 * each), and a transition builds some forty of these (bench:transition).
 */
export function evaluateRequirements(requirements: readonly Requirement[], facts: DossierFacts): RequirementEvaluation[] {
  return requirements.map((r) => {
    const c = r.appliesWhen.test(facts) ? r.check(facts) : null;
    return {
      id: r.id,
      transition: r.transition,
      severity: r.severity,
      waivable: r.waivable,
      label: r.label,
      origin: { kind: r.origin.kind, basis: r.origin.basis, verified: r.origin.verified },
      status: c === null ? 'not-applicable' : c.met ? 'satisfied' : 'unsatisfied',
      explanation: c === null ? notApplicableText(r, facts) : c.explanation,
      evidence: c === null ? [] : c.evidence,
    };
  });
}

/** Why an unmet requirement blocks the attempt. */
export type BlockReason =
  /** Hard and not waivable (law, or data completeness): record the evidence. */
  | 'hard-unmet'
  /** Hard and waivable: record the evidence, or use an approved waiver. */
  | 'waiver-required'
  /** Advisory: comply, or explain (the explanation is stored). */
  | 'explanation-required';

export interface UnmetRequirement extends RequirementEvaluation {
  blockReason: BlockReason;
}

export interface TransitionDecision {
  allowed: boolean;
  evaluations: RequirementEvaluation[];
  unmet: UnmetRequirement[];
  /** Advisory requirements passed with an explanation: id → the explanation given. */
  explained: Record<string, string>;
  /** Hard waivable requirements passed with an approved waiver: id → waiver id. */
  waived: Record<string, string>;
}

/** An unmet evaluation with why it blocks. */
function unmetAs(e: RequirementEvaluation, blockReason: BlockReason): UnmetRequirement {
  const { id, transition, severity, waivable, label, origin, status, explanation, evidence } = e;
  return { id, transition, severity, waivable, label, origin, status, explanation, evidence, blockReason };
}

/**
 * Comply or explain (product.md): an unmet advisory requirement passes with an explanation; an unmet
 * hard waivable one passes with an approved, unused waiver; an unmet hard non-waivable one blocks.
 */
export function decide(
  evaluations: RequirementEvaluation[],
  facts: Pick<DossierFacts, 'waivers'>,
  explanations: Readonly<Record<string, string>> = {},
): TransitionDecision {
  const unmet: UnmetRequirement[] = [];
  const explained: Record<string, string> = {};
  const waived: Record<string, string> = {};
  for (const e of evaluations) {
    if (e.status !== 'unsatisfied') continue;
    if (e.severity === 'advisory') {
      const text = explanations[e.id]?.trim();
      if (text) explained[e.id] = text;
      else unmet.push(unmetAs(e, 'explanation-required'));
    } else if (e.waivable) {
      const waiver = facts.waivers.find((w) => w.requirementId === e.id && w.status === 'approved');
      if (waiver) waived[e.id] = waiver.id;
      else unmet.push(unmetAs(e, 'waiver-required'));
    } else {
      unmet.push(unmetAs(e, 'hard-unmet'));
    }
  }
  return { allowed: unmet.length === 0, evaluations, unmet, explained, waived };
}

// ---------------------------------------------------------------------------------------------
// Small helpers for writing checks.
// ---------------------------------------------------------------------------------------------

export const met = (evidence: string[], nl: string, en: string): CheckResult => ({ met: true, evidence, explanation: { nl, en } });
export const missing = (nl: string, en: string, evidence: string[] = []): CheckResult => ({
  met: false,
  evidence,
  explanation: { nl, en },
});
export const always: AppliesWhen = {
  description: { nl: 'geldt altijd', en: 'always applies' },
  test: () => true,
};
