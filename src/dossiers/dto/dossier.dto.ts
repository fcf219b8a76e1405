import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
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

const NOT_BLANK = /\S/;

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
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @Matches(NOT_BLANK, { message: 'must not be blank' })
  title!: string;

  @ApiProperty({ description: 'Strategic topic (domain-brief G1-03): a startnotitie with participatieparagraaf is then required (G2-01).' })
  @IsBoolean()
  strategisch!: boolean;

  @ApiPropertyOptional({ maxLength: 10000, pattern: '^[\\s\\S]*$', description: 'One-line motivation of the strategisch flag (G1-03).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  strategischMotivatie?: string;

  @ApiProperty({ enum: BESLUITVORMERS, description: 'Provisional decision-maker (G1-04).' })
  @IsIn(BESLUITVORMERS)
  besluitvormer!: Besluitvormer;

  @ApiPropertyOptional({ enum: BESLUITTYPES })
  @IsOptional()
  @IsIn(BESLUITTYPES)
  besluittype?: Besluittype;

  @ApiPropertyOptional({ enum: INSTRUMENT_TYPES })
  @IsOptional()
  @IsIn(INSTRUMENT_TYPES)
  instrumentType?: InstrumentType;

  @ApiPropertyOptional({ enum: HERKOMSTEN, description: 'Origin of the dossier (G1-01).' })
  @IsOptional()
  @IsIn(HERKOMSTEN)
  herkomst?: Herkomst;

  @ApiPropertyOptional({ maxLength: 300, pattern: '^[\\s\\S]*$' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  herkomstBron?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The beleidsmedewerker it is assigned to; defaults to the creator.' })
  @IsOptional()
  @IsUUID()
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
  @ApiPropertyOptional({ enum: [...PHASE_IDS, ...FINAL_STATES] })
  @IsOptional()
  @IsIn([...PHASE_IDS, ...FINAL_STATES])
  phase?: DossierState;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  strategisch?: boolean;

  @ApiPropertyOptional({ enum: BESLUITVORMERS })
  @IsOptional()
  @IsIn(BESLUITVORMERS)
  besluitvormer?: Besluitvormer;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ maxLength: 200, pattern: '^[\\s\\S]*$', description: 'Case-insensitive search in the title.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedVersion!: number;
}
