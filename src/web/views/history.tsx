import type { DossierStateAsOf, HistoryEntry } from '../../auditor';
import type { AuditFlag } from '../../audit';
import type { DossierView, TransitionsService } from '../../dossiers';
import { datum, tijdstip } from '../format';
import { EVENT_LABELS, phaseName, REASON_LABELS, RequirementsTable, Stepper } from './dossier';
import { Csrf, html, Layout, PageContext } from './layout';
import { A, Alert, Button, H1, H2, H3, P, Status } from './ui';

/** One attempt at a transition, as the API's transition history gives it. */
export type TransitionAttempt = Awaited<ReturnType<TransitionsService['history']>>[number];

interface EvaluationLine {
  id: string;
  status: string;
  severity?: string;
  explanation?: { nl?: string };
  blockReason?: string;
  explainedWith?: string;
  waivedBy?: string;
}

const STATUS_NL: Record<string, string> = { satisfied: 'voldaan', unsatisfied: 'niet voldaan', 'not-applicable': 'niet van toepassing' };
const BLOCK_NL: Record<string, string> = { 'hard-unmet': 'blokkeerde', 'explanation-required': 'uitleg ontbrak', 'waiver-required': 'ontheffing nodig' };

function Evaluation({ lines }: { lines: EvaluationLine[] }) {
  if (!lines.length) return null;
  return (
    <details>
      <summary>De beoordeling zoals die toen werd getoond ({lines.length} eisen)</summary>
      <ul class="utrecht-unordered-list">
        {lines.map((l) => (
          <li key={l.id} class="utrecht-unordered-list__item">
            <strong>{l.id}</strong>: {STATUS_NL[l.status] ?? l.status}
            {l.blockReason ? ` — ${BLOCK_NL[l.blockReason] ?? l.blockReason}` : ''}
            {l.explainedWith ? ` — uitgelegd: “${l.explainedWith}”` : ''}
            {l.waivedBy ? ` — ontheffing ${l.waivedBy}` : ''}
            {l.status === 'unsatisfied' && l.explanation?.nl ? <div class="kw-muted">{l.explanation.nl}</div> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asLines = (v: unknown): EvaluationLine[] => (Array.isArray(v) ? (v as EvaluationLine[]) : []);

function Explanations({ explanations }: { explanations: unknown }) {
  const entries = Object.entries(asObject(explanations));
  if (!entries.length) return null;
  return (
    <div>
      <strong>Uitleg (pas toe of leg uit):</strong>
      <ul class="utrecht-unordered-list">
        {entries.map(([id, text]) => (
          <li key={id} class="utrecht-unordered-list__item">
            {id}: {String(text)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function transitionTitle(outcome: string, event: unknown, from: unknown, to: unknown): string {
  const label = EVENT_LABELS[String(event)] ?? String(event);
  return outcome === 'refused'
    ? `${label} geweigerd (${phaseName(String(from))} → ${phaseName(String(to))})`
    : `${label}: ${phaseName(String(from))} → ${phaseName(String(to))}`;
}

export interface HistoryPageData {
  view: DossierView;
  names: Map<string, string>;
  /** The audit trail (griffie, auditor) or the transition attempts (everyone else). */
  entries: HistoryEntry[] | null;
  attempts: TransitionAttempt[] | null;
  nextAfterSeq: number | null;
  flags: AuditFlag[] | null;
  asOf: { date: string; state: DossierStateAsOf } | null;
  asOfError?: string;
  verify?: { ok: boolean; checked: number; broken?: string } | null;
  canVerify: boolean;
  canExport: boolean;
}

export function historyPage(ctx: PageContext, d: HistoryPageData): string {
  const v = d.view;
  const name = (id: string) => d.names.get(id) ?? (id === 'system' ? 'Kaderwijzer' : id);
  return html(
    <Layout ctx={ctx} title={`Geschiedenis: ${v.title}`}>
      <P>
        <A href={`/dossiers/${v.id}`}>← Terug naar {v.title}</A>
      </P>
      <H1>Geschiedenis van {v.title}</H1>
      {d.verify ? (
        <Alert type={d.verify.ok ? 'ok' : 'error'} title={d.verify.ok ? 'De auditketen is intact' : 'De auditketen is verbroken'}>
          <P>
            {d.verify.ok
              ? `Alle ${d.verify.checked} gebeurtenissen van dit dossier zijn gecontroleerd: elke gebeurtenis hoort bij de vorige, niets is gewijzigd of weggelaten.`
              : `Na ${d.verify.checked} goede gebeurtenissen klopt de keten niet meer: ${d.verify.broken ?? ''}`}
          </P>
        </Alert>
      ) : null}
      {d.canVerify || d.canExport ? (
        <div class="kw-card">
          {d.canVerify ? (
            <form method="post" action={`/dossiers/${v.id}/geschiedenis/controle`} class="kw-inline-form">
              <Csrf ctx={ctx} />
              <Button>Controleer de auditketen</Button>
            </form>
          ) : null}
          {d.canExport ? (
            <P>
              Exporteer de auditgegevens van dit dossier:{' '}
              <a class="utrecht-link" href={`/dossiers/${v.id}/export?format=jsonl`} download="">
                JSON Lines (controleerbaar)
              </a>{' '}
              ·{' '}
              <a class="utrecht-link" href={`/dossiers/${v.id}/export?format=csv`} download="">
                CSV
              </a>
            </P>
          ) : null}
        </div>
      ) : null}

      {d.entries ? (
        <section aria-labelledby="op-datum">
          <H2 id="op-datum">Het dossier op een datum</H2>
          <form method="get" action={`/dossiers/${v.id}/geschiedenis`} class="kw-filters">
            <div class="utrecht-form-field">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="veld-op">
                  Datum
                </label>
              </div>
              {d.asOfError ? (
                <div class="utrecht-form-field-error-message kw-field-error" id="veld-op-fout">
                  Fout: {d.asOfError}
                </div>
              ) : null}
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                type="date"
                id="veld-op"
                name="op"
                value={d.asOf?.date ?? ''}
                aria-invalid={d.asOfError ? true : undefined}
                aria-describedby={d.asOfError ? 'veld-op-fout' : undefined}
              />
            </div>
            <Button secondary>Toon het dossier op deze datum</Button>
          </form>
          {d.asOf ? (
            <div class="kw-card">
              <H3>
                {v.title} aan het eind van {datum(d.asOf.date)}
              </H3>
              <P>
                Fase: <strong>{phaseName(d.asOf.state.phase)}</strong> · versie {d.asOf.state.version} · {d.asOf.state.evidenceInForce.length} geldige vastleggingen ·{' '}
                {d.asOf.state.asOf.eventsApplied} gebeurtenissen nagespeeld · keten {d.asOf.state.asOf.chain.ok ? 'intact' : 'verbroken'}
              </P>
              <Stepper phase={d.asOf.state.phase} />
              {d.asOf.state.next ? (
                <RequirementsTable requirements={d.asOf.state.next.requirements} caption={`Eisen voor de volgende fase, zoals op ${datum(d.asOf.date)}`} />
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}

      {d.flags ? (
        <section aria-labelledby="signalen">
          <H2 id="signalen">Signalen</H2>
          {d.flags.length ? (
            <ul class="utrecht-unordered-list">
              {d.flags.map((f, i) => (
                <li key={i} class="utrecht-unordered-list__item">
                  <Status kind="open">{f.kind}</Status> {tijdstip(f.at)}: {f.description.nl}
                </li>
              ))}
            </ul>
          ) : (
            <P>Geen signalen.</P>
          )}
        </section>
      ) : null}

      <section aria-labelledby="tijdlijn">
        <H2 id="tijdlijn">Tijdlijn</H2>
        <ol class="kw-timeline">
          {d.entries
            ? d.entries.map((e) => {
                const p = asObject(e.payload);
                const isTransition = e.action.startsWith('transition.');
                return (
                  <li key={e.seq}>
                    <H3>
                      {isTransition ? transitionTitle(e.action === 'transition.refused' ? 'refused' : 'done', p.event, p.from, p.to) : e.summary.nl}
                    </H3>
                    <P muted>
                      {tijdstip(e.at)} · {name(e.actor.id)} ({e.actor.roles.join(', ') || 'systeem'}) · gebeurtenis {e.seq}
                    </P>
                    {isTransition && typeof p.reason === 'string' ? <P>Reden: {p.reason}</P> : null}
                    {isTransition ? <Explanations explanations={p.explanations} /> : null}
                    {e.references?.waivers.length ? (
                      <ul class="utrecht-unordered-list">
                        {e.references.waivers.map((w) => (
                          <li key={w.waiverId} class="utrecht-unordered-list__item">
                            Ontheffing voor {w.requirementId} ({REASON_LABELS[w.reasonCode ?? ''] ?? w.reasonCode}): aangevraagd door {name(w.requestedBy ?? '')}, goedgekeurd door{' '}
                            {name(w.approvedBy ?? '')}
                            {w.decisionNote ? ` — “${w.decisionNote}”` : ''}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {isTransition ? <Evaluation lines={asLines(p.evaluation)} /> : null}
                  </li>
                );
              })
            : (d.attempts ?? []).map((a, i) => (
                <li key={i}>
                  <H3>{transitionTitle(a.outcome, a.event, a.from, a.to)}</H3>
                  <P muted>
                    {tijdstip(a.at)} · {name(a.actor.id)}
                  </P>
                  {typeof a.reason === 'string' ? <P>Reden: {a.reason}</P> : null}
                  <Explanations explanations={a.explanations} />
                  <Evaluation lines={asLines(a.evaluation)} />
                </li>
              ))}
        </ol>
        {d.entries && !d.entries.length ? <P>Nog geen gebeurtenissen.</P> : null}
        {d.attempts && !d.attempts.length ? <P>Er is nog geen overgang geprobeerd.</P> : null}
        {d.nextAfterSeq !== null ? (
          <P>
            <A href={`/dossiers/${v.id}/geschiedenis?na=${d.nextAfterSeq}`}>Volgende pagina van de tijdlijn</A>
          </P>
        ) : null}
      </section>
    </Layout>,
  );
}
