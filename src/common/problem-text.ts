/**
 * The words a person reads in an error (issue #11): one place that turns every error code and every field message
 * into a Dutch sentence — the default — or English for `Accept-Language: en`. Internal codes (permission names,
 * origin kinds) never reach a person; `type` URIs and `errors[].field` paths stay as they are, since clients rely on
 * them.
 *
 * Field messages are written in English where they are raised (class-validator constraints, the evidence validators,
 * query parsers). Known messages are translated here by pattern; a message this table does not know is shown as it is
 * when it is Dutch already, and otherwise replaced by a generic Dutch sentence that names the field.
 */
import { DossierState, FINAL_STATES } from '../../workflows/evidence';
import { FINAL_STATE_LABELS, PHASES } from '../../workflows/drenthe-verbindend-besturen/phases';
import type { Text } from '../../workflows/requirement';
import type { DomainError, ErrorCode, FieldError } from './domain-error';

export type Lang = 'nl' | 'en';

/**
 * The language of a response: English when `Accept-Language` prefers English to Dutch, Dutch otherwise (also when the
 * header is absent, `*`, or names neither).
 */
export function negotiateLanguage(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'nl';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of value.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang: Lang | null = tag === 'en' || tag.startsWith('en-') ? 'en' : tag === 'nl' || tag.startsWith('nl-') ? 'nl' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'nl';
}

/** The title of each error code. A code without one does not compile. */
export const ERROR_TITLES: Record<ErrorCode, Text> = {
  'validation-failed': { nl: 'De aanvraag is niet geldig', en: 'The request is not valid' },
  'malformed-json': { nl: 'De inhoud van de aanvraag is geen geldige JSON', en: 'The request body is not valid JSON' },
  'payload-too-large': { nl: 'De inhoud van de aanvraag is te groot', en: 'The request body is too large' },
  'unsupported-media-type': { nl: 'De inhoud van de aanvraag moet JSON zijn', en: 'The request body must be application/json' },
  'not-found': { nl: 'Niet gevonden', en: 'Not found' },
  'route-not-found': { nl: 'Dit adres bestaat niet', en: 'No such endpoint' },
  'method-not-allowed': { nl: 'Deze methode is hier niet toegestaan', en: 'Method not allowed' },
  'requirements-unmet': { nl: 'Niet aan alle eisen van de overgang is voldaan', en: 'Requirements of the transition are not met' },
  'version-conflict': { nl: 'Het dossier is gewijzigd sinds u het las', en: 'The dossier changed since you read it' },
  'event-not-allowed': { nl: 'Het dossier kent deze stap niet in zijn huidige fase', en: 'The dossier does not accept this event in its current phase' },
  'invalid-state': { nl: 'Het dossier is niet in een toestand die dit toelaat', en: 'The dossier is not in a state that allows this' },
  'waiver-not-allowed': { nl: 'Voor deze eis is geen vrijstelling mogelijk', en: 'This requirement cannot be waived' },
  'waiver-conflict': { nl: 'Dit kan niet met de vrijstelling zoals die nu is', en: 'The waiver cannot be decided or used in its current state' },
  'evidence-conflict': { nl: 'Deze vastlegging kan niet worden vervangen', en: 'The evidence record cannot be superseded' },
  'limit-reached': { nl: 'Het dossier heeft het maximum bereikt', en: 'The dossier holds the most it may' },
  unauthenticated: { nl: 'Aanmelden is nodig', en: 'Authentication required' },
  forbidden: { nl: 'U mag dit niet', en: 'You may not do this' },
  'rate-limited': { nl: 'Te veel verzoeken', en: 'Too many requests' },
  'header-too-large': { nl: 'De kopregels van het verzoek zijn te groot', en: 'Request headers too large' },
  'malformed-request': { nl: 'Het verzoek is geen geldig HTTP-verzoek', en: 'Malformed HTTP request' },
  internal: { nl: 'Interne fout', en: 'Internal error' },
};

/** What each permission lets a person do, as they would say it (auth/permissions.ts `ACTIONS`). */
export const ACTION_TEXT: Record<string, Text> = {
  'dossier.create': { nl: 'een dossier aanmaken', en: 'create a dossier' },
  'dossier.read': { nl: 'dossiers inzien', en: 'read dossiers' },
  'dossier.assign': { nl: 'een dossier toewijzen', en: 'assign a dossier' },
  'evidence.record': { nl: 'gegevens vastleggen in een dossier', en: 'record evidence in a dossier' },
  'evidence.record-ps-side': { nl: 'gegevens van de kant van Provinciale Staten vastleggen', en: 'record evidence on the Provinciale Staten side' },
  'transition.fire': { nl: 'een dossier naar een andere fase brengen', en: 'move a dossier to another phase' },
  'waiver.request': { nl: 'een vrijstelling aanvragen', en: 'request a waiver' },
  'waiver.decide': { nl: 'een vrijstelling goedkeuren of afwijzen', en: 'approve or reject a waiver' },
  'audit.read': { nl: 'de geschiedenis, de toestand op een datum en de signalen van een dossier inzien', en: "read a dossier's history, state on a date and flags" },
  'audit.verify': { nl: 'de audittrail controleren', en: 'verify the audit trail' },
  'audit.export': { nl: 'de audittrail exporteren', en: 'export the audit trail' },
  'workflow.read': { nl: 'de werkwijze (workflow) inzien', en: 'read the workflow' },
  'compliance.read': { nl: 'de nalevingsoverzichten inzien', en: 'read the compliance views' },
  'user.manage': { nl: 'gebruikers en tokens beheren', en: 'manage users and tokens' },
  'user.list-teamleiders': { nl: 'de teamleiders opzoeken', en: 'list the teamleiders' },
  'token.manage-own': { nl: 'uw eigen tokens beheren', en: 'manage your own tokens' },
  'token.issue-first': { nl: 'een gebruiker het eerste token geven', en: "issue a user's first token" },
};

const RESOURCE_TEXT: Record<string, Text> = {
  Dossier: { nl: 'Dossier', en: 'Dossier' },
  Waiver: { nl: 'Vrijstelling', en: 'Waiver' },
  User: { nl: 'Gebruiker', en: 'User' },
  Token: { nl: 'Token', en: 'Token' },
  Workflow: { nl: 'Workflow', en: 'Workflow' },
  Evidence: { nl: 'Vastlegging', en: 'Evidence record' },
};

/** A table lookup that only sees the table's own keys: a field named `constructor` or `toString` is just a name. */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const joinNl = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} of ${items.at(-1)}`);
const joinEn = (items: string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const capitalise = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A phase or final state as a person reads it ("ontwikkeling voorstel", "ingetrokken"). */
export function stateLabel(state: unknown, lang: Lang): string {
  if (typeof state !== 'string') return '?';
  if ((FINAL_STATES as readonly string[]).includes(state)) return FINAL_STATE_LABELS[state as keyof typeof FINAL_STATE_LABELS][lang];
  return PHASES.find((p) => p.id === (state as DossierState))?.label[lang] ?? state;
}

const isFinalState = (state: unknown): boolean => typeof state === 'string' && (FINAL_STATES as readonly string[]).includes(state);

/** Where a transition goes, as the end of "Het dossier kan niet …": "naar de fase Voorbereiding beleid", "worden afgesloten". */
export function transitionTarget(to: unknown): string {
  if (isFinalState(to)) return `worden ${stateLabel(to, 'nl').toLowerCase()}`;
  return `naar de fase ${stateLabel(to, 'nl')}`;
}

/** The detail of a problem in `lang`: the thrower's own Dutch, or words made from the code and its details. */
export function problemDetail(error: DomainError, lang: Lang): string {
  const d = error.details;
  if (error.code === 'forbidden' && Array.isArray(d.requiredActions)) {
    const actions = (d.requiredActions as unknown[]).map((a) => own(ACTION_TEXT, String(a))?.[lang] ?? (lang === 'nl' ? 'dit doen' : 'do this'));
    return lang === 'nl'
      ? `Met uw rol mag u dit niet: ${joinNl(actions)}. Vraag het iemand met de juiste rol, of vraag de beheerder om een andere rol.`
      : `Your role does not allow you to ${joinEn(actions)}. Ask someone with the right role, or ask the administrator for another role.`;
  }
  if (lang === 'en') return error.message;
  if (error.nl) return error.nl;
  switch (error.code) {
    case 'validation-failed': {
      const n = Array.isArray(d.errors) ? d.errors.length : 0;
      return n === 1 ? 'Eén veld van de aanvraag klopt niet; zie errors.' : `${n} velden van de aanvraag kloppen niet; zie errors.`;
    }
    case 'malformed-json':
      return 'De inhoud van de aanvraag is geen geldige JSON.';
    case 'payload-too-large':
      return 'De inhoud van de aanvraag is groter dan de toegestane omvang.';
    case 'unsupported-media-type':
      return 'Stuur de inhoud van de aanvraag als JSON (Content-Type: application/json).';
    case 'not-found': {
      const what = own(RESOURCE_TEXT, str(d.resource) ?? '')?.nl ?? 'Het gevraagde';
      const id = str(d.id);
      if (str(d.at)) return `${what} ${id ?? ''} bestond op ${str(d.at)} nog niet.`.replace('  ', ' ');
      return id ? `${what} ${id} bestaat niet.` : `${what} bestaat niet.`;
    }
    case 'route-not-found':
      return 'Op dit adres is geen onderdeel van de API.';
    case 'method-not-allowed':
      return 'Deze HTTP-methode is op dit adres niet toegestaan.';
    case 'version-conflict':
      return `Het dossier is intussen gewijzigd: het staat op ${typeof d.currentVersion === 'number' ? `versie ${d.currentVersion}` : 'een nieuwere versie'}, niet op versie ${String(d.expectedVersion)}. Laad het opnieuw en probeer het nog eens.`;
    case 'event-not-allowed': {
      const accepted = Array.isArray(d.acceptedEvents) ? (d.acceptedEvents as string[]) : [];
      if (isFinalState(d.phase)) return `Het dossier is ${stateLabel(d.phase, 'nl').toLowerCase()}; het kent geen stappen meer.`;
      return `Een dossier in de fase ${stateLabel(d.phase, 'nl')} kent de stap ${String(d.event)} niet${accepted.length ? `; wel: ${accepted.join(', ')}` : ''}.`;
    }
    case 'invalid-state':
      if (isFinalState(d.phase)) return `Het dossier is ${stateLabel(d.phase, 'nl').toLowerCase()}; dit kan niet meer.`;
      return d.phase !== undefined
        ? `Het dossier staat in de fase ${stateLabel(d.phase, 'nl')}; die laat dit niet toe.`
        : 'Het dossier is niet in een toestand die dit toelaat.';
    case 'evidence-conflict':
      return `Vastlegging ${str(d.evidenceId) ?? ''} is al vervangen; vervang de laatste correctie ervan.`.replace('  ', ' ');
    case 'unauthenticated':
      return 'Meld u aan met een geldig token (Authorization: Bearer <token>); een verlopen of ingetrokken token werkt niet meer.';
    case 'forbidden':
      if (d.requirementId === 'X-01' || d.reason === 'not-assigned')
        return 'Dit dossier is niet aan u toegewezen; alleen de toegewezen beleidsmedewerker mag dit (X-01).';
      if (d.reason === 'not-ps-side')
        return 'De griffie legt alleen gegevens van de kant van Provinciale Staten vast (Statencommissies, spreekrecht, hoorzittingen, Drents Panel, Drenthe in Debat, agenderingsrecht, besluiten van PS).';
      return 'U mag dit niet doen.';
    case 'rate-limited':
      return 'U hebt te veel verzoeken kort na elkaar gestuurd; wacht even en probeer het opnieuw.';
    case 'header-too-large':
      return 'De aanvraagregel of de kopregels van het verzoek zijn te groot.';
    case 'malformed-request':
      return 'Het HTTP-verzoek kon niet worden gelezen.';
    case 'internal':
      return 'Er ging intern iets mis. Vermeld het request-id als u dit meldt.';
    default:
      return `${ERROR_TITLES[error.code].nl}.`;
  }
}

// ---------------------------------------------------------------------------------------------
// Fields as the user knows them
// ---------------------------------------------------------------------------------------------

/** Field names (the last part of a path) whose label a person knows them by is not just the name in words ({@link humanise}). */
const FIELD_LABELS: Record<string, string> = {
  body: 'De inhoud van de aanvraag',
  request: 'De aanvraag',
  data: 'De gegevens',
  kind: 'Soort vastlegging',
  occurredOn: 'Datum waarop het plaatsvond',
  supersedes: 'Vervangt vastlegging',
  title: 'Titel',
  strategischMotivatie: 'Motivering strategisch',
  instrumentType: 'Soort instrument',
  herkomstBron: 'Bron van de herkomst',
  reason: 'Reden',
  assigneeId: 'Toegewezen beleidsmedewerker',
  expectedVersion: 'Verwachte versie',
  event: 'Stap',
  explanations: 'Toelichtingen',
  requirementId: 'Eis',
  reasonCode: 'Redencode',
  motivation: 'Motivering',
  approverId: 'Goedkeurder',
  decision: 'Besluit',
  note: 'Notitie',
  name: 'Naam',
  roles: 'Rollen',
  role: 'Rol',
  label: 'Omschrijving',
  expiresAt: 'Verloopt op',
  tokenExpiresAt: 'Token verloopt op',
  documentType: 'Soort document',
  instrumentId: 'Instrument',
  instrumentLabel: 'Omschrijving van het instrument',
  informatievindplaats: 'Vindplaats van de informatie',
  startOn: 'Startdatum',
  endOn: 'Einddatum',
  inwonersGericht: 'Gericht op inwoners',
  stap: 'Stap van de procedure',
  awb34VanToepassing: 'Afdeling 3.4 Awb van toepassing',
  url: 'Adres (URL)',
};

/** A camelCase field name in words: `verzondenAanPsOn` → "Verzonden aan PS op". */
function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => {
      const lower = w.toLowerCase();
      if (['gs', 'ps', 'awb', 'url', 'id', 'uuid'].includes(lower)) return lower === 'id' ? 'id' : lower.toUpperCase();
      if (lower === 'on') return 'op';
      return lower;
    });
  return capitalise(words.join(' '));
}

/**
 * A request path as the user knows the field: `data.vastgesteldDoorGsOn` → "Vastgesteld door GS op",
 * `data.doelgroepen[2]` → "Doelgroepen (nr. 3)", `query.limit` → "Parameter 'limit'", `explanations.G1-05` →
 * "Toelichting bij G1-05".
 */
export function fieldLabel(path: string): string {
  if (path.startsWith('query.')) return `Parameter '${path.slice('query.'.length)}'`;
  if (path.startsWith('path.')) return `De ${path.slice('path.'.length)} in het adres`;
  const explained = /^explanations\.(.+)$/.exec(path);
  if (explained) return `Toelichting bij ${explained[1]}`;
  const parts = path.split('.').filter((p, i, all) => !(i === 0 && (p === 'data' || p === 'body') && all.length > 1));
  const shown = parts.map((p, i) => {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(p);
    const name = m ? m[1] : p;
    const indexes = m ? [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]) + 1) : [];
    const label = own(FIELD_LABELS, name) ?? humanise(name);
    const text = i === 0 ? label : label.toLowerCase() === label ? label : label[0].toLowerCase() + label.slice(1);
    return indexes.length ? `${text} (nr. ${indexes.join('.')})` : text;
  });
  return capitalise(shown.join(' › '));
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** Known field messages, English as raised, to Dutch (after the field's label). */
const FIELD_RULES: Rule[] = [
  [/^is required$/, () => 'is verplicht'],
  [/^must not be null$/, () => 'mag niet null zijn'],
  [/^must be a string$/, () => 'moet tekst zijn'],
  [/^(?:must not be empty|must not be blank|\S+ must not be blank)$/, () => 'mag niet leeg zijn'],
  [/^must be at most (\d+) characters(?: long)?$/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/^must be shorter than or equal to (\d+) characters$/, (m) => `mag hoogstens ${m[1]} tekens lang zijn`],
  [/^must be longer than or equal to (\d+) characters?$/, (m) => `moet minstens ${m[1]} tekens lang zijn`],
  [/^must be 1 to (\d+) characters$/, (m) => `moet 1 tot en met ${m[1]} tekens lang zijn`],
  [/^must be a UUID$/, () => 'moet een UUID zijn'],
  [/^must be a calendar date in the form YYYY-MM-DD(?: \(e\.g\. ([^)]+)\))?$/, (m) => `moet een bestaande datum zijn in de vorm JJJJ-MM-DD (bijvoorbeeld ${m[1] ?? '2026-03-02'})`],
  [/^must be a calendar date YYYY-MM-DD$/, () => 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-03-02)'],
  [/^must be an ISO 8601 date-time with a time zone/, () => 'moet een datum met tijd en tijdzone zijn, bijvoorbeeld 2026-03-02T09:00:00Z (schrijf + in een adres als %2B)'],
  [/^must be a valid ISO 8601 date string$/, () => 'moet een datum of tijdstip volgens ISO 8601 zijn'],
  [/^must be an http or https URL/, () => 'moet een http- of https-adres zijn (bijvoorbeeld https://www.provincie.drenthe.nl/…)'],
  [/^must be one of(?: the following values)?: (.+)$/, (m) => `moet een van deze waarden zijn: ${m[1]}`],
  [/^must be (?:true or false|a boolean value)$/, () => 'moet true of false zijn'],
  [/^must be (?:a whole number|an integer number)$/, () => 'moet een geheel getal zijn'],
  [/^must be a whole number of 0 or more$/, () => 'moet een geheel getal van 0 of meer zijn'],
  [/^must be a whole number from (-?\d+) to (-?\d+)$/, (m) => `moet een geheel getal van ${m[1]} tot en met ${m[2]} zijn`],
  [/^must be between (\S+) and (\S+)$/, (m) => `moet tussen ${m[1]} en ${m[2]} liggen`],
  [/^must not be less than (\S+)$/, (m) => `mag niet kleiner zijn dan ${m[1]}`],
  [/^must not be greater than (\S+)$/, (m) => `mag niet groter zijn dan ${m[1]}`],
  [/^must be a number conforming to the specified constraints$/, () => 'moet een getal zijn'],
  [/^must be an array$/, () => 'moet een lijst zijn'],
  [/^must have at most (\d+) items$/, (m) => `mag hoogstens ${m[1]} onderdelen hebben`],
  [/^must contain at least (\d+) elements?$/, (m) => `moet minstens ${m[1]} onderdeel/onderdelen hebben`],
  [/^must be (?:an object|a JSON object|a JSON value)$/, () => 'moet een object zijn'],
  [/^is not allowed$/, () => 'is niet toegestaan (onbekend veld)'],
  [/^is nested too deeply$/, () => 'is te diep genest'],
  [/^is nested more than (\d+) levels deep$/, (m) => `is meer dan ${m[1]} niveaus diep genest`],
  [/^could not be validated$/, () => 'kon niet worden gecontroleerd'],
  [/^is not valid$/, () => 'is niet geldig'],
  [/^has an invalid format$/, () => 'heeft niet de juiste vorm'],
  [/^must match .+ regular expression$/, () => 'heeft niet de juiste vorm'],
  [/^an unknown value was passed to the validate function$/, () => 'bevat een onbekende waarde'],
  [/^must not be before (\w+)$/, (m) => `mag niet vóór ${fieldLabel(m[1]).toLowerCase()} liggen`],
  [/^must change at least one of: (.+?) \(besides reden\)$/, (m) => `moet naast de reden ten minste één van deze velden wijzigen: ${m[1]}`],
  [/^must be given once(?:, as a single value)?$/, () => 'mag maar één keer worden opgegeven'],
  [/^must be a single value$/, () => 'moet één waarde zijn'],
  [/^is not a cursor of this list$/, () => 'is geen cursor van deze lijst'],
  [/^belongs to sort=(\S+?)&order=(\S+?); repeat that sort or start without a cursor$/, (m) => `hoort bij sort=${m[1]}&order=${m[2]}; gebruik die sortering opnieuw of begin zonder cursor`],
  [/^cannot be combined with offset$/, () => 'kan niet samen met offset worden gebruikt'],
  [/^must not lie before from \((\S+)\)$/, (m) => `mag niet vóór from (${m[1]}) liggen`],
  [/^lies in the future \(now is (\S+)\); the past only$/, (m) => `ligt in de toekomst (het is nu ${m[1]}); alleen het verleden kan worden opgevraagd`],
  [/^must lie in the future$/, () => 'moet in de toekomst liggen'],
  [/^must be the id of an? (?:active )?user with role (\w+)$/, (m) => `moet de id zijn van een actieve gebruiker met de rol ${m[1]}`],
  [/^the approver must be someone other than the requester$/, () => 'moet iemand anders zijn dan de aanvrager'],
  [/^(\S+) is not a requirement of (\S+)$/, (m) => `${m[1]} is geen eis van workflow ${m[2]}`],
  [/^unknown workflow (\S+)$/, (m) => `onbekende workflow ${m[1]}`],
  [/^at least one role is required$/, () => 'moet ten minste één rol bevatten'],
  [/^unknown role\(s\) (.+); one of: (.+)$/, (m) => `bevat onbekende rol(len) ${m[1]}; kies uit: ${m[2]}`],
  [/^must be absent or \{\}: this action takes no fields$/, () => 'moet leeg zijn: deze actie heeft geen velden'],
  [/^must be a token id \(16 hexadecimal characters\)$/, () => 'moet een token-id zijn (16 hexadecimale tekens)'],
  [/^must be a requirement id such as (\S+)$/, (m) => `moet de id van een eis zijn, zoals ${m[1]}`],
  [/^must map requirement ids .+$/, () => 'moet bij elke eis-id (zoals "G1-05") een niet-lege toelichting van hoogstens 10000 tekens geven'],
  [/^is not a requirement of this dossier's workflow$/, () => 'is geen eis van de workflow van dit dossier'],
  [/^(\S+) is not an evidence record of this dossier$/, (m) => `${m[1]} is geen vastlegging van dit dossier`],
  [/^a (\S+) record can only supersede a \S+ record, not a (\S+)$/, (m) => `een vastlegging van de soort ${m[1]} kan alleen een vastlegging van dezelfde soort vervangen, niet een van de soort ${m[2]}`],
  [/^classification changes are not superseded; record a new classificatie$/, () => 'een classificatie wordt niet vervangen; leg een nieuwe classificatie vast'],
  // Last: the list parser's "\"x\", \"y\" are not <what>".
  [/^(.+) (?:is|are) not (.+)$/, (m) => `bevat ongeldige waarden: ${m[1]} (verwacht: ${m[2]})`],
];

/** Words that only a Dutch message has: such a message is shown as it is. */
const DUTCH = /\b(moet|moeten|mag|mogen|niet|geen|ligt|liggen|verplicht|vóór|datum|een|het|bij|tussen|later|eerder)\b/i;
const ENGLISH = /\b(must|should|the|be|is not|are not|cannot|allowed)\b/i;

/** The Dutch sentence for one field error, naming the field as the user knows it. */
export function fieldMessageNl(e: FieldError): string {
  if (typeof e.nl === 'string' && e.nl) return e.nl;
  const label = fieldLabel(String(e.field));
  // Class-validator messages with the property name in front (`reason must not be blank`).
  const message = String(e.message ?? '').trim();
  for (const [re, to] of FIELD_RULES) {
    const m = re.exec(message);
    if (m) return `${label} ${to(m)}.`;
  }
  if (DUTCH.test(message) && !ENGLISH.test(message)) {
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    return sentence.toLowerCase().startsWith(label.toLowerCase()) ? capitalise(sentence) : `${label}: ${sentence}`;
  }
  return `${label} heeft geen geldige waarde.`;
}

/** The field errors of a problem in `lang`: `{ field, message }` only. */
export function fieldErrors(errors: readonly FieldError[], lang: Lang): { field: string; message: string }[] {
  return errors.map((e) => ({ field: e.field, message: lang === 'nl' ? fieldMessageNl(e) : e.message }));
}
