import { FieldError } from '../common';
import { parseEvidenceBody } from '../dossiers';
import { stylesheet } from './assets';
import { bodyFromForm, EVIDENCE_FORMS, evidenceForm, fieldForError, formFromRecord } from './evidence-forms';
import { nlMessage } from './messages';
import { safeReturn } from './sign-in.controller';

describe('the web stylesheet', () => {
  it('stays within the budget of 300 KB (NL Design System tokens and the components used, no script)', () => {
    const s = stylesheet();
    expect(s.body.length).toBeLessThan(300 * 1024);
    const css = s.body.toString();
    for (const c of ['.utrecht-button', '.utrecht-table', '.utrecht-form-field', '.utrecht-textbox', '--utrecht-button-primary-action-background-color'])
      expect(css).toContain(c);
    expect(css).not.toContain('.utrecht-calendar');
    expect(s.url).toMatch(/^\/assets\/kaderwijzer-[0-9a-f]{16}\.css$/);
  });
});

describe('evidence forms', () => {
  it('every form builds a body the API accepts once its required fields are filled', () => {
    const sample: Record<string, string> = { date: '2026-03-02', bool: 'ja', number: '450', list: 'inwoners', text: 'Tekst', textarea: 'Tekst', url: 'https://example.nl' };
    for (const form of EVIDENCE_FORMS) {
      const values: Record<string, string> = {};
      for (const f of form.fields.filter((x) => x.required))
        values[f.name] = f.name.endsWith('prbId') ? 'prb-2026-12' : f.type === 'select' ? f.options![0][0] : sample[f.type];
      if (form.soort === 'activiteit') values['data.instrumentId'] = 'atelier';
      if (form.soort === 'classificatie') values['data.besluitvormer'] = 'PS'; // a classification changes at least one thing
      expect(() => parseEvidenceBody(bodyFromForm(form, values))).not.toThrow();
    }
  });

  it('reads rows of a participatieparagraaf, lists and yes/no, and leaves empty fields out', () => {
    const form = evidenceForm('startnotitie')!;
    const body = bodyFromForm(form, {
      occurredOn: '2026-03-02',
      'data.titel': 'Startnotitie',
      'data.kenmerk': '  ',
      'data.participatieparagraaf.doelgroepen': 'inwoners\r\n\r\nbedrijven',
      'data.participatieparagraaf.niveaus': 'inwoners; ontwikkeling-voorstel; consulteren\njongeren;voorbereiding-beleid;informeren',
      'data.participatieparagraaf.instrumenten': 'atelier; ontwikkeling-voorstel',
    });
    expect(body).toEqual({
      kind: 'document',
      occurredOn: '2026-03-02',
      data: {
        documentType: 'startnotitie',
        titel: 'Startnotitie',
        participatieparagraaf: {
          doelgroepen: ['inwoners', 'bedrijven'],
          niveaus: [
            { doelgroep: 'inwoners', fase: 'ontwikkeling-voorstel', niveau: 'consulteren' },
            { doelgroep: 'jongeren', fase: 'voorbereiding-beleid', niveau: 'informeren' },
          ],
          instrumenten: [{ instrumentId: 'atelier', fase: 'ontwikkeling-voorstel' }],
        },
      },
    });
    const record = { id: 'x', dossierId: 'd', kind: 'document' as const, occurredOn: '2026-03-02', recordedAt: '', recordedBy: '', supersedes: null, data: body.data as never };
    const back = formFromRecord(form, record);
    expect(back['data.participatieparagraaf.niveaus']).toBe('inwoners; ontwikkeling-voorstel; consulteren\njongeren; voorbereiding-beleid; informeren');
    expect(back['data.participatieparagraaf.instrumenten']).toBe('atelier; ontwikkeling-voorstel');
  });

  it('puts each validation error beside the field whose path it names', () => {
    const form = evidenceForm('startnotitie')!;
    const err = (field: string): FieldError => ({ field, message: 'x' });
    expect(fieldForError(form, err('data.participatieparagraaf.niveaus[0].niveau'))).toBe('data.participatieparagraaf.niveaus');
    expect(fieldForError(form, err('data.titel'))).toBe('data.titel');
    expect(fieldForError(form, err('data.documentType'))).toBe('occurredOn');
    let caught: unknown;
    try {
      parseEvidenceBody(bodyFromForm(form, { occurredOn: '2026-03-02', 'data.titel': 'T', 'data.participatieparagraaf.niveaus': 'inwoners; ontwikkeling-voorstel; veel' }));
    } catch (e) {
      caught = e;
    }
    const errors = (caught as { details: { errors: FieldError[] } }).details.errors;
    expect(errors.map((e) => fieldForError(form, e))).toEqual(['data.participatieparagraaf.niveaus']);
  });
});

describe('messages and redirects', () => {
  it('puts known validation messages into Dutch and leaves others as they are', () => {
    expect(nlMessage('must be longer than or equal to 10 characters')).toBe('moet minstens 10 tekens lang zijn');
    expect(nlMessage('lies in the future (today is 2026-03-02); record what happened')).toContain('ligt in de toekomst');
    expect(nlMessage('iets onbekends')).toBe('iets onbekends');
  });
  it('returns after sign-in only to a local path', () => {
    expect(safeReturn('/dossiers/abc?x=1')).toBe('/dossiers/abc?x=1');
    expect(safeReturn('//evil.example/')).toBe('/');
    expect(safeReturn('/\\evil.example')).toBe('/');
    expect(safeReturn('https://evil.example/')).toBe('/');
    expect(safeReturn('/inloggen')).toBe('/');
    expect(safeReturn(undefined)).toBe('/');
  });
});
