import { Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { addDays, isIsoDate } from '../../workflows/dates';
import { AuditService } from '../audit';
import { AuditorService, sendAuditExport } from '../auditor';
import { Allow, may } from '../auth';
import { Clock, DomainError, UuidParamPipe } from '../common';
import { amsterdamStartOfDay } from '../compliance';
import { DossiersService, TransitionsService } from '../dossiers';
import { UsersService } from '../users';
import { ctxOf, PAGE_SIZE, send } from './dossiers.pages';
import { queryValue } from './form';
import { historyPage, HistoryPageData, TransitionAttempt } from './views/history';
import { WebController, WebRequest } from './web.guard';

const HISTORY_PAGE = 50;

@WebController('dossiers')
export class HistoryPagesController {
  constructor(
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(TransitionsService) private readonly transitions: TransitionsService,
    @Inject(AuditorService) private readonly auditor: AuditorService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private async data(req: WebRequest, id: string, verify: HistoryPageData['verify'] = null): Promise<HistoryPageData> {
    const actor = req.actor!;
    const auditReader = may(actor.roles, 'audit.read');
    const [view, users] = await Promise.all([this.dossiers.get(actor, id), this.users.listUsers()]);
    const na = Number(queryValue(req, 'na') ?? 0);
    const after = Number.isInteger(na) && na >= 0 ? na : 0;
    let entries: HistoryPageData['entries'] = null;
    let attempts: TransitionAttempt[] | null = null;
    let nextAfterSeq: number | null = null;
    let flags: HistoryPageData['flags'] = null;
    let asOf: HistoryPageData['asOf'] = null;
    let asOfError: string | undefined;
    if (auditReader) {
      const page = await this.auditor.history(id, { limit: HISTORY_PAGE, afterSeq: after || undefined });
      entries = page.items;
      nextAfterSeq = page.nextAfterSeq;
      flags = await this.auditor.dossierFlags(id);
      const op = queryValue(req, 'op');
      if (op) {
        if (!isIsoDate(op)) asOfError = 'vul een geldige datum in (dag, maand en jaar)';
        else {
          // The end of that day in Amsterdam, or now when the day is today.
          const end = new Date(Math.min(Date.parse(amsterdamStartOfDay(addDays(op, 1))) - 1, this.clock.now().getTime())).toISOString();
          if (end < view.createdAt) asOfError = 'op die datum bestond het dossier nog niet';
          else asOf = { date: op, state: await this.auditor.stateAt(actor, id, end, 'assignee') };
        }
      }
    } else {
      const all = await this.transitions.history(id);
      attempts = all.slice(after, after + PAGE_SIZE);
      nextAfterSeq = after + PAGE_SIZE < all.length ? after + PAGE_SIZE : null;
    }
    return {
      view,
      names: new Map(users.map((u) => [u.id, u.name])),
      entries,
      attempts,
      nextAfterSeq,
      flags,
      asOf,
      asOfError,
      verify,
      canVerify: may(actor.roles, 'audit.verify'),
      canExport: may(actor.roles, 'audit.export'),
    };
  }

  @Get(':id/geschiedenis')
  @Allow('dossier.read')
  async history(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const d = await this.data(req, id);
    send(res, historyPage(ctxOf(req), d), d.asOfError ? 400 : 200);
  }

  @Post(':id/geschiedenis/controle')
  @Allow('audit.verify')
  async verify(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    if (!(await this.audit.dossierExists(id))) throw DomainError.notFound('Dossier', id);
    const r = await this.audit.verify({ dossierId: id });
    const broken = r.firstBroken ? `gebeurtenis ${r.firstBroken.seq} (${r.firstBroken.reason})` : undefined;
    send(res, historyPage(ctxOf(req), await this.data(req, id, { ok: r.ok, checked: r.checked, broken })));
  }

  @Get(':id/export')
  @Allow('audit.export')
  async export(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const format = queryValue(req, 'format') === 'csv' ? 'csv' : 'jsonl';
    if (!(await this.audit.dossierExists(id))) throw DomainError.notFound('Dossier', id);
    await sendAuditExport(res, this.audit, format, id);
  }
}
