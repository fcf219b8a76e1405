import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { attemptTransition, AttemptOutcome } from '../../../workflows/engine';
import { DossierEventType } from '../../../workflows/facts';
import { WorkflowRegistry } from '../../../workflows/registry';
import { Text, TransitionDecision, UnmetRequirement } from '../../../workflows/requirement';
import { AuditEventRow, AuditPayload, AuditService, MIN_ADVISORY_EXPLANATION_LENGTH } from '../../audit';
import { ActorContext, boundedPair, Clock, DomainError, FieldError, NameIndex, NO_NAMES, transitionTarget, withNames } from '../../common';
import { ComplianceProjector } from '../compliance-projection/compliance.projector';
import { loadNames } from '../../users';
import { Db } from '../../database';
import { afterChange, loadDossierFacts } from '../dossier-facts';
import { versionConflict } from '../dossier-command';
import { DossierRepository } from '../dossier.repository';
import { DossierView } from '../dossier.view';
import { DossiersService, renderDossier } from '../dossiers.service';
import { WaiversService } from '../waivers/waivers.service';

export interface FireTransitionCommand {
  event: DossierEventType;
  expectedVersion: number;
  reason?: string;
  /** Comply or explain: requirement id → explanation for an unmet advisory requirement. */
  explanations?: Record<string, string>;
}

export interface TransitionResult {
  transitionId: string;
  event: DossierEventType;
  from: string;
  to: string;
  dossier: DossierView;
  followUpDossierId: string | null;
  explained: Record<string, string>;
  waived: Record<string, string>;
}

/** What the audit trail keeps of an evaluation: everything that was shown, compactly. */
export function evaluationSnapshot(decision: TransitionDecision) {
  return decision.evaluations.map((e) => {
    const unmet = decision.unmet.find((u) => u.id === e.id);
    return {
      id: e.id,
      severity: e.severity,
      waivable: e.waivable,
      status: e.status,
      explanation: e.explanation,
      evidence: e.evidence,
      ...(unmet ? { blockReason: unmet.blockReason } : {}),
      ...(decision.explained[e.id] ? { explainedWith: decision.explained[e.id] } : {}),
      ...(decision.waived[e.id] ? { waivedBy: decision.waived[e.id] } : {}),
    };
  });
}

/**
 * The explanations of an attempt that are refused: one for a requirement that needs none now (met, not applicable, not
 * advisory, or not a requirement of this event), and one shorter than the minimum the auditor's flag uses
 * (`MIN_ADVISORY_EXPLANATION_LENGTH`). Each names the requirement (`explanations.<id>`).
 */
export function explanationErrors(decision: TransitionDecision, explanations: Readonly<Record<string, string>>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [id, raw] of Object.entries(explanations)) {
    const field = `explanations.${id}`;
    const e = decision.evaluations.find((x) => x.id === id);
    if (!e || e.severity !== 'advisory' || e.status !== 'unsatisfied') {
      const why = !e
        ? { en: 'is not a requirement of this transition', nl: `${id} is geen eis van deze overgang` }
        : e.severity !== 'advisory'
          ? { en: 'is a hard requirement: an explanation does not pass it (record the evidence, or use an approved waiver where one is possible)', nl: `${id} is een harde eis: een toelichting helpt niet (leg vast wat de eis vraagt, of gebruik een goedgekeurde vrijstelling waar dat kan)` }
          : e.status === 'satisfied'
            ? { en: 'is met: it needs no explanation', nl: `${id} is vervuld en heeft geen toelichting nodig` }
            : { en: 'does not apply to this dossier: it needs no explanation', nl: `${id} is niet van toepassing op dit dossier en heeft geen toelichting nodig` };
      errors.push({ field, message: why.en, nl: `Toelichting bij ${id}: ${why.nl}. Laat deze toelichting weg.` });
      continue;
    }
    const length = typeof raw === 'string' ? raw.trim().length : 0;
    if (length < MIN_ADVISORY_EXPLANATION_LENGTH) {
      errors.push({
        field,
        message: `must be at least ${MIN_ADVISORY_EXPLANATION_LENGTH} characters (it has ${length}): explain why ${id} is not met`,
        nl: `Toelichting bij ${id} is te kort (${length} tekens): leg in minstens ${MIN_ADVISORY_EXPLANATION_LENGTH} tekens uit waarom niet aan ${id} (${e.label.nl}) is voldaan.`,
      });
    }
  }
  return errors;
}

type Attempted = { kind: 'done'; result: TransitionResult } | { kind: 'refused'; error: DomainError };

/**
 * One transition, one database transaction: load → facts → evaluate → XState `transition()` →
 * conditional update on `version` → audit event → commit. A refused attempt commits its audit event and
 * nothing else; a crash anywhere leaves the whole transition or none of it.
 */
@Injectable()
export class TransitionsService {
  constructor(
    @Inject(Db) private readonly db: Db,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(WaiversService) private readonly waivers: WaiversService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ComplianceProjector) private readonly compliance: ComplianceProjector,
  ) {}

  async fire(actor: ActorContext, dossierId: string, cmd: FireTransitionCommand): Promise<TransitionResult> {
    const now = this.clock.now();
    const iso = now.toISOString();
    const attempted = await this.db.transaction<Attempted>(async (tx) => {
      const open = { onlyAssignee: 'transition.fire', expectedVersion: cmd.expectedVersion } as const;
      const loaded = await loadDossierFacts(tx, this.registry, dossierId, { now, actor, event: cmd.event, reason: cmd.reason, open });
      const { row, workflow, facts } = loaded;

      const def = workflow.definition;
      const ref = { id: def.id, version: def.version };
      const outcome: AttemptOutcome = attemptTransition(def, {
        type: cmd.event,
        facts,
        explanations: cmd.explanations ?? {},
      });
      const transitionId = randomUUID();
      // What the audit event of every attempt records, then what its outcome adds (Object.assign onto a fresh object:
      // V8 builds `{ ...base, more }` on a slow path, see toDossierView).
      const payload = (outcomeFields: AuditPayload): AuditPayload =>
        Object.assign({ transitionId, event: cmd.event, from: row.state, reason: cmd.reason ?? null, expectedVersion: cmd.expectedVersion }, outcomeFields);

      if (outcome.outcome === 'not-accepted') {
        await this.audit.append(tx, {
          actor, action: 'transition.refused', occurredAt: iso, dossierId, workflow: ref,
          payload: payload({ to: null, refusal: 'event-not-accepted', acceptedEvents: outcome.accepted }),
        });
        return {
          kind: 'refused',
          error: new DomainError('event-not-allowed', `A dossier in ${row.state} does not accept ${cmd.event}.`, {
            phase: row.state,
            event: cmd.event,
            acceptedEvents: outcome.accepted,
          }),
        };
      }
      // Comply or explain at the moment it matters: a token explanation, or one for a requirement that needs none, is
      // bad input (400, nothing written), not something to store or silently drop.
      const badExplanations = explanationErrors(outcome.decision, cmd.explanations ?? {});
      if (badExplanations.length) throw DomainError.validation(badExplanations);
      const evaluation = evaluationSnapshot(outcome.decision);
      if (outcome.outcome === 'refused') {
        await this.audit.append(tx, {
          actor, action: 'transition.refused', occurredAt: iso, dossierId, workflow: ref,
          payload: payload({ to: outcome.to, refusal: 'requirements-unmet', explanations: cmd.explanations ?? {}, evaluation }),
        });
        const names = await loadNames(tx, [row.assigneeId, ...loaded.waivers.flatMap((w) => [w.requestedBy, w.decidedBy])]);
        return { kind: 'refused', error: requirementsUnmet(dossierId, outcome.to, outcome.decision, names) };
      }

      const to = outcome.to;
      const moved = await DossierRepository.moveTo(tx, dossierId, { state: to, expectedVersion: cmd.expectedVersion, now });
      if (!moved) throw versionConflict(dossierId, cmd.expectedVersion, null);
      const followUp = cmd.event === 'NEW_CYCLE' ? await this.dossiers.startNextCycle(tx, actor, loaded, now) : null;
      const event: AuditEventRow = await this.audit.append(tx, {
        actor, action: 'transition.done', occurredAt: iso, dossierId, workflow: ref,
        payload: payload({
          to,
          newVersion: moved.version,
          explanations: outcome.decision.explained,
          waiversUsed: outcome.decision.waived,
          evaluation,
          ...(followUp ? { followUpDossierId: followUp.id, lessonsCarried: facts.lessons.map((l) => l.id) } : {}),
        }),
      });
      const waivers = await this.waivers.use(tx, loaded.waivers, Object.values(outcome.decision.waived), { at: iso, byEvent: event.id });
      // The dossier after the transition: the facts projected again from what is in hand (the row moved, the waivers
      // used, no evidence changed) instead of reading the dossier, its records and waivers again.
      const after = afterChange(loaded, { row: { ...moved, ...(followUp ? { followUpDossierId: followUp.id } : {}) }, waivers }, now);
      const dossier = await renderDossier(tx, after, actor);
      // Compliance projection, same transaction: the row from the facts and the evaluation just made for the response
      // (the dossier's own evaluation), so nothing is loaded or evaluated twice; the explanations given are counted.
      await this.compliance.write(tx, after, dossier.next, { delta: Object.keys(outcome.decision.explained).length });
      if (followUp) await this.compliance.project(tx, followUp.id, now);
      return {
        kind: 'done',
        result: {
          transitionId,
          event: cmd.event,
          from: row.state,
          to,
          dossier,
          followUpDossierId: followUp?.id ?? null,
          explained: outcome.decision.explained,
          waived: outcome.decision.waived,
        },
      };
    });
    if (attempted.kind === 'done') return attempted.result;
    throw attempted.error;
  }

  /** The transition history: every attempt, done and refused, from the audit trail (all of them, or `page.limit` after `page.afterSeq`). */
  async history(dossierId: string, page: { limit?: number; afterSeq?: number } = {}) {
    if (!(await this.db.read((tx) => DossierRepository.exists(tx, dossierId)))) throw DomainError.notFound('Dossier', dossierId);
    const events = await this.audit.listForDossier(dossierId, { actions: ['transition.'], limit: page.limit ?? 10_000, afterSeq: page.afterSeq });
    const names = await this.db.read((tx) => loadNames(tx, events.map((e) => e.actorId)));
    return events.map((e) => {
      const p = e.payload as Record<string, unknown>;
      return {
        transitionId: p.transitionId,
        seq: e.seq,
        auditEventId: e.id,
        at: e.occurredAt,
        outcome: e.action === 'transition.done' ? 'done' : 'refused',
        event: p.event,
        from: p.from,
        to: p.to,
        reason: p.reason ?? null,
        refusal: p.refusal ?? null,
        actor: { id: e.actorId, roles: e.actorRoles, name: names.get(e.actorId) ?? null },
        workflow: { id: e.workflowId, version: e.workflowVersion },
        explanations: p.explanations ?? {},
        waiversUsed: p.waiversUsed ?? {},
        evaluation: p.evaluation ?? [],
        followUpDossierId: p.followUpDossierId ?? null,
      };
    });
  }
}

/**
 * How an unmet requirement blocks, as the API says it: `evidence-required` (hard, not waivable: only the evidence
 * helps), `evidence-or-waiver` (hard and waivable: the evidence still satisfies it, or an approved waiver lets it
 * pass), `explanation-required` (advisory: comply, or explain). The audit trail keeps the engine's own codes.
 */
export type ApiBlockReason = 'evidence-required' | 'evidence-or-waiver' | 'explanation-required';

export function apiBlockReason(u: UnmetRequirement): ApiBlockReason {
  return u.blockReason === 'explanation-required' ? 'explanation-required' : u.blockReason === 'waiver-required' ? 'evidence-or-waiver' : 'evidence-required';
}

/** What to do about one unmet requirement, in words. */
export function whatToDo(u: UnmetRequirement): Text {
  switch (apiBlockReason(u)) {
    case 'explanation-required':
      return {
        nl: `Voldoe aan ${u.id}, of geef bij de overgang een toelichting waarom niet (pas toe of leg uit).`,
        en: `Meet ${u.id}, or explain with the transition why not (comply or explain).`,
      };
    case 'evidence-or-waiver':
      return {
        nl: `Leg vast wat ${u.id} vraagt; dat is genoeg. Kan dat niet, vraag dan een vrijstelling aan die een teamleider goedkeurt (X-04).`,
        en: `Record what ${u.id} asks for; that is enough. If that is not possible, request a waiver for a teamleider to approve (X-04).`,
      };
    default:
      return { nl: `Leg vast wat ${u.id} vraagt; voor deze eis is geen vrijstelling mogelijk.`, en: `Record what ${u.id} asks for; this requirement cannot be waived.` };
  }
}

export function requirementsUnmet(dossierId: string, to: string, decision: TransitionDecision, names: NameIndex = NO_NAMES): DomainError {
  const unmet = decision.unmet;
  const ids = unmet.map((u) => u.id).join(', ');
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const byReason = (r: ApiBlockReason) => unmet.filter((u) => apiBlockReason(u) === r).map((u) => u.id);
  const evidence = byReason('evidence-required');
  const either = byReason('evidence-or-waiver');
  const explain = byReason('explanation-required');
  const nl = [
    `Het dossier kan niet ${transitionTarget(to)}: ${count(unmet.length, 'eis is', 'eisen zijn')} niet vervuld (${ids}).`,
    evidence.length ? `Leg vast wat ${evidence.join(', ')} ${evidence.length === 1 ? 'vraagt' : 'vragen'}.` : '',
    either.length
      ? `Voor ${either.join(', ')} is vastleggen genoeg; kan dat niet, vraag dan een vrijstelling aan die een teamleider goedkeurt.`
      : '',
    explain.length ? `Voor ${explain.join(', ')}: voldoe eraan, of geef een toelichting waarom niet.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const en = [
    `Dossier ${dossierId} cannot move to ${to}: ${count(unmet.length, 'requirement', 'requirements')} unmet (${ids}).`,
    evidence.length ? `Record what ${evidence.join(', ')} ask${evidence.length === 1 ? 's' : ''} for.` : '',
    either.length ? `For ${either.join(', ')} recording the evidence is enough; if that is not possible, request a waiver for a teamleider to approve.` : '',
    explain.length ? `For ${explain.join(', ')}: meet ${explain.length === 1 ? 'it' : 'them'}, or explain why not.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return new DomainError(
    'requirements-unmet',
    en,
    {
      to,
      unmetRequirements: unmet.map((u) => ({
        id: u.id,
        severity: u.severity,
        waivable: u.waivable,
        blockReason: apiBlockReason(u),
        label: u.label,
        explanation: boundedPair({ nl: withNames(u.explanation.nl, names), en: withNames(u.explanation.en, names) }),
        toPass: whatToDo(u),
        origin: u.origin,
      })),
    },
    nl,
  );
}
