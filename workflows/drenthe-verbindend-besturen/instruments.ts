/**
 * The instrument catalogue of the kader as typed data: every instrument the seed names, with each place it is used
 * (phase × actor), its verbatim Dutch wording there and, for the Inwoners column, the seed's participation level.
 *
 * Source: "Kader verbindend besturen Provincie Drenthe" (c. 2021–2022), the seed text
 * `seed/kader-verbindend-besturen-drenthe.txt` (a copy of shared/seed), as structured in domain-brief §7.2–§7.8 and its
 * machine-readable twin, domain-brief Appendix A (`instrument_usages`). Ids, canonical labels and kinds follow
 * §7.8 (60 unique ids, 90 usages); usages follow Appendix A, checked against the §7 tables and the seed text.
 * Dutch labels are verbatim from the seed, English is a gloss. Seed typos in the Inwoners level headings are
 * normalised as §7 says ("Informereren" → informeren, "Concluderen" → consulteren) and noted on the usage.
 * Change this data only together with the seed and `seed.spec.ts`.
 */
import { Actor, Niveau, PhaseId } from '../evidence';
import type { Text } from '../requirement';

/** The seed's rows: three transparency slots (informatievoorziening, bijeenkomsten, besluiten) and participation. */
export const INSTRUMENT_KINDS = [
  'transparency:informatievoorziening',
  'transparency:bijeenkomst',
  'transparency:besluit',
  'participation',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** One place the seed names an instrument: a phase, an actor's column, and the wording used there. */
export interface InstrumentUsage {
  phase: PhaseId;
  actor: Actor;
  /** `nl` verbatim from the seed for this usage (wording varies between usages); `en` is a gloss. */
  label: Text;
  /** The seed's participation level. Only the Inwoners column has one; null elsewhere. */
  level: Niveau | null;
  /** domain-brief §7's suggested level for PS/GS participation instruments. Not from the seed: never enforce it. */
  suggestedLevel: string | null;
  note: string | null;
}

/** A catalogue instrument (domain-brief §7.8). */
export interface InstrumentDefinition {
  id: InstrumentId;
  /** The canonical label of §7.8 (the wording of its first usage); `en` is a gloss. */
  label: Text;
  kind: InstrumentKind;
  /** In seed order: by phase, then PS, GS, Inwoners. */
  usages: InstrumentUsage[];
}

/** The catalogue ids in §7.8 order (first appearance in the seed). */
export const INSTRUMENT_IDS = [
  'uitleg-instrumenten-online',
  'initiatieven-tijdig-breed-aankondigen',
  'besluiten-ps',
  'drents-panel',
  'jongerenraad-adviesvraag',
  'drenthe-in-debat',
  'sociale-media-participatie',
  'staten-te-gast',
  'besluiten-gs',
  'werkbezoeken-gs',
  'individuele-gesprekken',
  'gesprekstafels-bestuurlijke-tafels',
  'netwerkgesprekken',
  'werkbezoek-op-uitnodiging-inwoners',
  'mail-brief-drents-parlement',
  'algemeen-inspraakrecht-statencommissies',
  'jongerenraad-ongevraagd-advies',
  'agenderingsrecht',
  'website-drents-parlement',
  'sociale-media-info',
  'openbare-vergaderingen-livestream',
  'ps-bijeenkomsten-pers-welkom',
  'publiceren-formele-besluiten',
  'website-provincie',
  'themagerichte-informatie',
  'gs-bijeenkomsten-informatief',
  'statenontmoeting',
  'hoorzitting-insprekersavond',
  'statencommissies',
  'initiatief-werkbezoek-ps',
  'startnotitie-participatieparagraaf',
  'participatieparagraaf-gs-voorstel',
  'raadgevende-groep',
  'opiniepeiling',
  'netwerkbijeenkomst-doelgroep',
  'keukentafelgesprekken',
  'inspreken-op-startnotitie',
  'aansluiten-maatschappelijke-initiatieven',
  'beginspraak-overweging',
  'inwonersinitiatief-checkvraag',
  'actief-toezenden-voorgenomen-besluiten',
  'publicatie-gs-voorstellen',
  'initiatiefvoorstel-fracties',
  'inspraak-formeel',
  'atelier',
  'expertsessie',
  'actieve-publicatie-resultaten-drents-panel',
  'publiceren-besluiten',
  'spreekrecht-statencommissie',
  'inspreken-op-locatie',
  'participatieverslag-beleidsvoorstel',
  'inspreken-op-voorstel',
  'referendum-pm',
  'website',
  'informatiebijeenkomst-gs',
  'besluiten-gs-en-ps',
  'initiatief-beleidsevaluatie',
  'nrk-onderzoek',
  'digitale-middelen',
  'evaluatie-instrumenten-nazorg',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/**
 * An activity may use an instrument that is not in the catalogue: it then records this id and its own label
 * (evidence `ActiviteitData.instrumentLabel`).
 */
export const OTHER_INSTRUMENT_ID = 'other';

/** The catalogue, in §7.8 order: exactly one definition per id of `INSTRUMENT_IDS`. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  {
    id: 'uitleg-instrumenten-online',
    label: {
      nl: 'Instrumenten uitleggen op website Drents Parlement en sociale media',
      en: 'Explain the participation instruments on the PS website and social media',
    },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: {
          nl: 'Instrumenten uitleggen op website Drents Parlement en sociale media',
          en: 'Explain the participation instruments on the PS website and social media',
        },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: {
          nl: 'Instrumenten uitleggen op website provincie en sociale media',
          en: 'Explain the instruments on the province website and social media',
        },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'initiatieven-tijdig-breed-aankondigen',
    label: { nl: 'Tijdig en breed initiatieven aankondigen', en: 'Announce initiatives in good time and widely' },
    kind: 'transparency:bijeenkomst',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Tijdig en breed initiatieven aankondigen', en: 'Announce initiatives in good time and widely' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Tijdig en breed initiatieven aankondigen', en: 'Announce initiatives in good time and widely' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'besluiten-ps',
    label: { nl: 'Besluiten PS', en: 'PS decisions (slot present, no items listed)' },
    kind: 'transparency:besluit',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Besluiten PS', en: 'PS decisions (slot present, no items listed)' },
        level: null,
        suggestedLevel: null,
        note: 'header only in seed',
      },
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'PS',
        label: { nl: 'Besluiten PS', en: 'PS decisions (slot present, no items)' },
        level: null,
        suggestedLevel: null,
        note: 'header only',
      },
      {
        phase: 'uitvoering',
        actor: 'PS',
        label: { nl: 'Besluiten PS', en: 'PS decisions (slot present, no items)' },
        level: null,
        suggestedLevel: null,
        note: 'header only',
      },
    ],
  },
  {
    id: 'drents-panel',
    label: { nl: 'Inzetten Drents Panel', en: "Deploy the Drents Panel (online residents' survey panel)" },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Inzetten Drents Panel', en: "Deploy the Drents Panel (online residents' survey panel)" },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Peiling Drents Panel', en: 'Drents Panel poll' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Inbreng uitkomsten opiniepeiling Drents Panel', en: 'Feed in the Drents Panel poll results' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'controle-evaluatie',
        actor: 'PS',
        label: { nl: 'Inzet Drents Panel', en: 'Deploy the Drents Panel' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'jongerenraad-adviesvraag',
    label: { nl: 'Adviesvraag aan Jongerenraad', en: 'Request advice from the Youth Council' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Adviesvraag aan Jongerenraad', en: 'Request advice from the Youth Council' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Jongerenraad', en: 'Youth Council (advice requested by PS)' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
    ],
  },
  {
    id: 'drenthe-in-debat',
    label: { nl: 'Drenthe in Debat', en: 'Drenthe in Debat public debate event' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Drenthe in Debat', en: 'Drenthe in Debat public debate event' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Drenthe in Debat', en: 'Drenthe in Debat public debate event' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'sociale-media-participatie',
    label: { nl: 'Sociale media', en: 'Social media as a two-way input channel' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: { nl: 'Sociale media', en: 'Social media as a two-way input channel' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Sociale media', en: 'Social media as a two-way input channel' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Sociale media', en: 'Social media as a two-way input channel' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'staten-te-gast',
    label: {
      nl: 'De markt op/de provincie in: De Staten te gast (wandel- en fietsinitiatieven)',
      en: "Go out into the province: 'the States as guests' (walking and cycling outings)",
    },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'PS',
        label: {
          nl: 'De markt op/de provincie in: De Staten te gast (wandel- en fietsinitiatieven)',
          en: "Go out into the province: 'the States as guests' (walking and cycling outings)",
        },
        level: null,
        suggestedLevel: 'informeren/consulteren',
        note: 'format not found in public sources',
      },
    ],
  },
  {
    id: 'besluiten-gs',
    label: { nl: 'Besluiten GS', en: 'GS decisions (slot present, no items listed)' },
    kind: 'transparency:besluit',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Besluiten GS', en: 'GS decisions (slot present, no items listed)' },
        level: null,
        suggestedLevel: null,
        note: 'header only in seed',
      },
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'GS',
        label: { nl: 'Besluiten GS', en: 'GS decisions (slot present, no items)' },
        level: null,
        suggestedLevel: null,
        note: 'header only',
      },
      {
        phase: 'uitvoering',
        actor: 'GS',
        label: { nl: 'Besluiten GS', en: 'GS decisions (slot present, no items)' },
        level: null,
        suggestedLevel: null,
        note: 'header only',
      },
    ],
  },
  {
    id: 'werkbezoeken-gs',
    label: { nl: 'Werkbezoeken', en: 'Working (site) visits by GS' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Werkbezoeken', en: 'Working (site) visits by GS' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'individuele-gesprekken',
    label: { nl: 'Individuele gesprekken', en: 'One-to-one conversations' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Individuele gesprekken', en: 'One-to-one conversations' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'gesprekstafels-bestuurlijke-tafels',
    label: { nl: 'Gesprekstafels/bestuurlijke tafels', en: 'Dialogue tables / administrative round tables' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Gesprekstafels/bestuurlijke tafels', en: 'Dialogue tables / administrative round tables' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Bestuurlijke tafels', en: 'Administrative round tables' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
    ],
  },
  {
    id: 'netwerkgesprekken',
    label: { nl: 'Netwerkgesprekken', en: 'Conversations with stakeholder networks' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'GS',
        label: { nl: 'Netwerkgesprekken', en: 'Conversations with stakeholder networks' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'werkbezoek-op-uitnodiging-inwoners',
    label: { nl: 'Werkbezoek (op uitnodiging van inwoners)', en: 'Working visit at the invitation of residents' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: { nl: 'Werkbezoek (op uitnodiging van inwoners)', en: 'Working visit at the invitation of residents' },
        level: 'informeren',
        suggestedLevel: null,
        note: "direction inwoner→overheid; seed heading reads 'Informereren' (typo), normalised to informeren",
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: { nl: 'Werkbezoek op uitnodiging inwoners', en: "Working visit at residents' invitation" },
        level: 'informeren',
        suggestedLevel: null,
        note: "direction inwoner→overheid; seed heading reads 'Informereren' (typo), normalised to informeren",
      },
    ],
  },
  {
    id: 'mail-brief-drents-parlement',
    label: { nl: 'Mail/brief aan Drents Parlement en/of fracties', en: 'E-mail/letter to PS and/or party groups' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: { nl: 'Mail/brief aan Drents Parlement en/of fracties', en: 'E-mail/letter to PS and/or party groups' },
        level: 'informeren',
        suggestedLevel: null,
        note: "direction inwoner→overheid; seed heading reads 'Informereren' (typo), normalised to informeren",
      },
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: {
          nl: 'Mail/brief aan Drents Parlement en/of fracties',
          en: 'E-mail/letter to PS and/or party groups (as a consultative contribution)',
        },
        level: 'consulteren',
        suggestedLevel: null,
        note: 'same instrument listed at two levels',
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: { nl: 'Mail/brief sturen aan Drents Parlement', en: 'Send an e-mail/letter to PS' },
        level: 'informeren',
        suggestedLevel: null,
        note: "direction inwoner→overheid; seed heading reads 'Informereren' (typo), normalised to informeren",
      },
    ],
  },
  {
    id: 'algemeen-inspraakrecht-statencommissies',
    label: {
      nl: 'Algemeen inspraakrecht Statencommissies',
      en: 'General right to speak in PS committees (spreekrecht)',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: {
          nl: 'Algemeen inspraakrecht Statencommissies',
          en: 'General right to speak in PS committees (spreekrecht)',
        },
        level: 'consulteren',
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'jongerenraad-ongevraagd-advies',
    label: { nl: 'Ongevraagd advies Jongerenraad', en: 'Unsolicited advice from the Youth Council' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: { nl: 'Ongevraagd advies Jongerenraad', en: 'Unsolicited advice from the Youth Council' },
        level: 'consulteren',
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: { nl: 'Ongevraagd advies Jongerenraad', en: 'Unsolicited advice from the Youth Council' },
        level: 'consulteren',
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'agenderingsrecht',
    label: { nl: 'Agenderingsrecht inwoners', en: "Residents' right to put a topic on the PS agenda" },
    kind: 'participation',
    usages: [
      {
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        label: { nl: 'Agenderingsrecht inwoners', en: "Residents' right to put a topic on the PS agenda" },
        level: 'meebeslissen',
        suggestedLevel: null,
        note: "seed heading: 'Meebeslissen (over agenda PS)': co-decide only the PS agenda",
      },
    ],
  },
  {
    id: 'website-drents-parlement',
    label: { nl: 'Website Drents Parlement', en: 'PS website' },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Website Drents Parlement', en: 'PS website' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Website Drents Parlement', en: 'PS website' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'sociale-media-info',
    label: { nl: 'Sociale media', en: 'Social media (information)' },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Sociale media', en: 'Social media (information)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Sociale media', en: 'Social media (information)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Sociale media', en: 'Social media (information)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'GS',
        label: { nl: 'Sociale media', en: 'Social media (information)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'uitvoering',
        actor: 'PS',
        label: { nl: 'Sociale media', en: 'Social media (information)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'openbare-vergaderingen-livestream',
    label: { nl: 'Openbare vergaderingen incl. livestream', en: 'Public meetings incl. live stream' },
    kind: 'transparency:bijeenkomst',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Openbare vergaderingen incl. livestream', en: 'Public meetings incl. live stream' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Openbare vergaderingen incl. livestream', en: 'Public meetings incl. live stream' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'ps-bijeenkomsten-pers-welkom',
    label: {
      nl: 'PS-bijeenkomsten (zie participatie-instrumenten PS): pers welkom',
      en: 'PS gatherings (see PS participation instruments): press welcome',
    },
    kind: 'transparency:bijeenkomst',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: {
          nl: 'PS-bijeenkomsten (zie participatie-instrumenten PS): pers welkom',
          en: 'PS gatherings (see PS participation instruments): press welcome',
        },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'publiceren-formele-besluiten',
    label: { nl: 'Publiceren formele besluiten', en: 'Publish formal decisions (PS)' },
    kind: 'transparency:besluit',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Publiceren formele besluiten', en: 'Publish formal decisions (PS)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Publiceren formele besluiten', en: 'Publish formal decisions (GS)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'website-provincie',
    label: { nl: 'Website provincie', en: 'Province website' },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Website provincie', en: 'Province website' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'GS',
        label: { nl: 'Website provincie', en: 'Province website' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'themagerichte-informatie',
    label: {
      nl: 'Themagerichte informatie/ beleids-onderwerp, website, nieuwsbrief, pagina in de krant, of live webinar; andere sociale mediakanalen',
      en: 'Theme-oriented information per policy topic: website, newsletter, newspaper page or live webinar; other social media channels',
    },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: {
          nl: 'Themagerichte informatie/ beleids-onderwerp, website, nieuwsbrief, pagina in de krant, of live webinar; andere sociale mediakanalen',
          en: 'Theme-oriented information per policy topic: website, newsletter, newspaper page or live webinar; other social media channels',
        },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'gs-bijeenkomsten-informatief',
    label: { nl: 'GS-bijeenkomsten (informatief)', en: 'GS information sessions' },
    kind: 'transparency:bijeenkomst',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'GS-bijeenkomsten (informatief)', en: 'GS information sessions' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'statenontmoeting',
    label: { nl: 'Statenontmoeting', en: 'PS themed encounter meeting' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Statenontmoeting', en: 'PS themed encounter meeting' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'hoorzitting-insprekersavond',
    label: { nl: 'Hoorzitting/insprekersavond', en: "Hearing / residents' speaking evening" },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Hoorzitting/insprekersavond', en: "Hearing / residents' speaking evening" },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: {
          nl: 'Hoorzitting of insprekersavond voorafgaand aan de commissievergadering',
          en: "Hearing or speakers' evening before the committee meeting",
        },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'statencommissies',
    label: { nl: 'Statencommissies', en: 'PS committees (public debate + spreekrecht)' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Statencommissies', en: 'PS committees (public debate + spreekrecht)' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'initiatief-werkbezoek-ps',
    label: { nl: 'Initiatief voor werkbezoek', en: 'PS-initiated working visit' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'PS',
        label: { nl: 'Initiatief voor werkbezoek', en: 'PS-initiated working visit' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'startnotitie-participatieparagraaf',
    label: {
      nl: 'Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf',
      en: 'Startnotitie (initiation note) for strategic topics, incl. a participation section',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: {
          nl: 'Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf',
          en: 'Startnotitie (initiation note) for strategic topics, incl. a participation section',
        },
        level: null,
        suggestedLevel: '(process instrument)',
        note: 'the key guard-bearing instrument',
      },
    ],
  },
  {
    id: 'participatieparagraaf-gs-voorstel',
    label: { nl: 'Participatieparagraaf in GS voorstellen', en: 'Participation section in GS proposals' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Participatieparagraaf in GS voorstellen', en: 'Participation section in GS proposals' },
        level: null,
        suggestedLevel: '(process instrument)',
        note: null,
      },
    ],
  },
  {
    id: 'raadgevende-groep',
    label: { nl: 'Raadgevende groep', en: 'Advisory group / sounding board' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Raadgevende groep', en: 'Advisory group / sounding board' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
    ],
  },
  {
    id: 'opiniepeiling',
    label: { nl: 'Opiniepeiling uitzetten (vaak digitaal)', en: 'Launch an opinion poll (often online)' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Opiniepeiling uitzetten (vaak digitaal)', en: 'Launch an opinion poll (often online)' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'netwerkbijeenkomst-doelgroep',
    label: { nl: "Netwerkbijeenkomst voor doelgroep ('café')", en: 'Café-style network meeting for a target group' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: {
          nl: "Netwerkbijeenkomst voor doelgroep ('café')",
          en: 'Café-style network meeting for a target group',
        },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'keukentafelgesprekken',
    label: { nl: 'Keukentafelgesprekken', en: 'Kitchen-table conversations' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'GS',
        label: { nl: 'Keukentafelgesprekken', en: 'Kitchen-table conversations' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'inspreken-op-startnotitie',
    label: { nl: 'Inspreken op de startnotitie', en: 'Speak/comment on the startnotitie' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: { nl: 'Inspreken op de startnotitie', en: 'Speak/comment on the startnotitie' },
        level: 'consulteren',
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'aansluiten-maatschappelijke-initiatieven',
    label: {
      nl: 'Aansluiten bij bestaande maatschappelijke initiatieven',
      en: 'Join existing civil-society initiatives',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: {
          nl: 'Aansluiten bij bestaande maatschappelijke initiatieven',
          en: 'Join existing civil-society initiatives',
        },
        level: 'consulteren',
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'uitvoering',
        actor: 'Inwoners',
        label: {
          nl: 'Aansluiten bij bestaande maatschappelijke initiatieven',
          en: 'Join existing civil-society initiatives',
        },
        level: 'meebeslissen',
        suggestedLevel: null,
        note: "same instrument is 'consulteren' in P2",
      },
    ],
  },
  {
    id: 'beginspraak-overweging',
    label: { nl: 'Overweging: beginspraak organiseren?', en: 'Consideration: organise early-stage say (beginspraak)?' },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: {
          nl: 'Overweging: beginspraak organiseren?',
          en: 'Consideration: organise early-stage say (beginspraak)?',
        },
        level: 'meebeslissen',
        suggestedLevel: null,
        note: 'a question to answer, not an instrument per se',
      },
    ],
  },
  {
    id: 'inwonersinitiatief-checkvraag',
    label: {
      nl: 'Checkvraag: ruimte voor een inwonersinitiatief?',
      en: "Check question: is there room for a residents' initiative?",
    },
    kind: 'participation',
    usages: [
      {
        phase: 'voorbereiding-beleid',
        actor: 'Inwoners',
        label: {
          nl: 'Checkvraag: ruimte voor een inwonersinitiatief?',
          en: "Check question: is there room for a residents' initiative?",
        },
        level: 'meebeslissen',
        suggestedLevel: null,
        note: 'a question to answer, not an instrument per se',
      },
    ],
  },
  {
    id: 'actief-toezenden-voorgenomen-besluiten',
    label: {
      nl: 'Actief toezenden (GS aan PS) van voorgenomen besluiten (inspraak)',
      en: 'GS proactively send intended decisions (for inspraak) to PS',
    },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'PS',
        label: {
          nl: 'Actief toezenden (GS aan PS) van voorgenomen besluiten (inspraak)',
          en: 'GS proactively send intended decisions (for inspraak) to PS',
        },
        level: null,
        suggestedLevel: null,
        note: 'GS action listed in PS column (PS = recipient)',
      },
    ],
  },
  {
    id: 'publicatie-gs-voorstellen',
    label: { nl: 'Publicatie GS voorstellen', en: 'Publication of GS proposals' },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'GS',
        label: { nl: 'Publicatie GS voorstellen', en: 'Publication of GS proposals' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'initiatiefvoorstel-fracties',
    label: {
      nl: 'Initiatiefvoorstel (fractie of fracties)',
      en: 'Initiative proposal by one or more PS party groups (Pw 143a)',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'PS',
        label: {
          nl: 'Initiatiefvoorstel (fractie of fracties)',
          en: 'Initiative proposal by one or more PS party groups (Pw 143a)',
        },
        level: null,
        suggestedLevel: '(PS instrument, no resident level)',
        note: null,
      },
    ],
  },
  {
    id: 'inspraak-formeel',
    label: {
      nl: 'Inspraak (formeel-juridische procedure vanuit Inspraakverordening of Awb)',
      en: 'Formal inspraak procedure under the inspraak bye-law or Awb afd. 3.4',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'GS',
        label: {
          nl: 'Inspraak (formeel-juridische procedure vanuit Inspraakverordening of Awb)',
          en: 'Formal inspraak procedure under the inspraak bye-law or Awb afd. 3.4',
        },
        level: null,
        suggestedLevel: 'consulteren',
        note: 'triggers Awb 3.4 timers',
      },
    ],
  },
  {
    id: 'atelier',
    label: { nl: 'Atelier', en: 'Design workshop' },
    kind: 'participation',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'GS',
        label: { nl: 'Atelier', en: 'Design workshop' },
        level: null,
        suggestedLevel: 'consulteren (coproduceren)',
        note: null,
      },
    ],
  },
  {
    id: 'expertsessie',
    label: { nl: 'Expertsessie', en: 'Expert session' },
    kind: 'participation',
    usages: [
      {
        phase: 'ontwikkeling-voorstel',
        actor: 'GS',
        label: { nl: 'Expertsessie', en: 'Expert session' },
        level: null,
        suggestedLevel: 'consulteren (adviseren)',
        note: null,
      },
    ],
  },
  {
    id: 'actieve-publicatie-resultaten-drents-panel',
    label: {
      nl: 'Actieve publicatie resultaten Drents Panel onderzoek',
      en: 'Proactive publication of Drents Panel survey results',
    },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: {
          nl: 'Actieve publicatie resultaten Drents Panel onderzoek',
          en: 'Proactive publication of Drents Panel survey results',
        },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'publiceren-besluiten',
    label: { nl: 'Publiceren besluiten', en: 'Publish decisions (PS)' },
    kind: 'transparency:besluit',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Publiceren besluiten', en: 'Publish decisions (PS)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'GS',
        label: { nl: 'Publiceren besluiten', en: 'Publish decisions (GS)' },
        level: null,
        suggestedLevel: null,
        note: null,
      },
    ],
  },
  {
    id: 'spreekrecht-statencommissie',
    label: { nl: 'Inspreken in de Statencommissie (spreekrecht)', en: 'Address a PS committee (right to speak)' },
    kind: 'participation',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: { nl: 'Inspreken in de Statencommissie (spreekrecht)', en: 'Address a PS committee (right to speak)' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'inspreken-op-locatie',
    label: {
      nl: 'Inspreken op Locatie',
      en: 'Speaking at a location (hearing held in the area concerned; meaning inferred)',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'PS',
        label: {
          nl: 'Inspreken op Locatie',
          en: 'Speaking at a location (hearing held in the area concerned; meaning inferred)',
        },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'participatieverslag-beleidsvoorstel',
    label: {
      nl: 'Participatieparagraaf (verslag) in beleidsvoorstellen',
      en: 'Participation section (report) in policy proposals',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'GS',
        label: {
          nl: 'Participatieparagraaf (verslag) in beleidsvoorstellen',
          en: 'Participation section (report) in policy proposals',
        },
        level: null,
        suggestedLevel: '(process instrument)',
        note: 'the report counterpart of the plan paragraph',
      },
    ],
  },
  {
    id: 'inspreken-op-voorstel',
    label: { nl: 'Inspreken op het voorstel', en: 'Speak/comment on the proposal' },
    kind: 'participation',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'Inwoners',
        label: { nl: 'Inspreken op het voorstel', en: 'Speak/comment on the proposal' },
        level: 'consulteren',
        suggestedLevel: null,
        note: "seed heading reads 'Concluderen' — treat as typo for 'Consulteren' (confirm)",
      },
    ],
  },
  {
    id: 'referendum-pm',
    label: {
      nl: 'In afwachting van uitkomsten discussie rondom verkennende notitie referenda',
      en: 'Pending outcome of the exploratory memo on referendums',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'kaderstelling-besluitvorming',
        actor: 'Inwoners',
        label: {
          nl: 'In afwachting van uitkomsten discussie rondom verkennende notitie referenda',
          en: 'Pending outcome of the exploratory memo on referendums',
        },
        level: 'meebeslissen',
        suggestedLevel: null,
        note: 'placeholder; outcome 2022-23: no referendum, Burgerberaad instead → retire',
      },
    ],
  },
  {
    id: 'website',
    label: { nl: 'Website', en: 'Website (unspecified; probably PS website)' },
    kind: 'transparency:informatievoorziening',
    usages: [
      {
        phase: 'uitvoering',
        actor: 'PS',
        label: { nl: 'Website', en: 'Website (unspecified; probably PS website)' },
        level: null,
        suggestedLevel: null,
        note: 'ambiguous',
      },
    ],
  },
  {
    id: 'informatiebijeenkomst-gs',
    label: { nl: 'Informatiebijeenkomst GS', en: 'GS information session for PS' },
    kind: 'transparency:bijeenkomst',
    usages: [
      {
        phase: 'uitvoering',
        actor: 'PS',
        label: { nl: 'Informatiebijeenkomst GS', en: 'GS information session for PS' },
        level: null,
        suggestedLevel: null,
        note: 'GS organises; listed in PS column',
      },
    ],
  },
  {
    id: 'besluiten-gs-en-ps',
    label: { nl: 'Besluiten GS en PS', en: 'Decisions of GS and PS' },
    kind: 'transparency:besluit',
    usages: [
      {
        phase: 'controle-evaluatie',
        actor: 'PS',
        label: { nl: 'Besluiten GS en PS', en: 'Decisions of GS and PS' },
        level: null,
        suggestedLevel: null,
        note: 'listed identically in PS and GS columns',
      },
      {
        phase: 'controle-evaluatie',
        actor: 'GS',
        label: { nl: 'Besluiten GS en PS', en: 'Decisions of GS and PS' },
        level: null,
        suggestedLevel: null,
        note: 'listed identically in PS and GS columns',
      },
    ],
  },
  {
    id: 'initiatief-beleidsevaluatie',
    label: {
      nl: 'Initiatief voor beleidsevaluatie (door statenonderzoekers en/of extern bureau)',
      en: 'PS-initiated policy evaluation (by PS researchers and/or an external firm)',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'controle-evaluatie',
        actor: 'PS',
        label: {
          nl: 'Initiatief voor beleidsevaluatie (door statenonderzoekers en/of extern bureau)',
          en: 'PS-initiated policy evaluation (by PS researchers and/or an external firm)',
        },
        level: null,
        suggestedLevel: '(PS oversight instrument)',
        note: null,
      },
    ],
  },
  {
    id: 'nrk-onderzoek',
    label: {
      nl: 'NRK-onderzoek (al dan niet op verzoek)',
      en: 'Noordelijke Rekenkamer investigation (on PS request or own initiative)',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'controle-evaluatie',
        actor: 'PS',
        label: {
          nl: 'NRK-onderzoek (al dan niet op verzoek)',
          en: 'Noordelijke Rekenkamer investigation (on PS request or own initiative)',
        },
        level: null,
        suggestedLevel: '(PS oversight instrument)',
        note: null,
      },
    ],
  },
  {
    id: 'digitale-middelen',
    label: { nl: 'Inzet digitale middelen', en: 'Use of digital tools (e.g. online surveys/consultations)' },
    kind: 'participation',
    usages: [
      {
        phase: 'controle-evaluatie',
        actor: 'PS',
        label: { nl: 'Inzet digitale middelen', en: 'Use of digital tools (e.g. online surveys/consultations)' },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
  {
    id: 'evaluatie-instrumenten-nazorg',
    label: {
      nl: 'Evaluatie instrumenten (denk aan digitale opties, formulieren) maar ook het houden van bijeenkomsten met nazorg',
      en: 'Evaluate the instruments used (digital options, forms) and hold meetings with follow-up',
    },
    kind: 'participation',
    usages: [
      {
        phase: 'controle-evaluatie',
        actor: 'GS',
        label: {
          nl: 'Evaluatie instrumenten (denk aan digitale opties, formulieren) maar ook het houden van bijeenkomsten met nazorg',
          en: 'Evaluate the instruments used (digital options, forms) and hold meetings with follow-up',
        },
        level: null,
        suggestedLevel: 'consulteren',
        note: null,
      },
    ],
  },
];

/**
 * PS-side participation events that must be held before the zienswijzen deadline or the PS decision, not after
 * (guard G3-06; lesson from the first Drenthe in Debat, 2018).
 */
export const PS_SIDE_EVENT_INSTRUMENTS: readonly InstrumentId[] = [
  'drenthe-in-debat',
  'statenontmoeting',
  'hoorzitting-insprekersavond',
  'drents-panel',
];

/** Advisory bodies whose advice needs a written response on what was and was not adopted (guard G4-12). */
export const ADVISORY_BODY_INSTRUMENTS: readonly InstrumentId[] = [
  'jongerenraad-adviesvraag',
  'jongerenraad-ongevraagd-advies',
  'raadgevende-groep',
];

const INSTRUMENT_BY_ID: ReadonlyMap<string, InstrumentDefinition> = new Map(INSTRUMENTS.map((i) => [i.id, i]));

/** True for a catalogue id; false for `other` and anything else. */
export function isCatalogueInstrument(id: string): id is InstrumentId {
  return INSTRUMENT_BY_ID.has(id);
}

/** The catalogue instrument with this id, or undefined (also for `other`). */
export function instrumentById(id: string): InstrumentDefinition | undefined {
  return INSTRUMENT_BY_ID.get(id);
}

/**
 * The catalogue instruments the seed names in this phase (for this actor, if given), in catalogue order. Each is
 * the full definition; read its `usages` for the wording and level in this phase.
 */
export function instrumentsFor(phase: PhaseId, actor?: Actor): InstrumentDefinition[] {
  return INSTRUMENTS.filter((i) => i.usages.some((u) => matches(u, phase, actor)));
}

/** The usages the seed lists in this phase (for this actor, if given), each with its instrument's id and kind. */
export function usagesFor(
  phase: PhaseId,
  actor?: Actor,
): Array<{ instrumentId: InstrumentId; kind: InstrumentKind; usage: InstrumentUsage }> {
  return INSTRUMENTS.flatMap((i) =>
    i.usages.filter((u) => matches(u, phase, actor)).map((usage) => ({ instrumentId: i.id, kind: i.kind, usage })),
  );
}

function matches(u: InstrumentUsage, phase: PhaseId, actor: Actor | undefined): boolean {
  return u.phase === phase && (actor === undefined || u.actor === actor);
}
