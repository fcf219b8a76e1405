/**
 * `data` of a `procedure` record: one DTO per `stap`, the discriminant of `ProcedureData` in
 * workflows/evidence.ts. `PROCEDURE_DATA_DTOS` maps each stap to its DTO and is checked against the
 * union at compile time, so a new stap without a DTO does not compile.
 */
import { ApiProperty } from '@nestjs/swagger';
import { EVALUATIETYPES } from '../../../../workflows/evidence';
import type { Evaluatietype, ProcedureData, ProcedureStap } from '../../../../workflows/evidence';
import { API_COUNT, API_DATE, API_LONG_TEXT, API_PRB_ID, API_SHORT_TEXT } from './api-schema';
import type { SameShape } from './evidence-data.dto';
import {
  IsBool,
  IsCount,
  IsIntegerBetween,
  IsIsoDate,
  IsLongText,
  IsOneOf,
  IsPattern,
  IsShortText,
  OptionalProperty,
  PRB_ID_PATTERN,
} from './validators';

type StapData<S extends ProcedureStap> = Extract<ProcedureData, { stap: S }>;

const PRB_ID_MESSAGE = 'must be a Provinciaal blad id of the form prb-YYYY-N (e.g. prb-2026-1234)';

export const ZIENSWIJZE_VORMEN = ['schriftelijk', 'mondeling'] as const satisfies ReadonlyArray<
  StapData<'zienswijze'>['vorm']
>;
export const COMMISSIE_ONDERWERPEN = ['startnotitie', 'voorstel'] as const satisfies ReadonlyArray<
  StapData<'commissiebehandeling'>['onderwerp']
>;
export const WENSEN_PARTIJEN = ['PS', 'GS'] as const satisfies ReadonlyArray<StapData<'wensen-en-bedenkingen'>['partij']>;

/** The `stap` property of each DTO: a single allowed value. */
function stap(value: ProcedureStap): { enum: string[]; example: string } {
  return { enum: [value], example: value };
}

/** GS decide whether inspraak is given (Awb 3.4 / inspraakverordening, G2-09). */
export class ProcedureInspraakbesluitDto {
  @ApiProperty(stap('inspraakbesluit'))
  @IsOneOf(['inspraakbesluit'])
  stap!: 'inspraakbesluit';

  @ApiProperty({ example: true })
  @IsBool()
  inspraak!: boolean;

  @ApiProperty({ description: 'Uniforme openbare voorbereidingsprocedure (Awb afd. 3.4) van toepassing.', example: true })
  @IsBool()
  awb34VanToepassing!: boolean;

  @ApiProperty({ ...API_LONG_TEXT, example: 'Het ontwerp raakt veel inwoners; daarom wordt iedereen in de gelegenheid gesteld zienswijzen in te dienen.' })
  @IsLongText()
  motivering!: string;

  @OptionalProperty({ ...API_SHORT_TEXT, example: 'GS-besluitenlijst 2026-09, punt 4' })
  @IsShortText()
  gsBesluitKenmerk?: string;
}

export class ProcedureKennisgevingOntwerpDto {
  @ApiProperty(stap('kennisgeving-ontwerp'))
  @IsOneOf(['kennisgeving-ontwerp'])
  stap!: 'kennisgeving-ontwerp';

  @ApiProperty({ ...API_DATE, example: '2026-03-04' })
  @IsIsoDate()
  datum!: string;

  @ApiProperty(API_PRB_ID)
  @IsPattern(PRB_ID_PATTERN, PRB_ID_MESSAGE)
  prbId!: string;
}

export class ProcedureTerinzageleggingDto {
  @ApiProperty(stap('terinzagelegging'))
  @IsOneOf(['terinzagelegging'])
  stap!: 'terinzagelegging';

  @ApiProperty({ ...API_DATE, example: '2026-03-05' })
  @IsIsoDate()
  startOn!: string;

  @OptionalProperty({
    type: 'integer',
    minimum: 6,
    maximum: 52,
    description: 'Termijn in weken; standaard zes (Awb 3:16), een wet kan een langere termijn voorschrijven.',
    example: 6,
  })
  @IsIntegerBetween(6, 52)
  termijnWeken?: number;
}

export class ProcedureToezendingOntwerpDto {
  @ApiProperty(stap('toezending-ontwerp'))
  @IsOneOf(['toezending-ontwerp'])
  stap!: 'toezending-ontwerp';

  @OptionalProperty({ ...API_DATE, example: '2026-03-04' })
  @IsIsoDate()
  datum?: string;

  @OptionalProperty({ description: 'Er zijn geen geadresseerden aan wie het ontwerp moet worden toegezonden.', example: false })
  @IsBool()
  geenGeadresseerden?: boolean;
}

export class ProcedureZienswijzeDto {
  @ApiProperty(stap('zienswijze'))
  @IsOneOf(['zienswijze'])
  stap!: 'zienswijze';

  @ApiProperty({ ...API_DATE, example: '2026-04-02' })
  @IsIsoDate()
  ontvangenOn!: string;

  @ApiProperty({ ...API_SHORT_TEXT, description: 'Verwijzing naar de indiener (geen persoonsgegevens).', example: 'ZW-2026-017' })
  @IsShortText()
  indienerRef!: string;

  @ApiProperty({ enum: [...ZIENSWIJZE_VORMEN], example: 'schriftelijk' })
  @IsOneOf(ZIENSWIJZE_VORMEN)
  vorm!: 'schriftelijk' | 'mondeling';
}

export class ProcedureBesluitToegezondenIndienersDto {
  @ApiProperty(stap('besluit-toegezonden-indieners'))
  @IsOneOf(['besluit-toegezonden-indieners'])
  stap!: 'besluit-toegezonden-indieners';

  @ApiProperty({ ...API_DATE, example: '2026-06-15' })
  @IsIsoDate()
  datum!: string;

  @OptionalProperty({ ...API_LONG_TEXT, example: 'Meer dan 250 indieners; kennisgeving in het Provinciaal blad volstaat (Awb 3:44 lid 3).' })
  @IsLongText()
  vrijstelling?: string;
}

export class ProcedureKennisgevingBesluitDto {
  @ApiProperty(stap('kennisgeving-besluit'))
  @IsOneOf(['kennisgeving-besluit'])
  stap!: 'kennisgeving-besluit';

  @ApiProperty({ ...API_DATE, example: '2026-06-17' })
  @IsIsoDate()
  datum!: string;

  @OptionalProperty(API_PRB_ID)
  @IsPattern(PRB_ID_PATTERN, PRB_ID_MESSAGE)
  prbId?: string;
}

export class ProcedureKennisgevingParticipatieDto {
  @ApiProperty(stap('kennisgeving-participatie'))
  @IsOneOf(['kennisgeving-participatie'])
  stap!: 'kennisgeving-participatie';

  @ApiProperty({ ...API_DATE, example: '2026-02-02' })
  @IsIsoDate()
  datum!: string;

  @ApiProperty(API_PRB_ID)
  @IsPattern(PRB_ID_PATTERN, PRB_ID_MESSAGE)
  prbId!: string;

  @ApiProperty({ ...API_DATE, example: '2026-02-16' })
  @IsIsoDate()
  verkenningStartOn!: string;
}

export class ProcedureCommissiebehandelingDto {
  @ApiProperty(stap('commissiebehandeling'))
  @IsOneOf(['commissiebehandeling'])
  stap!: 'commissiebehandeling';

  @ApiProperty({ enum: [...COMMISSIE_ONDERWERPEN], example: 'startnotitie' })
  @IsOneOf(COMMISSIE_ONDERWERPEN)
  onderwerp!: 'startnotitie' | 'voorstel';

  @OptionalProperty({ ...API_SHORT_TEXT, example: 'Statencommissie Omgeving en Economie' })
  @IsShortText()
  commissie?: string;

  @OptionalProperty({ ...API_DATE, example: '2026-03-25' })
  @IsIsoDate()
  vergaderdatum?: string;

  @OptionalProperty({ ...API_COUNT, example: 3 })
  @IsCount()
  aantalInsprekers?: number;

  @OptionalProperty({ ...API_LONG_TEXT, example: 'Het presidium heeft de startnotitie niet geagendeerd: ter kennisname.' })
  @IsLongText()
  nietGeagendeerdReden?: string;
}

export class ProcedureWensenEnBedenkingenDto {
  @ApiProperty(stap('wensen-en-bedenkingen'))
  @IsOneOf(['wensen-en-bedenkingen'])
  stap!: 'wensen-en-bedenkingen';

  @ApiProperty({ enum: [...WENSEN_PARTIJEN], example: 'PS' })
  @IsOneOf(WENSEN_PARTIJEN)
  partij!: 'PS' | 'GS';

  @ApiProperty({ ...API_DATE, example: '2026-04-01' })
  @IsIsoDate()
  gelegenheidGebodenOn!: string;

  @OptionalProperty({ ...API_DATE, example: '2026-04-22' })
  @IsIsoDate()
  reactieOn?: string;

  @OptionalProperty({ example: false })
  @IsBool()
  spoed?: boolean;

  @OptionalProperty({ ...API_DATE, example: '2026-04-03' })
  @IsIsoDate()
  achterafGeinformeerdOn?: string;
}

export class ProcedureAgenderingsverzoekDto {
  @ApiProperty(stap('agenderingsverzoek'))
  @IsOneOf(['agenderingsverzoek'])
  stap!: 'agenderingsverzoek';

  @ApiProperty({ ...API_DATE, example: '2026-01-20' })
  @IsIsoDate()
  ingediendOn!: string;

  @ApiProperty({ ...API_COUNT, example: 312 })
  @IsCount()
  geldigeOndersteuners!: number;

  @ApiProperty({ description: 'Het onderwerp valt binnen de bevoegdheid van Provinciale Staten.', example: true })
  @IsBool()
  binnenBevoegdheidPs!: boolean;

  @OptionalProperty({ ...API_DATE, example: '2024-05-14' })
  @IsIsoDate()
  vorigeAgenderingOn?: string;

  @OptionalProperty({ example: false })
  @IsBool()
  nieuweFeiten?: boolean;
}

export class ProcedureUitdaagrechtVerzoekDto {
  @ApiProperty(stap('uitdaagrecht-verzoek'))
  @IsOneOf(['uitdaagrecht-verzoek'])
  stap!: 'uitdaagrecht-verzoek';

  @ApiProperty({ ...API_DATE, example: '2026-02-11' })
  @IsIsoDate()
  ingediendOn!: string;

  @OptionalProperty({ ...API_DATE, example: '2026-03-31' })
  @IsIsoDate()
  besluitOn?: string;

  @OptionalProperty({ ...API_LONG_TEXT, example: 'Toegekend: de dorpscoöperatie neemt het beheer van de bermen over.' })
  @IsLongText()
  uitkomst?: string;
}

export class ProcedureEvaluatietypeDto {
  @ApiProperty(stap('evaluatietype'))
  @IsOneOf(['evaluatietype'])
  stap!: 'evaluatietype';

  @ApiProperty({ enum: [...EVALUATIETYPES], enumName: 'Evaluatietype', example: 'gs-evaluatie' })
  @IsOneOf(EVALUATIETYPES)
  type!: Evaluatietype;
}

export class ProcedureNrk217aDto {
  @ApiProperty(stap('nrk-217a'))
  @IsOneOf(['nrk-217a'])
  stap!: 'nrk-217a';

  @ApiProperty({ ...API_DATE, example: '2026-09-01' })
  @IsIsoDate()
  geinformeerdOn!: string;

  @OptionalProperty({ ...API_DATE, example: '2026-10-01' })
  @IsIsoDate()
  onderzoekStartOn?: string;

  @OptionalProperty({ ...API_DATE, example: '2026-09-02' })
  @IsIsoDate()
  kopieVerzondenOn?: string;
}

/** Each procedure stap and the DTO that validates its data; the type keeps the two in step. */
export const PROCEDURE_DATA_DTOS = {
  inspraakbesluit: ProcedureInspraakbesluitDto,
  'kennisgeving-ontwerp': ProcedureKennisgevingOntwerpDto,
  terinzagelegging: ProcedureTerinzageleggingDto,
  'toezending-ontwerp': ProcedureToezendingOntwerpDto,
  zienswijze: ProcedureZienswijzeDto,
  'besluit-toegezonden-indieners': ProcedureBesluitToegezondenIndienersDto,
  'kennisgeving-besluit': ProcedureKennisgevingBesluitDto,
  'kennisgeving-participatie': ProcedureKennisgevingParticipatieDto,
  commissiebehandeling: ProcedureCommissiebehandelingDto,
  'wensen-en-bedenkingen': ProcedureWensenEnBedenkingenDto,
  agenderingsverzoek: ProcedureAgenderingsverzoekDto,
  'uitdaagrecht-verzoek': ProcedureUitdaagrechtVerzoekDto,
  evaluatietype: ProcedureEvaluatietypeDto,
  'nrk-217a': ProcedureNrk217aDto,
} as const satisfies { [S in ProcedureStap]: new () => StapData<S> };

type Assert<T extends true> = T;
type _ProcedureShapes = Assert<
  { [S in ProcedureStap]: SameShape<InstanceType<(typeof PROCEDURE_DATA_DTOS)[S]>, StapData<S>> }[ProcedureStap]
>;
