import { applyDecorators, Controller, Get, Inject, Query, Req, Res, StreamableFile, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { BESLUITVORMERS, WAIVER_REASON_CODES } from '../../workflows/evidence';
import { amsterdamDate } from '../../workflows/facts';
import { Allow } from '../auth';
import { ApiAuthedProblems, Clock, CSV_CONTENT_TYPE, csvChunks, CsvColumn } from '../common';
import { ALL_STATES, DASHBOARD_TIMER_IDS } from '../dossiers';
import { COMPLIANCE_CSV, EXCEPTION_CSV, exceptionLines, PARTICIPATION_CSV, participationLines, STARTNOTITIE_CSV, TIMER_CSV, WAIVER_CSV } from './compliance.csv';
import { ComplianceService, SORT_FIELDS, STARTNOTITIE_ISSUES } from './compliance.service';
import {
  CompliancePageDto,
  ComplianceSummaryDto,
  ParticipationPageDto,
  StartnotitiePageDto,
  TimerPageDto,
  WaiverRegisterPageDto,
} from './dto/compliance.dto';
import { ComplianceListQueryDto, FORMATS, LIMIT, MAX_ITEMS, OFFSET_MAX, ParticipationQueryDto, REQUIREMENT_ID_PATTERN, StartnotitieQueryDto, SummaryQueryDto, TIMER_STATUSES, TimerQueryDto, WAIVER_STATUSES, WaiverRegisterQueryDto, WORKFLOW_VERSION } from './dto/compliance-query.dto';

const CSV_DESCRIPTION =
  'With `Accept: text/csv` (or `format=csv`): the same rows as CSV for Excel with Dutch settings — UTF-8 with BOM, `;` separated, CRLF, ' +
  'dates yyyy-mm-dd, booleans ja/nee, text starting with = + - @ prefixed with a quote. Without `limit`, every matching row.';

type QueryDoc = { name: string; description: string; schema: SchemaObject; required?: boolean };

/** The handler's query parameters in OpenAPI, in this order (the DTO validates them). */
const ApiQueries = (...docs: QueryDoc[]) =>
  applyDecorators(...docs.map((d) => ApiQuery({ name: d.name, required: d.required === true, description: d.description, schema: d.schema })));

const oneOf = (values: readonly string[], dflt?: string): SchemaObject => ({ type: 'string', enum: [...values], ...(dflt ? { default: dflt } : {}) });
const int = (minimum: number, maximum: number, dflt?: number): SchemaObject => ({ type: 'integer', minimum, maximum, ...(dflt !== undefined ? { default: dflt } : {}) });
const text = (maxLength: number, pattern?: RegExp): SchemaObject => ({ type: 'string', maxLength, pattern: pattern ? pattern.source : '^[\\s\\S]*$' });
const BOOL: SchemaObject = { type: 'boolean' };
const UUID_SCHEMA: SchemaObject = { type: 'string', format: 'uuid' };
const DATE: SchemaObject = { type: 'string', format: 'date' };

const FORMAT: QueryDoc = { name: 'format', schema: oneOf(FORMATS), description: 'Overrides the Accept header (handy for a download link).' };
const LIMIT_DOC: QueryDoc = { name: 'limit', schema: int(LIMIT.min, LIMIT.max), description: 'Page size (JSON default 50; CSV default: everything).' };
const OFFSET: QueryDoc = { name: 'offset', schema: int(0, OFFSET_MAX, 0), description: 'Rows to skip.' };
const PHASE: QueryDoc = { name: 'phase', schema: oneOf(ALL_STATES), description: 'Only dossiers in this phase or final state.' };
const DOSSIER: QueryDoc = { name: 'dossierId', schema: UUID_SCHEMA, description: 'Only this dossier.' };

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

/** The rows a drill-down asks for: a page of 50 as JSON, every row as CSV, unless `limit` says otherwise. */
const paging = (q: { limit?: number; offset?: number }, csv: boolean) => ({ limit: q.limit ?? (csv ? null : 50), offset: q.offset ?? 0 });

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

  /** Whether to answer in CSV, and the date relative values are computed for; the answer varies with `Accept`. */
  private answer(req: Request, res: Response, format: string | undefined): { csv: boolean; today: string } {
    res.setHeader('Vary', 'Accept');
    return { csv: wantsCsv(req, format), today: amsterdamDate(this.clock.now()) };
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
  @ApiQueries(
    PHASE,
    { name: 'besluitvormer', schema: oneOf(BESLUITVORMERS), description: 'PS or GS.' },
    { name: 'strategisch', schema: BOOL, description: 'Strategic dossiers only (true) or the others (false).' },
    { name: 'owner', schema: UUID_SCHEMA, description: 'The beleidsmedewerker the dossier is assigned to.' },
    { name: 'hasOverdue', schema: BOOL, description: 'With (true) or without (false) an overdue legal timer.' },
    { name: 'hasOpenHard', schema: BOOL, description: 'With (true) or without (false) an open hard requirement for the next ADVANCE.' },
    {
      name: 'workflowVersion',
      schema: text(32, WORKFLOW_VERSION),
      description: 'Only dossiers under this version of their workflow (e.g. 2021 or 2025; GET /api/v1/workflows).',
    },
    {
      name: 'sort',
      schema: oneOf(SORT_FIELDS, 'phase'),
      description: 'Sort column; ties are broken by dossier id. `phase` (default): in the order of the kader, then oldest dossier first.',
    },
    { name: 'order', schema: oneOf(['asc', 'desc'], 'asc'), description: 'Sort direction.' },
    LIMIT_DOC,
    OFFSET,
    { name: 'cursor', schema: text(1000), description: '`nextCursor` of the previous page (same sort and order); not with offset.' },
    {
      name: 'withTotal',
      schema: BOOL,
      description: 'Also count every matching dossier (`total`). Off by default: a page costs the same at any number of dossiers, a count does not.',
    },
    FORMAT,
  )
  @ApiJsonOrCsv(CompliancePageDto, 'A page of dossiers (JSON), or the matching dossiers as CSV.')
  @ApiAuthedProblems()
  async list(@Query() q: ComplianceListQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const page = await this.compliance.list({ ...q, sort: q.sort ?? 'phase', order: q.order ?? 'asc', limit: q.limit ?? (csv ? null : 50) }, today);
    if (!csv) return page;
    if (page.nextCursor) res.setHeader('X-Next-Cursor', page.nextCursor);
    return csvFile(res, 'compliance', today, COMPLIANCE_CSV, page.items);
  }

  @Get('waivers')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'The waiver register (domain-brief X-04): reason code, motivation, requester, approver, dates and status of every waiver.',
  })
  @ApiQueries(
    { name: 'status', schema: oneOf(WAIVER_STATUSES), description: 'Waiver status.' },
    { name: 'reasonCode', schema: oneOf(WAIVER_REASON_CODES), description: 'Reason code of X-04.' },
    { name: 'requirementId', schema: text(10, REQUIREMENT_ID_PATTERN), description: 'Requirement id, e.g. G2-01.' },
    DOSSIER,
    { name: 'from', schema: DATE, description: 'Requested on or after this date (Europe/Amsterdam).' },
    { name: 'to', schema: DATE, description: 'Requested on or before this date.' },
    LIMIT_DOC,
    OFFSET,
    FORMAT,
  )
  @ApiJsonOrCsv(WaiverRegisterPageDto, 'Waivers, newest request first.')
  @ApiAuthedProblems()
  async waivers(@Query() q: WaiverRegisterQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const page = await this.compliance.waivers({ ...q, ...paging(q, csv) }, today);
    return csv ? csvFile(res, 'waivers', today, WAIVER_CSV, page.items) : page;
  }

  @Get('timers')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Legal timers: zienswijzentermijnen (TM-01), agenderingsrecht windows with support against 400 (TM-06), PS wensen-en-bedenkingen windows (TM-10), evaluation due dates (TM-11) — overdue first.',
  })
  @ApiQueries(
    { name: 'status', schema: oneOf(TIMER_STATUSES, 'open'), description: '`open` = running or overdue (default); overdue ones come first in every list.' },
    { name: 'timerId', schema: oneOf(DASHBOARD_TIMER_IDS), description: 'TM-01, TM-06, TM-10 or TM-11.' },
    DOSSIER,
    LIMIT_DOC,
    OFFSET,
    FORMAT,
  )
  @ApiJsonOrCsv(TimerPageDto, 'Timers: overdue first, then by end date.')
  @ApiAuthedProblems()
  async timers(@Query() q: TimerQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const page = await this.compliance.timers({ ...q, status: q.status ?? 'open', ...paging(q, csv) }, today);
    return csv ? csvFile(res, 'timers', today, TIMER_CSV, page.items) : page;
  }

  @Get('startnotitie')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Startnotitie tracker: reclassifications strategisch → non-strategic (alert), strategic dossiers without an adopted startnotitie, startnotitie not sent to PS, not on a committee agenda.',
  })
  @ApiQueries({ name: 'issue', schema: oneOf(STARTNOTITIE_ISSUES), description: 'Only this signal.' }, LIMIT_DOC, OFFSET, FORMAT)
  @ApiJsonOrCsv(StartnotitiePageDto, 'One row per (signal, dossier); reclassifications first.')
  @ApiAuthedProblems()
  async startnotitie(@Query() q: StartnotitieQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const page = await this.compliance.startnotitie({ ...q, ...paging(q, csv) }, today);
    return csv ? csvFile(res, 'startnotitie', today, STARTNOTITIE_CSV, page.items) : page;
  }

  @Get('participation')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Planned versus realised participation per dossier: the levels and instruments the participatieparagraaf planned per phase and target group, against the activities recorded.',
  })
  @ApiQueries(
    PHASE,
    DOSSIER,
    { name: 'hasGaps', schema: BOOL, description: 'Only dossiers with (true) or without (false) a participation gap.' },
    LIMIT_DOC,
    OFFSET,
    FORMAT,
  )
  @ApiJsonOrCsv(ParticipationPageDto, 'Per dossier (JSON); one line per plan line or unplanned activity (CSV).')
  @ApiAuthedProblems()
  async participation(@Query() q: ParticipationQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const page = await this.compliance.participation({ ...q, ...paging(q, csv) }, today);
    return csv ? csvFile(res, 'participatie', today, PARTICIPATION_CSV, participationLines(page.items)) : page;
  }

  @Get('summary')
  @Allow('compliance.read')
  @ApiOperation({
    summary: 'Summary for a PS report: dossiers per phase and status, and the exceptions of the period (waivers used, advisories passed with only an explanation, overdue timers, reclassifications).',
  })
  @ApiQueries(
    { name: 'from', required: true, schema: DATE, description: 'First day of the reporting period (Europe/Amsterdam).' },
    { name: 'to', required: true, schema: DATE, description: 'Last day of the reporting period.' },
    { name: 'maxItems', schema: int(MAX_ITEMS.min, MAX_ITEMS.max, 500), description: 'Items per exception list in JSON (the counts are always complete).' },
    { name: 'format', schema: oneOf(FORMATS), description: 'csv: the exceptions, one line each (all of them).' },
  )
  @ApiJsonOrCsv(ComplianceSummaryDto, 'Counts and exceptions (JSON); the exceptions, one line each (CSV).')
  @ApiAuthedProblems()
  async summary(@Query() q: SummaryQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { csv, today } = this.answer(req, res, q.format);
    const summary = await this.compliance.summary({ from: q.from, to: q.to, maxItems: csv ? 1_000_000 : (q.maxItems ?? 500) }, today);
    return csv ? csvFile(res, `rapportage-${q.from}-${q.to}`, today, EXCEPTION_CSV, exceptionLines(summary)) : summary;
  }
}
