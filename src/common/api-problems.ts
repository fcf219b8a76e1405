import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'data.participatieparagraaf.doel' })
  field!: string;
  @ApiProperty({ example: 'must not be empty' })
  message!: string;
}

/** RFC 9457 problem details, as every error of the API is sent (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://kaderwijzer.nl/problems/validation-failed', description: 'Ends in the error code.' })
  type!: string;
  @ApiProperty({ example: 'The request is not valid' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiProperty({ example: 'The request is not valid.' })
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
  @ApiProperty({ enum: ['hard-unmet', 'waiver-required', 'explanation-required'] }) blockReason!: string;
  @ApiProperty({ example: { nl: 'Startnotitie met participatieparagraaf', en: 'Startnotitie with participation section' } })
  label!: { nl: string; en: string };
  @ApiProperty({ example: { nl: 'Ontbreekt: …', en: 'Missing: …' } }) explanation!: { nl: string; en: string };
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
  409: 'Conflict: version-conflict, event-not-allowed, invalid-state, waiver-conflict or evidence-conflict.',
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
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** The usual set for an authenticated endpoint: 400, 401, 403, 429. */
export const ApiAuthedProblems = (...more: number[]) => ApiProblems(400, 401, 403, 429, ...more);
