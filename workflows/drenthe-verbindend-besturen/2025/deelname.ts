/**
 * The griffie's per-activity view of 2025 (issue #16: "recorded per activity and shown to the griffie"): for every
 * participation activity carried out with residents, how its participants were recruited, who was reached per target
 * group against who was meant to be reached, and whether and when they heard what was done with their input. Pure;
 * it uses the same helpers as G3-51/G3-52 and G4-51/G6-53, so the view and the rules cannot disagree.
 */
import { PHASE_IDS, PhaseId, Wervingsmethode } from '../../evidence';
import { DossierFacts } from '../../facts';
import { Text } from '../../requirement';
import { instrumentNameOf } from '../requirements/shared';
import { representativiteitGaps } from './requirements/representativiteit';
import { activitiesWithParticipants, feedbackOutcome, sameGroup } from './requirements/shared';

export interface BereikRegel {
  doelgroep: string;
  /** Null where the activity names the target group but no reach was recorded for it. */
  beoogd: number | null;
  bereikt: number | null;
  /** Fewer reached than meant, without an explanation (G3-52/G6-52). */
  tekortZonderToelichting: boolean;
  toelichting: string | null;
}

export interface DeelnameRegel {
  activiteitId: string;
  instrument: Text;
  fase: PhaseId;
  startOn: string;
  werving: { methode: Wervingsmethode; toelichting: string | null } | null;
  bereik: BereikRegel[];
  /** Recruitment and the reach of every target group recorded (G3-51/G6-51). */
  representativiteitVastgelegd: boolean;
  /** The date the participants heard what was done with their input, and the record, or why that is missing (G4-51/G6-53). */
  terugkoppeling: { op: string; id: string } | null;
  terugkoppelingOntbreekt: Text | null;
}

/** One row per activity carried out with residents, in the order recorded. */
export function deelnameOverzicht(f: DossierFacts): DeelnameRegel[] {
  return activitiesWithParticipants(f, PHASE_IDS).map((a) => {
    const recorded = a.data.bereik ?? [];
    const named = a.data.doelgroepen.filter((g) => g.trim() !== '' && !recorded.some((b) => sameGroup(b.doelgroep, g)));
    const bereik: BereikRegel[] = [
      ...recorded.map((b) => ({
        doelgroep: b.doelgroep,
        beoogd: b.beoogd,
        bereikt: b.bereikt,
        tekortZonderToelichting: b.bereikt < b.beoogd && (b.toelichting ?? '').trim() === '',
        toelichting: b.toelichting ?? null,
      })),
      ...named.map((g) => ({ doelgroep: g, beoogd: null, bereikt: null, tekortZonderToelichting: false, toelichting: null })),
    ];
    const feedback = feedbackOutcome(f, a, ['deelnemers', 'adviesorgaan']);
    return {
      activiteitId: a.id,
      instrument: instrumentNameOf(a),
      fase: a.data.fase,
      startOn: a.data.startOn,
      werving: a.data.werving ? { methode: a.data.werving.methode, toelichting: a.data.werving.toelichting ?? null } : null,
      bereik,
      representativiteitVastgelegd: representativiteitGaps(a).length === 0,
      terugkoppeling: feedback.ok ? { op: feedback.ok.occurredOn, id: feedback.ok.id } : null,
      terugkoppelingOntbreekt: feedback.fault,
    };
  });
}
