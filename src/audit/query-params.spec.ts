import { ArgumentMetadata } from '@nestjs/common';
import { QueryDateTime, QueryInt, QueryList, strictValidationPipe } from '../common';
import { QUERY_DATE_TIME, queryInt, queryList } from './query-params';

class Probe {
  @QueryDateTime() at?: string;
  @QueryInt(1, 1000) n?: number;
  @QueryList((i) => i === 'a' || i === 'b', 'a or b') list?: string[];
}

const pipe = strictValidationPipe();
const asQuery: ArgumentMetadata = { type: 'query', metatype: Probe };
const accepted = (query: Record<string, string>) =>
  pipe.transform(query, asQuery).then(
    () => true,
    () => false,
  );

/** What the document declares for the audit query parameters, the query DTOs refuse past it. */
describe('query parameter schemas match the query DTO decorators', () => {
  it('date-time: what the pattern and maxLength allow is read; longer is refused', async () => {
    const ok = '2026-03-02T10:15:00.123456789+01:00';
    expect(new RegExp(QUERY_DATE_TIME.pattern!).test(ok)).toBe(true);
    expect(await accepted({ at: ok })).toBe(true);
    expect(await accepted({ at: `${ok}${' '.repeat(QUERY_DATE_TIME.maxLength! - ok.length + 1)}` })).toBe(false);
    expect(await accepted({ at: '2026-03-02' })).toBe(new RegExp(QUERY_DATE_TIME.pattern!).test('2026-03-02'));
  });

  it('integers: the bounds are QueryInt’s', async () => {
    const s = queryInt(1, 1000);
    expect(await accepted({ n: String(s.minimum) })).toBe(true);
    expect(await accepted({ n: String(s.maximum! + 1) })).toBe(false);
    expect(await accepted({ n: String(s.minimum! - 1) })).toBe(false);
  });

  it('lists: maxLength is QueryList’s, and the pattern accepts what the list accepts', async () => {
    const s = queryList('a|b');
    expect(await accepted({ list: 'a, b' })).toBe(new RegExp(s.pattern!).test('a, b'));
    expect(await accepted({ list: 'a,c' })).toBe(new RegExp(s.pattern!).test('a,c'));
    expect(await accepted({ list: Array(s.maxLength! / 2 + 1).fill('a').join(',') })).toBe(false);
  });
});
