import { DomainError } from '../common';
import { QueryReader } from './query';

function errors(query: Record<string, unknown>, read: (q: QueryReader) => void): { field: string; message: string }[] {
  const q = new QueryReader(query, ['a', 'b']);
  read(q);
  try {
    q.done();
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.errors as { field: string; message: string }[];
  }
}

describe('QueryReader', () => {
  it('normalises ISO 8601 date-times with a zone to UTC with milliseconds', () => {
    const q = new QueryReader({ a: '2026-03-02T10:00+01:00', b: '2026-03-02T09:00:00.5Z' }, ['a', 'b']);
    expect(q.dateTime('a')).toBe('2026-03-02T09:00:00.000Z');
    expect(q.dateTime('b')).toBe('2026-03-02T09:00:00.500Z');
    q.done();
  });

  it.each(['2026-03-02', '2026-03-02T09:00:00', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-02T24:00:00Z', 'now', '2026-03-02T09:00:00 01:00'])(
    'refuses %s as a date-time, naming the field',
    (v) => {
      expect(errors({ a: v }, (q) => q.dateTime('a')).map((e) => e.field)).toEqual(['query.a']);
    },
  );

  it('refuses unknown and repeated parameters, bad integers and list items', () => {
    const errs = errors({ a: ['1', '2'], b: 'x,,y', c: '1' }, (q) => {
      q.int('a', 1, 10);
      q.list('b', (s) => s === 'x', 'allowed');
    });
    expect(errs.map((e) => e.field).sort()).toEqual(['query.a', 'query.b', 'query.c']);
    expect(errs.find((e) => e.field === 'query.b')!.message).toBe('"", "y" are not allowed');
    expect(errors({ a: '007' }, (q) => q.int('a', 1, 10))).toHaveLength(1);
    expect(errors({ a: '11' }, (q) => q.int('a', 1, 10))).toHaveLength(1);
    expect(errors({}, (q) => expect(q.int('a', 1, 10, 5)).toBe(5))).toEqual([]);
  });
});
