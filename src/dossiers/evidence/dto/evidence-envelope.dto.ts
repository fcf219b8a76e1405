/**
 * The envelope of `POST /api/v1/dossiers/{id}/evidence` and of the evidence record returned, for
 * validation (`EvidenceBodyDto`, used by parseEvidenceBody) and for the OpenAPI document. `data` is
 * documented as `oneOf` the kind DTOs; which one applies follows from `kind` (and, for `procedure`,
 * from `data.stap`).
 */
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { EVIDENCE_KINDS } from '../../../../workflows/evidence';
import type { EvidenceDataByKind, EvidenceKind } from '../../../../workflows/evidence';
import { API_DATE, API_UUID, IsoDate, OneOf } from './api-schema';
import {
  AankondigingDto,
  ActiviteitDataDto,
  BesluitDataDto,
  BesluitParticipatieverklaringDto,
  CheckvraagDataDto,
  ClassificatieDataDto,
  DocumentDataDto,
  EvaluatieplanDto,
  GeplandInstrumentDto,
  LeerpuntenDataDto,
  LeerpuntenRecordDataDto,
  NiveauToewijzingDto,
  ParticipatieparagraafPlanDto,
  ParticipatieverslagDto,
  PublicatieDataDto,
  TerugkoppelingDataDto,
} from './evidence-data.dto';
import { PROCEDURE_DATA_DTOS } from './procedure-data.dto';
import { IsJsonObject, IsUuid, OptionalOrNull } from './validators';

/** The DTO of each kind's data, except `procedure`, whose DTO depends on `data.stap` (PROCEDURE_DATA_DTOS). */
export const EVIDENCE_DATA_DTOS = {
  classificatie: ClassificatieDataDto,
  document: DocumentDataDto,
  activiteit: ActiviteitDataDto,
  publicatie: PublicatieDataDto,
  besluit: BesluitDataDto,
  checkvraag: CheckvraagDataDto,
  terugkoppeling: TerugkoppelingDataDto,
  leerpunten: LeerpuntenDataDto,
} as const satisfies { [K in Exclude<EvidenceKind, 'procedure'>]: new () => EvidenceDataByKind[K] };

/** Every alternative of `data`, in the order of EVIDENCE_KINDS. */
export const EVIDENCE_DATA_MODELS = [
  ClassificatieDataDto,
  DocumentDataDto,
  ActiviteitDataDto,
  PublicatieDataDto,
  BesluitDataDto,
  CheckvraagDataDto,
  ...Object.values(PROCEDURE_DATA_DTOS),
  TerugkoppelingDataDto,
  LeerpuntenDataDto,
] as const;

/**
 * The models to register with Swagger (`@ApiExtraModels(...EVIDENCE_DTO_MODELS)` or
 * `SwaggerModule.createDocument(app, config, { extraModels: [...EVIDENCE_DTO_MODELS] })`): every `data`
 * alternative and the nested objects they use. EvidenceBodyDto and EvidenceRecordDto register them too.
 */
export const EVIDENCE_DTO_MODELS = [
  ...EVIDENCE_DATA_MODELS,
  ParticipatieparagraafPlanDto,
  NiveauToewijzingDto,
  GeplandInstrumentDto,
  ParticipatieverslagDto,
  EvaluatieplanDto,
  AankondigingDto,
  BesluitParticipatieverklaringDto,
  LeerpuntenRecordDataDto,
] as const;

const DATA_ONE_OF = EVIDENCE_DATA_MODELS.map((model) => ({ $ref: getSchemaPath(model) }));
/** As returned, leerpunten may carry `overgenomenUit` (set by NEW_CYCLE). */
const RECORD_DATA_ONE_OF = EVIDENCE_DATA_MODELS.map((model) => ({
  $ref: getSchemaPath(model === LeerpuntenDataDto ? LeerpuntenRecordDataDto : model),
}));
const DATA_DESCRIPTION =
  'De gegevens van de vastlegging; de vorm hangt af van `kind` (bij `procedure` van `data.stap`). ' +
  'Onbekende velden worden geweigerd.';

/** Body of `POST /api/v1/dossiers/{id}/evidence`. */
@ApiExtraModels(...EVIDENCE_DTO_MODELS)
export class EvidenceBodyDto {
  @OneOf(EVIDENCE_KINDS, { enumName: 'EvidenceKind', example: 'document' })
  kind!: EvidenceKind;

  @IsoDate({ description: 'De kalenderdatum waarop het plaatsvond (Europe/Amsterdam).' })
  occurredOn!: string;

  @ApiPropertyOptional({
    ...API_UUID,
    nullable: true,
    description: 'Id van de vastlegging die deze corrigeert; die blijft bewaard maar is niet meer van kracht.',
  })
  @OptionalOrNull()
  @IsUuid()
  supersedes?: string | null;

  @ApiProperty({
    oneOf: DATA_ONE_OF,
    description: DATA_DESCRIPTION,
    example: { documentType: 'startnotitie', titel: 'Startnotitie Regionale Energiestrategie Drenthe', kenmerk: '2026-123' },
  })
  @IsJsonObject()
  data!: Record<string, unknown>;
}

/** One evidence record as returned by the API. */
@ApiExtraModels(...EVIDENCE_DTO_MODELS)
export class EvidenceRecordDto {
  @ApiProperty(API_UUID)
  id!: string;

  @ApiProperty({ type: String, example: '8d0e6f7a-2b1c-4d3e-9f8a-7b6c5d4e3f2a' })
  dossierId!: string;

  @ApiProperty({ enum: [...EVIDENCE_KINDS], enumName: 'EvidenceKind', example: 'document' })
  kind!: EvidenceKind;

  @ApiProperty({ ...API_DATE, description: 'De kalenderdatum waarop het plaatsvond (Europe/Amsterdam).' })
  occurredOn!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Moment van vastleggen (UTC).', example: '2026-03-02T14:05:12.000Z' })
  recordedAt!: string;

  @ApiProperty({ type: String, description: 'Id van de gebruiker die vastlegde.', example: '7d2e9b40-1c3a-4f5e-8a6b-9c0d1e2f3a4b' })
  recordedBy!: string;

  @ApiProperty({ ...API_UUID, nullable: true, description: 'Id van de vastlegging die deze corrigeert.', example: null })
  supersedes!: string | null;

  @ApiProperty({
    ...API_UUID,
    nullable: true,
    description: 'Id van de latere vastlegging die deze corrigeert; `null` zolang deze van kracht is.',
    example: null,
  })
  supersededBy!: string | null;

  @ApiProperty({ oneOf: RECORD_DATA_ONE_OF, description: 'De gegevens van de vastlegging; de vorm hangt af van `kind`.' })
  data!: EvidenceDataByKind[EvidenceKind];
}
