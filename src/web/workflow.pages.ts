import { Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DEFAULT_WORKFLOW_ID, WorkflowRegistry } from '../../workflows/registry';
import { Allow } from '../auth';
import { DomainError, UuidParamPipe } from '../common';
import { DossiersService } from '../dossiers';
import { ctxOf, send } from './dossiers.pages';
import { chartOf } from './statechart';
import { workflowPage } from './views/workflow';
import { WebController, WebRequest } from './web.guard';

@WebController()
export class WorkflowPagesController {
  constructor(
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
  ) {}

  @Get('werkstroom')
  @Allow('workflow.read')
  async workflow(@Req() req: WebRequest, @Res() res: Response) {
    const w = this.registry.latest(DEFAULT_WORKFLOW_ID);
    if (!w) throw DomainError.notFound('Workflow', DEFAULT_WORKFLOW_ID);
    send(res, workflowPage(ctxOf(req), { def: w.definition, chart: await chartOf(w.machine, w.definition) }));
  }

  @Get('dossiers/:id/werkstroom')
  @Allow('dossier.read')
  async dossierWorkflow(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const view = await this.dossiers.get(req.actor!, id);
    const w = this.registry.get(view.workflow);
    if (!w) throw DomainError.notFound('Workflow', `${view.workflow.id}@${view.workflow.version}`);
    send(res, workflowPage(ctxOf(req), { def: w.definition, chart: await chartOf(w.machine, w.definition), dossier: { id, title: view.title, phase: view.phase } }));
  }
}
