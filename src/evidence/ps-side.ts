import { EvidenceDataByKind, EvidenceKind } from '../../workflows/evidence';

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
