import type { ComponentChild } from 'preact';
import type { DeelnameRegel } from '../../../workflows/drenthe-verbindend-besturen/2025/deelname';
import { BESLUITVORMERS } from '../../../workflows/evidence';
import { PHASES } from '../../../workflows/drenthe-verbindend-besturen/phases';
import { ComplianceItem, SORT_FIELDS, SortField } from '../../compliance';
import type { DossierView } from '../../dossiers';
import { dagen, datum, jaNee } from '../format';
import { phaseName, RequirementsTable } from './dossier';
import { html, Layout, PageContext } from './layout';
import { A, Button, H1, H2, Notice, P, Pager, Status, Table, Td, Tr } from './ui';

export const GRIFFIE_VIEWS = [
  { href: '/griffie', label: 'Overzicht' },
  { href: '/griffie/ontheffingen', label: 'Ontheffingen' },
  { href: '/griffie/termijnen', label: 'Termijnen' },
  { href: '/griffie/startnotitie', label: 'Startnotities' },
  { href: '/griffie/participatie', label: 'Participatie: gepland en gerealiseerd' },
  { href: '/griffie/rapportage', label: 'Rapportage voor PS' },
];

function SubNav({ ctx }: { ctx: PageContext }) {
  return (
    <nav aria-label="Nalevingsoverzichten">
      <ul class="kw-nav" style="list-style:none;display:flex;flex-wrap:wrap;gap:0.5rem 1.25rem;padding:0">
        {GRIFFIE_VIEWS.map((v) => (
          <li key={v.href}>
            <a class="utrecht-link" href={v.href} aria-current={ctx.path === v.href ? 'page' : undefined}>
              {v.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const SORT_LABELS: Record<SortField, string> = {
  phase: 'fase',
  daysInPhase: 'dagen in fase',
  title: 'titel',
  besluitvormer: 'besluitvormer',
  strategisch: 'strategisch',
  owner: 'beleidsmedewerker',
  hardOpen: 'open verplichte eisen',
  advisoryOpen: 'open adviezen',
  advisoriesExplained: 'uitgelegde adviezen',
  nextDeadline: 'eerstvolgende termijn',
  updatedAt: 'laatst gewijzigd',
};

function Select({ name, label, value, options }: { name: string; label: string; value: string; options: ReadonlyArray<readonly [string, string]> }) {
  return (
    <div class="utrecht-form-field">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`filter-${name}`}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={`filter-${name}`} name={name}>
          {options.map(([v, l]) => (
            <option key={v} value={v} selected={v === value}>
              {l}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const ANY = ['', 'alle'] as const;
const YES_NO = [ANY, ['true', 'ja'], ['false', 'nee']] as const;

export function csvHref(path: string, query: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(query).filter(([k, v]) => v !== '' && k !== 'offset' && k !== 'limit'));
  q.set('format', 'csv');
  return `${path}?${q.toString()}`;
}

function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <P>
      <a class="utrecht-link" href={href} download="">
        Download CSV<span class="kw-visually-hidden"> van {what}</span>
      </a>{' '}
      (alle rijen die aan de filters voldoen; voor Excel met Nederlandse instellingen)
    </P>
  );
}

export function overviewPage(
  ctx: PageContext,
  d: { items: ComplianceItem[]; total: number | null; offset: number; limit: number; hasNext: boolean; query: Record<string, string>; error?: string; versions?: string[] },
): string {
  const q = d.query;
  const base = `/griffie?${new URLSearchParams(Object.entries(q).filter(([k, v]) => v !== '' && k !== 'offset')).toString()}`;
  return html(
    <Layout ctx={ctx} title="Naleving: overzicht">
      <H1>Naleving van het kader</H1>
      <SubNav ctx={ctx} />
      <Notice type="error" text={d.error} />
      <form method="get" action="/griffie" class="kw-filters kw-card" aria-label="Filters">
        <Select name="phase" label="Fase" value={q.phase ?? ''} options={[ANY, ...PHASES.map((p) => [p.id, p.label.nl] as const), ['afgesloten', 'Afgesloten'], ['ingetrokken', 'Ingetrokken']]} />
        <Select name="besluitvormer" label="Besluitvormer" value={q.besluitvormer ?? ''} options={[ANY, ...BESLUITVORMERS.map((b) => [b, b] as const)]} />
        <Select name="strategisch" label="Strategisch" value={q.strategisch ?? ''} options={YES_NO} />
        <Select name="hasOpenHard" label="Open verplichte eisen" value={q.hasOpenHard ?? ''} options={YES_NO} />
        <Select name="hasOverdue" label="Termijn verstreken" value={q.hasOverdue ?? ''} options={YES_NO} />
        <Select name="workflowVersion" label="Versie van het kader" value={q.workflowVersion ?? ''} options={[ANY, ...(d.versions ?? []).map((v) => [v, v] as const)]} />
        <Select name="sort" label="Sorteren op" value={q.sort ?? 'phase'} options={SORT_FIELDS.map((s) => [s, SORT_LABELS[s]] as const)} />
        <Select name="order" label="Volgorde" value={q.order ?? 'asc'} options={[['asc', 'oplopend'], ['desc', 'aflopend']]} />
        <Button secondary>Filteren</Button>
      </form>
      <CsvLink href={csvHref('/griffie', q)} what="het overzicht" />
      <Table
        caption="Dossiers met hun naleving"
        head={['Dossier', 'Versie', 'Fase', 'In fase', 'Besluitvormer', 'Strategisch', 'Beleidsmedewerker', 'Open verplicht', 'Open advies', 'Ontheffingen open / gebruikt', 'Uitgelegd', 'Termijnen verstreken']}
      >
        {d.items.map((i) => (
          <Tr key={i.dossierId}>
            <Td th>
              <A href={`/griffie/dossiers/${i.dossierId}`}>{i.title}</A>
            </Td>
            <Td>{i.workflow.version}</Td>
            <Td>{phaseName(i.phase)}</Td>
            <Td>{dagen(i.daysInPhase)}</Td>
            <Td>{i.besluitvormer ?? '—'}</Td>
            <Td>{jaNee(i.strategisch)}</Td>
            <Td>{i.owner?.name ?? '—'}</Td>
            <Td>{i.next ? (i.next.hardOpen.count ? <Status kind="open">{i.next.hardOpen.ids.join(', ')}</Status> : <Status kind="ok">geen</Status>) : '—'}</Td>
            <Td>{i.next?.advisoryOpen.ids.join(', ') || '—'}</Td>
            <Td>
              {i.waivers.pending.count} / {i.waivers.used.count}
            </Td>
            <Td>{i.advisoriesExplained}</Td>
            <Td>{i.timers.overdue.count ? <Status kind="open">{i.timers.overdue.items.map((t) => t.timerId).join(', ')}</Status> : 'geen'}</Td>
          </Tr>
        ))}
      </Table>
      <Pager base={base} offset={d.offset} limit={d.limit} total={d.total} hasNext={d.hasNext} />
    </Layout>,
  );
}

export interface Column<T> {
  head: string;
  cell: (item: T) => ComponentChild;
}

/** A drill-down: a table of items with paging and a CSV download. */
export function drillDownPage<T>(
  ctx: PageContext,
  d: {
    title: string;
    intro: string;
    caption: string;
    columns: Column<T>[];
    items: T[];
    total: number;
    offset: number;
    limit: number;
    query: Record<string, string>;
    filters?: ComponentChild;
    error?: string;
    before?: ComponentChild;
  },
): string {
  const base = `${ctx.path}?${new URLSearchParams(Object.entries(d.query).filter(([k, v]) => v !== '' && k !== 'offset')).toString()}`;
  return html(
    <Layout ctx={ctx} title={`Naleving: ${d.title}`}>
      <H1>{d.title}</H1>
      <SubNav ctx={ctx} />
      <Notice type="error" text={d.error} />
      <P>{d.intro}</P>
      {d.filters ?? null}
      {d.before ?? null}
      <CsvLink href={csvHref(ctx.path, d.query)} what={d.title.toLowerCase()} />
      {d.items.length ? (
        <>
          <Table caption={d.caption} head={d.columns.map((c) => c.head)}>
            {d.items.map((item, i) => (
              <Tr key={i}>
                {d.columns.map((c, j) => (
                  <Td key={j} th={j === 0}>
                    {c.cell(item)}
                  </Td>
                ))}
              </Tr>
            ))}
          </Table>
          <Pager base={base} offset={d.offset} limit={d.limit} total={d.total} hasNext={d.offset + d.limit < d.total} />
        </>
      ) : (
        <P>Niets gevonden.</P>
      )}
    </Layout>,
  );
}

export function PeriodForm({ from, to }: { from: string; to: string }) {
  return (
    <form method="get" action="/griffie/rapportage" class="kw-filters kw-card" aria-label="Periode">
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="filter-from">
            Van
          </label>
        </div>
        <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id="filter-from" name="from" value={from} />
      </div>
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="filter-to">
            Tot en met
          </label>
        </div>
        <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id="filter-to" name="to" value={to} />
      </div>
      <Button secondary>Toon periode</Button>
    </form>
  );
}

const aantal = (n: number | null): string => (n === null ? 'niet vastgelegd' : String(n));

/** PS's role "bewaken representativiteit" and the feedback to participants, per activity with residents (issue #16). */
function Deelname({ regels, title }: { regels: DeelnameRegel[]; title: string }) {
  if (!regels.length) return <P>Er zijn geen uitgevoerde activiteiten met inwoners vastgelegd.</P>;
  return (
    <Table caption={`Deelname per activiteit van ${title}`} head={['Activiteit', 'Werving', 'Bereik per doelgroep (bereikt van beoogd)', 'Terugkoppeling aan deelnemers']}>
      {regels.map((r) => (
        <Tr key={r.activiteitId}>
          <Td th>
            {r.instrument.nl}, {phaseName(r.fase).toLowerCase()}, {datum(r.startOn)}
          </Td>
          <Td>{r.werving ? `${r.werving.methode.replace(/-/g, ' ')}${r.werving.toelichting ? `: ${r.werving.toelichting}` : ''}` : 'niet vastgelegd'}</Td>
          <Td>
            {r.bereik.length ? (
              <ul class="utrecht-unordered-list">
                {r.bereik.map((b) => (
                  <li key={b.doelgroep} class="utrecht-unordered-list__item">
                    {b.doelgroep}: {aantal(b.bereikt)} van {aantal(b.beoogd)}
                    {b.toelichting ? ` (${b.toelichting})` : b.tekortZonderToelichting ? ' (minder bereikt dan beoogd, zonder toelichting)' : ''}
                  </li>
                ))}
              </ul>
            ) : (
              'geen doelgroepen vastgelegd'
            )}
          </Td>
          <Td>{r.terugkoppeling ? `op ${datum(r.terugkoppeling.op)}` : (r.terugkoppelingOntbreekt?.nl ?? 'nog niet')}</Td>
        </Tr>
      ))}
    </Table>
  );
}

export function matrixPage(ctx: PageContext, d: { view: DossierView; canRecord: boolean; deelname: DeelnameRegel[] }): string {
  const v = d.view;
  return html(
    <Layout ctx={ctx} title={`Eisenmatrix: ${v.title}`}>
      <H1>Eisenmatrix: {v.title}</H1>
      <SubNav ctx={ctx} />
      <P>
        Fase: <strong>{phaseName(v.phase)}</strong> sinds {datum(v.enteredPhaseOn)}. <A href={`/dossiers/${v.id}`}>Naar het dossier</A> ·{' '}
        <A href={`/dossiers/${v.id}/geschiedenis`}>Geschiedenis</A> · <A href={`/griffie/termijnen?dossierId=${v.id}&status=all`}>Termijnen</A> ·{' '}
        <A href={`/griffie/participatie?dossierId=${v.id}`}>Participatie</A> · <A href={`/griffie/ontheffingen?dossierId=${v.id}`}>Ontheffingen</A>
        {d.canRecord ? (
          <>
            {' '}
            · <A href={`/dossiers/${v.id}/vastleggen?soort=procedure-commissiebehandeling`}>Commissiebehandeling vastleggen</A>
          </>
        ) : null}
      </P>
      {v.next ? (
        <>
          <H2>Eisen voor de overgang naar {phaseName(v.next.to)}</H2>
          <RequirementsTable requirements={v.next.requirements} caption={`Eisenmatrix van ${v.title}`} />
        </>
      ) : (
        <P>Het dossier is {phaseName(v.phase).toLowerCase()}; er zijn geen eisen meer.</P>
      )}
      <H2>Deelname per activiteit: werving, bereik en terugkoppeling</H2>
      <Deelname regels={d.deelname} title={v.title} />
    </Layout>,
  );
}
