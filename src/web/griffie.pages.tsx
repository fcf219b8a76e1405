import { Get, Inject, Param, Req, Res, Type } from '@nestjs/common';
import type { Response } from 'express';
import type { ComponentChild } from 'preact';
import { amsterdamDate } from '../../workflows/facts';
import { Allow, may } from '../auth';
import { Clock, CSV_CONTENT_TYPE, csvChunks, CsvColumn, strictValidationPipe, UuidParamPipe } from '../common';
import { COMPLIANCE_CSV, ComplianceListQueryDto, ComplianceService, ComplianceSummary, EXCEPTION_CSV, exceptionLines, PARTICIPATION_CSV, ParticipationItem, participationLines, ParticipationQueryDto, STARTNOTITIE_CSV, StartnotitieIssue, StartnotitieItem, StartnotitieQueryDto, SummaryQueryDto, TIMER_CSV, TimerItem, TimerQueryDto, WAIVER_CSV, WaiverRegisterItem, WaiverRegisterQueryDto } from '../compliance';
import { DossiersService } from '../dossiers';
import { WorkflowRegistry } from '../../workflows/registry';
import { ctxOf, offsetOf, PAGE_SIZE, send } from './dossiers.pages';
import { dagen, datum, tijdstip } from './format';
import { nlMessage, validationErrors } from './messages';
import { phaseName, REASON_LABELS, WAIVER_STATUS } from './views/dossier';
import { Column, drillDownPage, matrixPage, overviewPage, PeriodForm } from './views/griffie';
import { A, H2, P, Status, Table, Td, Tr } from './views/ui';
import { WebController, WebRequest } from './web.guard';

/** The query as given (strings only; empty form fields dropped, as a GET form sends them). */
function rawQuery(req: WebRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string' && v !== '') out[k] = v;
  return out;
}

/** Validate with the API's own query DTO and pipe (the same rules, the same field names). */
async function validateQuery<T>(dto: Type<T>, query: Record<string, string>): Promise<T> {
  return (await strictValidationPipe().transform(query, { type: 'query', metatype: dto })) as T;
}

/** Parse with the API's own query DTO; an invalid or unknown parameter is reported in Dutch and left out. */
async function parse<T>(query: Record<string, string>, dto: Type<T>): Promise<{ q: T; error?: string }> {
  try {
    return { q: await validateQuery(dto, query) };
  } catch (e) {
    const errors = validationErrors(e);
    if (!errors) throw e;
    const bad = new Set(errors.map((x) => x.field.replace(/^query\./, '')));
    const kept = Object.fromEntries(Object.entries(query).filter(([k]) => !bad.has(k)));
    return {
      q: await validateQuery(dto, kept),
      error: `Niet alle filters zijn gebruikt: ${errors.map((x) => `${x.field.replace(/^query\./, '')} ${nlMessage(x.message)}`).join('; ')}.`,
    };
  }
}

function sendCsv<T>(res: Response, name: string, today: string, columns: readonly CsvColumn<T>[], items: Iterable<T>): void {
  res.status(200);
  res.setHeader('Content-Type', CSV_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="kaderwijzer-${name}-${today}.csv"`);
  res.setHeader('Cache-Control', 'no-store');
  for (const chunk of csvChunks(columns, items)) res.write(chunk);
  res.end();
}

const who = (p: { id: string; name: string | null } | null) => (p ? (p.name ?? p.id) : '—');
const dossierLink = (i: { dossierId: string; title: string }) => <A href={`/griffie/dossiers/${i.dossierId}`}>{i.title}</A>;

const WAIVER_COLUMNS: Column<WaiverRegisterItem>[] = [
  { head: 'Dossier', cell: dossierLink },
  { head: 'Eis', cell: (w) => `${w.requirementId}${w.requirementLabel ? `: ${w.requirementLabel.nl}` : ''}` },
  { head: 'Reden', cell: (w) => REASON_LABELS[w.reasonCode] ?? w.reasonCode },
  { head: 'Motivering', cell: (w) => w.motivation },
  { head: 'Aangevraagd', cell: (w) => `${tijdstip(w.requestedAt)} door ${who(w.requestedBy)}` },
  { head: 'Besloten', cell: (w) => (w.decidedBy ? `${tijdstip(w.decidedAt)} door ${who(w.decidedBy)}${w.decisionNote ? `: ${w.decisionNote}` : ''}` : '—') },
  { head: 'Status', cell: (w) => WAIVER_STATUS[w.status] ?? w.status },
];

const TIMER_STATUS: Record<TimerItem['status'], ComponentChild> = {
  running: <Status kind="ok">loopt</Status>,
  overdue: <Status kind="open">verstreken</Status>,
  closed: <Status kind="na">afgesloten</Status>,
};

const TIMER_COLUMNS: Column<TimerItem>[] = [
  { head: 'Dossier', cell: dossierLink },
  { head: 'Termijn', cell: (t) => `${t.timerId}: ${t.name.nl}` },
  { head: 'Begin', cell: (t) => datum(t.start) },
  { head: 'Laatste dag', cell: (t) => datum(t.computedEnd) },
  { head: 'Grondslag', cell: (t) => t.basis },
  { head: 'Status', cell: (t) => TIMER_STATUS[t.status] },
  { head: 'Nog', cell: (t) => (t.daysLeft === null ? '—' : t.daysLeft < 0 ? `${dagen(-t.daysLeft)} te laat` : dagen(t.daysLeft)) },
];

const ISSUE_LABELS: Record<StartnotitieIssue, string> = {
  'reclassified-to-non-strategic': 'Van strategisch naar niet-strategisch gezet',
  'startnotitie-missing': 'Strategisch, maar geen vastgestelde startnotitie',
  'not-sent-to-ps': 'Startnotitie niet aan PS gestuurd',
  'not-on-committee-agenda': 'Startnotitie niet in een commissie besproken',
};

const STARTNOTITIE_COLUMNS: Column<StartnotitieItem>[] = [
  { head: 'Dossier', cell: dossierLink },
  { head: 'Signaal', cell: (s) => ISSUE_LABELS[s.issue] ?? s.issue },
  { head: 'Fase', cell: (s) => phaseName(s.phase) },
  { head: 'In fase', cell: (s) => dagen(s.daysInPhase) },
  { head: 'Vastgesteld', cell: (s) => datum(s.startnotitie.adoptedOn) },
  { head: 'Naar PS', cell: (s) => datum(s.startnotitie.sentToPsOn) },
  { head: 'Commissie', cell: (s) => datum(s.startnotitie.committeeOn) },
];

const PLAN_STATUS: Record<string, string> = {
  realised: 'gerealiseerd',
  'lower-level': 'lager niveau',
  scheduled: 'gepland',
  cancelled: 'geannuleerd',
  missing: 'niets vastgelegd',
};

const PARTICIPATION_COLUMNS: Column<ParticipationItem>[] = [
  { head: 'Dossier', cell: dossierLink },
  { head: 'Fase', cell: (p) => phaseName(p.phase) },
  {
    head: 'Gepland en gerealiseerd',
    cell: (p) =>
      p.comparison.lines.length ? (
        <ul class="utrecht-unordered-list">
          {p.comparison.lines.map((l, i) => (
            <li key={i} class="utrecht-unordered-list__item">
              {phaseName(l.fase)}, {l.doelgroep ?? 'alle doelgroepen'}: {l.planned} — {PLAN_STATUS[l.status] ?? l.status}
              {l.gap ? ' (tekort)' : ''}
            </li>
          ))}
        </ul>
      ) : (
        'geen plan'
      ),
  },
  { head: 'Niet gepland', cell: (p) => p.comparison.unplanned.map((u) => u.instrumentId).join(', ') || '—' },
];

@WebController('griffie')
export class GriffiePagesController {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
  ) {}

  private today(): string {
    return amsterdamDate(this.clock.now());
  }

  @Get()
  @Allow('compliance.read')
  async overview(@Req() req: WebRequest, @Res() res: Response) {
    const query = rawQuery(req);
    const { q, error } = await parse(query, ComplianceListQueryDto);
    const today = this.today();
    const filters = {
      phase: q.phase,
      besluitvormer: q.besluitvormer,
      strategisch: q.strategisch,
      owner: q.owner,
      hasOverdue: q.hasOverdue,
      hasOpenHard: q.hasOpenHard,
      workflowVersion: q.workflowVersion,
      sort: q.sort ?? 'phase',
      order: q.order ?? 'asc',
    };
    if (q.format === 'csv') {
      const page = await this.compliance.list({ ...filters, limit: null }, today);
      return sendCsv(res, 'compliance', today, COMPLIANCE_CSV, page.items);
    }
    const offset = offsetOf(req);
    // No total: a page then costs the same at any number of dossiers (a count would not).
    const page = await this.compliance.list({ ...filters, limit: PAGE_SIZE + 1, offset }, today);
    const versions = [...new Set(this.registry.list().map((w) => w.definition.version))];
    send(res, overviewPage(ctxOf(req), { items: page.items.slice(0, PAGE_SIZE), total: page.total, offset, limit: PAGE_SIZE, hasNext: page.items.length > PAGE_SIZE, query, error, versions }));
  }

  /** One drill-down: the API's own query DTO, then one page of the service's answer, or every row as CSV. */
  private async drillDown<P extends { format?: string }, T, C>(
    req: WebRequest,
    res: Response,
    d: {
      params: Type<P>;
      fetch: (q: P, paging: { limit: number | null; offset: number }, today: string) => Promise<{ items: T[]; total: number }>;
      csv: { name: string; columns: readonly CsvColumn<C>[]; rows: (items: T[]) => Iterable<C> };
      page: { title: string; intro: string; caption: string; columns: Column<T>[] };
    },
  ): Promise<void> {
    const query = rawQuery(req);
    const { q, error } = await parse(query, d.params);
    const today = this.today();
    const csv = q.format === 'csv';
    const offset = offsetOf(req);
    const page = await d.fetch(q, { limit: csv ? null : PAGE_SIZE, offset: csv ? 0 : offset }, today);
    if (csv) return sendCsv(res, d.csv.name, today, d.csv.columns, d.csv.rows(page.items));
    send(res, drillDownPage(ctxOf(req), { ...d.page, items: page.items, total: page.total, offset, limit: PAGE_SIZE, query, error }));
  }

  @Get('ontheffingen')
  @Allow('compliance.read')
  waivers(@Req() req: WebRequest, @Res() res: Response) {
    return this.drillDown(req, res, {
      params: WaiverRegisterQueryDto,
      fetch: (q, paging, today) => this.compliance.waivers({ ...q, ...paging }, today),
      csv: { name: 'waivers', columns: WAIVER_CSV, rows: (items) => items },
      page: {
        title: 'Ontheffingen',
        intro: 'Het register van ontheffingen: reden, motivering, aanvrager, wie besliste, en of de ontheffing is gebruikt.',
        caption: 'Ontheffingen, nieuwste aanvraag eerst',
        columns: WAIVER_COLUMNS,
      },
    });
  }

  @Get('termijnen')
  @Allow('compliance.read')
  timers(@Req() req: WebRequest, @Res() res: Response) {
    return this.drillDown(req, res, {
      params: TimerQueryDto,
      fetch: (q, paging, today) => this.compliance.timers({ ...q, status: q.status ?? 'open', ...paging }, today),
      csv: { name: 'timers', columns: TIMER_CSV, rows: (items) => items },
      page: {
        title: 'Termijnen',
        intro: 'Wettelijke termijnen: zienswijzen (TM-01), agenderingsrecht (TM-06), wensen en bedenkingen (TM-10) en evaluaties (TM-11). Verstreken termijnen eerst.',
        caption: 'Termijnen, verstreken eerst',
        columns: TIMER_COLUMNS,
      },
    });
  }

  @Get('startnotitie')
  @Allow('compliance.read')
  startnotitie(@Req() req: WebRequest, @Res() res: Response) {
    return this.drillDown(req, res, {
      params: StartnotitieQueryDto,
      fetch: (q, paging, today) => this.compliance.startnotitie({ ...q, ...paging }, today),
      csv: { name: 'startnotitie', columns: STARTNOTITIE_CSV, rows: (items) => items },
      page: {
        title: 'Startnotities',
        intro: 'Signalen over startnotities: dossiers die van strategisch naar niet-strategisch zijn gezet, en strategische dossiers zonder vastgestelde, verzonden of besproken startnotitie.',
        caption: 'Signalen over startnotities',
        columns: STARTNOTITIE_COLUMNS,
      },
    });
  }

  @Get('participatie')
  @Allow('compliance.read')
  participation(@Req() req: WebRequest, @Res() res: Response) {
    return this.drillDown(req, res, {
      params: ParticipationQueryDto,
      fetch: (q, paging, today) => this.compliance.participation({ ...q, ...paging }, today),
      csv: { name: 'participatie', columns: PARTICIPATION_CSV, rows: participationLines },
      page: {
        title: 'Participatie: gepland en gerealiseerd',
        intro: 'Per dossier wat de participatieparagraaf plande (niveau en instrumenten per fase en doelgroep) tegenover de vastgelegde activiteiten.',
        caption: 'Geplande en gerealiseerde participatie per dossier',
        columns: PARTICIPATION_COLUMNS,
      },
    });
  }

  @Get('rapportage')
  @Allow('compliance.read')
  async summary(@Req() req: WebRequest, @Res() res: Response) {
    const today = this.today();
    const query = { from: `${today.slice(0, 4)}-01-01`, to: today, ...rawQuery(req) };
    const { q, error } = await parse(query, SummaryQueryDto);
    const csv = q.format === 'csv';
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    const s = await this.compliance.summary({ from, to, maxItems: csv ? 1_000_000 : 200 }, today);
    if (csv) return sendCsv(res, `rapportage-${from}-${to}`, today, EXCEPTION_CSV, exceptionLines(s));
    send(res, summaryPage(req, s, { from, to }, error));
  }

  @Get('dossiers/:id')
  @Allow('compliance.read')
  async matrix(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const view = await this.dossiers.get(req.actor!, id);
    const deelname = await this.dossiers.deelname(req.actor!, id);
    send(res, matrixPage(ctxOf(req), { view, canRecord: may(req.actor!.roles, 'evidence.record-ps-side'), deelname }));
  }
}

function summaryPage(req: WebRequest, s: ComplianceSummary, period: { from: string; to: string }, error?: string): string {
  const e = s.exceptions;
  return drillDownPage(ctxOf(req), {
    title: 'Rapportage voor PS',
    intro: `Stand van de dossiers op ${datum(s.today)} en de uitzonderingen van ${datum(period.from)} tot en met ${datum(period.to)}.`,
    caption: 'Uitzondering: adviezen die alleen met een uitleg zijn gepasseerd',
    columns: [
      { head: 'Dossier', cell: (x: (typeof e.advisoriesExplained.items)[number]) => dossierLink(x) },
      { head: 'Eis', cell: (x) => `${x.requirementId}${x.requirementLabel ? `: ${x.requirementLabel.nl}` : ''}` },
      { head: 'Overgang', cell: (x) => `${phaseName(x.from)} → ${phaseName(x.to)}` },
      { head: 'Datum', cell: (x) => datum(x.explainedOn) },
      { head: 'Uitleg', cell: (x) => x.explanation },
    ],
    items: e.advisoriesExplained.items,
    total: e.advisoriesExplained.items.length,
    offset: 0,
    limit: Math.max(1, e.advisoriesExplained.items.length),
    query: { from: period.from, to: period.to },
    filters: <PeriodForm from={period.from} to={period.to} />,
    error,
    before: (
      <>
        <Table caption="Dossiers per fase" head={['Fase', 'Totaal', 'Geblokkeerd', 'Uitleg nodig', 'Klaar', 'Termijn verstreken', 'Strategisch']}>
          {s.counts.map((c) => (
            <Tr key={c.phase}>
              <Td th>{phaseName(c.phase)}</Td>
              <Td>{c.total}</Td>
              <Td>{c.blocked}</Td>
              <Td>{c.needsExplanation}</Td>
              <Td>{c.ready}</Td>
              <Td>{c.withOverdueTimers}</Td>
              <Td>{c.strategisch}</Td>
            </Tr>
          ))}
        </Table>
        <H2>Uitzonderingen in de periode</H2>
        <P>
          Gebruikte ontheffingen: {e.waiversUsed.count} · adviezen met alleen een uitleg: {e.advisoriesExplained.count} · verstreken termijnen: {e.overdueTimers.count} ·
          herclassificaties: {e.reclassifications.count}. De CSV bevat alle uitzonderingen, één per regel.
        </P>
      </>
    ),
  });
}
