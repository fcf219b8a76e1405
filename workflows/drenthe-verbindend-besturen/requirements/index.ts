/**
 * The rule set of `drenthe-verbindend-besturen`: every guard of domain-brief §8, in brief order
 * (X first, then T1 … T6). One file per transition; this index is the only place that lists them all.
 */
import { Requirement, TransitionKey } from '../../requirement';
import { T1_REQUIREMENTS } from './t1';
import { T2_REQUIREMENTS } from './t2';
import { T3_REQUIREMENTS } from './t3';
import { T4_REQUIREMENTS } from './t4';
import { T5_REQUIREMENTS } from './t5';
import { T6_REQUIREMENTS } from './t6';
import { X_REQUIREMENTS } from './x';

export { T1_REQUIREMENTS, T2_REQUIREMENTS, T3_REQUIREMENTS, T4_REQUIREMENTS, T5_REQUIREMENTS, T6_REQUIREMENTS, X_REQUIREMENTS };

/** All 52 requirements of domain-brief §8, in brief order. */
export const REQUIREMENTS: readonly Requirement[] = [
  ...X_REQUIREMENTS,
  ...T1_REQUIREMENTS,
  ...T2_REQUIREMENTS,
  ...T3_REQUIREMENTS,
  ...T4_REQUIREMENTS,
  ...T5_REQUIREMENTS,
  ...T6_REQUIREMENTS,
];

const BY_ID: ReadonlyMap<string, Requirement> = new Map(REQUIREMENTS.map((r) => [r.id, r]));

/** The requirement with this id (e.g. `G2-01`), or undefined when the rule set has none. */
export function requirementById(id: string): Requirement | undefined {
  return BY_ID.get(id);
}

const onTransition = (key: TransitionKey): readonly Requirement[] => REQUIREMENTS.filter((r) => r.transition === key);

/** The requirements per transition key, each list in brief order. */
export const REQUIREMENTS_BY_TRANSITION: Record<TransitionKey, readonly Requirement[]> = {
  X: onTransition('X'),
  T1: onTransition('T1'),
  T2: onTransition('T2'),
  T3: onTransition('T3'),
  T4: onTransition('T4'),
  T5: onTransition('T5'),
  T6: onTransition('T6'),
};
