/** Query parameters of `GET /api/v1/dossiers/{id}/evidence` (src/common/query-dto.ts); OpenAPI declares them on the handler. */
import { EVIDENCE_KINDS, EvidenceKind } from '../../../../workflows/evidence';
import { QueryBool, QueryOneOf } from '../../../common';

const KIND_MESSAGE = `must be one of: ${EVIDENCE_KINDS.join(', ')}`;

export class EvidenceListQueryDto {
  @QueryOneOf(EVIDENCE_KINDS, { notSingle: KIND_MESSAGE }) kind?: EvidenceKind;
  @QueryBool({ notSingle: 'must be true or false' }) includeSuperseded?: boolean;
}
