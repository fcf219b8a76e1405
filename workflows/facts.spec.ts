import { rec, factsWith } from './testing/facts-builder';
import { amsterdamDate } from './facts';

describe('projectFacts', () => {
  it('merges classification records in the order they were recorded', () => {
    const f = factsWith([
      rec('classificatie', { strategisch: true, strategischMotivatie: 'raakt heel Drenthe', reden: 'start' }),
      rec('classificatie', { besluitvormer: 'PS', reden: 'verordening' }),
      rec('classificatie', { strategisch: false, reden: 'herzien' }),
    ]);
    expect(f.classification.strategisch).toBe(false);
    expect(f.classification.strategischMotivatie).toBe('raakt heel Drenthe');
    expect(f.classification.besluitvormer).toBe('PS');
    expect(f.classificationHistory).toHaveLength(3);
  });

  it('takes a superseded record out of force and keeps the correction', () => {
    const old = rec('document', { documentType: 'startnotitie', titel: 'v1' }, { id: 'doc-1' });
    const fix = rec('document', { documentType: 'startnotitie', titel: 'v2' }, { supersedes: 'doc-1' });
    const f = factsWith([old, fix]);
    expect(f.documents.map((d) => d.data.titel)).toEqual(['v2']);
    expect(f.superseded.map((r) => r.id)).toEqual(['doc-1']);
  });

  it('derives procedure awb-3.4 from the GS inspraak decision (G2-09)', () => {
    const f = factsWith([rec('procedure', { stap: 'inspraakbesluit', inspraak: true, awb34VanToepassing: false, motivering: 'm' })]);
    expect(f.procedureType).toBe('awb-3.4');
    expect(factsWith([]).procedureType).toBeNull();
  });

  it('gives the calendar date in Europe/Amsterdam, not UTC', () => {
    expect(amsterdamDate('2026-06-14T22:30:00.000Z')).toBe('2026-06-15');
    expect(amsterdamDate('2026-01-14T22:30:00.000Z')).toBe('2026-01-14');
  });
});
