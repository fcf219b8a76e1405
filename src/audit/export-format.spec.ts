import { RawAuditRow, RolesCache } from './audit-scan';
import { csvField, csvHeader, csvLine, jsonlLine } from './export-format';
import { canonicalPayload, formatExportLine, sealEvent } from './hash-chain';

const sealed = sealEvent(
  {
    stream: 'd', id: 'e1', occurredAt: '2026-03-02T09:00:00.000Z', actorId: 'bea', actorRoles: ['beleidsmedewerker'], action: 'evidence.recorded',
    dossierId: 'd', workflowId: 'w', workflowVersion: '2021', payload: { titel: 'Regel 1\nregel 2, met "quotes"', b: 1 },
  },
  null,
);
const raw = (over: Partial<Record<number, string | number | null>> = {}): RawAuditRow => {
  const r: RawAuditRow = [
    '12', sealed.stream, 1, sealed.id, sealed.occurredAt, sealed.actorId, JSON.stringify(sealed.actorRoles), sealed.action, sealed.dossierId,
    sealed.workflowId, sealed.workflowVersion, canonicalPayload(sealed.payload), sealed.prevHash, sealed.hash,
  ];
  for (const [i, v] of Object.entries(over)) (r as unknown[])[Number(i)] = v;
  return r;
};

describe('export formats', () => {
  it('CSV quotes fields as RFC 4180 asks and leaves null empty', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvField('regel\nregel')).toBe('"regel\nregel"');
    expect(csvHeader().split(',')).toHaveLength(14);
    const line = csvLine(raw());
    expect(line.startsWith('12,d,1,e1,2026-03-02T09:00:00.000Z,bea,"[""beleidsmedewerker""]",evidence.recorded,d,w,2021,"{""b"":1,')).toBe(true);
    expect(line.endsWith(`,${sealed.prevHash},${sealed.hash}`)).toBe(true);
  });

  it('JSON Lines is formatExportLine of the stored row', () => {
    expect(jsonlLine(raw(), new RolesCache())).toBe(formatExportLine({ ...sealed, seq: 12 }));
  });

  it('a damaged row is still written, in a form the offline verifier rejects (never silently repaired)', () => {
    const broken = JSON.parse(jsonlLine(raw({ 11: '{kapot' }), new RolesCache())) as Record<string, unknown>;
    expect(broken).toMatchObject({ seq: 12, payload: '{kapot', hash: sealed.hash });
    const badHash = JSON.parse(jsonlLine(raw({ 13: 'not-a-hash' }), new RolesCache())) as Record<string, unknown>;
    expect(badHash).toMatchObject({ hash: 'not-a-hash', payload: sealed.payload });
  });
});
