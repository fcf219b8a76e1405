import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'data.participatieparagraaf.doel' })
  field!: string;
  @ApiProperty({
    example: 'Vastgesteld door GS op moet een bestaande datum zijn in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-03-02).',
    description: 'In Dutch, naming the field as the user knows it; in English (without the field name) for `Accept-Language: en`.',
  })
  message!: string;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://kaderwijzer.nl/problems/validation-failed', description: 'Ends in the error code.' })
  type!: string;
  @ApiProperty({ example: 'De aanvraag is niet geldig', description: 'In Dutch, or English for `Accept-Language: en` (see `Content-Language`).' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiProperty({ example: 'Eén veld van de aanvraag klopt niet; zie errors.', description: 'In Dutch, or English for `Accept-Language: en`.' })
  detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/dossiers' })
  instance?: string;
  @ApiPropertyOptional({ description: 'The X-Request-Id of the request; quote it in a report.' })
  requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'validation-failed: one entry per invalid field.' })
  errors?: FieldErrorDto[];
}

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

export class RequirementsUnmetProblemDto extends ProblemDetailsDto {
  @ApiProperty({ example: 'ontwikkeling-voorstel' }) to!: string;
  @ApiProperty({ type: [UnmetRequirementDto] }) unmetRequirements!: UnmetRequirementDto[];
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

/** Document problem+json responses for the given statuses. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto, FieldErrorDto, RequirementsUnmetProblemDto, UnmetRequirementDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        headers: { 'Content-Language': { description: 'nl (the default) or en (`Accept-Language: en`).', schema: { type: 'string', enum: ['nl', 'en'] } } },
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** The usual set for an authenticated endpoint: 400, 401, 403, 429. */
export const ApiAuthedProblems = (...more: number[]) => ApiProblems(400, 401, 403, 429, ...more);
