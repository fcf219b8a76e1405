import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { INSTRUMENTS } from '../../workflows/drenthe-verbindend-besturen/instruments';
import { PHASES } from '../../workflows/drenthe-verbindend-besturen/phases';
import { TIMERS } from '../../workflows/drenthe-verbindend-besturen/timers';
import { transitionTable } from '../../workflows/machine';
import { WorkflowRegistry } from '../../workflows/registry';
import { Allow } from '../auth';
import { ApiAuthedProblems, DomainError } from '../common';
import { WORKFLOW_STATUSES } from '../../workflows/registry';

const WORKFLOW_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const WORKFLOW_VERSION = /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/;
const WORKFLOW_ID_SCHEMA = { type: 'string', maxLength: 100, pattern: WORKFLOW_ID.source, example: 'drenthe-verbindend-besturen' } as const;
const WORKFLOW_VERSION_SCHEMA = { type: 'string', maxLength: 32, pattern: WORKFLOW_VERSION.source, example: '2021' } as const;

/** A workflow definition as data: phases, events, instrument catalogue, requirements with origin, timers. */
export function describeWorkflow(registry: WorkflowRegistry, id: string, version: string) {
  const w = registry.get({ id, version });
  if (!w) throw DomainError.notFound('Workflow', `${id}@${version}`);
  const def = w.definition;
  return {
    id: def.id,
    version: def.version,
    status: registry.status(def) ?? 'retired',
    title: def.title,
    source: def.source,
    phases: PHASES.map((p) => ({ ...p, guardedBy: def.advanceGuardedBy[p.id] })),
    transitions: transitionTable(w.machine),
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
  @ApiOperation({
    summary: 'The workflow versions this service knows, oldest first, with their status.',
    description:
      '`active`: new dossiers may start under it and running ones may move to it; `retired`: its dossiers keep running under it. ' +
      'The deployment decides (config `workflows.versions`). `default` marks the version new dossiers start under: the newest active one.',
  })
  @ApiOkResponse({
    schema: {
      type: 'array',
      maxItems: 100,
      description: 'The workflow versions built into this release.',
      items: {
        type: 'object',
        required: ['id', 'version', 'title', 'status', 'default'],
        properties: {
          id: WORKFLOW_ID_SCHEMA,
          version: WORKFLOW_VERSION_SCHEMA,
          title: { type: 'object', required: ['nl', 'en'], properties: { nl: { type: 'string', maxLength: 300, pattern: '^[\\s\\S]*$' }, en: { type: 'string', maxLength: 300, pattern: '^[\\s\\S]*$' } } },
          status: { type: 'string', enum: [...WORKFLOW_STATUSES] },
          default: { type: 'boolean', description: 'New dossiers of this workflow start under this version.' },
        },
      },
    },
  })
  @ApiAuthedProblems()
  list() {
    const ids = [...new Set(this.registry.list().map((w) => w.definition.id))].sort();
    return ids.flatMap((id) => {
      const start = this.registry.latestActive(id);
      return this.registry.versionsOf(id).map((w) => ({
        id: w.definition.id,
        version: w.definition.version,
        title: w.definition.title,
        status: this.registry.status(w.definition) ?? 'retired',
        default: w === start,
      }));
    });
  }

  @Get(':id/:version')
  @Allow('workflow.read')
  @ApiOperation({ summary: 'One workflow version: phases, transitions, instrument catalogue, the requirements with their origin, timers.' })
  @ApiOkResponse({ schema: { type: 'object' } })
  @ApiAuthedProblems(404)
  @ApiParam({ name: 'id', schema: WORKFLOW_ID_SCHEMA })
  @ApiParam({ name: 'version', schema: WORKFLOW_VERSION_SCHEMA })
  get(@Param('id') id: string, @Param('version') version: string) {
    const errors = [
      ...(WORKFLOW_ID.test(id) ? [] : [{ field: 'path.id', message: 'must be a workflow id: lowercase letters, digits and dashes, at most 100' }]),
      ...(WORKFLOW_VERSION.test(version) ? [] : [{ field: 'path.version', message: 'must be a workflow version: letters, digits, dots and dashes, at most 32' }]),
    ];
    if (errors.length) throw DomainError.validation(errors);
    return describeWorkflow(this.registry, id, version);
  }
}
