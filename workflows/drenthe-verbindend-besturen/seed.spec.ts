import { ACTORS, NIVEAUS, PHASE_IDS } from '../evidence';
import {
  ADVISORY_BODY_INSTRUMENTS,
  INSTRUMENT_IDS,
  INSTRUMENT_KINDS,
  INSTRUMENTS,
  instrumentById,
  instrumentsFor,
  isCatalogueInstrument,
  OTHER_INSTRUMENT_ID,
  PS_SIDE_EVENT_INSTRUMENTS,
  usagesFor,
} from './instruments';
import { FINAL_STATE_LABELS, nextPhase, PHASES, phaseById, previousPhase } from './phases';

const allUsages = INSTRUMENTS.flatMap((i) => i.usages.map((u) => ({ id: i.id, kind: i.kind, ...u })));
const usage = (id: string, phase: string, actor: string) =>
  allUsages.filter((u) => u.id === id && u.phase === phase && u.actor === actor);

describe('the seed as data: counts (domain-brief §7.8)', () => {
  it('has 6 phases, 15 role statements and 24 empty slots', () => {
    expect(PHASES).toHaveLength(6);
    expect(PHASES.flatMap((p) => p.roles)).toHaveLength(15);
    expect(PHASES.flatMap((p) => p.emptySlots)).toHaveLength(24);
  });

  it('has 60 catalogue instruments with 90 usages', () => {
    expect(INSTRUMENTS).toHaveLength(60);
    expect(INSTRUMENT_IDS).toHaveLength(60);
    expect(allUsages).toHaveLength(90);
  });
});

describe('phases', () => {
  it('are in the seed order, numbered 1..6, and match PHASE_IDS', () => {
    expect(PHASES.map((p) => p.id)).toEqual([...PHASE_IDS]);
    expect(PHASES.map((p) => p.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('have role ids unique within a phase and actors from ACTORS', () => {
    for (const p of PHASES) {
      const ids = p.roles.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of p.roles) expect(ACTORS).toContain(r.actor);
      for (const e of p.emptySlots) expect(ACTORS).toContain(e.actor);
    }
  });

  it('keep role wording verbatim from the seed', () => {
    expect(phaseById('kaderstelling-besluitvorming').roles.find((r) => r.actor === 'GS')?.label.nl).toBe(
      'GS doen PS een voorstel of nemen zelf een besluit voor zover het de eigen bevoegdheid betreft.',
    );
    expect(phaseById('controle-evaluatie').roles.find((r) => r.id === 'gs-evalueren-terugkoppelen')?.label.nl).toBe(
      'Een evaluatie uitvoeren en de hoofdlijnen terugkoppelen naar PS. De leerpunten en successen opnemen in het proces voor de volgende keer',
    );
    expect(phaseById('ontwikkeling-voorstel').roles.map((r) => r.actor)).toEqual(['GS']);
  });

  it('record the seed’s empty cells', () => {
    expect(phaseById('voorfase-agendasetting').emptySlots).toEqual([
      { actor: 'Inwoners', slot: 'transparency (all three)' },
    ]);
    expect(phaseById('uitvoering').emptySlots).toContainEqual({ actor: 'PS', slot: 'participation' });
    expect(phaseById('controle-evaluatie').emptySlots).toContainEqual({ actor: 'Inwoners', slot: 'meebeslissen' });
  });

  it('step forwards and backwards, with null at both ends', () => {
    expect(nextPhase('voorfase-agendasetting')).toBe('voorbereiding-beleid');
    expect(nextPhase('uitvoering')).toBe('controle-evaluatie');
    expect(nextPhase('controle-evaluatie')).toBeNull();
    expect(previousPhase('voorfase-agendasetting')).toBeNull();
    expect(previousPhase('voorbereiding-beleid')).toBe('voorfase-agendasetting');
    expect(previousPhase('controle-evaluatie')).toBe('uitvoering');
    for (const id of PHASE_IDS) {
      const next = nextPhase(id);
      if (next !== null) expect(previousPhase(next)).toBe(id);
    }
  });

  it('refuse an id that is not a phase', () => {
    expect(() => phaseById('afgesloten' as never)).toThrow('Unknown phase');
  });

  it('label the final states', () => {
    expect(FINAL_STATE_LABELS).toEqual({
      afgesloten: { nl: 'Afgesloten', en: 'Closed' },
      ingetrokken: { nl: 'Ingetrokken', en: 'Withdrawn' },
    });
  });
});

describe('instrument catalogue', () => {
  it('has unique ids, in the order of INSTRUMENT_IDS, none of them `other`', () => {
    expect(new Set(INSTRUMENT_IDS).size).toBe(INSTRUMENT_IDS.length);
    expect(INSTRUMENTS.map((i) => i.id)).toEqual([...INSTRUMENT_IDS]);
    expect(INSTRUMENT_IDS).not.toContain(OTHER_INSTRUMENT_ID);
    for (const id of INSTRUMENT_IDS) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every instrument a known kind and at least one usage', () => {
    for (const i of INSTRUMENTS) {
      expect(INSTRUMENT_KINDS).toContain(i.kind);
      expect(i.usages.length).toBeGreaterThan(0);
      expect(i.label.nl).not.toBe('');
      expect(i.label.en).not.toBe('');
    }
  });

  it('puts every usage in a known phase and actor, with both labels', () => {
    for (const u of allUsages) {
      expect(PHASE_IDS).toContain(u.phase);
      expect(ACTORS).toContain(u.actor);
      expect(u.label.nl).not.toBe('');
      expect(u.label.en).not.toBe('');
    }
  });

  it('does not list the same instrument twice in one cell', () => {
    const keys = allUsages.map((u) => `${u.id}|${u.phase}|${u.actor}|${u.level}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has seed levels only on Inwoners participation usages, and every Inwoners usage has one', () => {
    for (const u of allUsages) {
      if (u.actor === 'Inwoners') {
        expect(u.kind).toBe('participation');
        expect(NIVEAUS).toContain(u.level);
        expect(u.suggestedLevel).toBeNull();
      } else {
        expect(u.level).toBeNull();
      }
    }
  });

  it('suggests levels (not seed) only for PS/GS participation instruments', () => {
    for (const u of allUsages.filter((x) => x.suggestedLevel !== null)) {
      expect(u.kind).toBe('participation');
      expect(u.actor).not.toBe('Inwoners');
    }
  });

  it('normalises the seed’s level typos and says so', () => {
    const informereren = allUsages.filter((u) => u.note?.includes('Informereren'));
    expect(informereren).toHaveLength(4);
    for (const u of informereren) expect(u.level).toBe('informeren');
    const [opVoorstel] = usage('inspreken-op-voorstel', 'kaderstelling-besluitvorming', 'Inwoners');
    expect(opVoorstel.level).toBe('consulteren');
    expect(opVoorstel.note).toContain('Concluderen');
  });
});

describe('spot checks against the seed text', () => {
  it('startnotitie-participatieparagraaf: GS participation in voorbereiding-beleid', () => {
    const i = instrumentById('startnotitie-participatieparagraaf');
    expect(i?.kind).toBe('participation');
    expect(i?.usages).toHaveLength(1);
    expect(i?.usages[0]).toMatchObject({
      phase: 'voorbereiding-beleid',
      actor: 'GS',
      level: null,
      label: { nl: 'Startnotitie bij strategische onderwerpen, inclusief participatieparagraaf' },
    });
  });

  it('agenderingsrecht: Inwoners, meebeslissen, in the voorfase', () => {
    expect(instrumentById('agenderingsrecht')?.usages).toEqual([
      expect.objectContaining({
        phase: 'voorfase-agendasetting',
        actor: 'Inwoners',
        level: 'meebeslissen',
        label: expect.objectContaining({ nl: 'Agenderingsrecht inwoners' }),
      }),
    ]);
  });

  it('keeps per-usage wording where the seed varies it', () => {
    expect(instrumentById('drents-panel')?.usages.map((u) => [u.phase, u.label.nl])).toEqual([
      ['voorfase-agendasetting', 'Inzetten Drents Panel'],
      ['voorbereiding-beleid', 'Peiling Drents Panel'],
      ['kaderstelling-besluitvorming', 'Inbreng uitkomsten opiniepeiling Drents Panel'],
      ['controle-evaluatie', 'Inzet Drents Panel'],
    ]);
  });

  it('lists the mail/brief instrument at two levels in the voorfase', () => {
    expect(usage('mail-brief-drents-parlement', 'voorfase-agendasetting', 'Inwoners').map((u) => u.level)).toEqual([
      'informeren',
      'consulteren',
    ]);
  });

  it('has aansluiten-maatschappelijke-initiatieven as consulteren in P2 and meebeslissen in P5', () => {
    expect(
      instrumentById('aansluiten-maatschappelijke-initiatieven')?.usages.map((u) => [u.phase, u.actor, u.level]),
    ).toEqual([
      ['voorbereiding-beleid', 'Inwoners', 'consulteren'],
      ['uitvoering', 'Inwoners', 'meebeslissen'],
    ]);
  });

  it('keeps the transparency slots of kaderstelling-besluitvorming', () => {
    expect(instrumentsFor('kaderstelling-besluitvorming', 'PS').map((i) => [i.id, i.kind])).toEqual([
      ['drents-panel', 'participation'],
      ['website-drents-parlement', 'transparency:informatievoorziening'],
      ['sociale-media-info', 'transparency:informatievoorziening'],
      ['openbare-vergaderingen-livestream', 'transparency:bijeenkomst'],
      ['hoorzitting-insprekersavond', 'participation'],
      ['actieve-publicatie-resultaten-drents-panel', 'transparency:informatievoorziening'],
      ['publiceren-besluiten', 'transparency:besluit'],
      ['spreekrecht-statencommissie', 'participation'],
      ['inspreken-op-locatie', 'participation'],
    ]);
  });
});

describe('lookups', () => {
  it('tells catalogue ids from `other` and unknown ids', () => {
    expect(isCatalogueInstrument('drenthe-in-debat')).toBe(true);
    expect(isCatalogueInstrument(OTHER_INSTRUMENT_ID)).toBe(false);
    expect(isCatalogueInstrument('burgerberaad')).toBe(false);
    expect(instrumentById(OTHER_INSTRUMENT_ID)).toBeUndefined();
  });

  it('finds instruments and usages per phase and actor', () => {
    expect(instrumentsFor('uitvoering').map((i) => i.id)).toEqual([
      'besluiten-ps',
      'besluiten-gs',
      'sociale-media-info',
      'aansluiten-maatschappelijke-initiatieven',
      'website',
      'informatiebijeenkomst-gs',
    ]);
    expect(instrumentsFor('uitvoering', 'GS').map((i) => i.id)).toEqual(['besluiten-gs']);
    expect(usagesFor('ontwikkeling-voorstel', 'Inwoners')).toEqual([]);
    const perPhase = PHASE_IDS.map((p) => usagesFor(p).length);
    expect(perPhase.reduce((a, b) => a + b, 0)).toBe(90);
    expect(perPhase).toEqual([22, 32, 8, 15, 6, 7]);
  });

  it('names guard instrument lists that are all in the catalogue', () => {
    for (const id of [...PS_SIDE_EVENT_INSTRUMENTS, ...ADVISORY_BODY_INSTRUMENTS]) {
      expect(isCatalogueInstrument(id)).toBe(true);
    }
    expect(PS_SIDE_EVENT_INSTRUMENTS).toEqual([
      'drenthe-in-debat',
      'statenontmoeting',
      'hoorzitting-insprekersavond',
      'drents-panel',
    ]);
    expect(ADVISORY_BODY_INSTRUMENTS).toEqual([
      'jongerenraad-adviesvraag',
      'jongerenraad-ongevraagd-advies',
      'raadgevende-groep',
    ]);
  });
});
