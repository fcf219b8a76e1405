/**
 * The sources the 2025 requirements cite, each with its address and the words it was read with. Kept in one place
 * so that docs/kader-2025.md and the requirement metadata quote the same text.
 */

/** Provinciaal blad 2025, 21786: the Beleidskader participatie "Blijvend in verbinding" (beleidsregel). */
export const BLIJVEND_IN_VERBINDING = {
  ref: 'Beleidskader participatie "Blijvend in verbinding", Provinciaal blad 2025, 21786 (beleidsregel; GS-voorstel van 16 september 2025, kenmerk 38/5.8/2025001212)',
  url: 'https://zoek.officielebekendmakingen.nl/prb-2025-21786.html',
  /** The residents' wishes, verbatim as published ("De wensen samengevat"); wish 10 is cut off in the stored copy. */
  wens: {
    2: 'Praat met de mensen op basis van gelijkwaardigheid en inclusiviteit: alle belangen aan tafel.',
    3: 'Betrek inwoners vroegtijdig. Niet pas op het moment dat er al een plan klaarligt.',
    6: 'Stel een duidelijke vraag.',
    7: "Stel duidelijke kaders: wat is de 'speelruimte' of adviesruimte van de deelnemers.",
    8: 'Wees transparant over het proces en wees proactief en eerlijk over het voorwerk dat al is gedaan.',
    9: 'Maak duidelijk wat je plan is met participatie. Wanneer mag wie iets zeggen? En hoe wordt dat bij beleids- of planvorming gebruikt?',
  },
  samenvatting: 'doe wat je zegt en zeg wat je doet',
} as const;

/** The seed's PS role in the phase voorbereiding-beleid (domain-brief §7.3, role ps-representativiteit-belangenafweging). */
export const SEED_REPRESENTATIVITEIT = 'Bewaken representativiteit, borgen zorgvuldige belangenafweging (2018)';

/** The Noordelijke Rekenkamer's finding on Drenthe ("Ruimte voor inbreng", 2021), as RTV Drenthe reported it [S14]. */
export const NRK_TERUGKOPPELING = {
  url: 'https://www.rtvdrenthe.nl/nieuws/167348/Laat-Drenten-altijd-meepraten-over-nieuwe-ruimtelijke-projecten',
  quote: 'In sommige gevallen veranderde de provincie haar plannen vervolgens ingrijpend, maar een goede verslaglegging en terugkoppeling hiervan ontbreekt, stelt de rekenkamer.',
} as const;

/** The Burgerberaad Drenthe's feedback duty, as RTV Drenthe reported it (2024) [S29]. */
export const BURGERBERAAD_TERUGKOPPELING = {
  url: 'https://www.rtvdrenthe.nl/nieuws/16219879/burgerberaad-voor-eerste-keer-in-actie-om-te-adviseren-bij-provinciaal-woonvraagstuk',
  quote: 'Wat het burgerberaad besluit blijft een advies, maar Provinciale Staten en Gedeputeerde Staten moeten wel terugkoppelen wat ze uit het advies wel of niet hebben overgenomen en waarom.',
} as const;

/** The Wet versterking participatie op decentraal niveau (Kamerstuk 36210): what was found, and what was not. */
export const WET_VERSTERKING_PARTICIPATIE = {
  url: 'https://www.rijksoverheid.nl/actueel/nieuws/2024/06/04/eerste-kamer-stemt-in-met-wetsvoorstel-versterking-participatie-op-decentraal-niveau',
  quote: 'Daarin leggen overheden vast hoe inwoners betrokken worden bij de voorbereiding, uitvoering én evaluatie van beleid.',
  note: 'Passed by the Tweede Kamer on 26 October 2023 and the Eerste Kamer on 4 June 2024 (VNG, https://vng.nl/wetsvoorstellen/wet-versterking-participatie-op-decentraal-niveau: "Wettekst nog niet gepubliceerd"; entry into force "op een bij koninklijk besluit te bepalen tijdstip"). The Staatsblad publication, the date of entry into force and a Drenthe participatieverordening under it were not found; municipal verordeningen "geldend van 01-01-2025" (e.g. https://lokaleregelgeving.overheid.nl/CVDR730152/1) suggest 1 January 2025, which is not proof.',
} as const;
