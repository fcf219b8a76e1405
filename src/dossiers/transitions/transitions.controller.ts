import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../../auth';
import { ActorContext, ApiAuthedProblems, MAX_HISTORY_PAGE, SeqPageQueryDto, UuidParamPipe } from '../../common';
import { TransitionHistoryPageDto, TransitionResultDto } from '../dto/dossier-view.dto';
import { FireTransitionDto } from './dto/transition.dto';
import { TransitionsService } from './transitions.service';

@ApiTags('transitions')
@ApiBearerAuth()
@Controller('api/v1/dossiers/:id/transitions')
export class TransitionsController {
  constructor(@Inject(TransitionsService) private readonly transitions: TransitionsService) {}

  @Post()
  @Allow('transition.fire')
  @ApiOperation({
    summary: 'Fire ADVANCE, RETURN, WITHDRAW or NEW_CYCLE.',
    description:
      'One database transaction. Unmet hard requirements block (409 …/requirements-unmet, audited); unmet advisory ones ' +
      'need an entry in `explanations`; unmet hard waivable ones need an approved waiver, which the transition uses up.',
  })
  @ApiCreatedResponse({ type: TransitionResultDto })
  @ApiConflictResponse({ description: 'requirements-unmet (with unmetRequirements), version-conflict, or event-not-allowed.' })
  @ApiAuthedProblems(404, 413, 415)
  fire(@CurrentActor() actor: ActorContext, @Param('id', UuidParamPipe) id: string, @Body() body: FireTransitionDto) {
    return this.transitions.fire(actor, id, body);
  }

  @Get()
  @Allow('dossier.read')
  @ApiOperation({ summary: 'The transition history: every attempt, done and refused, with the evaluation shown; a page at a time (`limit`, `afterSeq`).' })
  @ApiOkResponse({ type: TransitionHistoryPageDto })
  @ApiAuthedProblems(404)
  async history(@Param('id', UuidParamPipe) id: string, @Query() q: SeqPageQueryDto) {
    const limit = q.limit ?? MAX_HISTORY_PAGE;
    // One more than asked: whether there is a next page.
    const items = await this.transitions.history(id, { limit: limit + 1, afterSeq: q.afterSeq });
    const more = items.length > limit;
    return { dossierId: id, items: items.slice(0, limit), limit, nextAfterSeq: more ? items[limit - 1].seq : null };
  }
}
