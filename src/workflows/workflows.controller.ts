import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INSTRUMENTS } from '../../workflows/drenthe-verbindend-besturen/instruments';
import { PHASES } from '../../workflows/drenthe-verbindend-besturen/phases';
import { TIMERS } from '../../workflows/drenthe-verbindend-besturen/timers';
import { WorkflowRegistry } from '../../workflows/registry';
import { Allow } from '../auth/auth.decorators';
import { ApiAuthedProblems } from '../common/api-problems';
import { DomainError } from '../common/domain-error';

/** A workflow definition as data: phases, events, instrument catalogue, requirements with origin, timers. */
export function describeWorkflow(registry: WorkflowRegistry, id: string, version: string) {
  const w = registry.get({ id, version });
  if (!w) throw DomainError.notFound('Workflow', `${id}@${version}`);
  const def = w.definition;
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    source: def.source,
    phases: PHASES.map((p) => ({ ...p, guardedBy: def.advanceGuardedBy[p.id] })),
    transitions: def.transitions,
    settings: def.settings,
    requirements: def.requirements.map((r) => ({
      id: r.id,
      transition: r.transition,
      events: r.events,
      label: r.label,
      rule: r.rule,
      severity: r.severity,
      waivable: r.waivable,
      origin: r.origin,
      appliesWhen: r.appliesWhen.description,
    })),
    instruments: INSTRUMENTS,
    timers: TIMERS,
  };
}

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('api/v1/workflows')
export class WorkflowsController {
  constructor(@Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry) {}

  @Get()
  @Allow('workflow.read')
  @ApiOperation({ summary: 'The workflow versions this service knows.' })
  @ApiOkResponse({ schema: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' }, title: { type: 'object' } } } } })
  @ApiAuthedProblems()
  list() {
    return this.registry.list().map((w) => ({ id: w.definition.id, version: w.definition.version, title: w.definition.title }));
  }

  @Get(':id/:version')
  @Allow('workflow.read')
  @ApiOperation({ summary: 'One workflow version: phases, transitions, instrument catalogue, the requirements with their origin, timers.' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiAuthedProblems(404)
  get(@Param('id') id: string, @Param('version') version: string) {
    return describeWorkflow(this.registry, id, version);
  }
}
