import { activiteit, terugkoppeling } from '../../testing/fixtures-2025';
import { factsWith } from '../../testing/facts-builder';
import { evaluateRequirements } from '../../requirement';
import { deelnameOverzicht } from './deelname';
import { bereikTotVoorstel, representativiteitTotVoorstel } from './requirements/representativiteit';
import { terugkoppelingTotBesluit } from './requirements/terugkoppeling';

describe('deelnameOverzicht (the griffie’s per-activity view of 2025)', () => {
  it('shows recruitment, reach against intent per target group, and when participants heard back', () => {
    const facts = factsWith(
      [
        activiteit('a-1', {
          doelgroepen: ['jongeren', 'agrariërs'],
          werving: { methode: 'loting', toelichting: 'BRP-steekproef' },
          bereik: [{ doelgroep: 'Jongeren', beoogd: 40, bereikt: 12 }],
        }),
        activiteit('a-2', { fase: 'ontwikkeling-voorstel', werving: { methode: 'panel' }, bereik: [{ doelgroep: 'jongeren', beoogd: 5, bereikt: 3, toelichting: 'Examens.' }] }),
        activiteit('a-3', { status: 'gepland' }),
        activiteit('a-4', { inwonersGericht: false }),
        terugkoppeling('t-1', ['a-2'], '2026-04-02'),
      ],
      { state: 'kaderstelling-besluitvorming' },
    );
    const rows = deelnameOverzicht(facts);
    expect(rows.map((r) => r.activiteitId)).toEqual(['a-1', 'a-2']);
    expect(rows[0]).toEqual({
      activiteitId: 'a-1',
      instrument: { nl: 'Atelier', en: 'Design workshop' },
      fase: 'voorbereiding-beleid',
      startOn: '2026-03-02',
      werving: { methode: 'loting', toelichting: 'BRP-steekproef' },
      bereik: [
        { doelgroep: 'Jongeren', beoogd: 40, bereikt: 12, tekortZonderToelichting: true, toelichting: null },
        { doelgroep: 'agrariërs', beoogd: null, bereikt: null, tekortZonderToelichting: false, toelichting: null },
      ],
      representativiteitVastgelegd: false,
      terugkoppeling: null,
      terugkoppelingOntbreekt: expect.objectContaining({ nl: expect.stringMatching(/geen terugkoppeling/) }),
    });
    expect(rows[1]).toMatchObject({
      werving: { methode: 'panel', toelichting: null },
      bereik: [{ doelgroep: 'jongeren', beoogd: 5, bereikt: 3, tekortZonderToelichting: false, toelichting: 'Examens.' }],
      representativiteitVastgelegd: true,
      terugkoppeling: { op: '2026-04-02', id: 't-1' },
      terugkoppelingOntbreekt: null,
    });
  });

  it('an activity without any reach recorded shows its target groups without numbers', () => {
    const [row] = deelnameOverzicht(factsWith([activiteit('a-1', { doelgroepen: ['jongeren'] })]));
    expect(row.bereik).toEqual([{ doelgroep: 'jongeren', beoogd: null, bereikt: null, tekortZonderToelichting: false, toelichting: null }]);
    expect(row.representativiteitVastgelegd).toBe(false);
  });

  it('a blank explanation is no explanation; an activity without werving shows none; blank target groups are skipped', () => {
    const rows = deelnameOverzicht(factsWith([activiteit('a-1', { doelgroepen: ['jongeren', ' '], bereik: [{ doelgroep: 'jongeren', beoogd: 2, bereikt: 2, toelichting: ' ' }, { doelgroep: 'x', beoogd: 2, bereikt: 1, toelichting: ' ' }] })]));
    expect(rows[0].werving).toBeNull();
    expect(rows[0].bereik.map((b) => [b.doelgroep, b.tekortZonderToelichting])).toEqual([
      ['jongeren', false],
      ['x', true],
    ]);
  });

  it('agrees with the rules: an activity complete in the view satisfies G3-51, a shortfall fails G3-52, a heard activity satisfies G4-51', () => {
    const evidence = [
      activiteit('a-1', { werving: { methode: 'open-oproep' }, bereik: [{ doelgroep: 'jongeren', beoogd: 10, bereikt: 9 }] }),
      terugkoppeling('t-1', ['a-1']),
    ];
    const facts = factsWith(evidence, { state: 'kaderstelling-besluitvorming' });
    const [row] = deelnameOverzicht(facts);
    const [g351, g352, g451] = evaluateRequirements([representativiteitTotVoorstel, bereikTotVoorstel, terugkoppelingTotBesluit], facts);
    expect(row.representativiteitVastgelegd).toBe(true);
    expect(g351.status).toBe('satisfied');
    expect(row.bereik[0].tekortZonderToelichting).toBe(true);
    expect(g352.status).toBe('unsatisfied');
    expect(row.terugkoppeling).toEqual({ op: '2026-04-01', id: 't-1' });
    expect(g451.status).toBe('satisfied');
  });
});
