/**
 * Values the domain brief leaves to the province (domain-brief §9: "configurable"). They shape the legal-timer
 * dashboard only, never a guard: the guards of workflows/ keep their own rules.
 */
export interface ComplianceSettings {
  /**
   * TM-10 — PS wensen en bedenkingen (Pw 167(4)): no statutory number was found, so the window PS get is a
   * setting, counted in weeks from the GS letter (the letter day is day one, as for TM-01). Not extended by the
   * Algemene termijnenwet: the Atw applies to statutory periods only.
   */
  psWensenEnBedenkingenWeeks: number;
  /**
   * TM-11 — Pw 217a: the evaluation frequency is set by provincial verordening (yearly in Noord-Brabant and
   * Zeeland, domain-brief §9). Used when the evaluatieplan gives no date of its own.
   */
  evaluationCycleMonths: number;
}

/**
 * The defaults, equal to `compliance` in config/default.json (a spec pins them together). The service uses the
 * configured values (`AppConfig.compliance`); this constant serves pure code, specs and benches.
 */
export const COMPLIANCE_SETTINGS: ComplianceSettings = Object.freeze({
  psWensenEnBedenkingenWeeks: 6,
  evaluationCycleMonths: 12,
});
