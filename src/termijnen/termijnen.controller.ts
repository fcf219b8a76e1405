import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth';
import { ApiAuthedProblems } from '../common';
import { TERMIJN_QUERY_DOCS, TermijnDto, TermijnQueryDto } from './dto/termijn.dto';
import { TermijnenService } from './termijnen.service';

@ApiTags('termijnen')
@ApiBearerAuth()
@Controller('api/v1/termijnen')
export class TermijnenController {
  constructor(@Inject(TermijnenService) private readonly termijnen: TermijnenService) {}

  @Get()
  @Allow('termijn.read')
  @ApiOperation({
    summary: 'The last day of a statutory period, extended per the Algemene termijnenwet (art. 1, 2, 3), with every extension and its reason.',
    description:
      'The same function computes every legal timer of the engine. `aanvang` is the first day of the period; six weeks from Friday 18 April 2025 end unextended on Thursday 29 May 2025 (Hemelvaartsdag) and run to Monday 2 June 2025.',
  })
  // Decorators apply bottom-up: listed here in reverse so the document shows aanvang, then duur.
  @ApiQuery({ name: 'duur', required: true, schema: { type: 'string', pattern: TERMIJN_QUERY_DOCS.duur.pattern, maxLength: 6 }, description: TERMIJN_QUERY_DOCS.duur.description, example: TERMIJN_QUERY_DOCS.duur.example })
  @ApiQuery({ name: 'aanvang', required: true, schema: { type: 'string', format: 'date', maxLength: 10 }, ...TERMIJN_QUERY_DOCS.aanvang })
  @ApiOkResponse({ type: TermijnDto })
  @ApiAuthedProblems()
  get(@Query() q: TermijnQueryDto): TermijnDto {
    return this.termijnen.bereken(q.aanvang, q.duur);
  }
}
