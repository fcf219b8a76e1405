import { DossierState, EvidenceRecord, WAIVER_REASON_CODES } from '../../../workflows/evidence';
import { PHASES } from '../../../workflows/drenthe-verbindend-besturen/phases';
import type { FieldError } from '../../common';
import type { DossierView, EvidenceView, RequirementView, WaiverView } from '../../dossiers';
import { EVIDENCE_FORMS, formForRecord } from '../evidence-forms';
import { datum, tijdstip } from '../format';
import { Field } from './fields';
import { Csrf, html, Layout, PageContext } from './layout';
import { A, Alert, Button, ErrorSummary, fieldId, H1, H2, H3, Notice, P, Status, Table, Td, Tr } from './ui';

export const EVENT_LABELS: Record<string, string> = {
  ADVANCE: 'Naar de volgende fase',
  RETURN: 'Terug naar de vorige fase',
  WITHDRAW: 'Dossier intrekken',
  NEW_CYCLE: 'Afsluiten en een nieuwe cyclus starten',
};

const REASON_FIELD_LABELS: Record<string, string> = {
  RETURN: 'Reden om terug te gaan',
  WITHDRAW: 'Reden van de intrekking',
  NEW_CYCLE: 'Toelichting bij de nieuwe cyclus',
};

export const WAIVER_STATUS: Record<string, string> = { requested: 'aangevraagd', approved: 'goedgekeurd', rejected: 'afgewezen', used: 'gebruikt' };
export const REASON_LABELS: Record<string, string> = {
  'ondergeschikte-wijziging': 'Ondergeschikte wijziging',
  'uitvoering-hogere-regelgeving-zonder-beleidsruimte': 'Uitvoering van hogere regelgeving zonder beleidsruimte',
  'wettelijk-uitgesloten': 'Wettelijk uitgesloten',
  'begroting-tarieven-belastingen': 'Begroting, tarieven of belastingen',
  spoed: 'Spoed',
  anders: 'Anders',
};

export function phaseName(state: string): string {
  if (state === 'afgesloten') return 'Afgesloten';
  if (state === 'ingetrokken') return 'Ingetrokken';
  return PHASES.find((p) => p.id === state)?.label.nl ?? state;
}

export function RequirementStatus({ r }: { r: Pick<RequirementView, 'status' | 'waiver'> }) {
  if (r.status === 'satisfied') return <Status kind="ok">voldaan</Status>;
  if (r.status === 'not-applicable') return <Status kind="na">niet van toepassing</Status>;
  if (r.waiver?.status === 'approved') return <Status kind="waived">ontheffing verleend</Status>;
  return <Status kind="open">niet voldaan</Status>;
}

const TO_PASS: Record<RequirementView['toPass'], string> = {
  nothing: '—',
  evidence: 'Leg vast wat ontbreekt (geen ontheffing mogelijk).',
  'explanation-or-evidence': 'Leg vast wat ontbreekt, of leg bij de overgang uit waarom niet (pas toe of leg uit).',
  'waiver-or-evidence': 'Leg vast wat ontbreekt, of vraag een ontheffing aan.',
};

/** The six phases as a stepper: done, current (marked), to come. */
export function Stepper({ phase }: { phase: DossierState }) {
  const index = PHASES.findIndex((p) => p.id === phase);
  const final = index < 0;
  return (
    <ol class="kw-stepper" aria-label="Fasen van het dossier">
      {PHASES.map((p, i) => {
        const done = final ? phase === 'afgesloten' : i < index;
        const current = i === index;
        return (
          <li key={p.id} class={done ? 'kw-done' : undefined} aria-current={current ? 'step' : undefined}>
            {i + 1}. {p.label.nl}
            <span class="kw-step-state">{current ? 'huidige fase' : done ? 'afgerond' : 'nog niet'}</span>
          </li>
        );
      })}
    </ol>
  );
}

export function RequirementsTable({ requirements, caption }: { requirements: RequirementView[]; caption: string }) {
  return (
    <Table caption={caption} head={['Eis', 'Omschrijving', 'Soort', 'Status', 'Wat ontbreekt', 'Wat te doen']}>
      {requirements.map((r) => (
        <Tr key={r.id}>
          <Td th>
            <span class="kw-nowrap">{r.id}</span>
          </Td>
          <Td>{r.label.nl}</Td>
          <Td>
            {r.severity === 'hard' ? 'verplicht' : 'advies (pas toe of leg uit)'}
            {r.severity === 'hard' && r.waivable ? ', ontheffing mogelijk' : ''}
          </Td>
          <Td>
            <RequirementStatus r={r} />
            {r.waiver && r.waiver.status === 'requested' ? <div>ontheffing aangevraagd</div> : null}
          </Td>
          <Td>{r.explanation.nl}</Td>
          <Td>{r.status === 'unsatisfied' && r.waiver?.status !== 'approved' ? TO_PASS[r.toPass] : '—'}</Td>
        </Tr>
      ))}
    </Table>
  );
}

/** A one-line description of a record. */
export function describeRecord(r: EvidenceRecord): string {
  const d = r.data as unknown as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k]) : null);
  switch (r.kind) {
    case 'document':
      return `${s('documentType')}: ${s('titel')}`;
    case 'procedure':
      return `procedure: ${s('stap')}`;
    case 'checkvraag':
      return `checkvraag ${s('vraag')}: ${d.antwoord ? 'ja' : 'nee'}`;
    case 'activiteit':
      return `activiteit ${s('instrumentLabel') ?? s('instrumentId')} (${s('status')})`;
    case 'publicatie':
      return `publicatie ${s('onderwerp')} via ${s('kanaal')}`;
    case 'besluit':
      return `besluit ${s('orgaan')} over ${s('onderwerp')} (${s('kenmerk')})`;
    case 'terugkoppeling':
      return `terugkoppeling aan ${s('aan')} over ${s('onderwerp')}`;
    case 'leerpunten':
      return 'leerpunten';
    case 'classificatie':
      return `classificatie: ${s('reden')}`;
  }
  return r.kind;
}

export interface DossierPageData {
  view: DossierView;
  evidence: EvidenceView[];
  waivers: WaiverView[];
  names: Map<string, string>;
  /** May this user fire transitions, record evidence, request waivers on this dossier (role and ownership)? */
  owner: boolean;
  psSide: boolean;
  canReadAudit: boolean;
  refusal?: { event: string; unmet: Array<{ id: string; blockReason: string; label: { nl: string }; explanation: { nl: string } }> } | null;
  message?: { type: 'ok' | 'error' | 'warning'; text: string } | null;
  errors?: FieldError[];
  values?: Record<string, string>;
}

const REFUSAL_REASONS: Record<string, string> = {
  'hard-unmet': 'verplichte eis niet voldaan',
  'explanation-required': 'uitleg ontbreekt',
  'waiver-required': 'ontheffing nodig',
};

export function dossierPage(ctx: PageContext, d: DossierPageData): string {
  const v = d.view;
  const next = v.next;
  const errors = d.errors ?? [];
  const values = d.values ?? {};
  const err = (f: string) => errors.find((e) => e.field === f);
  const openWaivable = next?.requirements.filter((r) => r.status === 'unsatisfied' && r.severity === 'hard' && r.waivable && !r.waiver) ?? [];
  const others = v.acceptedEvents.filter((e) => e !== 'ADVANCE');
  const labelOf = (field: string) =>
    field.startsWith('uitleg-') ? `Uitleg bij ${field.slice(7)}` : field === 'motivation' ? 'Motivering van de aanvraag' : field === 'requirementId' ? 'Eis' : field === 'reasonCode' ? 'Reden van de ontheffing' : field.startsWith('reason-') ? (REASON_FIELD_LABELS[field.slice(7)] ?? 'Reden') : field;
  return html(
    <Layout ctx={ctx} title={`Dossier ${v.title}`}>
      <H1>{v.title}</H1>
      {d.message ? <Notice {...d.message} /> : null}
      <ErrorSummary errors={errors} label={labelOf} />
      {d.refusal ? (
        <Alert type="error" title={`${EVENT_LABELS[d.refusal.event] ?? d.refusal.event}: geweigerd`}>
          <P>De overgang is niet gedaan. Dit ontbreekt nog:</P>
          <ul class="utrecht-unordered-list">
            {d.refusal.unmet.map((u) => (
              <li key={u.id} class="utrecht-unordered-list__item">
                <strong>{u.id}</strong> ({REFUSAL_REASONS[u.blockReason] ?? u.blockReason}): {u.explanation.nl}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <P>
        Fase: <strong>{phaseName(v.phase)}</strong> sinds {datum(v.enteredPhaseOn)} · {v.classification.strategisch ? 'strategisch' : 'niet strategisch'} · besluitvormer{' '}
        {v.classification.besluitvormer} · toegewezen aan {v.assigneeId ? (d.names.get(v.assigneeId) ?? v.assigneeId) : 'niemand'} · versie {v.version}
      </P>
      <Stepper phase={v.phase} />
      <P>
        <A href={`/dossiers/${v.id}/geschiedenis`}>Geschiedenis van dit dossier</A> · <A href={`/dossiers/${v.id}/werkstroom`}>Dit dossier in de werkstroom</A>
        {d.canReadAudit ? (
          <>
            {' '}
            · <A href={`/griffie/dossiers/${v.id}`}>Eisenmatrix</A>
          </>
        ) : null}
        {v.previousDossierId ? (
          <>
            {' '}
            · <A href={`/dossiers/${v.previousDossierId}`}>Vorige cyclus</A>
          </>
        ) : null}
        {v.followUpDossierId ? (
          <>
            {' '}
            · <A href={`/dossiers/${v.followUpDossierId}`}>Volgende cyclus</A>
          </>
        ) : null}
      </P>

      {next ? (
        <section aria-labelledby="volgende">
          <H2 id="volgende">Naar {phaseName(next.to)}: wat is nodig</H2>
          <P>
            {next.blocking.length
              ? `${next.blocking.length} verplichte ${next.blocking.length === 1 ? 'eis is' : 'eisen zijn'} nog niet voldaan: ${next.blocking.join(', ')}.`
              : next.explanationsRequired.length
                ? `Alle verplichte eisen zijn voldaan. Leg bij de overgang uit waarom ${next.explanationsRequired.join(', ')} niet ${next.explanationsRequired.length === 1 ? 'is' : 'zijn'} gevolgd.`
                : 'Alle eisen zijn voldaan: het dossier kan naar de volgende fase.'}
          </P>
          <RequirementsTable requirements={next.requirements} caption={`Eisen voor de overgang naar ${phaseName(next.to)}`} />
          {d.owner ? (
            <form method="post" action={`/dossiers/${v.id}/overgang`} class="kw-card" novalidate>
              <Csrf ctx={ctx} />
              <input type="hidden" name="event" value="ADVANCE" />
              <input type="hidden" name="expectedVersion" value={String(v.version)} />
              <H3>Naar de volgende fase</H3>
              {next.explanationsRequired.length ? (
                <P>Pas toe of leg uit: licht per adviesregel toe waarom u die niet volgt.</P>
              ) : null}
              {next.requirements
                .filter((r) => next.explanationsRequired.includes(r.id))
                .map((r) => (
                  <Field
                    key={r.id}
                    spec={{ name: `uitleg-${r.id}`, label: `Uitleg bij ${r.id}: ${r.label.nl}`, type: 'textarea', required: true }}
                    value={values[`uitleg-${r.id}`] ?? ''}
                    error={err(`uitleg-${r.id}`)}
                  />
                ))}
              <Button>Naar {phaseName(next.to)}</Button>
            </form>
          ) : null}
          {d.owner && openWaivable.length ? (
            <form method="post" action={`/dossiers/${v.id}/ontheffing`} class="kw-card" novalidate>
              <Csrf ctx={ctx} />
              <H3>Ontheffing aanvragen</H3>
              <P>Een teamleider beslist over de aanvraag. Eisen uit de wet kennen geen ontheffing.</P>
              <Field
                spec={{ name: 'requirementId', label: 'Eis', type: 'select', required: true, options: openWaivable.map((r) => [r.id, `${r.id}: ${r.label.nl}`] as const) }}
                value={values.requirementId ?? ''}
                error={err('requirementId')}
              />
              <Field
                spec={{ name: 'reasonCode', label: 'Reden van de ontheffing', type: 'select', required: true, options: WAIVER_REASON_CODES.map((c) => [c, REASON_LABELS[c] ?? c] as const) }}
                value={values.reasonCode ?? ''}
                error={err('reasonCode')}
              />
              <Field spec={{ name: 'motivation', label: 'Motivering van de aanvraag', type: 'textarea', required: true, hint: 'Minstens 10 tekens.' }} value={values.motivation ?? ''} error={err('motivation')} />
              <Button secondary>Ontheffing aanvragen</Button>
            </form>
          ) : null}
        </section>
      ) : (
        <P>Dit dossier is {phaseName(v.phase).toLowerCase()}; er volgt geen fase meer.</P>
      )}

      {d.owner && others.length ? (
        <section aria-labelledby="andere">
          <H2 id="andere">Andere stappen</H2>
          {others.map((event) => (
            <form key={event} method="post" action={`/dossiers/${v.id}/overgang`} class="kw-card" novalidate>
              <Csrf ctx={ctx} />
              <input type="hidden" name="event" value={event} />
              <input type="hidden" name="expectedVersion" value={String(v.version)} />
              <H3>{EVENT_LABELS[event] ?? event}</H3>
              <Field
                spec={{ name: `reason-${event}`, label: REASON_FIELD_LABELS[event] ?? 'Reden', type: 'textarea', required: event !== 'NEW_CYCLE' }}
                value={values[`reason-${event}`] ?? ''}
                error={err(`reason-${event}`)}
              />
              <Button secondary>{EVENT_LABELS[event] ?? event}</Button>
            </form>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="vastleggingen">
        <H2 id="vastleggingen">Vastleggingen</H2>
        {d.owner || d.psSide ? (
          <details class="kw-card" open={d.evidence.length < 2}>
            <summary>Iets vastleggen{d.owner ? '' : ' (de griffie legt alleen de kant van PS vast)'}</summary>
            <ul class="utrecht-unordered-list">
              {EVIDENCE_FORMS.map((f) => (
                <li key={f.soort} class="utrecht-unordered-list__item">
                  <A href={`/dossiers/${v.id}/vastleggen?soort=${f.soort}`}>{f.title}</A>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {d.evidence.length ? (
          <Table caption="Vastleggingen van dit dossier, oudste eerst" head={['Wat', 'Datum', 'Vastgelegd', 'Stand', 'Corrigeren']}>
            {d.evidence.map((r) => (
              <Tr key={r.id}>
                <Td th>{describeRecord(r)}</Td>
                <Td>{datum(r.occurredOn)}</Td>
                <Td>
                  {tijdstip(r.recordedAt)} door {d.names.get(r.recordedBy) ?? r.recordedBy}
                </Td>
                <Td>{r.supersededBy ? 'vervangen door een correctie' : r.supersedes ? 'correctie' : 'geldig'}</Td>
                <Td>
                  {(d.owner || d.psSide) && !r.supersededBy && r.kind !== 'classificatie' && formForRecord(r) ? (
                    <a class="utrecht-link" href={`/dossiers/${v.id}/vastleggen?vervangt=${r.id}`} aria-label={`Corrigeren: ${describeRecord(r)}`}>
                      Corrigeren
                    </a>
                  ) : (
                    '—'
                  )}
                </Td>
              </Tr>
            ))}
          </Table>
        ) : (
          <P>Er is nog niets vastgelegd.</P>
        )}
      </section>

      <section aria-labelledby="ontheffingen">
        <H2 id="ontheffingen">Ontheffingen</H2>
        {d.waivers.length ? (
          <Table caption="Ontheffingen van dit dossier" head={['Eis', 'Reden', 'Motivering', 'Aangevraagd', 'Status', 'Besluit']}>
            {d.waivers.map((w) => (
              <Tr key={w.id}>
                <Td th>{w.requirementId}</Td>
                <Td>{REASON_LABELS[w.reasonCode] ?? w.reasonCode}</Td>
                <Td>{w.motivation}</Td>
                <Td>
                  {tijdstip(w.requestedAt)} door {d.names.get(w.requestedBy) ?? w.requestedBy}
                </Td>
                <Td>{WAIVER_STATUS[w.status] ?? w.status}</Td>
                <Td>{w.decidedBy ? `${d.names.get(w.decidedBy) ?? w.decidedBy}, ${tijdstip(w.decidedAt)}${w.decisionNote ? `: ${w.decisionNote}` : ''}` : '—'}</Td>
              </Tr>
            ))}
          </Table>
        ) : (
          <P>Geen ontheffingen.</P>
        )}
      </section>
    </Layout>,
  );
}

export { fieldId };
