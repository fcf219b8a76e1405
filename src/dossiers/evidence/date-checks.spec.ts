import { EvidenceRecord } from '../../../workflows/evidence';
import { rec } from '../../../workflows/testing/facts-builder';
import { dateErrors } from './date-checks';
import type { ParsedEvidence } from './dto';

const TODAY = '2026-06-15';
const body = (kind: ParsedEvidence['kind'], data: object, occurredOn = '2026-06-01'): ParsedEvidence =>
  ({ kind, occurredOn, supersedes: null, data }) as ParsedEvidence;
const besluit = rec('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'S-1', besluitdatum: '2026-06-10' }, { id: 'b-1' });
const inForce: EvidenceRecord[] = [besluit];

/** [name, body, the field named (null: no error)] — one row per fact the check pins down. */
const ROWS: Array<[string, ParsedEvidence, string | null]> = [
  ['occurredOn tomorrow', body('leerpunten', { leerpunten: 'x' }, '2026-06-16'), 'occurredOn'],
  ['occurredOn today', body('leerpunten', { leerpunten: 'x' }, TODAY), null],
  ['adopted by GS in 2099', body('document', { documentType: 'startnotitie', titel: 't', vastgesteldDoorGsOn: '2099-01-01' }), 'data.vastgesteldDoorGsOn'],
  ['sent to PS tomorrow', body('document', { documentType: 'startnotitie', titel: 't', verzondenAanPsOn: '2026-06-16' }), 'data.verzondenAanPsOn'],
  ['sent to PS before adoption', body('document', { documentType: 'startnotitie', titel: 't', vastgesteldDoorGsOn: '2026-06-05', verzondenAanPsOn: '2026-06-04' }), 'data.verzondenAanPsOn'],
  ['sent to PS on the day of adoption', body('document', { documentType: 'startnotitie', titel: 't', vastgesteldDoorGsOn: '2026-06-05', verzondenAanPsOn: '2026-06-05' }), null],
  ['a held activity in the future', body('activiteit', { instrumentId: 'atelier', organisator: 'GS', fase: 'uitvoering', inwonersGericht: false, doelgroepen: ['x'], startOn: '2026-07-01', status: 'uitgevoerd' }), 'data.startOn'],
  ['a planned activity in the future', body('activiteit', { instrumentId: 'atelier', organisator: 'GS', fase: 'uitvoering', inwonersGericht: false, doelgroepen: ['x'], startOn: '2026-07-01', status: 'gepland' }), null],
  ['an announcement in the future', body('activiteit', { instrumentId: 'atelier', organisator: 'GS', fase: 'uitvoering', inwonersGericht: false, doelgroepen: ['x'], startOn: '2026-07-01', status: 'gepland', aankondiging: { kanaal: 'krant', datum: '2026-06-20' } }), 'data.aankondiging.datum'],
  ['a decision in 2099', body('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'S', besluitdatum: '2099-01-01' }), 'data.besluitdatum'],
  ['a decision with entry into force ahead', body('besluit', { orgaan: 'PS', onderwerp: 'eindbesluit', kenmerk: 'S', besluitdatum: '2026-06-10', inwerkingtredingOn: '2027-01-01' }), null],
  ['a beschikking sent before it was taken', body('besluit', { orgaan: 'GS', onderwerp: 'eindbesluit', kenmerk: 'S', besluitdatum: '2026-06-10', toegezondenAanGeadresseerdenOn: '2026-06-09' }), 'data.toegezondenAanGeadresseerdenOn'],
  ['a publication in 2099', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2099-01-01' }), 'data.publishedOn'],
  ['content retrieved before it was published', body('publicatie', { onderwerp: 'besluit', kanaal: 'krant', publishedOn: '2026-06-10', retrievedAt: '2026-06-09T10:00:00Z' }), 'data.retrievedAt'],
  ['a publication before the decision it names', body('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-06-09', besluitId: 'b-1' }), 'data.publishedOn'],
  ['a publication on the day of the decision it names', body('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-06-10', besluitId: 'b-1' }), null],
  ['a publication naming no decision of this dossier', body('publicatie', { onderwerp: 'besluit', kanaal: 'provinciaal-blad', publishedOn: '2026-06-10', besluitId: 'nope' }), 'data.besluitId'],
  ['a notice of the draft tomorrow', body('procedure', { stap: 'kennisgeving-ontwerp', datum: '2026-06-16', prbId: 'prb-2026-1' }), 'data.datum'],
  ['a terinzagelegging announced to start ahead', body('procedure', { stap: 'terinzagelegging', startOn: '2026-07-01' }), null],
  ['a zienswijze received tomorrow', body('procedure', { stap: 'zienswijze', ontvangenOn: '2026-06-16', indienerRef: 'x', vorm: 'schriftelijk' }), 'data.ontvangenOn'],
  ['a committee meeting on the agenda ahead', body('procedure', { stap: 'commissiebehandeling', onderwerp: 'voorstel', vergaderdatum: '2026-07-01' }), null],
  ['GS responded before they were given the opportunity', body('procedure', { stap: 'wensen-en-bedenkingen', partij: 'GS', gelegenheidGebodenOn: '2026-06-05', reactieOn: '2026-06-04' }), 'data.reactieOn'],
  ['a previous agendering after the submission', body('procedure', { stap: 'agenderingsverzoek', ingediendOn: '2026-06-01', geldigeOndersteuners: 400, binnenBevoegdheidPs: true, vorigeAgenderingOn: '2026-06-02' }), 'data.ingediendOn'],
  ['an uitdaagrecht decision before the request', body('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-06-05', besluitOn: '2026-06-01' }), 'data.besluitOn'],
  ['an uitdaagrecht decision in 2099', body('procedure', { stap: 'uitdaagrecht-verzoek', ingediendOn: '2026-06-05', besluitOn: '2099-01-01' }), 'data.besluitOn'],
  ['a copy to the rekenkamer before it was informed', body('procedure', { stap: 'nrk-217a', geinformeerdOn: '2026-06-05', kopieVerzondenOn: '2026-06-01' }), 'data.kopieVerzondenOn'],
  ['a study starting ahead, rekenkamer informed today', body('procedure', { stap: 'nrk-217a', geinformeerdOn: TODAY, onderzoekStartOn: '2026-09-01' }), null],
];

describe('dateErrors (issue #11)', () => {
  it.each(ROWS)('%s', (_name, p, field) => {
    const errors = dateErrors(p, inForce, TODAY);
    if (field === null) {
      expect(errors).toEqual([]);
    } else {
      expect(errors.map((e) => e.field)).toContain(field);
      // Dutch, and saying what is wrong with the date.
      expect(errors.find((e) => e.field === field)?.message).toMatch(/ligt (na vandaag|vóór|in de toekomst)|geen besluit/);
    }
  });
});
