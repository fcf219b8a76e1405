import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth';
import { ActorContext, ApiAuthedProblems, DomainError, UuidParamPipe } from '../common';
import { AuditService, EXPORT_CONTENT_TYPES, EXPORT_FORMATS, exportChunks, ExportFormat, FLAG_KINDS, QUERY_DATE_TIME, QUERY_UUID, queryInt, queryList } from '../audit';
import { DossierFlagsQueryDto, ExportQueryDto, FlagsQueryDto, HistoryQueryDto, KIND_OR_ACTION, StateQueryDto } from './dto/auditor-query.dto';
import { AuditorService } from './auditor.service';
import { DossierFlagsDto, DossierStateDto, FlagPageDto, HistoryPageDto } from './dto/auditor.dto';
import { HISTORY_KINDS } from './history';


/** A dossier's audit views: history, state on a past moment, flags. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:id')
export class DossierAuditController {
  constructor(@Inject(AuditorService) private readonly auditor: AuditorService) {}

  @Get('history')
  @Allow('audit.read')
  @ApiOperation({
    summary: 'Every audit event of the dossier, in order: transitions done and refused (with the evaluation shown and the evidence it rested on), explanations, waivers, classification changes, evidence, timers.',
    description:
      'Filter with `kind` (comma-separated kinds such as `transition,waiver`, or exact actions such as `transition.refused`) and a period ' +
      '(`from`, `to`: ISO 8601 date-times with a time zone, both inclusive, on the server time of the event). Page with `afterSeq` and `limit`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'kind', required: false, schema: queryList(KIND_OR_ACTION.source.slice(1, -1)), description: `Comma-separated: ${HISTORY_KINDS.join(', ')}, or an exact action (e.g. transition.refused).` })
  @ApiQuery({ name: 'from', required: false, schema: QUERY_DATE_TIME, description: 'ISO 8601 date-time with time zone; events at or after it.', example: '2026-03-01T00:00:00Z' })
  @ApiQuery({ name: 'to', required: false, schema: QUERY_DATE_TIME, description: 'ISO 8601 date-time with time zone; events at or before it.', example: '2026-04-01T00:00:00Z' })
  @ApiQuery({ name: 'afterSeq', required: false, schema: queryInt(0, Number.MAX_SAFE_INTEGER), description: 'Only events after this seq (the previous page’s nextAfterSeq).' })
  @ApiQuery({ name: 'limit', required: false, schema: queryInt(1, 1000), description: '1–1000, default 100.' })
  @ApiOkResponse({ type: HistoryPageDto })
  @ApiAuthedProblems(404)
  history(@Param('id', UuidParamPipe) id: string, @Query() q: HistoryQueryDto) {
    return this.auditor.history(id, { kinds: q.kind, from: q.from, to: q.to, afterSeq: q.afterSeq, limit: q.limit ?? 100 });
  }

  @Get('state')
  @Allow('audit.read')
  @ApiOperation({
    summary: 'The dossier as it was at a moment: phase, version, classification, evidence in force, waivers and the requirement evaluation `next` as it would have been shown then.',
    description:
      'Rebuilt from the dossier’s audit events alone (the prefix of its chain up to `at`, verified) and evaluated with the same code as ' +
      '`GET /dossiers/{id}`: the dossier’s own evaluation, as its owner then would fire each event — the same for every viewer, and ' +
      'what the owner saw. `viewer` is accepted for compatibility and no longer changes it (`asOf.viewer` names the owner). `caller` ' +
      'says what you may do. `asOf` says what it was rebuilt from, and lists any gap in the trail. 404 before the dossier ' +
      'existed; 409 (invalid-state) when its very first audit event is broken.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'at', required: true, schema: QUERY_DATE_TIME, description: 'ISO 8601 date-time with time zone, not in the future.', example: '2026-03-02T10:00:00Z' })
  @ApiQuery({ name: 'viewer', required: false, enum: ['caller', 'assignee'], description: 'Accepted for compatibility; the evaluation is the same for both (issue #11).' })
  @ApiOkResponse({ type: DossierStateDto })
  @ApiAuthedProblems(404, 409)
  state(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Query() q: StateQueryDto) {
    return this.auditor.stateAt(actor, id, q.at, q.viewer ?? 'caller');
  }

  @Get('flags')
  @Allow('audit.read')
  @ApiOperation({
    summary: 'What an auditor should look at in this dossier: back-dated evidence, reclassification just before a transition, advisory requirements passed with a token explanation, waivers approved within minutes.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiQuery({ name: 'kind', required: false, schema: queryList(FLAG_KINDS.join('|')), description: `Comma-separated: ${FLAG_KINDS.join(', ')}.` })
  @ApiQuery({ name: 'afterSeq', required: false, schema: queryInt(0, Number.MAX_SAFE_INTEGER), description: 'The `nextAfterSeq` of the previous page.' })
  @ApiQuery({ name: 'limit', required: false, schema: queryInt(1, 1000), description: '1–1000, default 1000.' })
  @ApiOkResponse({ type: DossierFlagsDto })
  @ApiAuthedProblems(404)
  async flags(@Param('id', UuidParamPipe) id: string, @Query() q: DossierFlagsQueryDto) {
    await this.auditor.assertDossier(id);
    const page = await this.auditor.flags({ dossierId: id, kinds: q.kind, afterSeq: q.afterSeq, limit: q.limit ?? 1000 });
    return { dossierId: id, items: page.items, nextAfterSeq: page.nextAfterSeq };
  }
}

/** Store-wide audit views: flags across dossiers and the streamed export. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditTrailController {
  constructor(
    @Inject(AuditorService) private readonly auditor: AuditorService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Get('flags')
  @Allow('audit.read')
  @ApiOperation({
    summary: 'Flags across all dossiers (or one), ordered by the audit event that raised them; page with afterSeq and limit.',
    description: 'A page ends at an event boundary, so it may hold a few more flags than `limit`.',
  })
  @ApiQuery({ name: 'dossierId', required: false, schema: QUERY_UUID, description: 'Only this dossier.' })
  @ApiQuery({ name: 'kind', required: false, schema: queryList(FLAG_KINDS.join('|')), description: `Comma-separated: ${FLAG_KINDS.join(', ')}.` })
  @ApiQuery({ name: 'afterSeq', required: false, schema: queryInt(0, Number.MAX_SAFE_INTEGER) })
  @ApiQuery({ name: 'limit', required: false, schema: queryInt(1, 1000), description: '1–1000, default 100.' })
  @ApiOkResponse({ type: FlagPageDto })
  @ApiAuthedProblems(404)
  async flags(@Query() q: FlagsQueryDto) {
    if (q.dossierId !== undefined) await this.auditor.assertDossier(q.dossierId);
    return this.auditor.flags({ dossierId: q.dossierId, kinds: q.kind, afterSeq: q.afterSeq, limit: q.limit ?? 100 });
  }

  @Get('export')
  @Allow('audit.export')
  @ApiOperation({
    summary: 'Export the audit trail (everything, or one dossier) as JSON Lines or CSV, streamed in seq order.',
    description:
      'JSON Lines: one canonical event per line, verifiable offline with scripts/verify-audit-export.mjs (docs/audit-format.md). CSV is ' +
      'for reading in Excel with Dutch settings (UTF-8 with BOM, `;`, CR LF, Dutch headers, a formula guard); verify the JSON Lines file, not a CSV.',
  })
  @ApiQuery({ name: 'format', required: false, enum: EXPORT_FORMATS, description: 'Default jsonl.' })
  @ApiQuery({ name: 'dossierId', required: false, schema: QUERY_UUID, description: 'Only this dossier’s stream (verifiable on its own).' })
  @ApiProduces(EXPORT_CONTENT_TYPES.jsonl, EXPORT_CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'The export, streamed (chunked).',
    content: {
      'application/x-ndjson': { schema: { type: 'string', example: '{"action":"dossier.created",…,"workflowVersion":"2021"}\n' } },
      'text/csv': { schema: { type: 'string', example: '\uFEFFvolgnummer;stroom;volgnummer in stroom;…\r\n' } },
    },
  })
  @ApiAuthedProblems(404)
  async export(@Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    if (q.dossierId !== undefined && !(await this.audit.dossierExists(q.dossierId))) throw DomainError.notFound('Dossier', q.dossierId);
    await sendAuditExport(res, this.audit, q.format ?? 'jsonl', q.dossierId);
  }
}

/**
 * The audit trail (or one dossier's stream) as a download, streamed in seq order: waits while the client cannot keep
 * up, stops when it goes away.
 */
export async function sendAuditExport(res: Response, audit: AuditService, format: ExportFormat, dossierId?: string): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="kaderwijzer-audit-${dossierId ?? 'all'}.${format}"`);
  res.setHeader('Cache-Control', 'no-store');
  let closed = false;
  res.on('close', () => (closed = true));
  const chunks = exportChunks(audit.scanner, { format, filter: dossierId === undefined ? {} : { stream: dossierId } });
  try {
    for await (const chunk of chunks) {
      if (closed) break;
      if (!res.write(chunk)) await drained(res);
    }
    if (!closed) res.end();
  } catch (e) {
    if (!res.headersSent) throw e;
    res.destroy(e instanceof Error ? e : new Error(String(e))); // mid-stream: the client sees a broken transfer, never a partial file that looks whole
  }
}

/** Waits until the response can take more (or the client went away). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
