import type { FieldError } from '../../common';
import type { DossierView } from '../../dossiers';
import type { MigrationReport, RequirementChange, RequirementReading } from '../../../workflows/migration';
import { EVENT_LABELS, phaseName } from './dossier';
import { Field } from './fields';
import { Csrf, html, Layout, PageContext } from './layout';
import { A, Alert, Button, ErrorSummary, H1, H2, Notice, P, Status, Table, Td, Tr } from './ui';

export interface MigrationPageData {
  dossier: DossierView;
  /** Newer active versions the dossier may move to. */
  targets: string[];
  target: string | null;
  /** The dry run's report for `target` (null when there is no target, or the move is refused). */
  report: MigrationReport | null;
  /** Why the dossier cannot move to `target`, in Dutch. */
  refusal?: string | null;
  message?: { type: 'ok' | 'error'; text: string } | null;
  errors?: FieldError[];
  values?: Record<string, string>;
}

const CHANGE_NL: Record<RequirementChange['change'], string> = {
  added: 'nieuw',
  removed: 'vervalt',
  'status-changed': 'andere uitkomst',
  'rule-changed': 'anders geregeld',
};

function Reading({ r }: { r: RequirementReading | null }) {
  if (!r) return <>—</>;
  const kind = r.status === 'satisfied' ? 'ok' : r.status === 'not-applicable' ? 'na' : r.status === 'waived' ? 'waived' : 'open';
  const status = { satisfied: 'voldaan', unsatisfied: 'niet voldaan', 'not-applicable': 'niet van toepassing', waived: 'ontheffing verleend' }[r.status];
  return (
    <>
      <Status kind={kind}>{status}</Status> ({r.severity === 'hard' ? 'verplicht' : 'advies'}
      {r.severity === 'hard' ? (r.waivable ? ', ontheffing mogelijk' : ', geen ontheffing') : ''})
    </>
  );
}

const jaNee = (b: boolean) => (b ? 'ja' : 'nee');

/** What moving would change, as the dry run says it: shown before the button that moves (issue #16). */
function ReportView({ r, dossier }: { r: MigrationReport; dossier: DossierView }) {
  const next = r.advance.after?.to ?? r.advance.before?.to;
  return (
    <section aria-labelledby="gevolgen">
      <H2 id="gevolgen">
        Wat verandert er bij overzetten naar versie {r.to.version}?
      </H2>
      {!r.summary.changed ? <Alert type="info">Voor de volgende stappen van dit dossier verandert er niets.</Alert> : null}
      <ul class="utrecht-unordered-list">
        <li>
          Door naar {next ? phaseName(next).toLowerCase() : 'de volgende fase'}: nu <strong>{jaNee(r.canAdvance.before)}</strong>, na overzetten{' '}
          <strong>{jaNee(r.canAdvance.after)}</strong>.
        </li>
        {r.newlyBlocking.length ? (
          <li>
            Na overzetten houden deze verplichte eisen het dossier tegen: <strong>{r.newlyBlocking.join(', ')}</strong>.
          </li>
        ) : null}
        <li>
          Eisen: {r.summary.added} nieuw, {r.summary.removed} vervallen, {r.summary.statusChanged} met een andere uitkomst, {r.summary.ruleChanged} anders geregeld;{' '}
          {r.summary.evidenceReadDifferently} vastlegging(en) anders gelezen.
        </li>
      </ul>
      {r.requirements.length ? (
        <Table caption={`Eisen die veranderen voor ${dossier.title}`} head={['Stap', 'Eis', 'Verandering', `Nu (versie ${r.from.version})`, `Na overzetten (versie ${r.to.version})`]}>
          {r.requirements.map((c) => (
            <Tr key={`${c.event}-${c.id}`}>
              <Td>{EVENT_LABELS[c.event] ?? c.event}</Td>
              <Td th>
                {c.id} — {c.label.nl}
              </Td>
              <Td>{CHANGE_NL[c.change]}</Td>
              <Td>
                <Reading r={c.before} />
              </Td>
              <Td>
                <Reading r={c.after} />
              </Td>
            </Tr>
          ))}
        </Table>
      ) : null}
      {r.evidence.length ? (
        <Table caption="Vastleggingen die de nieuwe versie anders leest" head={['Vastlegging', 'Nu gebruikt door', 'Na overzetten gebruikt door']}>
          {r.evidence.map((e) => (
            <Tr key={e.evidenceId}>
              <Td th>
                {e.kind ?? 'vastlegging'} {e.evidenceId}
              </Td>
              <Td>{e.before.map((x) => x.requirementId).join(', ') || '—'}</Td>
              <Td>{e.after.map((x) => x.requirementId).join(', ') || '—'}</Td>
            </Tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}

export function migrationPage(ctx: PageContext, d: MigrationPageData): string {
  const v = d.dossier;
  const errors = d.errors ?? [];
  return html(
    <Layout ctx={ctx} title={`Overzetten: ${v.title}`}>
      <H1>Dossier overzetten naar een nieuwere versie van het kader</H1>
      {d.message ? <Notice {...d.message} /> : null}
      <ErrorSummary errors={errors} label={() => 'Reden'} />
      <P>
        <A href={`/dossiers/${v.id}`}>{v.title}</A> — fase {phaseName(v.phase).toLowerCase()}, versie {v.workflow.version} van het kader (dossierversie{' '}
        {v.version}).
      </P>
      {d.targets.length === 0 ? (
        <P>Er is geen nieuwere versie van het kader in gebruik; dit dossier blijft onder versie {v.workflow.version}.</P>
      ) : (
        <>
          {d.targets.length > 1 ? (
            <form method="get" action={`/teamleider/overzetten/${v.id}`} class="kw-filters kw-card" aria-label="Doelversie kiezen">
              <label class="utrecht-form-label" for="naar">
                Naar versie
              </label>
              <select class="utrecht-select utrecht-select--html-select" id="naar" name="naar">
                {d.targets.map((t) => (
                  <option key={t} value={t} selected={t === d.target}>
                    {t}
                  </option>
                ))}
              </select>
              <Button secondary>Gevolgen tonen</Button>
            </form>
          ) : null}
          <Notice type="error" text={d.refusal} />
          {d.report ? <ReportView r={d.report} dossier={v} /> : null}
          {d.report && d.target ? (
            <form method="post" action={`/teamleider/overzetten/${v.id}`} class="kw-card" novalidate>
              <Csrf ctx={ctx} />
              <input type="hidden" name="targetVersion" value={d.target} />
              <input type="hidden" name="expectedVersion" value={String(v.version)} />
              <Field
                spec={{ name: 'reason', label: 'Reden van het overzetten', type: 'textarea', required: true, hint: 'Komt in de audittrail, met uw naam en de gevolgen hierboven.' }}
                value={d.values?.reason ?? ''}
                error={errors.find((e) => e.field === 'reason')}
              />
              <Button>Overzetten naar versie {d.target}</Button>
            </form>
          ) : null}
        </>
      )}
    </Layout>,
  );
}
