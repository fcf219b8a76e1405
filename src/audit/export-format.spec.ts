import { RawAuditRow } from './audit-scan';
import { CSV_COLUMNS, CSV_HEADERS, csvField, csvHeader, csvLine, jsonlLine } from './export-format';
import { canonicalEventContent, formatExportLine, sealEventText } from './canonical-event';

const { sealed, content } = sealEventText(
  {
    stream: 'd', id: 'e1', occurredAt: '2026-03-02T09:00:00.000Z', actorId: 'bea', actorRoles: ['beleidsmedewerker'], action: 'evidence.recorded',
    dossierId: 'd', workflowId: 'w', workflowVersion: '2021', payload: { titel: 'Regel 1\nregel 2, met "quotes"', b: 1 },
  },
  null,
);
/** A row as the database returns it: seq (PostgreSQL gives it as text), content, hash. */
const raw = (over: { content?: string; hash?: string } = {}): RawAuditRow => ['12', over.content ?? content, over.hash ?? sealed.hash];

/** The CSV line of a row whose content cannot be read: seq, the stored text in the payload column, the hash. */
const damagedCsv = (text: string, hash = sealed.hash) => `12${';'.repeat(11)}${csvField(text)};;${hash}`;

describe('export formats', () => {
  it('the stored content is the canonical text of the sealed event', () => {
    expect(content).toBe(canonicalEventContent(sealed));
  });

  it('CSV follows the Dutch-Excel conventions of the other CSVs: ; separated, quoted when needed, no formulas, Dutch headers (issue #11)', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvField('regel\rregel')).toBe('"regel\rregel"');
    expect(csvField('=SOM(1)')).toBe("'=SOM(1)");
    expect(csvHeader().split(';')).toEqual(CSV_COLUMNS.map((c) => CSV_HEADERS[c]));
    expect(csvHeader().split(';')).toHaveLength(14);
    expect(csvHeader().startsWith('volgnummer;stroom;volgnummer in stroom;gebeurtenis-id;tijdstip (UTC)')).toBe(true);
    const line = csvLine(raw());
    expect(line.startsWith('12;d;1;e1;2026-03-02T09:00:00.000Z;bea;"[""beleidsmedewerker""]";evidence.recorded;d;w;2021;"{""b"":1,')).toBe(true);
    expect(line).toContain('""titel"":""Regel 1\\nregel 2, met \\""quotes\\""""}"');
    expect(line.endsWith(`;${sealed.prevHash};${sealed.hash}`)).toBe(true);
  });

  it('CSV writes null dossier, workflow and version as empty fields', () => {
    const sys = sealEventText({ ...sealed, stream: 'system', dossierId: null, workflowId: null, workflowVersion: null, payload: {} }, null);
    expect(csvLine(['3', sys.content, sys.sealed.hash])).toBe(
      `3;system;1;e1;2026-03-02T09:00:00.000Z;bea;"[""beleidsmedewerker""]";evidence.recorded;;;;{};${sys.sealed.prevHash};${sys.sealed.hash}`,
    );
  });

  it('JSON Lines is formatExportLine of the stored row', () => {
    expect(jsonlLine(raw())).toBe(formatExportLine({ ...sealed, seq: 12 }));
    expect(jsonlLine([12, content, sealed.hash])).toBe(formatExportLine({ ...sealed, seq: 12 }));
  });

  it('a damaged row is still written, in a form the offline verifier rejects (never silently repaired)', () => {
    const notJson = content.slice(0, -1);
    expect(JSON.parse(jsonlLine(raw({ content: notJson })))).toEqual({ seq: 12, content: notJson, hash: sealed.hash });
    expect(csvLine(raw({ content: notJson }))).toBe(damagedCsv(notJson));
    expect(csvLine(raw({ content: notJson })).startsWith('12;;;;;;;;;;;"{')).toBe(true);

    const badHash = JSON.parse(jsonlLine(raw({ hash: 'not-a-hash' }))) as Record<string, unknown>;
    expect(badHash).toMatchObject({ seq: 12, hash: 'not-a-hash', payload: sealed.payload, stream: 'd', prevHash: sealed.prevHash });
    expect(badHash).not.toHaveProperty('contentError');
    expect(csvLine(raw({ hash: 'not-a-hash' })).endsWith(`;${sealed.prevHash};not-a-hash`)).toBe(true);
  });

  it.each<[string, string]>([
    ['text that is not JSON', '{kapot'],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['a stream that is not a string', content.replace('"stream":"d"', '"stream":7')],
    ['a streamSeq given as text', content.replace('"streamSeq":1', '"streamSeq":"1"')],
    ['actorRoles that are not strings', content.replace('["beleidsmedewerker"]', '[1]')],
    ['an array payload', content.replace(/"payload":\{.*?\},"prevHash"/, '"payload":[],"prevHash"')],
    ['a missing prevHash', content.replace(/,"prevHash":"[0-9a-f]{64}"/, '')],
    // Valid and complete, but not the canonical text: exporting the parsed fields would repair it unseen.
    ['a space added', content.replace('"action":', '"action": ')],
    ['an unknown key added', content.replace('{"action":', '{"aaa":1,"action":')],
    ['keys in another order', `{"actorId":"bea",${content.slice(1).replace(',"actorId":"bea"', '')}`],
    ['a character escaped needlessly', content.replace('Regel 1', 'Regel \\u0031')],
  ])('writes content with %s as seq, stored text and hash', (_name, text) => {
    expect(text).not.toBe(content);
    expect(JSON.parse(jsonlLine(raw({ content: text })))).toEqual({ seq: 12, content: text, hash: sealed.hash });
    const line = csvLine(raw({ content: text }));
    expect(line).toBe(damagedCsv(text));
  });
});
