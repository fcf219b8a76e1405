import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/auth.decorators';
import { ApiAuthedProblems } from '../common/api-problems';
import { DomainError } from '../common/domain-error';
import { AuditService } from './audit.service';

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

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get('verify')
  @Allow('audit.verify')
  @ApiOperation({ summary: 'Verify the hash chains of the whole store, or of one dossier (docs/audit-format.md).' })
  @ApiQuery({ name: 'dossierId', required: false, description: 'Verify only this dossier’s stream.' })
  @ApiOkResponse({ type: VerifyResultDto })
  @ApiAuthedProblems()
  async verify(@Query() query: Record<string, unknown>) {
    const extra = Object.keys(query).filter((k) => k !== 'dossierId');
    if (extra.length) throw DomainError.validation(extra.map((k) => ({ field: `query.${k}`, message: 'is not allowed' })));
    const dossierId = query.dossierId;
    if (dossierId !== undefined && (typeof dossierId !== 'string' || !UUID_RE.test(dossierId)))
      throw DomainError.validation([{ field: 'query.dossierId', message: 'must be a UUID' }]);
    const r = await this.audit.verify({ dossierId: dossierId });
    return { ok: r.ok, checked: r.checked, streams: r.streams, heads: r.heads, ...(r.firstBroken ? { firstBroken: r.firstBroken } : {}) };
  }
}
