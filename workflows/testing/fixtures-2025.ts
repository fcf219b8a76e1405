/** Evidence builders the 2025 requirement specs share. */
import { ActiviteitData, TerugkoppelingData } from '../evidence';
import { rec } from './facts-builder';

/** An activity carried out with residents (defaults: an atelier with jongeren in voorbereiding-beleid on 2026-03-02). */
export const activiteit = (id: string, over: Partial<ActiviteitData> = {}, opts: { supersedes?: string } = {}) =>
  rec(
    'activiteit',
    {
      instrumentId: 'atelier',
      organisator: 'GS',
      fase: 'voorbereiding-beleid',
      inwonersGericht: true,
      niveau: 'consulteren',
      doelgroepen: ['jongeren'],
      startOn: '2026-03-02',
      status: 'uitgevoerd',
      ...over,
    },
    { id, ...opts },
  );

/** Feedback to the participants of `activiteitIds`, saying what was done with their input. */
export const terugkoppeling = (id: string, activiteitIds: string[], occurredOn = '2026-04-01', over: Partial<TerugkoppelingData> = {}) =>
  rec('terugkoppeling', { aan: 'deelnemers', onderwerp: 'overig', activiteitIds, watGedaanMetInbreng: 'Zon op daken overgenomen; geen zonneparken op landbouwgrond.', ...over }, { id, occurredOn });
