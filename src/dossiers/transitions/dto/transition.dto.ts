import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsObject,
  IsOptional,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { DOSSIER_EVENTS, DossierEventType } from '../../../../workflows/facts';
import { DossierVersion, NonBlankString } from '../../../common';

const REQUIREMENT_ID = /^(X-0[1-5]|G[1-6]-\d{2})$/;

/** `{ "G1-05": "explanation", … }`: at most 60 entries, known id shapes, each 1–10000 characters. */
function IsExplanationMap() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isExplanationMap',
      target: object.constructor,
      propertyName,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value as Record<string, unknown>);
          return (
            entries.length <= 60 &&
            entries.every(([k, v]) => REQUIREMENT_ID.test(k) && typeof v === 'string' && v.trim().length > 0 && v.length <= 10000)
          );
        },
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must map requirement ids (e.g. "G1-05") to non-empty explanations of at most 10000 characters`,
      },
    });
}

export class FireTransitionDto {
  @ApiProperty({ enum: DOSSIER_EVENTS })
  @IsIn(DOSSIER_EVENTS)
  event!: DossierEventType;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The dossier `version` you read; a stale one gives 409 …/version-conflict.' })
  @DossierVersion()
  expectedVersion!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 10000, description: 'Required for RETURN and WITHDRAW (domain-brief X-05).' })
  @ValidateIf((o: FireTransitionDto) => o.event === 'RETURN' || o.event === 'WITHDRAW' || o.reason !== undefined)
  @NonBlankString(1, 10000, 'reason must not be blank')
  reason?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', maxLength: 10000 },
    maxProperties: 60,
    example: { 'G1-05': 'Aankondiging volgt via de nieuwsbrief van maart; website-tekst is in de maak.' },
    description:
      'Comply or explain: an explanation of at least 20 characters for each unmet advisory requirement (ids from `explanationsRequired` of the event in `events`). ' +
      'A shorter one, or one for a requirement that needs none, is a 400 naming `explanations.<id>`; nothing is written.',
  })
  @IsOptional()
  @IsObject()
  @IsExplanationMap()
  explanations?: Record<string, string>;
}
