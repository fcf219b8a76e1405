import { DomainError, FieldError } from '../common';

/**
 * The services speak English in their errors (the API's clients read `errors[].field`); a page shows a person plain
 * Dutch. Known message shapes are put into Dutch here; anything else is shown as it is.
 */
const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(?:.* )?(?:should not be empty|is required|must not be empty|must not be blank)$/i, () => 'vul dit in'],
  [/must be longer than or equal to (\d+) characters/i, (m) => `moet minstens ${m[1]} tekens lang zijn`],
  [/must be shorter than or equal to (\d+) characters/i, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/must be one of(?: the following values)?:? (.*)$/i, (m) => `kies een van: ${m[1]}`],
  [/must be a (?:valid )?(?:ISO 8601 )?(?:calendar )?date|YYYY-MM-DD/i, () => 'vul een geldige datum in (dag, maand en jaar)'],
  [/lies in the future \(today is (\d{4}-\d{2}-\d{2})\)/i, (m) => `ligt in de toekomst (vandaag is het ${m[1]}); leg vast wat er gebeurd is`],
  [/must be a boolean/i, () => 'kies ja of nee'],
  [/must be an integer|must be a number/i, () => 'vul een geheel getal in'],
  [/must not be less than (-?\d+)/i, (m) => `moet minstens ${m[1]} zijn`],
  [/must not be greater than (-?\d+)/i, (m) => `mag hoogstens ${m[1]} zijn`],
  [/must be a URL|must be an URL|must be a valid URL/i, () => 'vul een geldig webadres in (https://…)'],
  [/^is not allowed$/i, () => 'hoort hier niet'],
  [/must be an array/i, () => 'vul één waarde per regel in'],
  [/must be an object/i, () => 'is niet volledig ingevuld'],
  [/must not be before (\w+)/i, (m) => `mag niet vóór ${m[1]} liggen`],
  [/needs an instrumentLabel/i, () => 'kies bij "ander instrument" ook de naam van het instrument'],
  [/is not in the instrument catalogue/i, () => 'staat niet in de instrumentencatalogus; kies "ander instrument" met een naam'],
  [/is not a (\w+) recorded on this dossier/i, (m) => `is geen ${m[1]} in dit dossier`],
  [/must change at least one of/i, () => 'wijzig minstens één gegeven van de classificatie (naast de reden)'],
  [/must be the id of (?:an active )?(?:a )?user with role beleidsmedewerker/i, () => 'kies een (actieve) beleidsmedewerker'],
];

export function nlMessage(message: string): string {
  for (const [re, nl] of RULES) {
    const m = re.exec(message);
    if (m) return nl(m);
  }
  return message;
}

/** The field errors of a validation failure, in Dutch; null when the error is something else. */
export function validationErrors(e: unknown): FieldError[] | null {
  if (!(e instanceof DomainError) || e.code !== 'validation-failed') return null;
  const errors = (e.details.errors as FieldError[] | undefined) ?? [];
  return errors.map((x) => ({ field: x.field, message: nlMessage(x.message) }));
}

/** A refusal of the services, in plain Dutch, for a message at the top of a page. */
export function nlRefusal(e: DomainError): string {
  switch (e.code) {
    case 'version-conflict':
      return 'Het dossier is intussen door iemand anders gewijzigd. Bekijk de nieuwe stand en probeer het opnieuw.';
    case 'event-not-allowed':
      return 'Deze stap kan in de huidige fase niet.';
    case 'invalid-state':
      return 'Het dossier is afgesloten of ingetrokken; er kan niets meer aan worden toegevoegd.';
    case 'waiver-not-allowed':
      return `Voor deze eis kan geen ontheffing worden gevraagd: ${e.message}`;
    case 'waiver-conflict':
      return `Deze ontheffing kan niet (meer): ${e.message}`;
    case 'evidence-conflict':
      return 'Deze vastlegging is al gecorrigeerd; corrigeer de nieuwste versie.';
    case 'limit-reached':
      return e.nl ?? e.message;
    case 'forbidden':
      return 'Dit mag u met uw rol niet, of het dossier is niet aan u toegewezen.';
    case 'not-found':
      return 'Niet gevonden.';
    default:
      return e.message;
  }
}
