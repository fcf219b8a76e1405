import { Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { compareVersions, WorkflowRegistry } from '../../workflows/registry';
import { Allow } from '../auth';
import { DomainError, UuidParamPipe } from '../common';
import { DossiersService } from '../dossiers';
import { MigrateDossierDto, MigrationsService } from '../workflow-migrations';
import { ctxOf, send, stringValues, validateDto } from './dossiers.pages';
import { queryValue } from './form';
import { nlRefusal, validationErrors } from './messages';
import { migrationPage, MigrationPageData } from './views/migration';
import { WebController, WebRequest } from './web.guard';

/** A teamleider moves a dossier to a newer version of its kader, after reading the dry run's report (issue #16). */
@WebController('teamleider/overzetten')
export class MigrationPagesController {
  constructor(
    @Inject(MigrationsService) private readonly migrations: MigrationsService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(WorkflowRegistry) private readonly registry: WorkflowRegistry,
  ) {}

  /** The page: the dossier, the newer active versions, and the dry run for the chosen one. */
  private async data(req: WebRequest, id: string, wanted: string | undefined, extra: Partial<MigrationPageData> = {}): Promise<MigrationPageData> {
    const dossier = await this.dossiers.get(req.actor!, id);
    const targets = this.registry
      .versionsOf(dossier.workflow.id)
      .map((w) => w.definition.version)
      .filter((v) => compareVersions(v, dossier.workflow.version) > 0 && this.registry.status({ id: dossier.workflow.id, version: v }) === 'active');
    const target = wanted && targets.includes(wanted) ? wanted : (targets.at(-1) ?? null);
    if (!target) return { dossier, targets, target: null, report: null, ...extra };
    try {
      const dry = await this.migrations.migrate(req.actor!, id, { targetVersion: target, expectedVersion: dossier.version, reason: 'proefrun', dryRun: true });
      return { dossier, targets, target, report: dry.report, ...extra };
    } catch (e) {
      if (!(e instanceof DomainError) || e.code === 'not-found') throw e;
      return { dossier, targets, target, report: null, refusal: e.nl ?? nlRefusal(e), ...extra };
    }
  }

  @Get(':id')
  @Allow('workflow.migrate')
  async page(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    send(res, migrationPage(ctxOf(req), await this.data(req, id, queryValue(req, 'naar'))));
  }

  @Post(':id')
  @Allow('workflow.migrate')
  async move(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const values = stringValues(req);
    try {
      const dto = await validateDto(MigrateDossierDto, {
        targetVersion: values.targetVersion ?? '',
        expectedVersion: /^\d+$/.test(values.expectedVersion ?? '') ? Number(values.expectedVersion) : values.expectedVersion,
        reason: values.reason ?? '',
        dryRun: false,
      });
      await this.migrations.migrate(req.actor!, id, dto);
      res.redirect(303, `/dossiers/${id}`);
    } catch (e) {
      const errors = validationErrors(e);
      if (errors) return send(res, migrationPage(ctxOf(req), await this.data(req, id, values.targetVersion, { errors, values })), 400);
      if (e instanceof DomainError && e.code !== 'not-found') {
        const text = e.nl ?? nlRefusal(e);
        return send(res, migrationPage(ctxOf(req), await this.data(req, id, values.targetVersion, { message: { type: 'error', text } })), e.code === 'forbidden' ? 403 : 409);
      }
      throw e;
    }
  }
}
