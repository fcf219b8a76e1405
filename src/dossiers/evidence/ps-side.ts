import { EvidenceDataByKind, EvidenceKind } from '../../../workflows/evidence';

/** Instruments of PS and its griffie: committee sessions, spreekrecht, hearings, Drents Panel, Drenthe in Debat… */
export const PS_SIDE_INSTRUMENTS: readonly string[] = [
  'statencommissies',
  'spreekrecht-statencommissie',
  'algemeen-inspraakrecht-statencommissies',
  'hoorzitting-insprekersavond',
  'inspreken-op-locatie',
  'drents-panel',
  'drenthe-in-debat',
  'statenontmoeting',
  'staten-te-gast',
  'jongerenraad-adviesvraag',
  'initiatief-werkbezoek-ps',
  'agenderingsrecht',
  'initiatief-beleidsevaluatie',
  'nrk-onderzoek',
];

/**
 * PS-side evidence: what the griffie may record (issue #3). Everything PS organise or decide, committee
 * handling, agenderingsrecht, and PS publications.
 */
export function isPsSideEvidence<K extends EvidenceKind>(kind: K, data: EvidenceDataByKind[K]): boolean {
  switch (kind) {
    case 'activiteit': {
      const d = data as EvidenceDataByKind['activiteit'];
      return d.organisator === 'PS' || PS_SIDE_INSTRUMENTS.includes(d.instrumentId);
    }
    case 'procedure': {
      const d = data as EvidenceDataByKind['procedure'];
      return d.stap === 'commissiebehandeling' || d.stap === 'agenderingsverzoek';
    }
    case 'besluit': {
      const d = data as EvidenceDataByKind['besluit'];
      return d.orgaan === 'PS' || d.orgaan === 'Presidium';
    }
    case 'publicatie': {
      const d = data as EvidenceDataByKind['publicatie'];
      return d.kanaal === 'website-drents-parlement' || d.onderwerp === 'ps-vergaderstukken';
    }
    default:
      return false;
  }
}

/**
 * Who may supersede a record is decided by the record being superseded as well as by the new one (issue #12): the
 * assigned beleidsmedewerker may correct any record of their dossier, the griffie only a PS-side record with a
 * PS-side record. Without this, the griffie could take a GS decision or a GS activity out of force by "correcting"
 * it with a PS-side record.
 *
 * `grant` is how the actor may record the new record at all: as the dossier's owner, or as the griffie (PS-side).
 */
export function maySupersede<K extends EvidenceKind>(grant: 'owner' | 'ps-side', superseded: { kind: K; data: EvidenceDataByKind[K] }): boolean {
  return grant === 'owner' || isPsSideEvidence(superseded.kind, superseded.data);
}
