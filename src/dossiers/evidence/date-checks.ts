/**
 * Dates an evidence record states, checked against the clock and against each other when it is recorded (issue #11).
 *
 * - A fact that must already have happened (vastgesteld, verzonden, gehouden, gepubliceerd, besloten, ontvangen …)
 *   cannot lie after today: a `400` naming the field. Dates that may lie ahead stay allowed: a planned activity, a
 *   committee meeting on the agenda, the start of a terinzagelegging announced in advance, an entry into force.
 * - Dates within one record that must follow each other must do so (adopted before sent; a decision before its
 *   dispatch; a publication not before the decision it names in `besluitId`): a `400` naming the later field.
 * - Orders across separate records (a notice before the decision, an ontwerpbesluit before the startnotitie) are
 *   left to the requirements, which report them as unsatisfied: a record of one may be made before the other exists.
 *
 * Whether a string is a calendar date at all (`"binnenkort"`) the DTO decides before this runs. Pure: `today` is
 * passed in (the service's clock, Europe/Amsterdam).
 */
import { isIsoDate } from '../../../workflows/dates';
import { EvidenceRecord } from '../../../workflows/evidence';
import { amsterdamDate } from '../../../workflows/facts';
import type { FieldError } from '../../common';
import type { ParsedEvidence } from './dto';

type Dated = { field: string; value: string | undefined; what: string };

/** The fields of a record that state something that has already happened, with what they record (Dutch). */
function happenedFields(p: ParsedEvidence): Dated[] {
  switch (p.kind) {
    case 'document':
      return [
        { field: 'data.vastgesteldDoorGsOn', value: p.data.vastgesteldDoorGsOn, what: 'de vaststelling door GS' },
        { field: 'data.verzondenAanPsOn', value: p.data.verzondenAanPsOn, what: 'de verzending aan PS' },
      ];
    case 'activiteit':
      return [
        // A planned activity may lie ahead; one recorded as held or cancelled has its dates behind it.
        ...(p.data.status === 'uitgevoerd'
          ? [
              { field: 'data.startOn', value: p.data.startOn, what: 'een uitgevoerde activiteit' },
              { field: 'data.endOn', value: p.data.endOn, what: 'het einde van een uitgevoerde activiteit' },
            ]
          : []),
        { field: 'data.aankondiging.datum', value: p.data.aankondiging?.datum, what: 'de aankondiging' },
      ];
    case 'publicatie':
      return [
        { field: 'data.publishedOn', value: p.data.publishedOn, what: 'de publicatie' },
        { field: 'data.retrievedAt', value: p.data.retrievedAt ? amsterdamDate(p.data.retrievedAt) : undefined, what: 'het ophalen van de inhoud' },
      ];
    case 'besluit':
      return [
        { field: 'data.besluitdatum', value: p.data.besluitdatum, what: 'het besluit' },
        { field: 'data.toegezondenAanGeadresseerdenOn', value: p.data.toegezondenAanGeadresseerdenOn, what: 'de toezending aan de geadresseerden' },
      ];
    case 'procedure': {
      const d = p.data;
      switch (d.stap) {
        case 'kennisgeving-ontwerp':
          return [{ field: 'data.datum', value: d.datum, what: 'de kennisgeving van het ontwerp' }];
        case 'toezending-ontwerp':
          return [{ field: 'data.datum', value: d.datum, what: 'de toezending van het ontwerp' }];
        case 'zienswijze':
          return [{ field: 'data.ontvangenOn', value: d.ontvangenOn, what: 'de ontvangst van de zienswijze' }];
        case 'besluit-toegezonden-indieners':
          return [{ field: 'data.datum', value: d.datum, what: 'de toezending aan de indieners' }];
        case 'kennisgeving-besluit':
          return [{ field: 'data.datum', value: d.datum, what: 'de kennisgeving van het besluit' }];
        case 'kennisgeving-participatie':
          return [{ field: 'data.datum', value: d.datum, what: 'de kennisgeving participatie' }];
        case 'wensen-en-bedenkingen':
          return [
            { field: 'data.gelegenheidGebodenOn', value: d.gelegenheidGebodenOn, what: 'de gelegenheid tot wensen en bedenkingen' },
            { field: 'data.reactieOn', value: d.reactieOn, what: 'de reactie' },
            { field: 'data.achterafGeinformeerdOn', value: d.achterafGeinformeerdOn, what: 'het informeren achteraf' },
          ];
        case 'agenderingsverzoek':
          return [
            { field: 'data.ingediendOn', value: d.ingediendOn, what: 'de indiening' },
            { field: 'data.vorigeAgenderingOn', value: d.vorigeAgenderingOn, what: 'de vorige agendering' },
          ];
        case 'uitdaagrecht-verzoek':
          return [
            { field: 'data.ingediendOn', value: d.ingediendOn, what: 'de indiening' },
            { field: 'data.besluitOn', value: d.besluitOn, what: 'het besluit op het verzoek' },
          ];
        case 'nrk-217a':
          return [
            { field: 'data.geinformeerdOn', value: d.geinformeerdOn, what: 'het informeren van de rekenkamer' },
            { field: 'data.kopieVerzondenOn', value: d.kopieVerzondenOn, what: 'de verzending van de kopie' },
          ];
        default:
          return [];
      }
    }
    default:
      return [];
  }
}

/** Pairs within one record: `later` may not lie before `earlier`. */
function orderedPairs(p: ParsedEvidence): Array<{ earlier: Dated; later: Dated }> {
  const pair = (ef: string, ev: string | undefined, ew: string, lf: string, lv: string | undefined, lw: string) => ({
    earlier: { field: ef, value: ev, what: ew },
    later: { field: lf, value: lv, what: lw },
  });
  switch (p.kind) {
    case 'document':
      return [pair('data.vastgesteldDoorGsOn', p.data.vastgesteldDoorGsOn, 'de vaststelling door GS', 'data.verzondenAanPsOn', p.data.verzondenAanPsOn, 'de verzending aan PS')];
    case 'besluit':
      return [pair('data.besluitdatum', p.data.besluitdatum, 'het besluit', 'data.toegezondenAanGeadresseerdenOn', p.data.toegezondenAanGeadresseerdenOn, 'de toezending')];
    case 'publicatie':
      return [pair('data.publishedOn', p.data.publishedOn, 'de publicatie', 'data.retrievedAt', p.data.retrievedAt ? amsterdamDate(p.data.retrievedAt) : undefined, 'het ophalen van de inhoud')];
    case 'procedure': {
      const d = p.data;
      if (d.stap === 'wensen-en-bedenkingen') return [pair('data.gelegenheidGebodenOn', d.gelegenheidGebodenOn, 'de geboden gelegenheid', 'data.reactieOn', d.reactieOn, 'de reactie')];
      if (d.stap === 'agenderingsverzoek') return [pair('data.vorigeAgenderingOn', d.vorigeAgenderingOn, 'de vorige agendering', 'data.ingediendOn', d.ingediendOn, 'de indiening')];
      if (d.stap === 'uitdaagrecht-verzoek') return [pair('data.ingediendOn', d.ingediendOn, 'de indiening', 'data.besluitOn', d.besluitOn, 'het besluit op het verzoek')];
      if (d.stap === 'nrk-217a') return [pair('data.geinformeerdOn', d.geinformeerdOn, 'het informeren van de rekenkamer', 'data.kopieVerzondenOn', d.kopieVerzondenOn, 'de verzending van de kopie')];
      return [];
    }
    default:
      return [];
  }
}

/**
 * The date problems of a record about to be recorded, each naming its field. `inForce` are the dossier's records in
 * force (to resolve `besluitId`); `today` is the calendar date of the service's clock.
 */
export function dateErrors(p: ParsedEvidence, inForce: readonly EvidenceRecord[], today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (p.occurredOn > today) {
    errors.push({ field: 'occurredOn', message: `ligt in de toekomst (vandaag is ${today}); leg vast wat er is gebeurd` });
  }
  for (const d of happenedFields(p)) {
    if (d.value !== undefined && isIsoDate(d.value) && d.value > today) {
      errors.push({ field: d.field, message: `${d.value} ligt na vandaag (${today}); ${d.what} moet al hebben plaatsgevonden` });
    }
  }
  for (const { earlier, later } of orderedPairs(p)) {
    if (earlier.value !== undefined && later.value !== undefined && isIsoDate(earlier.value) && isIsoDate(later.value) && later.value < earlier.value) {
      errors.push({ field: later.field, message: `${later.value} ligt vóór ${earlier.value} (${earlier.field}); ${later.what} kan niet voorafgaan aan ${earlier.what}` });
    }
  }
  if (p.kind === 'publicatie' && p.data.besluitId !== undefined) {
    const besluit = inForce.find((r) => r.id === p.data.besluitId && r.kind === 'besluit') as EvidenceRecord<'besluit'> | undefined;
    if (!besluit) {
      errors.push({ field: 'data.besluitId', message: `${p.data.besluitId} is geen besluit dat op dit dossier is vastgelegd (en niet vervangen)` });
    } else if (p.data.publishedOn < besluit.data.besluitdatum) {
      errors.push({
        field: 'data.publishedOn',
        message: `${p.data.publishedOn} ligt vóór de besluitdatum ${besluit.data.besluitdatum} van het besluit dat deze publicatie bekendmaakt (data.besluitId); een besluit kan niet worden bekendgemaakt voordat het is genomen`,
      });
    }
  }
  return errors;
}
