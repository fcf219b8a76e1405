import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse } from '@nestjs/swagger';

/** An unmet requirement in a requirements-unmet problem; src/openapi/problems.ts refers to this schema by name. */
export class UnmetRequirementDto {
  @ApiProperty({ example: 'G2-01' }) id!: string;
  @ApiProperty({ enum: ['hard', 'advisory'] }) severity!: string;
  @ApiProperty() waivable!: boolean;
  @ApiProperty({
    enum: ['evidence-required', 'evidence-or-waiver', 'explanation-required'],
    description:
      '`evidence-required`: hard, not waivable — record the evidence. `evidence-or-waiver`: hard and waivable — the evidence still satisfies it, or an approved waiver lets it pass. `explanation-required`: advisory — comply, or explain.',
  })
  blockReason!: string;
  @ApiProperty({ example: { nl: 'Startnotitie met participatieparagraaf', en: 'Startnotitie with participation section' } })
  label!: { nl: string; en: string };
  @ApiProperty({ example: { nl: 'Ontbreekt: …', en: 'Missing: …' } }) explanation!: { nl: string; en: string };
  @ApiProperty({ example: { nl: 'Leg vast wat G2-01 vraagt; dat is genoeg. …', en: 'Record what G2-01 asks for; that is enough. …' }, description: 'What to do.' })
  toPass!: { nl: string; en: string };
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input (validation-failed, malformed-json): nothing was changed; `errors` names each field.',
  401: 'No valid bearer token (unauthenticated).',
  403: 'Your role may not do this, or the dossier is not assigned to you (forbidden). Audited.',
  404: 'Not found.',
  409: 'Conflict: version-conflict, event-not-allowed, invalid-state, waiver-conflict, evidence-conflict or limit-reached.',
  413: 'The body is larger than the configured limit (payload-too-large).',
  415: 'The body is not application/json (unsupported-media-type).',
  422: 'The requirement cannot be waived (waiver-not-allowed).',
  429: 'Rate limit exceeded (rate-limited).',
};

/**
 * Document problem+json responses for the given statuses: why each can happen. The body schema is set for
 * every problem response in one place (src/openapi/document.ts).
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(UnmetRequirementDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        headers: { 'Content-Language': { description: 'nl (the default) or en (`Accept-Language: en`).', schema: { type: 'string', enum: ['nl', 'en'] } } },
      }),
    ),
  );
}

/** The usual set for an authenticated endpoint: 400, 401, 403, 429. */
export const ApiAuthedProblems = (...more: number[]) => ApiProblems(400, 401, 403, 429, ...more);
