import { BESLUITTYPES, BESLUITVORMERS, HERKOMSTEN, INSTRUMENT_TYPES } from '../../../workflows/evidence';
import type { FieldError } from '../../common';
import type { DossierView } from '../../dossiers';
import type { EvidenceForm } from '../evidence-forms';
import { Field, FieldSpec } from './fields';
import { Csrf, html, Layout, PageContext } from './layout';
import { A, Button, ErrorSummary, H1, P } from './ui';

const opts = (values: readonly string[]) => values.map((v) => [v, v.replace(/-/g, ' ')] as const);

export const NEW_DOSSIER_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Titel', type: 'text', required: true },
  { name: 'strategisch', label: 'Strategisch onderwerp?', type: 'bool', required: true, hint: 'Een strategisch dossier vraagt een startnotitie met participatieparagraaf.' },
  { name: 'strategischMotivatie', label: 'Motivatie (strategisch of niet)', type: 'textarea' },
  { name: 'besluitvormer', label: 'Besluitvormer', type: 'select', required: true, options: opts(BESLUITVORMERS) },
  { name: 'besluittype', label: 'Soort besluit', type: 'select', options: opts(BESLUITTYPES) },
  { name: 'instrumentType', label: 'Omgevingswetinstrument', type: 'select', options: opts(INSTRUMENT_TYPES) },
  { name: 'herkomst', label: 'Herkomst', type: 'select', options: opts(HERKOMSTEN) },
  { name: 'herkomstBron', label: 'Bron van de herkomst', type: 'text', hint: 'Bijvoorbeeld het nummer van een motie.' },
];

function FormFields({ fields, values, errors }: { fields: readonly FieldSpec[]; values: Record<string, string>; errors: FieldError[] }) {
  return (
    <>
      {fields.map((spec) => (
        <Field key={spec.name} spec={spec} value={values[spec.name] ?? ''} error={errors.find((e) => e.field === spec.name)} />
      ))}
    </>
  );
}

const labelFor = (fields: readonly FieldSpec[]) => (field: string) => fields.find((f) => f.name === field)?.label ?? field;

export function newDossierPage(ctx: PageContext, values: Record<string, string>, errors: FieldError[]): string {
  return html(
    <Layout ctx={ctx} title={errors.length ? 'Fout: Nieuw dossier' : 'Nieuw dossier'}>
      <H1>Nieuw dossier</H1>
      <ErrorSummary errors={errors} label={labelFor(NEW_DOSSIER_FIELDS)} />
      <P>Het dossier begint in de voorfase (agendasetting) en wordt aan u toegewezen.</P>
      <form method="post" action="/dossiers/nieuw" novalidate>
        <Csrf ctx={ctx} />
        <FormFields fields={NEW_DOSSIER_FIELDS} values={values} errors={errors} />
        <Button>Dossier aanmaken</Button>
      </form>
    </Layout>,
  );
}

export function evidenceFormPage(
  ctx: PageContext,
  d: { dossier: DossierView; form: EvidenceForm; values: Record<string, string>; errors: FieldError[]; supersedes?: string; notice?: string },
): string {
  const action = `/dossiers/${d.dossier.id}/vastleggen?soort=${d.form.soort}${d.supersedes ? `&vervangt=${d.supersedes}` : ''}`;
  const title = `${d.supersedes ? 'Correctie' : 'Vastleggen'}: ${d.form.title}`;
  return html(
    <Layout ctx={ctx} title={`${d.errors.length ? 'Fout: ' : ''}${title} — ${d.dossier.title}`}>
      <P>
        <A href={`/dossiers/${d.dossier.id}`}>← Terug naar {d.dossier.title}</A>
      </P>
      <H1>{title}</H1>
      <ErrorSummary errors={d.errors} label={labelFor(d.form.fields)} />
      {d.notice ? <P>{d.notice}</P> : null}
      <P>{d.form.intro}</P>
      {d.supersedes ? <P>Een correctie vervangt de eerdere vastlegging; de oude blijft in de geschiedenis zichtbaar.</P> : null}
      <form method="post" action={action} novalidate>
        <Csrf ctx={ctx} />
        <FormFields fields={d.form.fields} values={d.values} errors={d.errors} />
        <Button>{d.supersedes ? 'Correctie vastleggen' : 'Vastleggen'}</Button>
      </form>
    </Layout>,
  );
}
