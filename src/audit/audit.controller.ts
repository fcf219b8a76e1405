import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor, may } from '../auth';
import { ActorContext, ApiAuthedProblems, DomainError } from '../common';
import { QUERY_STREAM, QUERY_UUID, queryInt, queryText } from './query-params';
import { AnchorCheck } from './anchor';
import { AuditService } from './audit.service';
import { SYSTEM_STREAM } from './canonical-event';
import { VerifyResult } from './chain-verifier';
import { MAX_HEADS, VerifyQueryDto } from './dto/verify-query.dto';

/** The most heads one answer lists (`headsLimit`). */

/** The first broken event (docs/audit-format.md section 5). */
class BrokenEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty() stream!: string;
  @ApiProperty() streamSeq!: number;
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch', 'stream-seq-gap', 'seq-order'] }) reason!: string;
  @ApiProperty() expected!: string;
  @ApiProperty() found!: string;
}
class StreamHeadDto {
  @ApiProperty() stream!: string;
  @ApiProperty() streamSeq!: number;
  @ApiProperty() hash!: string;
}
/** The anchored heads, checked by `?since=` (docs/audit-format.md section 8.1). */
class SinceCheckDto {
  @ApiProperty({ description: 'Every anchored head is still in the store, unchanged.' }) ok!: boolean;
  @ApiProperty({ description: 'The time in the anchor line.' }) at!: string;
  @ApiProperty({ description: 'Streams the anchor pins.' }) streams!: number;
  @ApiPropertyOptional({ enum: ['head-missing', 'head-changed'] }) reason?: string;
  @ApiPropertyOptional() stream?: string;
  @ApiPropertyOptional() streamSeq?: number;
  @ApiPropertyOptional() seq?: number;
  @ApiPropertyOptional() expected?: string;
  @ApiPropertyOptional() found?: string;
}
class VerifyResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events verified intact (up to the first broken one); with `since`, only those appended after the anchor.' }) checked!: number;
  @ApiProperty() streams!: number;
  @ApiProperty({
    type: [StreamHeadDto],
    description: `Last intact event per stream, by stream, at most \`headsLimit\` (default ${MAX_HEADS}). For a role that reads no dossiers (beheerder) only the \`system\` stream.`,
  })
  heads!: StreamHeadDto[];
  @ApiProperty({ nullable: true, type: String, description: 'More heads follow: pass as `headsAfter` for the next page (the verification runs again). Null on the last page.' })
  nextHeadsAfter!: string | null;
  @ApiPropertyOptional({ type: BrokenEventDto }) firstBroken?: BrokenEventDto;
  @ApiPropertyOptional({ type: SinceCheckDto }) since?: SinceCheckDto;
}

/** What a role that may not read dossiers sees of a stream: `system` as it is, any dossier's stream not by its id. */
const HIDDEN_STREAM = '(dossier)';

/** `GET /api/v1/audit/verify`: the chain check anyone with a token may run. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get('verify')
  @Allow('audit.verify')
  @ApiOperation({
    summary: 'Verify the hash chains of the whole store, of one dossier, or what was appended after an anchor (docs/audit-format.md sections 5 and 8.1).',
    description:
      'Reads every event in seq order and stops at the first broken one: `checked` counts the intact events before it and `firstBroken` ' +
      'names it (seq, stream, streamSeq, reason, expected and found). `heads` are the last intact event of each stream. With `since` ' +
      '(an anchor line printed by `audit:anchor`), only the events appended after the anchor are verified, and `since` says whether ' +
      'every head the anchor pins is still in the store unchanged. A role that reads no dossiers (beheerder) is not shown dossier ids.',
  })
  @ApiQuery({ name: 'dossierId', required: false, schema: QUERY_UUID, description: 'Verify only this dossier’s stream.' })
  @ApiQuery({
    name: 'since',
    required: false,
    schema: queryText(300),
    description: 'An anchor line, `kaderwijzer-anchor v1 <at> <digest> <streams>`, taken with `audit:anchor` on this store. Not with `dossierId`.',
  })
  @ApiQuery({ name: 'headsLimit', required: false, schema: queryInt(1, MAX_HEADS), description: `Heads per answer (default ${MAX_HEADS}).` })
  @ApiQuery({ name: 'headsAfter', required: false, schema: QUERY_STREAM, description: 'The `nextHeadsAfter` of the previous answer: list the heads of the streams after this one.' })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiAuthedProblems(404)
  async verify(@CurrentActor() actor: ActorContext, @Query() query: VerifyQueryDto) {
    const { dossierId, headsAfter, since: sinceLine } = query;
    const headsLimit = query.headsLimit ?? MAX_HEADS;
    const readsDossiers = may(actor.roles, 'dossier.read');
    if (dossierId !== undefined && !readsDossiers) {
      throw new DomainError('forbidden', 'Your role does not read dossiers: verify the whole store instead.', { requiredActions: ['dossier.read'] }, 'Uw rol leest geen dossiers: controleer de hele opslag.');
    }
    let r: VerifyResult & { since?: AnchorCheck };
    if (sinceLine !== undefined) {
      const anchor = await this.audit.storedAnchor(sinceLine);
      if (anchor === null) {
        const digest = sinceLine.trim().split(/\s+/)[3];
        throw new DomainError(
          'not-found',
          `This store did not take anchor ${digest} (audit:anchor keeps the heads of the anchors it takes); verify with the anchor file on the command line.`,
          { resource: 'Anchor', id: digest },
          `Dit anker (${digest}) is niet in deze opslag genomen (audit:anchor bewaart de heads van de ankers die het neemt); controleer met het ankerbestand op de opdrachtregel.`,
        );
      }
      r = await this.audit.verifySince(anchor);
    } else {
      if (dossierId !== undefined && !(await this.audit.dossierExists(dossierId))) throw DomainError.notFound('Dossier', dossierId);
      r = await this.audit.verify({ dossierId });
    }
    const shown = (stream: string) => (readsDossiers || stream === SYSTEM_STREAM ? stream : HIDDEN_STREAM);
    return {
      ok: r.ok,
      checked: r.checked,
      streams: r.streams,
      ...headsPage(readsDossiers ? r.heads : r.heads.filter((h) => h.stream === SYSTEM_STREAM), headsAfter, headsLimit),
      ...(r.firstBroken ? { firstBroken: { ...r.firstBroken, stream: shown(r.firstBroken.stream) } } : {}),
      ...(r.since ? { since: r.since.stream === undefined ? r.since : { ...r.since, stream: shown(r.since.stream) } } : {}),
    };
  }
}


/** The heads after `after` (they come sorted by stream), at most `limit` of them, and where the next page starts. */
function headsPage<H extends { stream: string }>(all: H[], after: string | undefined, limit: number): { heads: H[]; nextHeadsAfter: string | null } {
  const rest = after === undefined ? all : all.filter((h) => h.stream > after);
  const heads = rest.slice(0, limit);
  return { heads, nextHeadsAfter: rest.length > limit ? heads[heads.length - 1].stream : null };
}
