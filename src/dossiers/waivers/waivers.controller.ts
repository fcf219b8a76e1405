import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../../auth';
import { ActorContext, ApiAuthedProblems, UuidParamPipe } from '../../common';
import { DecideWaiverDto, RequestWaiverDto } from './dto/waiver.dto';
import { WaiversService } from './waivers.service';

class WaiverDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) dossierId!: string;
  @ApiProperty({ example: 'G2-01' }) requirementId!: string;
  @ApiProperty() reasonCode!: string;
  @ApiProperty() motivation!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The requester by name.' }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) approverId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The teamleider named as approver, by name.' }) approverName!: string | null;
  @ApiProperty({ enum: ['requested', 'approved', 'rejected', 'used'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who approved or rejected it, by name.' }) decidedByName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decisionNote!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) usedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Audit event of the transition that used it.' }) usedByEvent!: string | null;
}

@ApiTags('waivers')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:id/waivers')
export class WaiversController {
  constructor(@Inject(WaiversService) private readonly waivers: WaiversService) {}

  @Post()
  @Allow('waiver.request')
  @ApiOperation({ summary: 'Request a waiver of a hard, waivable requirement (domain-brief X-04). Law-derived ones: 422.' })
  @ApiCreatedResponse({ type: WaiverDto })
  @ApiAuthedProblems(404, 409, 422)
  request(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: RequestWaiverDto) {
    return this.waivers.request(actor, id, body);
  }

  @Post(':waiverId/decision')
  @HttpCode(200)
  @Allow('waiver.decide')
  @ApiOperation({ summary: 'Approve or reject a waiver: a teamleider other than the requester.' })
  @ApiOkResponse({ type: WaiverDto })
  @ApiAuthedProblems(404, 409)
  decide(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Param('waiverId', UuidParamPipe) waiverId: string, @Body() body: DecideWaiverDto) {
    return this.waivers.decide(actor, id, waiverId, body);
  }

  @Get()
  @Allow('dossier.read')
  @ApiOperation({ summary: 'The waivers of a dossier with requester, approver and use.' })
  @ApiOkResponse({ type: [WaiverDto] })
  @ApiAuthedProblems(404)
  list(@Param('id', UuidParamPipe) id: string) {
    return this.waivers.list(id);
  }
}
