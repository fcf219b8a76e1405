/** Query parameters of the auditor's endpoints (src/common/query-dto.ts); OpenAPI declares them on the handlers. */
import { EXPORT_FORMATS, ExportFormat, FLAG_KINDS, FlagKind } from '../../audit';
import { QueryCheck, QueryDateTime, QueryInt, QueryList, QueryOneOf, QueryUuid } from '../../common';
import { HISTORY_KINDS } from '../history';

export const KIND_OR_ACTION = new RegExp(`^(${HISTORY_KINDS.join('|')})(\\.[a-z][a-z-]*)?$`);
const isFlagKind = (k: string): k is FlagKind => (FLAG_KINDS as readonly string[]).includes(k);
const SEQ_MAX = Number.MAX_SAFE_INTEGER;

export class HistoryQueryDto {
  @QueryList((k) => KIND_OR_ACTION.test(k), `a kind (${HISTORY_KINDS.join(', ')}) or an action of one`) kind?: string[];
  @QueryDateTime() from?: string;
  @QueryDateTime()
  @QueryCheck<HistoryQueryDto>((q) => (q.from !== undefined && q.to !== undefined && q.from > q.to ? 'must not be before from' : null))
  to?: string;
  @QueryInt(0, SEQ_MAX) afterSeq?: number;
  @QueryInt(1, 1000) limit?: number;
}

export class StateQueryDto {
  @QueryDateTime()
  @QueryCheck<StateQueryDto>((q) => (q.at === undefined ? 'is required' : null))
  at!: string;
  @QueryOneOf(['caller', 'assignee']) viewer?: 'caller' | 'assignee';
}

export class DossierFlagsQueryDto {
  @QueryList(isFlagKind, `a flag kind (${FLAG_KINDS.join(', ')})`) kind?: FlagKind[];
  @QueryInt(0, SEQ_MAX) afterSeq?: number;
  @QueryInt(1, 1000) limit?: number;
}

export class FlagsQueryDto {
  @QueryUuid() dossierId?: string;
  @QueryList(isFlagKind, `a flag kind (${FLAG_KINDS.join(', ')})`) kind?: FlagKind[];
  @QueryInt(0, SEQ_MAX) afterSeq?: number;
  @QueryInt(1, 1000) limit?: number;
}

export class ExportQueryDto {
  @QueryOneOf(EXPORT_FORMATS) format?: ExportFormat;
  @QueryUuid() dossierId?: string;
}
