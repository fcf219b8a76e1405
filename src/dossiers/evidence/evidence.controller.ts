import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_KINDS } from '../../../workflows/evidence';
import { Allow, CurrentActor } from '../../auth';
import { ActorContext, ApiAuthedProblems, UuidParamPipe } from '../../common';
import { EvidenceBodyDto, EvidenceRecordDto, EVIDENCE_DTO_MODELS, parseEvidenceBody } from './dto';
import { EvidenceListQueryDto } from './dto/evidence-query.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('evidence')
@ApiBearerAuth()
@ApiExtraModels(...EVIDENCE_DTO_MODELS)
@Controller('api/v1/dossiers/:id/evidence')
export class EvidenceController {
  constructor(@Inject(EvidenceService) private readonly evidence: EvidenceService) {}

  @Post()
  @Allow('evidence.record', 'evidence.record-ps-side')
  @ApiOperation({
    summary: 'Record an evidence record (vastlegging). Immutable: a correction names the record it `supersedes`.',
    description:
      'The beleidsmedewerker assigned to the dossier records any kind; the griffie records PS-side evidence only. ' +
      '`data` is validated strictly per `kind` (and per procedure `stap`): unknown fields are refused.',
  })
  @ApiBody({ type: EvidenceBodyDto })
  @ApiCreatedResponse({ type: EvidenceRecordDto })
  @ApiAuthedProblems(404, 409, 413, 415)
  record(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: unknown) {
    return this.evidence.record(actor, id, parseEvidenceBody(body));
  }

  @Get()
  @Allow('dossier.read')
  @ApiOperation({ summary: 'The evidence of a dossier, in the order recorded.' })
  @ApiQuery({ name: 'kind', required: false, enum: EVIDENCE_KINDS })
  @ApiQuery({ name: 'includeSuperseded', required: false, type: Boolean, description: 'Default true: corrections show `supersededBy`.' })
  @ApiOkResponse({ type: [EvidenceRecordDto] })
  @ApiAuthedProblems(404)
  list(@Param('id', UuidParamPipe) id: string, @Query() q: EvidenceListQueryDto) {
    return this.evidence.list(id, { kind: q.kind, includeSuperseded: q.includeSuperseded ?? true });
  }
}
