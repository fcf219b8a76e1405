import { Get, Inject, Param, Post, Req, Res, Type } from '@nestjs/common';
import type { Response } from 'express';
import { amsterdamDate } from '../../workflows/facts';
import { AccessLog } from '../audit';
import { Allow, may } from '../auth';
import { ActorContext, Clock, DomainError, FieldError, strictValidationPipe, UuidParamPipe } from '../common';
import { ComplianceService } from '../compliance';
import { CreateDossierDto, DossiersService, DossierView, EvidenceService, FireTransitionDto, parseEvidenceBody, RequestWaiverDto, TransitionsService, WaiversService } from '../dossiers';
import { UsersService } from '../users';
import { bodyFromForm, EvidenceForm, evidenceForm, fieldForError, formForRecord, formFromRecord } from './evidence-forms';
import { formOf, queryValue } from './form';
import { nlMessage, nlRefusal, validationErrors } from './messages';
import { dossierPage, DossierPageData } from './views/dossier';
import { dossierListPage } from './views/dossier-list';
import { evidenceFormPage, NEW_DOSSIER_FIELDS, newDossierPage } from './views/forms';
import { PageContext } from './views/layout';
import { WebController, WebRequest } from './web.guard';

export const PAGE_SIZE = 25;

/** The page context of a request (set by WebGuard). */
export function ctxOf(req: WebRequest): PageContext {
  return { session: req.webSession ?? null, path: req.path };
}

export function send(res: Response, body: string, status = 200): void {
  res.status(status).setHeader('Cache-Control', 'no-store');
  res.type('html').send(body);
}

/** Validate a body with an API DTO, as the API's global pipe does: the same rules, the same field names. */
export async function validateDto<T>(dto: Type<T>, body: Record<string, unknown>): Promise<T> {
  return (await strictValidationPipe().transform(body, { type: 'body', metatype: dto })) as T;
}

/** The form's string values (first of repeated names). */
export function stringValues(req: WebRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(formOf(req))) if (k !== '_csrf') out[k] = Array.isArray(v) ? (v[0] ?? '') : v;
  return out;
}

export function offsetOf(req: WebRequest): number {
  const o = Number(queryValue(req, 'offset') ?? 0);
  return Number.isInteger(o) && o >= 0 && o <= 1_000_000_000 ? o : 0;
}

const MESSAGES: Record<string, string> = {
  aangemaakt: 'Het dossier is aangemaakt.',
  vastgelegd: 'De vastlegging is opgeslagen.',
  gecorrigeerd: 'De correctie is opgeslagen.',
  ADVANCE: 'Het dossier is naar de volgende fase gegaan.',
  RETURN: 'Het dossier is teruggezet naar de vorige fase.',
  WITHDRAW: 'Het dossier is ingetrokken.',
  NEW_CYCLE: 'Het dossier is afgesloten en een nieuwe cyclus is gestart; dit is het nieuwe dossier.',
  ontheffing: 'De ontheffing is aangevraagd; een teamleider beslist erover.',
  toegewezen: 'Het dossier is toegewezen.',
};

@WebController('dossiers')
export class DossierPagesController {
  constructor(
    @Inject(DossiersService) private readonly dossiers: DossiersService,
    @Inject(EvidenceService) private readonly evidence: EvidenceService,
    @Inject(TransitionsService) private readonly transitions: TransitionsService,
    @Inject(WaiversService) private readonly waivers: WaiversService,
    @Inject(ComplianceService) private readonly compliance: ComplianceService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AccessLog) private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @Allow('compliance.read')
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const actor = req.actor!;
    const mine = actor.roles.includes('beleidsmedewerker');
    const offset = offsetOf(req);
    const page = await this.compliance.list(
      { owner: mine ? actor.id : undefined, sort: 'phase', order: 'asc', limit: PAGE_SIZE + 1, offset, withTotal: true },
      amsterdamDate(this.clock.now()),
    );
    const items = page.items.slice(0, PAGE_SIZE);
    send(
      res,
      dossierListPage(ctxOf(req), {
        mine,
        items,
        total: page.total,
        offset,
        limit: PAGE_SIZE,
        hasNext: page.items.length > PAGE_SIZE,
        canCreate: may(actor.roles, 'dossier.create'),
        message: MESSAGES[queryValue(req, 'melding') ?? ''],
      }),
    );
  }

  @Get('nieuw')
  @Allow('dossier.create')
  newForm(@Req() req: WebRequest, @Res() res: Response) {
    send(res, newDossierPage(ctxOf(req), {}, []));
  }

  @Post('nieuw')
  @Allow('dossier.create')
  async create(@Req() req: WebRequest, @Res() res: Response) {
    const values = stringValues(req);
    const body: Record<string, unknown> = {};
    for (const spec of NEW_DOSSIER_FIELDS) {
      const v = (values[spec.name] ?? '').trim();
      if (spec.type === 'bool') {
        if (v) body[spec.name] = v === 'ja' ? true : v === 'nee' ? false : v;
      } else if (v || spec.name === 'title') body[spec.name] = v;
    }
    try {
      const dto = await validateDto(CreateDossierDto, body);
      const view = await this.dossiers.create(req.actor!, dto);
      res.redirect(303, `/dossiers/${view.id}?melding=aangemaakt`);
    } catch (e) {
      const errors = validationErrors(e);
      if (!errors) throw e;
      const known = new Set(NEW_DOSSIER_FIELDS.map((f) => f.name));
      send(res, newDossierPage(ctxOf(req), values, errors.map((x) => (known.has(x.field) ? x : { ...x, field: 'title' }))), 400);
    }
  }

  private async pageData(actor: ActorContext, id: string, view?: DossierView): Promise<DossierPageData> {
    const [v, evidence, waivers, users] = await Promise.all([
      view ? Promise.resolve(view) : this.dossiers.get(actor, id),
      this.evidence.list(id),
      this.waivers.list(id),
      this.users.listUsers(),
    ]);
    return {
      view: v,
      evidence,
      waivers,
      names: new Map(users.map((u) => [u.id, u.name])),
      owner: may(actor.roles, 'transition.fire') && v.assigneeId === actor.id,
      psSide: may(actor.roles, 'evidence.record-ps-side'),
      canReadAudit: may(actor.roles, 'audit.read'),
    };
  }

  @Get(':id')
  @Allow('dossier.read')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const data = await this.pageData(req.actor!, id);
    const melding = MESSAGES[queryValue(req, 'melding') ?? ''];
    send(res, dossierPage(ctxOf(req), { ...data, message: melding ? { type: 'ok', text: melding } : null }));
  }

  @Post(':id/overgang')
  @Allow('transition.fire')
  async fire(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const values = stringValues(req);
    const event = values.event ?? '';
    const explanations: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (k.startsWith('uitleg-') && v.trim()) explanations[k.slice(7)] = v.trim();
    const reason = (values[`reason-${event}`] ?? '').trim();
    const body: Record<string, unknown> = { event, expectedVersion: /^\d+$/.test(values.expectedVersion ?? '') ? Number(values.expectedVersion) : values.expectedVersion };
    if (Object.keys(explanations).length) body.explanations = explanations;
    if (reason) body.reason = reason;
    try {
      const dto = await validateDto(FireTransitionDto, body);
      const result = await this.transitions.fire(req.actor!, id, dto);
      const target = result.followUpDossierId ?? id;
      res.redirect(303, `/dossiers/${target}?melding=${event}`);
    } catch (e) {
      await this.accessLog.refused(req, e);
      const data = await this.pageData(req.actor!, id);
      const errors = validationErrors(e);
      if (errors) {
        const mapped = errors.map((x) =>
          x.field === 'reason' ? { ...x, field: `reason-${event}`, message: x.message === 'vul dit in' ? 'geef een reden' : x.message } : x,
        );
        const placed = mapped.filter((x) => x.field.startsWith('reason-') || x.field.startsWith('uitleg-'));
        const message = mapped.length > placed.length ? { type: 'error' as const, text: mapped.filter((x) => !placed.includes(x)).map((x) => `${x.field}: ${x.message}`).join('; ') } : null;
        return send(res, dossierPage(ctxOf(req), { ...data, errors: placed, values, message }), 400);
      }
      if (e instanceof DomainError && e.code === 'requirements-unmet') {
        const unmet = (e.details.unmetRequirements as NonNullable<DossierPageData['refusal']>['unmet']) ?? [];
        const errs: FieldError[] = unmet
          .filter((u) => u.blockReason === 'explanation-required')
          .map((u) => ({ field: `uitleg-${u.id}`, message: `leg uit waarom ${u.id} niet is gevolgd` }));
        return send(res, dossierPage(ctxOf(req), { ...data, refusal: { event, unmet }, errors: errs, values }), 409);
      }
      if (e instanceof DomainError && e.code !== 'not-found') {
        return send(res, dossierPage(ctxOf(req), { ...data, values, message: { type: 'error', text: nlRefusal(e) } }), e.code === 'forbidden' ? 403 : 409);
      }
      throw e;
    }
  }

  @Post(':id/ontheffing')
  @Allow('waiver.request')
  async requestWaiver(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const values = stringValues(req);
    const body = { requirementId: values.requirementId ?? '', reasonCode: values.reasonCode ?? '', motivation: values.motivation ?? '' };
    try {
      const dto = await validateDto(RequestWaiverDto, body);
      await this.waivers.request(req.actor!, id, dto);
      res.redirect(303, `/dossiers/${id}?melding=ontheffing#ontheffingen`);
    } catch (e) {
      await this.accessLog.refused(req, e);
      const data = await this.pageData(req.actor!, id);
      const errors = validationErrors(e);
      if (errors) return send(res, dossierPage(ctxOf(req), { ...data, errors, values }), 400);
      if (e instanceof DomainError && e.code !== 'not-found')
        return send(res, dossierPage(ctxOf(req), { ...data, values, message: { type: 'error', text: nlRefusal(e) } }), e.code === 'forbidden' ? 403 : 409);
      throw e;
    }
  }

  private async formFor(req: WebRequest, id: string): Promise<{ form: EvidenceForm; supersedes?: string; prefill: Record<string, string> }> {
    const vervangt = queryValue(req, 'vervangt');
    if (vervangt) {
      const record = (await this.evidence.list(id)).find((r) => r.id === vervangt);
      const form = record ? formForRecord(record) : undefined;
      if (!record || !form) throw DomainError.notFound('Evidence', vervangt);
      return { form, supersedes: record.id, prefill: formFromRecord(form, record) };
    }
    const form = evidenceForm(queryValue(req, 'soort') ?? '');
    if (!form) throw DomainError.notFound('Form', queryValue(req, 'soort') ?? '');
    return { form, prefill: {} };
  }

  @Get(':id/vastleggen')
  @Allow('evidence.record', 'evidence.record-ps-side')
  async evidenceForm(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const dossier = await this.dossiers.get(req.actor!, id);
    const { form, supersedes, prefill } = await this.formFor(req, id);
    const notice = req.actor!.roles.includes('beleidsmedewerker') ? undefined : 'De griffie legt alleen vast wat aan de kant van PS gebeurt: commissiebehandeling, agenderingsrecht, activiteiten en besluiten van PS.';
    send(res, evidenceFormPage(ctxOf(req), { dossier, form, values: prefill, errors: [], supersedes, notice }));
  }

  @Post(':id/vastleggen')
  @Allow('evidence.record', 'evidence.record-ps-side')
  async recordEvidence(@Req() req: WebRequest, @Res() res: Response, @Param('id', UuidParamPipe) id: string) {
    const { form, supersedes } = await this.formFor(req, id);
    const values = stringValues(req);
    try {
      const parsed = parseEvidenceBody(bodyFromForm(form, values, supersedes));
      await this.evidence.record(req.actor!, id, parsed);
      res.redirect(303, `/dossiers/${id}?melding=${supersedes ? 'gecorrigeerd' : 'vastgelegd'}#vastleggingen`);
    } catch (e) {
      await this.accessLog.refused(req, e);
      const errors = validationErrors(e);
      const dossier = await this.dossiers.get(req.actor!, id);
      if (errors) {
        const placed = errors.map((x) => {
          const field = fieldForError(form, x);
          const rest = x.field.replace(/^body\.?/, '').slice(field.length).replace(/^\./, '');
          const where = rest.replace(/^\[(\d+)\]\.?/, (_m, i: string) => `regel ${Number(i) + 1}${rest.includes('].') ? ', ' : ''}`);
          return { field, message: where && field !== x.field ? `${where}: ${nlMessage(x.message)}` : x.message };
        });
        return send(res, evidenceFormPage(ctxOf(req), { dossier, form, values, errors: placed, supersedes }), 400);
      }
      if (e instanceof DomainError && e.code !== 'not-found')
        return send(res, evidenceFormPage(ctxOf(req), { dossier, form, values, errors: [{ field: form.fields[0].name, message: nlRefusal(e) }], supersedes }), e.code === 'forbidden' ? 403 : 409);
      throw e;
    }
  }
}
