import type { ComplianceItem, WaiverRegisterItem } from '../../compliance';
import type { FieldError } from '../../common';
import { tijdstip } from '../format';
import { phaseName, REASON_LABELS } from './dossier';
import { Field } from './fields';
import { Csrf, html, Layout, PageContext } from './layout';
import { A, Button, ErrorSummary, H1, H2, Notice, P, Pager, Table, Td, Tr } from './ui';

export interface TeamPageData {
  inbox: WaiverRegisterItem[];
  inboxTotal: number;
  inboxOffset: number;
  dossiers: ComplianceItem[];
  dossierOffset: number;
  dossierHasNext: boolean;
  officers: Array<{ id: string; name: string }>;
  limit: number;
  message?: { type: 'ok' | 'error'; text: string } | null;
  errors?: FieldError[];
  values?: Record<string, string>;
  /** The waiver whose form the errors belong to. */
  errorWaiver?: string;
}

export function teamPage(ctx: PageContext, d: TeamPageData): string {
  const errors = d.errors ?? [];
  return html(
    <Layout ctx={ctx} title="Ontheffingen en toewijzing">
      <H1>Ontheffingen en toewijzing</H1>
      {d.message ? <Notice {...d.message} /> : null}
      <ErrorSummary errors={errors} label={() => 'Motivering'} />
      <section aria-labelledby="inbox">
        <H2 id="inbox">Aangevraagde ontheffingen</H2>
        {d.inbox.length ? (
          <>
            {d.inbox.map((w) => {
              const fieldName = `note-${w.id}`;
              return (
                <form key={w.id} method="post" action={`/teamleider/ontheffingen/${w.dossierId}/${w.id}`} class="kw-card" novalidate>
                  <Csrf ctx={ctx} />
                  <h3 class="utrecht-heading-3">
                    {w.requirementId} in <A href={`/dossiers/${w.dossierId}`}>{w.title}</A>
                  </h3>
                  <P>
                    {w.requirementLabel?.nl ?? ''} · Fase: {phaseName(w.phase)} · Reden: {REASON_LABELS[w.reasonCode] ?? w.reasonCode}
                  </P>
                  <P>
                    Motivering van {w.requestedBy.name ?? w.requestedBy.id} ({tijdstip(w.requestedAt)}): {w.motivation}
                  </P>
                  <Field
                    spec={{ name: fieldName, label: 'Motivering van uw besluit', type: 'textarea', required: true }}
                    value={d.errorWaiver === w.id ? (d.values?.[fieldName] ?? '') : ''}
                    error={errors.find((e) => e.field === fieldName)}
                  />
                  <div class="utrecht-button-group">
                    <Button name="decision" value="approve">
                      Goedkeuren
                    </Button>{' '}
                    <Button name="decision" value="reject" secondary>
                      Afwijzen
                    </Button>
                  </div>
                </form>
              );
            })}
            <Pager base="/teamleider" offset={d.inboxOffset} limit={d.limit} total={d.inboxTotal} hasNext={d.inboxOffset + d.limit < d.inboxTotal} />
          </>
        ) : (
          <P>Er zijn geen ontheffingen aangevraagd.</P>
        )}
      </section>
      <section aria-labelledby="toewijzen">
        <H2 id="toewijzen">Dossiers toewijzen</H2>
        <Table caption="Dossiers met hun beleidsmedewerker" head={['Dossier', 'Fase', 'Versie van het kader', 'Toegewezen aan', 'Toewijzen aan']}>
          {d.dossiers.map((i) => (
            <Tr key={i.dossierId}>
              <Td th>
                <A href={`/dossiers/${i.dossierId}`}>{i.title}</A>
              </Td>
              <Td>{phaseName(i.phase)}</Td>
              <Td>
                {i.workflow.version} · <A href={`/teamleider/overzetten/${i.dossierId}`}>overzetten<span class="kw-visually-hidden"> {i.title}</span></A>
              </Td>
              <Td>{i.owner?.name ?? 'niemand'}</Td>
              <Td>
                <form method="post" action={`/teamleider/toewijzing/${i.dossierId}`} class="kw-filters">
                  <Csrf ctx={ctx} />
                  <input type="hidden" name="expectedVersion" value={String(i.dossierVersion)} />
                  <label class="kw-visually-hidden" for={`toewijzen-${i.dossierId}`}>
                    Beleidsmedewerker voor {i.title}
                  </label>
                  <select class="utrecht-select utrecht-select--html-select" id={`toewijzen-${i.dossierId}`} name="assigneeId">
                    {d.officers.map((o) => (
                      <option key={o.id} value={o.id} selected={o.id === i.owner?.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <Button secondary>
                    Toewijzen<span class="kw-visually-hidden"> {i.title}</span>
                  </Button>
                </form>
              </Td>
            </Tr>
          ))}
        </Table>
        <Pager base="/teamleider#toewijzen" offset={d.dossierOffset} limit={d.limit} total={null} hasNext={d.dossierHasNext} />
      </section>
    </Layout>,
  );
}
