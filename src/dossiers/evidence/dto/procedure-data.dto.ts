/**
 * `data` of a `procedure` record: one DTO per `stap`, the discriminant of `ProcedureData` in
 * workflows/evidence.ts. `PROCEDURE_DATA_DTOS` maps each stap to its DTO and is checked against the
 * union at compile time, so a new stap without a DTO does not compile.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { EVALUATIETYPES } from '../../../../workflows/evidence';
import type { Evaluatietype, ProcedureData, ProcedureStap } from '../../../../workflows/evidence';
import { Bool, Count, IsoDate, LongText, OneOf, PrbId, ShortText } from './api-schema';
import type { SameShape } from './evidence-data.dto';
import {
  IsIntegerBetween,
  IsOneOf,
  OptionalProperty,
} from './validators';

type StapData<S extends ProcedureStap> = Extract<ProcedureData, { stap: S }>;

export const ZIENSWIJZE_VORMEN = ['schriftelijk', 'mondeling'] as const satisfies ReadonlyArray<
  StapData<'zienswijze'>['vorm']
>;
export const COMMISSIE_ONDERWERPEN = ['startnotitie', 'voorstel'] as const satisfies ReadonlyArray<
  StapData<'commissiebehandeling'>['onderwerp']
>;
export const WENSEN_PARTIJEN = ['PS', 'GS'] as const satisfies ReadonlyArray<StapData<'wensen-en-bedenkingen'>['partij']>;

/** The `stap` property of each DTO: a single allowed value. */
function Stap(value: ProcedureStap): PropertyDecorator {
  return applyDecorators(IsOneOf([value]), ApiProperty({ enum: [value], example: value }));
}

/** GS decide whether inspraak is given (Awb 3.4 / inspraakverordening, G2-09). */
export class ProcedureInspraakbesluitDto {
  @Stap('inspraakbesluit')
  stap!: 'inspraakbesluit';

  @Bool({ example: true })
  inspraak!: boolean;

  @Bool({ description: 'Uniforme openbare voorbereidingsprocedure (Awb afd. 3.4) van toepassing.', example: true })
  awb34VanToepassing!: boolean;

  @LongText({ example: 'Het ontwerp raakt veel inwoners; daarom wordt iedereen in de gelegenheid gesteld zienswijzen in te dienen.' })
  motivering!: string;

  @ShortText({ required: false, example: 'GS-besluitenlijst 2026-09, punt 4' })
  gsBesluitKenmerk?: string;
}

export class ProcedureKennisgevingOntwerpDto {
  @Stap('kennisgeving-ontwerp')
  stap!: 'kennisgeving-ontwerp';

  @IsoDate({ example: '2026-03-04' })
  datum!: string;

  @PrbId()
  prbId!: string;
}

export class ProcedureTerinzageleggingDto {
  @Stap('terinzagelegging')
  stap!: 'terinzagelegging';

  @IsoDate({ example: '2026-03-05' })
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
  @Stap('toezending-ontwerp')
  stap!: 'toezending-ontwerp';

  @IsoDate({ required: false, example: '2026-03-04' })
  datum?: string;

  @Bool({ required: false, description: 'Er zijn geen geadresseerden aan wie het ontwerp moet worden toegezonden.', example: false })
  geenGeadresseerden?: boolean;
}

export class ProcedureZienswijzeDto {
  @Stap('zienswijze')
  stap!: 'zienswijze';

  @IsoDate({ example: '2026-04-02' })
  ontvangenOn!: string;

  @ShortText({ description: 'Verwijzing naar de indiener (geen persoonsgegevens).', example: 'ZW-2026-017' })
  indienerRef!: string;

  @OneOf(ZIENSWIJZE_VORMEN, { example: 'schriftelijk' })
  vorm!: 'schriftelijk' | 'mondeling';
}

export class ProcedureBesluitToegezondenIndienersDto {
  @Stap('besluit-toegezonden-indieners')
  stap!: 'besluit-toegezonden-indieners';

  @IsoDate({ example: '2026-06-15' })
  datum!: string;

  @LongText({ required: false, example: 'Meer dan 250 indieners; kennisgeving in het Provinciaal blad volstaat (Awb 3:44 lid 3).' })
  vrijstelling?: string;
}

export class ProcedureKennisgevingBesluitDto {
  @Stap('kennisgeving-besluit')
  stap!: 'kennisgeving-besluit';

  @IsoDate({ example: '2026-06-17' })
  datum!: string;

  @PrbId({ required: false })
  prbId?: string;
}

export class ProcedureKennisgevingParticipatieDto {
  @Stap('kennisgeving-participatie')
  stap!: 'kennisgeving-participatie';

  @IsoDate({ example: '2026-02-02' })
  datum!: string;

  @PrbId()
  prbId!: string;

  @IsoDate({ example: '2026-02-16' })
  verkenningStartOn!: string;
}

export class ProcedureCommissiebehandelingDto {
  @Stap('commissiebehandeling')
  stap!: 'commissiebehandeling';

  @OneOf(COMMISSIE_ONDERWERPEN, { example: 'startnotitie' })
  onderwerp!: 'startnotitie' | 'voorstel';

  @ShortText({ required: false, example: 'Statencommissie Omgeving en Economie' })
  commissie?: string;

  @IsoDate({ required: false, example: '2026-03-25' })
  vergaderdatum?: string;

  @Count({ required: false, example: 3 })
  aantalInsprekers?: number;

  @LongText({ required: false, example: 'Het presidium heeft de startnotitie niet geagendeerd: ter kennisname.' })
  nietGeagendeerdReden?: string;
}

export class ProcedureWensenEnBedenkingenDto {
  @Stap('wensen-en-bedenkingen')
  stap!: 'wensen-en-bedenkingen';

  @OneOf(WENSEN_PARTIJEN, { example: 'PS' })
  partij!: 'PS' | 'GS';

  @IsoDate({ example: '2026-04-01' })
  gelegenheidGebodenOn!: string;

  @IsoDate({ required: false, example: '2026-04-22' })
  reactieOn?: string;

  @Bool({ required: false, example: false })
  spoed?: boolean;

  @IsoDate({ required: false, example: '2026-04-03' })
  achterafGeinformeerdOn?: string;
}

export class ProcedureAgenderingsverzoekDto {
  @Stap('agenderingsverzoek')
  stap!: 'agenderingsverzoek';

  @IsoDate({ example: '2026-01-20' })
  ingediendOn!: string;

  @Count({ example: 312 })
  geldigeOndersteuners!: number;

  @Bool({ description: 'Het onderwerp valt binnen de bevoegdheid van Provinciale Staten.', example: true })
  binnenBevoegdheidPs!: boolean;

  @IsoDate({ required: false, example: '2024-05-14' })
  vorigeAgenderingOn?: string;

  @Bool({ required: false, example: false })
  nieuweFeiten?: boolean;
}

export class ProcedureUitdaagrechtVerzoekDto {
  @Stap('uitdaagrecht-verzoek')
  stap!: 'uitdaagrecht-verzoek';

  @IsoDate({ example: '2026-02-11' })
  ingediendOn!: string;

  @IsoDate({ required: false, example: '2026-03-31' })
  besluitOn?: string;

  @LongText({ required: false, example: 'Toegekend: de dorpscoöperatie neemt het beheer van de bermen over.' })
  uitkomst?: string;
}

export class ProcedureEvaluatietypeDto {
  @Stap('evaluatietype')
  stap!: 'evaluatietype';

  @OneOf(EVALUATIETYPES, { enumName: 'Evaluatietype', example: 'gs-evaluatie' })
  type!: Evaluatietype;
}

export class ProcedureNrk217aDto {
  @Stap('nrk-217a')
  stap!: 'nrk-217a';

  @IsoDate({ example: '2026-09-01' })
  geinformeerdOn!: string;

  @IsoDate({ required: false, example: '2026-10-01' })
  onderzoekStartOn?: string;

  @IsoDate({ required: false, example: '2026-09-02' })
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
