/** Query parameters of `GET /api/v1/audit/verify` (src/common/query-dto.ts); OpenAPI declares them on the handler. */
import { QueryCheck, QueryInt, QueryText, QueryUuid } from '../../common';
import { AnchorError, parseAnchorLine } from '../anchor';
import { QUERY_STREAM } from '../query-params';

/** The most heads one answer lists. */
export const MAX_HEADS = 1000;
const STREAM_RE = new RegExp(QUERY_STREAM.pattern!);

function anchorProblem(line: string | undefined): string | null {
  if (line === undefined) return null;
  try {
    parseAnchorLine(line);
    return null;
  } catch (e) {
    if (!(e instanceof AnchorError)) throw e;
    return 'moet een ankerregel zijn: kaderwijzer-anchor v1 <tijdstip> <digest> <aantal streams>';
  }
}

export class VerifyQueryDto {
  @QueryUuid() dossierId?: string;
  @QueryInt(1, MAX_HEADS) headsLimit?: number;
  @QueryText(36)
  @QueryCheck<VerifyQueryDto>((q) => (q.headsAfter !== undefined && !STREAM_RE.test(q.headsAfter) ? 'moet een stream zijn: een dossier-id (UUID) of system' : null))
  headsAfter?: string;
  @QueryText(300)
  @QueryCheck<VerifyQueryDto>((q) => (q.since !== undefined && q.dossierId !== undefined ? 'kan niet samen met dossierId' : null))
  @QueryCheck<VerifyQueryDto>((q) => anchorProblem(q.since))
  since?: string;
}
