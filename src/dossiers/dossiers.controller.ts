import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth';
import { ActorContext, ApiAuthedProblems, UuidParamPipe } from '../common';
import { DossiersService } from './dossiers.service';
import { AssignDossierDto, CreateDossierDto, ListDossiersQueryDto } from './dto/dossier.dto';
import { DossierPageDto, DossierViewDto } from './dto/dossier-view.dto';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  @Post()
  @Allow('dossier.create')
  @ApiOperation({ summary: 'Create a dossier in voorfase-agendasetting, pinned to the newest workflow version.' })
  @ApiCreatedResponse({ type: DossierViewDto })
  @ApiAuthedProblems(413, 415)
  create(@CurrentActor() actor: ActorContext, @Body() body: CreateDossierDto) {
    return this.dossiers.create(actor, body);
  }

  @Get()
  @Allow('dossier.read')
  @ApiOperation({ summary: 'List dossiers (filters, pagination; newest first).' })
  @ApiOkResponse({ type: DossierPageDto })
  @ApiAuthedProblems()
  list(@Query() q: ListDossiersQueryDto) {
    return this.dossiers.list({ ...q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  @Get(':id')
  @Allow('dossier.read')
  @ApiOperation({
    summary:
      'The dossier with its phase, classification and owner; what every accepted event needs now (`events`, `next` = ADVANCE), evaluated as its owner would fire it — the same for every viewer; and what you may do (`caller`).',
  })
  @ApiOkResponse({ type: DossierViewDto })
  @ApiAuthedProblems(404)
  get(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string) {
    return this.dossiers.get(actor, id);
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @Allow('dossier.assign')
  @ApiOperation({ summary: 'Assign the dossier to a beleidsmedewerker (teamleider).' })
  @ApiOkResponse({ type: DossierViewDto })
  @ApiAuthedProblems(404, 409)
  assign(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: AssignDossierDto) {
    return this.dossiers.assign(actor, id, body.assigneeId, body.expectedVersion);
  }
}
