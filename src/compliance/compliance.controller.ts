import { applyDecorators, Controller, Get, Inject, Query, Req, Res, StreamableFile, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { BESLUITVORMERS, DossierState, WAIVER_REASON_CODES } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { Allow } from '../auth';
import { ApiAuthedProblems, Clock, CSV_CONTENT_TYPE, csvChunks, CsvColumn } from '../common';
import { ALL_STATES, DASHBOARD_TIMER_IDS } from '../dossiers';
import {
  COMPLIANCE_CSV,
  EXCEPTION_CSV,
  exceptionLines,
  PARTICIPATION_CSV,
  participationLines,
  STARTNOTITIE_CSV,
  TIMER_CSV,
  WAIVER_CSV,
} from './compliance.csv';
import { ComplianceService, SORT_FIELDS, SortField, STARTNOTITIE_ISSUES, StartnotitieIssue } from './compliance.service';
import {
  CompliancePageDto,
  ComplianceSummaryDto,
  ParticipationPageDto,
  StartnotitiePageDto,
  TimerPageDto,
  WaiverRegisterPageDto,
} from './dto/compliance.dto';
import { ApiQueryParams, parseQuery, ParamSpec } from './query-params';

const CSV_DESCRIPTION =
  'With `Accept: text/csv` (or `format=csv`): the same rows as CSV for Excel with Dutch settings — UTF-8 with BOM, `;` separated, CRLF, ' +
  'dates yyyy-mm-dd, booleans ja/nee, text starting with = + - @ prefixed with a quote. Without `limit`, every matching row.';

const FORMAT: ParamSpec = { kind: 'enum', values: ['json', 'csv'], description: 'Overrides the Accept header (handy for a download link).' };
const LIMIT: ParamSpec = { kind: 'int', min: 1, max: 200, description: 'Page size (JSON default 50; CSV default: everything).' };
const OFFSET: ParamSpec = { kind: 'int', min: 0, max: 1_000_000_000, default: 0, description: 'Rows to skip.' };
const PHASE: ParamSpec = { kind: 'enum', values: ALL_STATES, description: 'Only dossiers in this phase or final state.' };
const DOSSIER: ParamSpec = { kind: 'uuid', description: 'Only this dossier.' };

export const LIST_PARAMS = {
  phase: PHASE,
  besluitvormer: { kind: 'enum', values: BESLUITVORMERS, description: 'PS or GS.' },
  strategisch: { kind: 'bool', description: 'Strategic dossiers only (true) or the others (false).' },
  owner: { kind: 'uuid', description: 'The beleidsmedewerker the dossier is assigned to.' },
  hasOverdue: { kind: 'bool', description: 'With (true) or without (false) an overdue legal timer.' },
  hasOpenHard: { kind: 'bool', description: 'With (true) or without (false) an open hard requirement for the next ADVANCE.' },
  workflowVersion: {
    kind: 'string',
    maxLength: 32,
    pattern: /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/,
    description: 'Only dossiers under this version of their workflow (e.g. 2021 or 2025; GET /api/v1/workflows).',
  },
  sort: { kind: 'enum', values: SORT_FIELDS, default: 'phase', description: 'Sort column; ties are broken by dossier id. `phase` (default): in the order of the kader, then oldest dossier first.' },
  order: { kind: 'enum', values: ['asc', 'desc'], default: 'asc', description: 'Sort direction.' },
  limit: LIMIT,
  offset: OFFSET,
  cursor: { kind: 'string', maxLength: 1000, description: '`nextCursor` of the previous page (same sort and order); not with offset.' },
  withTotal: {
    kind: 'bool',
    description: 'Also count every matching dossier (`total`). Off by default: a page costs the same at any number of dossiers, a count does not.',
  },
  format: FORMAT,
} satisfies Record<string, ParamSpec>;

export const WAIVER_PARAMS = {
  status: { kind: 'enum', values: ['requested', 'approved', 'rejected', 'used'], description: 'Waiver status.' },
  reasonCode: { kind: 'enum', values: WAIVER_REASON_CODES, description: 'Reason code of X-04.' },
  requirementId: { kind: 'string', maxLength: 10, pattern: /^(X-0[1-5]|G[1-6]-\d{2})$/, description: 'Requirement id, e.g. G2-01.' },
  dossierId: DOSSIER,
  from: { kind: 'date', description: 'Requested on or after this date (Europe/Amsterdam).' },
  to: { kind: 'date', description: 'Requested on or before this date.' },
  limit: LIMIT,
  offset: OFFSET,
  format: FORMAT,
} satisfies Record<string, ParamSpec>;

export const TIMER_PARAMS = {
  status: {
    kind: 'enum',
    values: ['open', 'running', 'overdue', 'closed', 'all'],
    default: 'open',
    description: '`open` = running or overdue (default); overdue ones come first in every list.',
  },
  timerId: { kind: 'enum', values: DASHBOARD_TIMER_IDS, description: 'TM-01, TM-06, TM-10 or TM-11.' },
  dossierId: DOSSIER,
  limit: LIMIT,
  offset: OFFSET,
  format: FORMAT,
} satisfies Record<string, ParamSpec>;

export const STARTNOTITIE_PARAMS = {
  issue: { kind: 'enum', values: STARTNOTITIE_ISSUES, description: 'Only this signal.' },
  limit: LIMIT,
  offset: OFFSET,
  format: FORMAT,
} satisfies Record<string, ParamSpec>;

export const PARTICIPATION_PARAMS = {
  phase: PHASE,
  dossierId: DOSSIER,
  hasGaps: { kind: 'bool', description: 'Only dossiers with (true) or without (false) a participation gap.' },
  limit: LIMIT,
  offset: OFFSET,
  format: FORMAT,
} satisfies Record<string, ParamSpec>;

export const SUMMARY_PARAMS = {
  from: { kind: 'date', required: true, description: 'First day of the reporting period (Europe/Amsterdam).' },
  to: { kind: 'date', required: true, description: 'Last day of the reporting period.' },
  maxItems: { kind: 'int', min: 1, max: 5000, default: 500, description: 'Items per exception list in JSON (the counts are always complete).' },
  format: { kind: 'enum', values: ['json', 'csv'], description: 'csv: the exceptions, one line each (all of them).' },
} satisfies Record<string, ParamSpec>;

/** JSON (the DTO) or CSV, documented as the two media types of one 200 response. */
function ApiJsonOrCsv(dto: Type<unknown>, description: string) {
  return applyDecorators(
    ApiExtraModels(dto),
    ApiProduces('application/json', 'text/csv'),
    ApiResponse({
      status: 200,
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(dto) } },
        'text/csv': { schema: { type: 'string', description: CSV_DESCRIPTION } },
      },
    }),
  );
}

function wantsCsv(req: Request, format: string | undefined): boolean {
  if (format) return format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

function csvFile<T>(res: Response, name: string, today: string, columns: readonly CsvColumn<T>[], items: Iterable<T>): StreamableFile {
  res.setHeader('Content-Disposition', `attachment; filename="kaderwijzer-${name}-${today}.csv"`);
  return new StreamableFile(Readable.from(csvChunks(columns, items)), { type: CSV_CONTENT_TYPE });
}

/**
 * The griffie's compliance views (domain-brief §10.1), read from the projection kept in the same transaction as
 * every dossier write. Readable by griffie, auditor, teamleider and beleidsmedewerker (`compliance.read`).
 */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller('api/v1/compliance')
export class ComplianceController {
  constructor(
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private today(): string {
    return amsterdamDate(this.clock.now());
  }

  @Get()
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Every dossier with its phase compliance: open requirements of the next transition, waivers, explained advisories, overdue timers.',
    description:
      'One row per dossier from the compliance projection: phase and days in it, besluitvormer, strategisch, owner; for the next ADVANCE the ' +
      'hard and advisory requirements still open (count and ids), waived ones and the full requirement matrix; waivers pending and used; ' +
      'the number of advisory requirements passed with only an explanation at earlier transitions; overdue legal timers. ' +
      'Filters, whitelisted sorting, and paging by offset or keyset cursor.',
  })
  @ApiQueryParams(LIST_PARAMS)
  @ApiJsonOrCsv(CompliancePageDto, 'A page of dossiers (JSON), or the matching dossiers as CSV.')
  @ApiAuthedProblems()
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, LIST_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const page = await this.compliance.list(
      {
        phase: q.phase as DossierState | undefined,
        besluitvormer: q.besluitvormer,
        strategisch: q.strategisch,
        owner: q.owner,
        hasOverdue: q.hasOverdue,
        hasOpenHard: q.hasOpenHard,
        workflowVersion: q.workflowVersion,
        withTotal: q.withTotal,
        sort: (q.sort ?? 'phase') as SortField,
        order: (q.order ?? 'asc') as 'asc' | 'desc',
        limit: q.limit ?? (csv ? null : 50),
        offset: q.offset,
        cursor: q.cursor,
      },
      today,
    );
    if (!csv) return page;
    if (page.nextCursor) res.setHeader('X-Next-Cursor', page.nextCursor);
    return csvFile(res, 'compliance', today, COMPLIANCE_CSV, page.items);
  }

  @Get('waivers')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'The waiver register (domain-brief X-04): reason code, motivation, requester, approver, dates and status of every waiver.',
  })
  @ApiQueryParams(WAIVER_PARAMS)
  @ApiJsonOrCsv(WaiverRegisterPageDto, 'Waivers, newest request first.')
  @ApiAuthedProblems()
  async waivers(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, WAIVER_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const page = await this.compliance.waivers({ ...q, limit: q.limit ?? (csv ? null : 50), offset: q.offset ?? 0 }, today);
    return csv ? csvFile(res, 'waivers', today, WAIVER_CSV, page.items) : page;
  }

  @Get('timers')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Legal timers: zienswijzentermijnen (TM-01), agenderingsrecht windows with support against 400 (TM-06), PS wensen-en-bedenkingen windows (TM-10), evaluation due dates (TM-11) — overdue first.',
  })
  @ApiQueryParams(TIMER_PARAMS)
  @ApiJsonOrCsv(TimerPageDto, 'Timers: overdue first, then by end date.')
  @ApiAuthedProblems()
  async timers(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, TIMER_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const page = await this.compliance.timers(
      {
        status: (q.status ?? 'open') as 'open' | 'running' | 'overdue' | 'closed' | 'all',
        timerId: q.timerId,
        dossierId: q.dossierId,
        limit: q.limit ?? (csv ? null : 50),
        offset: q.offset ?? 0,
      },
      today,
    );
    return csv ? csvFile(res, 'timers', today, TIMER_CSV, page.items) : page;
  }

  @Get('startnotitie')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Startnotitie tracker: reclassifications strategisch → non-strategic (alert), strategic dossiers without an adopted startnotitie, startnotitie not sent to PS, not on a committee agenda.',
  })
  @ApiQueryParams(STARTNOTITIE_PARAMS)
  @ApiJsonOrCsv(StartnotitiePageDto, 'One row per (signal, dossier); reclassifications first.')
  @ApiAuthedProblems()
  async startnotitie(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, STARTNOTITIE_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const page = await this.compliance.startnotitie(
      { issue: q.issue as StartnotitieIssue | undefined, limit: q.limit ?? (csv ? null : 50), offset: q.offset ?? 0 },
      today,
    );
    return csv ? csvFile(res, 'startnotitie', today, STARTNOTITIE_CSV, page.items) : page;
  }

  @Get('participation')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Planned versus realised participation per dossier: the levels and instruments the participatieparagraaf planned per phase and target group, against the activities recorded.',
  })
  @ApiQueryParams(PARTICIPATION_PARAMS)
  @ApiJsonOrCsv(ParticipationPageDto, 'Per dossier (JSON); one line per plan line or unplanned activity (CSV).')
  @ApiAuthedProblems()
  async participation(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, PARTICIPATION_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const page = await this.compliance.participation(
      { phase: q.phase as DossierState | undefined, dossierId: q.dossierId, hasGaps: q.hasGaps, limit: q.limit ?? (csv ? null : 50), offset: q.offset ?? 0 },
      today,
    );
    return csv ? csvFile(res, 'participatie', today, PARTICIPATION_CSV, participationLines(page.items)) : page;
  }

  @Get('summary')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Summary for a PS report: dossiers per phase and status, and the exceptions of the period (waivers used, advisories passed with only an explanation, overdue timers, reclassifications).',
  })
  @ApiQueryParams(SUMMARY_PARAMS)
  @ApiJsonOrCsv(ComplianceSummaryDto, 'Counts and exceptions (JSON); the exceptions, one line each (CSV).')
  @ApiAuthedProblems()
  async summary(@Query() query: Record<string, unknown>, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const q = parseQuery(query, SUMMARY_PARAMS);
    const csv = wantsCsv(req, q.format);
    const today = this.today();
    res.setHeader('Vary', 'Accept');
    const summary = await this.compliance.summary({ from: q.from!, to: q.to!, maxItems: csv ? 1_000_000 : (q.maxItems ?? 500) }, today);
    return csv ? csvFile(res, `rapportage-${q.from}-${q.to}`, today, EXCEPTION_CSV, exceptionLines(summary)) : summary;
  }
}
