/**
 * The `data` of each evidence kind as a DTO: exactly the fields of the matching `*Data` type in
 * workflows/evidence.ts, with the validation the API applies and the documentation the OpenAPI document
 * shows. Procedure steps live in procedure-data.dto.ts. The compile-time checks at the bottom keep the
 * DTOs and the domain types from drifting apart.
 */
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTIVITEIT_STATUSES,
  ACTORS,
  BESLUIT_ONDERWERPEN,
  BESLUIT_ORGANEN,
  BESLUITTYPES,
  BESLUITVORMERS,
  CHECKVRAGEN,
  DOCUMENT_TYPES,
  HERKOMSTEN,
  INSTRUMENT_TYPES,
  PUBLICATIE_KANALEN,
  PUBLICATIE_ONDERWERPEN,
  TERUGKOPPELING_ONDERWERPEN,
  TERUGKOPPELING_ONTVANGERS,
  WERVINGSMETHODEN,
} from '../../../../workflows/evidence';
import type {
  ActiviteitData,
  ActiviteitStatus,
  Actor,
  BesluitData,
  BesluitOnderwerp,
  BesluitOrgaan,
  Besluittype,
  Besluitvormer,
  Checkvraag,
  CheckvraagData,
  ClassificatieData,
  DocumentData,
  DocumentType,
  Herkomst,
  InstrumentType,
  LeerpuntenData,
  Niveau,
  ParticipatieparagraafPlan,
  Participatieverslag,
  PhaseId,
  PublicatieData,
  PublicatieKanaal,
  PublicatieOnderwerp,
  TerugkoppelingData,
  Wervingsmethode,
} from '../../../../workflows/evidence';
import {
  IsIsoInstant,
  OptionalProperty,
} from './validators';
import {
  API_UUID,
  Bool,
  ContentHash,
  Count,
  HttpUrl,
  IsoDate,
  LongText,
  Nested,
  NestedList,
  OneOf,
  OneOfNiveaus,
  OneOfPhases,
  PrbId,
  ShortText,
  TextList,
  Uuid,
  UuidList,
} from './api-schema';

// ---------------------------------------------------------------------------------------------
// classificatie
// ---------------------------------------------------------------------------------------------

/** A change of the dossier's classification: only the fields given change; `reden` says why. */
export class ClassificatieDataDto {
  @Bool({ required: false, description: 'Strategisch onderwerp (G1-03).', example: true })
  strategisch?: boolean;

  @LongText({ required: false, example: 'Raakt heel Drenthe en vraagt om kaders van Provinciale Staten.' })
  strategischMotivatie?: string;

  @OneOf(BESLUITVORMERS, { required: false, enumName: 'Besluitvormer', example: 'PS' })
  besluitvormer?: Besluitvormer;

  @OneOf(BESLUITTYPES, { required: false, enumName: 'Besluittype', example: 'verordening' })
  besluittype?: Besluittype;

  @OneOf(INSTRUMENT_TYPES, { required: false, enumName: 'InstrumentType', example: 'omgevingsvisie' })
  instrumentType?: InstrumentType;

  @Bool({
    required: false,
    description: 'Besluit als bedoeld in Pw 158(1)(e,f,h) met ingrijpende gevolgen (G4-03).',
    example: false,
  })
  ingrijpend?: boolean;

  @OneOf(HERKOMSTEN, { required: false, enumName: 'Herkomst', example: 'ps-motie' })
  herkomst?: Herkomst;

  @ShortText({ required: false, description: 'Motienummer, brief, vorig dossier…', example: 'Motie M2026-04' })
  herkomstBron?: string;

  @LongText({
    description: 'Waarom de classificatie wijzigt. Geef daarnaast ten minste één ander veld.',
    example: 'Het voorstel leidt tot een nieuwe omgevingsverordening; besluitvormer wordt PS.',
  })
  reden!: string;
}

// ---------------------------------------------------------------------------------------------
// document
// ---------------------------------------------------------------------------------------------

/** The level for one target group in one phase. */
export class NiveauToewijzingDto {
  @ShortText({ example: 'jongeren' })
  doelgroep!: string;

  @OneOfPhases({ example: 'ontwikkeling-voorstel' })
  fase!: PhaseId;

  @OneOfNiveaus({ example: 'consulteren' })
  niveau!: Niveau;
}

/** A planned participation instrument (catalogue id or `other`) in one phase. */
export class GeplandInstrumentDto {
  @ShortText({ description: 'Id uit de instrumentencatalogus, of `other`.', example: 'drents-panel' })
  instrumentId!: string;

  @OneOfPhases({ example: 'ontwikkeling-voorstel' })
  fase!: PhaseId;

  @ShortText({ required: false, example: 'inwoners' })
  doelgroep?: string;
}

/** 2025: the room for influence in one phase (Blijvend in verbinding, wish 7). */
export class RuimtePerFaseDto {
  @OneOfPhases({ example: 'voorbereiding-beleid' })
  fase!: PhaseId;

  @LongText({ example: 'Deelnemers adviseren over de zoekgebieden; het budget ligt vast.' })
  ruimte!: string;
}

/** The participatieparagraaf in its plan form. */
export class ParticipatieparagraafPlanDto {
  @LongText({ required: false, example: 'Ophalen welke zorgen en ideeën inwoners hebben over de energietransitie.' })
  doel?: string;

  @TextList({ required: false, example: ['inwoners', 'jongeren', 'agrarische ondernemers'] })
  doelgroepen?: string[];

  @NestedList(() => NiveauToewijzingDto, { required: false })
  niveaus?: NiveauToewijzingDto[];

  @LongText({ required: false, example: 'De locatie ligt vast; over de inrichting en compensatie kan worden meegedacht.' })
  ruimteVoorInvloed?: string;

  @LongText({ required: false, example: 'Bijeenkomsten in april en mei 2026, Drents Panel in juni 2026.' })
  planning?: string;

  @NestedList(() => GeplandInstrumentDto, { required: false })
  instrumenten?: GeplandInstrumentDto[];

  @LongText({ required: false, example: 'Een reactienota bij het statenvoorstel en een nieuwsbrief aan alle deelnemers.' })
  terugkoppeling?: string;

  @LongText({ required: false, example: 'www.provincie.drenthe.nl/energie' })
  informatievindplaats?: string;

  @LongText({ required: false, description: '2025: de vraag aan de deelnemers.', example: 'Waar in uw gemeente ziet u ruimte voor zonnevelden, en onder welke voorwaarden?' })
  vraag?: string;

  @NestedList(() => RuimtePerFaseDto, { required: false, description: '2025: de ruimte voor invloed per fase.' })
  ruimtePerFase?: RuimtePerFaseDto[];

  @LongText({ required: false, description: '2025: wat al is voorbereid of besloten.', example: 'Een verkenning van netcapaciteit is al gedaan; de zoekgebieden zijn nog open.' })
  voorwerk?: string;
}

/** The participatieparagraaf in its report form. */
export class ParticipatieverslagDto {
  @LongText({ required: false, example: 'Drie inloopavonden en een enquête onder het Drents Panel.' })
  activiteiten?: string;

  @LongText({ required: false, example: 'Zorgen over geluid en de waarde van woningen; steun voor lokaal eigendom.' })
  inbreng?: string;

  @LongText({ required: false, example: 'Lokaal eigendom is als voorwaarde in het voorstel opgenomen.' })
  watGedaanMetInbreng?: string;

  @LongText({ required: false, example: 'Alle deelnemers kregen de reactienota per e-mail.' })
  hoeDeelnemersGeinformeerd?: string;
}

/** The evaluatieplan of a document (G4-11). */
export class EvaluatieplanDto {
  @LongText({ required: false, example: 'Twee jaar na inwerkingtreding, uiterlijk in 2029.' })
  wanneer?: string;

  @LongText({ required: false, example: 'Tussenevaluatie door GS en een enquête onder betrokkenen.' })
  hoe?: string;

  @TextList({ required: false, example: ['aantal lokale energiecoöperaties', 'tevredenheid deelnemers'] })
  indicatoren?: string[];

  @Bool({ required: false, description: 'Onderzoek op grond van art. 217a Provinciewet.', example: false })
  is217a?: boolean;
}

export class DocumentDataDto {
  @OneOf(DOCUMENT_TYPES, { enumName: 'DocumentType', example: 'startnotitie' })
  documentType!: DocumentType;

  @ShortText({ example: 'Startnotitie Regionale Energiestrategie Drenthe' })
  titel!: string;

  @ShortText({ required: false, description: 'Registratienummer, Statenstuknummer of ander kenmerk.', example: '2026-123' })
  kenmerk?: string;

  @HttpUrl({ required: false, example: 'https://www.provincie.drenthe.nl/documenten/startnotitie-res.pdf' })
  url?: string;

  @ContentHash({ required: false })
  contentHash?: string;

  @Nested(() => ParticipatieparagraafPlanDto, { required: false })
  participatieparagraaf?: ParticipatieparagraafPlanDto;

  @Nested(() => ParticipatieverslagDto, { required: false })
  participatieverslag?: ParticipatieverslagDto;

  @LongText({
    required: false,
    description: 'Participatieverklaring (Ob 10.7) bij omgevingsvisie of programma.',
    example: 'Inwoners, bedrijven en gemeenten zijn via drie inloopavonden en het Drents Panel betrokken.',
  })
  participatieverklaring?: string;

  @IsoDate({ required: false, example: '2026-03-10' })
  vastgesteldDoorGsOn?: string;

  @IsoDate({ required: false, example: '2026-03-12' })
  verzondenAanPsOn?: string;

  @UuidList({
    required: false,
    description: 'Bij een reactienota: de ids van de zienswijze-vastleggingen die zij beantwoordt.',
    example: ['3f2b8c1e-7d4a-4e6b-9c2d-1a2b3c4d5e6f'],
  })
  beantwoordtZienswijzen?: string[];

  @Nested(() => EvaluatieplanDto, { required: false })
  evaluatieplan?: EvaluatieplanDto;
}

// ---------------------------------------------------------------------------------------------
// activiteit
// ---------------------------------------------------------------------------------------------

export class AankondigingDto {
  @ShortText({ example: 'website-provincie' })
  kanaal!: string;

  @HttpUrl({ required: false, example: 'https://www.provincie.drenthe.nl/agenda/inloopavond-assen' })
  url?: string;

  @IsoDate({ example: '2026-03-16' })
  datum!: string;
}

/** 2025: how the participants of an activity were recruited. */
export class WervingDto {
  @OneOf(WERVINGSMETHODEN, { enumName: 'Wervingsmethode', example: 'loting' })
  methode!: Wervingsmethode;

  @LongText({ required: false, example: 'Uitnodiging aan 3.000 willekeurig gekozen inwoners uit de BRP.' })
  toelichting?: string;
}

/** 2025: who was meant to be reached in one target group, and who was reached. */
export class BereikDto {
  @ShortText({ example: 'jongeren' })
  doelgroep!: string;

  @Count({ example: 40 })
  beoogd!: number;

  @Count({ example: 12 })
  bereikt!: number;

  @LongText({ required: false, example: 'Examenperiode; aanvullend gesprek op het Drenthe College.' })
  toelichting?: string;
}

/** A participation activity. */
export class ActiviteitDataDto {
  @ShortText({ description: 'Id uit de instrumentencatalogus, of `other` met `instrumentLabel`.', example: 'drents-panel' })
  instrumentId!: string;

  @ShortText({ required: false, example: 'Keukentafelgesprekken' })
  instrumentLabel?: string;

  @OneOf(ACTORS, { enumName: 'Actor', example: 'GS' })
  organisator!: Actor;

  @OneOfPhases({ example: 'voorbereiding-beleid' })
  fase!: PhaseId;

  @Bool({ description: 'Gericht op inwoners; dan is een niveau nodig (X-02).', example: true })
  inwonersGericht!: boolean;

  @OneOfNiveaus({ required: false, example: 'consulteren' })
  niveau?: Niveau;

  @TextList({ example: ['inwoners', 'jongeren'] })
  doelgroepen!: string[];

  @IsoDate({ example: '2026-04-07' })
  startOn!: string;

  @IsoDate({ required: false, description: 'Niet vóór `startOn`.', example: '2026-04-28' })
  endOn?: string;

  @OneOf(ACTIVITEIT_STATUSES, { enumName: 'ActiviteitStatus', example: 'uitgevoerd' })
  status!: ActiviteitStatus;

  @LongText({ required: false, example: 'Te weinig aanmeldingen; vervangen door een online enquête.' })
  annuleringsreden?: string;

  @Nested(() => AankondigingDto, { required: false })
  aankondiging?: AankondigingDto;

  @Count({ required: false, example: 412 })
  aantalDeelnemers?: number;

  @LongText({ required: false, example: 'Breed draagvlak voor zon op daken; weerstand tegen zonneparken op landbouwgrond.' })
  opbrengst?: string;

  @Nested(() => WervingDto, { required: false, description: '2025: hoe de deelnemers zijn geworven.' })
  werving?: WervingDto;

  @NestedList(() => BereikDto, { required: false, description: '2025: bereik per doelgroep tegenover het beoogde bereik.' })
  bereik?: BereikDto[];
}

// ---------------------------------------------------------------------------------------------
// publicatie
// ---------------------------------------------------------------------------------------------

export class PublicatieDataDto {
  @OneOf(PUBLICATIE_ONDERWERPEN, { enumName: 'PublicatieOnderwerp', example: 'kennisgeving-ontwerpbesluit' })
  onderwerp!: PublicatieOnderwerp;

  @OneOf(PUBLICATIE_KANALEN, { enumName: 'PublicatieKanaal', example: 'provinciaal-blad' })
  kanaal!: PublicatieKanaal;

  @HttpUrl({ required: false, example: 'https://zoek.officielebekendmakingen.nl/prb-2026-1234.html' })
  url?: string;

  @PrbId({ required: false, description: 'Provinciaal blad: `prb-JJJJ-N`.' })
  prbId?: string;

  @IsoDate({ example: '2026-03-05' })
  publishedOn!: string;

  @Uuid({ required: false, description: 'Id van de document-vastlegging die is gepubliceerd.' })
  documentId?: string;

  @Uuid({
    required: false,
    description:
      'Id van de besluit-vastlegging die deze publicatie bekendmaakt (onderwerp `besluit`). G4-04 telt alleen een bekendmaking in het Provinciaal blad die naar het eindbesluit van dit dossier verwijst; de publicatiedatum ligt niet vóór de besluitdatum.',
  })
  besluitId?: string;

  @ContentHash({ required: false })
  contentHash?: string;

  @OptionalProperty({ type: String, format: 'date-time', example: '2026-03-05T09:30:00Z' })
  @IsIsoInstant()
  retrievedAt?: string;
}

// ---------------------------------------------------------------------------------------------
// besluit
// ---------------------------------------------------------------------------------------------

/** The Ob 10.7 participation statement in an adoption decision (G4-06). */
export class BesluitParticipatieverklaringDto {
  @LongText({ required: false, example: 'Via inloopavonden in Assen, Emmen en Hoogeveen en het Drents Panel.' })
  hoeBetrokken?: string;

  @LongText({ required: false, example: 'Ruim 1.200 reacties; de belangrijkste thema’s staan in de reactienota.' })
  resultaten?: string;

  @LongText({ required: false, example: 'Volgens het kader verbindend besturen; afwijkingen zijn gemotiveerd.' })
  toepassingParticipatiebeleid?: string;
}

export class BesluitDataDto {
  @OneOf(BESLUIT_ORGANEN, { enumName: 'BesluitOrgaan', example: 'PS' })
  orgaan!: BesluitOrgaan;

  @OneOf(BESLUIT_ONDERWERPEN, { enumName: 'BesluitOnderwerp', example: 'eindbesluit' })
  onderwerp!: BesluitOnderwerp;

  @ShortText({ description: 'Statenstuknummer, of datum/nummer van de GS-besluitenlijst.', example: 'Statenstuk 2026-45' })
  kenmerk!: string;

  @IsoDate({ example: '2026-06-10' })
  besluitdatum!: string;

  @IsoDate({ required: false, example: '2026-07-01' })
  inwerkingtredingOn?: string;

  @IsoDate({ required: false, description: 'Awb 3:41: toegezonden aan de geadresseerden.', example: '2026-06-12' })
  toegezondenAanGeadresseerdenOn?: string;

  @Nested(() => BesluitParticipatieverklaringDto, { required: false })
  participatieverklaring?: BesluitParticipatieverklaringDto;
}

// ---------------------------------------------------------------------------------------------
// checkvraag, terugkoppeling, leerpunten
// ---------------------------------------------------------------------------------------------

export class CheckvraagDataDto {
  @OneOf(CHECKVRAGEN, { enumName: 'Checkvraag', example: 'beginspraak' })
  vraag!: Checkvraag;

  @Bool({ example: true })
  antwoord!: boolean;

  @LongText({ example: 'Inwoners denken vanaf de startnotitie mee over de zoekgebieden.' })
  toelichting!: string;
}

export class TerugkoppelingDataDto {
  @OneOf(TERUGKOPPELING_ONTVANGERS, { enumName: 'TerugkoppelingOntvanger', example: 'deelnemers' })
  aan!: TerugkoppelingData['aan'];

  @OneOf(TERUGKOPPELING_ONDERWERPEN, { enumName: 'TerugkoppelingOnderwerp', example: 'voorgenomen-besluit' })
  onderwerp!: TerugkoppelingData['onderwerp'];

  @ShortText({ required: false, example: 'nieuwsbrief' })
  kanaal?: string;

  @ShortText({ required: false, example: 'Statenbrief 2026-17' })
  kenmerk?: string;

  @LongText({ required: false, example: 'Deelnemers zijn geïnformeerd over wat met hun inbreng is gedaan.' })
  samenvatting?: string;

  @UuidList({
    required: false,
    description: '2025: de ids van de participatieactiviteiten wier deelnemers deze terugkoppeling bereikt.',
    example: ['3f2b8c1e-7d4a-4e6b-9c2d-1a2b3c4d5e6f'],
  })
  activiteitIds?: string[];

  @LongText({ required: false, description: '2025: wat met de inbreng is gedaan (overgenomen, niet overgenomen, en waarom).', example: 'Zon op daken is overgenomen; zonneparken op landbouwgrond niet, omdat …' })
  watGedaanMetInbreng?: string;
}

/** Lessons learned and successes (G6-03). `overgenomenUit` is not accepted: only NEW_CYCLE sets it. */
export class LeerpuntenDataDto {
  @LongText({ example: 'Jongeren eerder betrekken; de inloopavonden vielen samen met de examenperiode.' })
  leerpunten!: string;

  @LongText({ required: false, example: 'Het Drents Panel leverde in twee weken ruim 1.200 reacties op.' })
  successen?: string;
}

/** Leerpunten as returned: NEW_CYCLE adds the id of the record the lessons were carried over from. */
export class LeerpuntenRecordDataDto extends LeerpuntenDataDto {
  @ApiPropertyOptional({
    ...API_UUID,
    readOnly: true,
    description: 'Gezet door NEW_CYCLE in het vervolgdossier: de vastlegging waaruit deze leerpunten zijn overgenomen.',
  })
  overgenomenUit?: string;
}

// ---------------------------------------------------------------------------------------------
// Compile-time proof that each DTO has exactly the fields (and types) of its domain type.
// ---------------------------------------------------------------------------------------------

/** Mutually assignable and the same keys. */
export type SameShape<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;
type Assert<T extends true> = T;
type Item<T> = T extends ReadonlyArray<infer I> ? I : never;

type _DataShapes = [
  Assert<SameShape<ClassificatieDataDto, ClassificatieData>>,
  Assert<SameShape<DocumentDataDto, DocumentData>>,
  Assert<SameShape<ParticipatieparagraafPlanDto, ParticipatieparagraafPlan>>,
  Assert<SameShape<NiveauToewijzingDto, Item<NonNullable<ParticipatieparagraafPlan['niveaus']>>>>,
  Assert<SameShape<GeplandInstrumentDto, Item<NonNullable<ParticipatieparagraafPlan['instrumenten']>>>>,
  Assert<SameShape<RuimtePerFaseDto, Item<NonNullable<ParticipatieparagraafPlan['ruimtePerFase']>>>>,
  Assert<SameShape<WervingDto, NonNullable<ActiviteitData['werving']>>>,
  Assert<SameShape<BereikDto, Item<NonNullable<ActiviteitData['bereik']>>>>,
  Assert<SameShape<ParticipatieverslagDto, Participatieverslag>>,
  Assert<SameShape<EvaluatieplanDto, NonNullable<DocumentData['evaluatieplan']>>>,
  Assert<SameShape<ActiviteitDataDto, ActiviteitData>>,
  Assert<SameShape<AankondigingDto, NonNullable<ActiviteitData['aankondiging']>>>,
  Assert<SameShape<PublicatieDataDto, PublicatieData>>,
  Assert<SameShape<BesluitDataDto, BesluitData>>,
  Assert<SameShape<BesluitParticipatieverklaringDto, NonNullable<BesluitData['participatieverklaring']>>>,
  Assert<SameShape<CheckvraagDataDto, CheckvraagData>>,
  Assert<SameShape<TerugkoppelingDataDto, TerugkoppelingData>>,
  Assert<SameShape<LeerpuntenDataDto, Omit<LeerpuntenData, 'overgenomenUit'>>>,
  Assert<SameShape<LeerpuntenRecordDataDto, LeerpuntenData>>,
];
