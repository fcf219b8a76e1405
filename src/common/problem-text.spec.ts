import { DomainError } from './domain-error';
import { fieldErrors, fieldLabel, fieldMessageNl, negotiateLanguage, problemDetail } from './problem-text';
import { problemFor } from './problem-details.filter';

describe('problem texts (issue #11)', () => {
  it.each<[string | undefined, 'nl' | 'en']>([
    [undefined, 'nl'],
    ['', 'nl'],
    ['*', 'nl'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nl-NL,nl;q=0.9,en;q=0.8', 'nl'],
    ['en;q=0.5,nl;q=0.9', 'nl'],
    ['fr-FR,en;q=0.7', 'en'],
    ['de', 'nl'],
    ['en;q=0', 'nl'],
  ])('Accept-Language %j is answered in %s', (header, lang) => {
    expect(negotiateLanguage(header)).toBe(lang);
  });

  it.each([
    ['data.vastgesteldDoorGsOn', 'Vastgesteld door GS op'],
    ['data.verzondenAanPsOn', 'Verzonden aan PS op'],
    ['occurredOn', 'Datum waarop het plaatsvond'],
    ['data.participatieparagraaf.niveaus[0].niveau', 'Participatieparagraaf › niveaus (nr. 1) › niveau'],
    ['data.doelgroepen[2]', 'Doelgroepen (nr. 3)'],
    ['query.limit', "Parameter 'limit'"],
    ['path.id', 'De id in het adres'],
    ['explanations.G1-05', 'Toelichting bij G1-05'],
    ['data.somethingNewOn', 'Something new op'],
    ['body', 'De inhoud van de aanvraag'],
  ])('names the field %s as %j', (path, label) => {
    expect(fieldLabel(path)).toBe(label);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('words a field named %s like any other name (no prototype lookups)', (name) => {
    expect(fieldMessageNl({ field: name, message: 'is not allowed' })).toMatch(/^[A-Z][\w ]* is niet toegestaan \(onbekend veld\)\.$/);
    expect(typeof fieldLabel(`data.${name}[0].${name}`)).toBe('string');
    expect(problemDetail(DomainError.notFound(name, 'x'), 'nl')).toBe('Het gevraagde x bestaat niet.');
    expect(problemDetail(new DomainError('forbidden', 'x', { requiredActions: [name] }), 'en')).toMatch(/^Your role does not allow you to do this/);
  });

  it('translates known messages, keeps a Dutch message it does not know, and words an unknown English one generically', () => {
    expect(fieldMessageNl({ field: 'data.vastgesteldDoorGsOn', message: 'must be a calendar date in the form YYYY-MM-DD (e.g. 2026-03-02)' })).toBe(
      'Vastgesteld door GS op moet een bestaande datum zijn in de vorm JJJJ-MM-DD (bijvoorbeeld 2026-03-02).',
    );
    expect(fieldMessageNl({ field: 'title', message: 'must be shorter than or equal to 300 characters' })).toBe('Titel mag hoogstens 300 tekens lang zijn.');
    expect(fieldMessageNl({ field: 'data.endOn', message: 'must not be before startOn' })).toBe('Einddatum mag niet vóór startdatum liggen.');
    expect(fieldMessageNl({ field: 'query.cursor', message: 'must be 1 to 1000 characters' })).toBe("Parameter 'cursor' moet 1 tot en met 1000 tekens lang zijn.");
    expect(fieldMessageNl({ field: 'query.kind', message: '"x", "y" are not history kinds' })).toBe("Parameter 'kind' bevat ongeldige waarden: \"x\", \"y\" (verwacht: history kinds).");
    // A message another part of the code wrote in Dutch (the rules stream's date checks): shown as it is, with the field.
    expect(fieldMessageNl({ field: 'data.verzondenAanPsOn', message: 'mag niet vóór de vaststelling door GS liggen' })).toBe(
      'Verzonden aan PS op: mag niet vóór de vaststelling door GS liggen.',
    );
    // Unknown English: a generic Dutch sentence naming the field; the English stays for Accept-Language: en.
    expect(fieldMessageNl({ field: 'data.titel', message: 'frobnicates the widget' })).toBe('Titel heeft geen geldige waarde.');
    expect(fieldErrors([{ field: 'data.titel', message: 'frobnicates the widget' }], 'en')).toEqual([{ field: 'data.titel', message: 'frobnicates the widget' }]);
    // A thrower's own Dutch wins, and never leaks into the response as an extra member.
    expect(fieldErrors([{ field: 'x', message: 'm', nl: 'Eigen zin.' }], 'nl')).toEqual([{ field: 'x', message: 'Eigen zin.' }]);
  });

  it('words every error in Dutch by default and keeps type, status and field paths the same in English', () => {
    const e = DomainError.validation([{ field: 'data.vastgesteldDoorGsOn', message: 'is required' }]);
    const nl = problemFor(e, '/x', 'r1');
    const en = problemFor(e, '/x', 'r1', 'en');
    expect(nl).toMatchObject({ type: 'https://kaderwijzer.nl/problems/validation-failed', status: 400, title: 'De aanvraag is niet geldig', detail: 'Eén veld van de aanvraag klopt niet; zie errors.' });
    expect(nl.errors).toEqual([{ field: 'data.vastgesteldDoorGsOn', message: 'Vastgesteld door GS op is verplicht.' }]);
    expect(en).toMatchObject({ type: nl.type, status: 400, title: 'The request is not valid', detail: 'The request is not valid.' });
    expect(en.errors).toEqual([{ field: 'data.vastgesteldDoorGsOn', message: 'is required' }]);
  });

  it('never shows a permission code, in either language', () => {
    const e = new DomainError('forbidden', 'Your role(s) griffie may not waiver.decide.', { requiredActions: ['waiver.decide'] });
    expect(problemDetail(e, 'nl')).toBe('Met uw rol mag u dit niet: een vrijstelling goedkeuren of afwijzen. Vraag het iemand met de juiste rol, of vraag de beheerder om een andere rol.');
    expect(problemDetail(e, 'en')).toBe('Your role does not allow you to approve or reject a waiver. Ask someone with the right role, or ask the administrator for another role.');
  });

  it('has a Dutch detail for codes thrown without one', () => {
    expect(problemDetail(new DomainError('forbidden', 'The griffie records PS-side evidence only (…).', { reason: 'not-ps-side' }), 'nl')).toMatch(/^De griffie legt alleen gegevens van de kant van Provinciale Staten vast/);
    expect(problemDetail(new DomainError('forbidden', 'Dossier d is not assigned to you.', { reason: 'not-assigned' }), 'nl')).toMatch(/niet aan u toegewezen/);
    expect(problemDetail(DomainError.notFound('Waiver', 'w1'), 'nl')).toBe('Vrijstelling w1 bestaat niet.');
    expect(problemDetail(new DomainError('evidence-conflict', 'Evidence e1 has already been superseded.', { evidenceId: 'e1' }), 'nl')).toBe(
      'Vastlegging e1 is al vervangen; vervang de laatste correctie ervan.',
    );
    expect(problemDetail(new DomainError('invalid-state', 'x', { phase: 'afgesloten' }), 'nl')).toBe('Het dossier is afgesloten; dit kan niet meer.');
    expect(problemDetail(new DomainError('event-not-allowed', 'x', { phase: 'uitvoering', event: 'RETURN', acceptedEvents: ['ADVANCE'] }), 'nl')).toMatch(/kent de stap RETURN niet; wel: ADVANCE\.$/);
  });
});
