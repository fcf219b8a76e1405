import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { ApiAuthedProblems } from '../common/api-problems';
import { DomainError } from '../common/domain-error';
import { AuditService } from './audit.service';
import { QueryReader } from './query';

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
class VerifyResultDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events verified intact (up to the first broken one).' }) checked!: number;
  @ApiProperty() streams!: number;
  @ApiProperty({ type: [StreamHeadDto] }) heads!: StreamHeadDto[];
  @ApiPropertyOptional({ type: BrokenEventDto }) firstBroken?: BrokenEventDto;
}

/** `GET /api/v1/audit/verify`: the chain check anyone with a token may run. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get('verify')
  @Allow('audit.verify')
  @ApiOperation({
    summary: 'Verify the hash chains of the whole store, or of one dossier (docs/audit-format.md section 5).',
    description:
      'Reads every event in seq order and stops at the first broken one: `checked` counts the intact events before it and `firstBroken` ' +
      'names it (seq, stream, streamSeq, reason, expected and found). `heads` are the last intact event of each stream.',
  })
  @ApiQuery({ name: 'dossierId', required: false, description: 'Verify only this dossier’s stream.' })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiAuthedProblems(404)
  async verify(@Query() query: Record<string, unknown>) {
    const q = new QueryReader(query, ['dossierId']);
    const dossierId = q.uuid('dossierId');
    q.done();
    if (dossierId !== undefined && !(await this.audit.dossierExists(dossierId))) throw DomainError.notFound('Dossier', dossierId);
    const r = await this.audit.verify({ dossierId });
    return { ok: r.ok, checked: r.checked, streams: r.streams, heads: r.heads, ...(r.firstBroken ? { firstBroken: r.firstBroken } : {}) };
  }
}
