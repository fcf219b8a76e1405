import { dagen, datum, jaNee, tijdstip } from './format';

describe('Dutch formatting', () => {
  it('writes dates as "12 maart 2026"', () => {
    expect(datum('2026-03-12')).toBe('12 maart 2026');
    expect(datum('2026-01-01')).toBe('1 januari 2026');
    expect(datum('2026-12-31T23:00:00.000Z')).toBe('31 december 2026');
    expect(datum(null)).toBe('—');
  });
  it('writes instants in Amsterdam time (winter and summer time)', () => {
    expect(tijdstip('2026-03-12T13:05:00.000Z')).toBe('12 maart 2026 om 14:05');
    expect(tijdstip('2026-07-01T22:30:00.000Z')).toBe('2 juli 2026 om 00:30');
  });
  it('writes booleans and day counts in Dutch', () => {
    expect(jaNee(true)).toBe('ja');
    expect(jaNee(false)).toBe('nee');
    expect(dagen(1)).toBe('1 dag');
    expect(dagen(3)).toBe('3 dagen');
  });
});
