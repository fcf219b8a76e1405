import { QueryReader } from './query';
import { QUERY_DATE_TIME, queryInt, queryList } from './query-params';

/** What the document declares for the auditor query parameters, QueryReader refuses past it. */
describe('query parameter schemas match QueryReader', () => {
  const read = (value: string, parse: (q: QueryReader) => unknown): boolean => {
    const q = new QueryReader({ v: value }, ['v']);
    parse(q);
    try {
      q.done();
      return true;
    } catch {
      return false;
    }
  };

  it('date-time: what the pattern and maxLength allow is read; longer is refused', () => {
    const ok = '2026-03-02T10:15:00.123456789+01:00';
    expect(new RegExp(QUERY_DATE_TIME.pattern!).test(ok)).toBe(true);
    expect(read(ok, (q) => q.dateTime('v'))).toBe(true);
    expect(read(`${ok}${' '.repeat(QUERY_DATE_TIME.maxLength! - ok.length + 1)}`, (q) => q.dateTime('v'))).toBe(false);
    expect(read('2026-03-02', (q) => q.dateTime('v'))).toBe(new RegExp(QUERY_DATE_TIME.pattern!).test('2026-03-02'));
  });

  it('integers: the bounds are QueryReader.int’s', () => {
    const s = queryInt(1, 1000);
    expect(read(String(s.minimum), (q) => q.int('v', 1, 1000))).toBe(true);
    expect(read(String(s.maximum! + 1), (q) => q.int('v', 1, 1000))).toBe(false);
    expect(read(String(s.minimum! - 1), (q) => q.int('v', 1, 1000))).toBe(false);
  });

  it('lists: maxLength is QueryReader.list’s, and the pattern accepts what the list accepts', () => {
    const s = queryList('a|b');
    const accept = (i: string) => i === 'a' || i === 'b';
    expect(read('a, b', (q) => q.list('v', accept, 'a or b'))).toBe(new RegExp(s.pattern!).test('a, b'));
    expect(read('a,c', (q) => q.list('v', accept, 'a or b'))).toBe(new RegExp(s.pattern!).test('a,c'));
    expect(read(Array(s.maxLength! / 2 + 1).fill('a').join(','), (q) => q.list('v', accept, 'a or b'))).toBe(false);
  });
});
