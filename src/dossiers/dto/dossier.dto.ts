import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  BESLUITTYPES,
  BESLUITVORMERS,
  Besluittype,
  Besluitvormer,
  HERKOMSTEN,
  Herkomst,
  INSTRUMENT_TYPES,
  InstrumentType,
  PHASE_IDS,
  FINAL_STATES,
  DossierState,
} from '../../../workflows/evidence';
import { DossierVersion, NonBlankString, OptionalIn, OptionalString, OptionalUuid } from '../../common';

/** A workflow version named in a request: `{ "id": "drenthe-verbindend-besturen", "version": "2021" }`. */
export class WorkflowRefInputDto {
  @ApiProperty({ maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]{0,99}$', example: 'drenthe-verbindend-besturen' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'must be a workflow id: lowercase letters, digits and dashes, at most 100' })
  id!: string;

  @ApiProperty({ maxLength: 32, pattern: '^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$', example: '2021' })
  @IsString()
  @Matches(/^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/, { message: 'must be a workflow version: letters, digits, dots and dashes, at most 32' })
  version!: string;
}

export class CreateDossierDto {
  @ApiProperty({ example: 'Regionale Energiestrategie Drenthe 2.0', minLength: 1, maxLength: 300 })
  @NonBlankString(1, 300, 'must not be blank')
  title!: string;

  @ApiProperty({ description: 'Strategic topic (domain-brief G1-03): a startnotitie with participatieparagraaf is then required (G2-01).' })
  @IsBoolean()
  strategisch!: boolean;

  @OptionalString(10000, { description: 'One-line motivation of the strategisch flag (G1-03).' })
  strategischMotivatie?: string;

  @ApiProperty({ enum: BESLUITVORMERS, description: 'Provisional decision-maker (G1-04).' })
  @IsIn(BESLUITVORMERS)
  besluitvormer!: Besluitvormer;

  @OptionalIn(BESLUITTYPES)
  besluittype?: Besluittype;

  @OptionalIn(INSTRUMENT_TYPES)
  instrumentType?: InstrumentType;

  @OptionalIn(HERKOMSTEN, { description: 'Origin of the dossier (G1-01).' })
  herkomst?: Herkomst;

  @OptionalString(300)
  herkomstBron?: string;

  @OptionalUuid({ description: 'The beleidsmedewerker it is assigned to; defaults to the creator.' })
  assigneeId?: string;

  @ApiPropertyOptional({
    type: WorkflowRefInputDto,
    description: 'The workflow version to start under: an active one (GET /api/v1/workflows). Default: the newest active version.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WorkflowRefInputDto)
  workflow?: WorkflowRefInputDto;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class ListDossiersQueryDto {
  @OptionalIn([...PHASE_IDS, ...FINAL_STATES])
  phase?: DossierState;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  strategisch?: boolean;

  @OptionalIn(BESLUITVORMERS)
  besluitvormer?: Besluitvormer;

  @OptionalUuid()
  assigneeId?: string;

  @OptionalString(200, { description: 'Case-insensitive search in the title.' })
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  offset?: number;
}

export class AssignDossierDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assigneeId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  @DossierVersion()
  expectedVersion!: number;
}
