import { Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { amsterdamDate } from '../../workflows/facts';
import { AccessLog } from '../audit';
import { Allow } from '../auth';
import { Clock, DomainError, FieldError, UuidParamPipe } from '../common';
import { ComplianceService } from '../compliance';
import { AssignDossierDto, DecideWaiverDto, DossiersService, WaiversService } from '../dossiers';
import { UsersService } from '../users';
import { ctxOf, offsetOf, PAGE_SIZE, send, stringValues, validateDto } from './dossiers.pages';
import { queryValue } from './form';
import { nlRefusal, validationErrors } from './messages';
import { teamPage, TeamPageData } from './views/team';
import { WebController, WebRequest } from './web.guard';

const uuidPipe = new UuidParamPipe();
const MESSAGES: Record<string, string> = {
  goedgekeurd: 'De ontheffing is goedgekeurd.',
  afgewezen: 'De ontheffing is afgewezen.',
  toegewezen: 'Het dossier is toegewezen.',
};

@WebController('teamleider')
export class TeamPagesController {
  constructor(
    @Inject(WaiversService) private readonly waivers: WaiversService,
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  private async data(req: WebRequest, extra: Partial<TeamPageData> = {}): Promise<TeamPageData> {
    const today = amsterdamDate(this.clock.now());
    const inboxOffset = offsetOf(req);
    const dossierOffset = Number(queryValue(req, 'dossiers') ?? 0) || 0;
    const [inbox, dossiers, users] = await Promise.all([
      this.compliance.waivers({ status: 'requested', limit: PAGE_SIZE, offset: inboxOffset }, today),
      this.compliance.list({ sort: 'title', order: 'asc', limit: PAGE_SIZE + 1, offset: dossierOffset }, today),
      this.users.listUsers(),
    ]);
    return {
      inbox: inbox.items,
      inboxTotal: inbox.total,
      inboxOffset,
      dossiers: dossiers.items.slice(0, PAGE_SIZE),
      dossierOffset,
      dossierHasNext: dossiers.items.length > PAGE_SIZE,
      officers: users.filter((u) => u.roles.includes('beleidsmedewerker') && !u.disabledAt).map((u) => ({ id: u.id, name: u.name })),
      limit: PAGE_SIZE,
      ...extra,
    };
  }

  @Get()
  @Allow('waiver.decide', 'dossier.assign')
  async page(@Req() req: WebRequest, @Res() res: Response) {
    const m = MESSAGES[queryValue(req, 'melding') ?? ''];
    send(res, teamPage(ctxOf(req), await this.data(req, { message: m ? { type: 'ok', text: m } : null })));
  }

  @Post('ontheffingen/:dossierId/:waiverId')
  @Allow('waiver.decide')
  async decide(@Req() req: WebRequest, @Res() res: Response, @Param('dossierId') rawDossier: string, @Param('waiverId') rawWaiver: string) {
    const dossierId = uuidPipe.transform(rawDossier, { type: 'param', data: 'dossierId' });
    const waiverId = uuidPipe.transform(rawWaiver, { type: 'param', data: 'waiverId' });
    const values = stringValues(req);
    const field = `note-${waiverId}`;
    const note = (values[field] ?? '').trim();
    try {
      if (!note) throw DomainError.validation([{ field, message: 'geef een motivering voor uw besluit' }]);
      const dto = await validateDto(DecideWaiverDto, { decision: values.decision ?? '', note });
      await this.waivers.decide(req.actor!, dossierId, waiverId, dto);
      res.redirect(303, `/teamleider?melding=${dto.decision === 'approve' ? 'goedgekeurd' : 'afgewezen'}`);
    } catch (e) {
      await this.accessLog.refused(req, e);
      const errors = validationErrors(e);
      if (errors) {
        const placed: FieldError[] = errors.map((x) => (x.field === 'note' || x.field === field ? { ...x, field } : { field, message: `besluit: ${x.message}` }));
        return send(res, teamPage(ctxOf(req), await this.data(req, { errors: placed, values, errorWaiver: waiverId })), 400);
      }
      if (e instanceof DomainError && e.code !== 'not-found')
        return send(res, teamPage(ctxOf(req), await this.data(req, { message: { type: 'error', text: nlRefusal(e) } })), e.code === 'forbidden' ? 403 : 409);
      throw e;
    }
  }

  @Post('toewijzing/:id')
  @Allow('dossier.assign')
  async assign(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const values = stringValues(req);
    try {
      const dto = await validateDto(AssignDossierDto, {
        assigneeId: values.assigneeId ?? '',
        expectedVersion: /^\d+$/.test(values.expectedVersion ?? '') ? Number(values.expectedVersion) : values.expectedVersion,
      });
      await this.dossiers.assign(req.actor!, id, dto.assigneeId, dto.expectedVersion);
      res.redirect(303, '/teamleider?melding=toegewezen#toewijzen');
    } catch (e) {
      const errors = validationErrors(e);
      const text = errors ? `Toewijzen lukte niet: ${errors.map((x) => x.message).join('; ')}` : e instanceof DomainError && e.code !== 'not-found' ? nlRefusal(e) : null;
      if (!text) throw e;
      return send(res, teamPage(ctxOf(req), await this.data(req, { message: { type: 'error', text } })), errors ? 400 : 409);
    }
  }
}
