import { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from './domain-error';
import { QueryCheck, QueryDate, QueryDateTime, QueryInt, QueryList, QueryString, QueryValue } from './query-dto';
import { strictValidationPipe } from './validation';

class Probe {
  @QueryInt(1, 10) a?: number;
  @QueryList((s) => s === 'x', 'allowed') b?: string[];
  @QueryDateTime() from?: string;
  @QueryDateTime()
  @QueryCheck<Probe>((q) => (q.from !== undefined && q.to !== undefined && q.from > q.to ? 'must not be before from' : null))
  to?: string;
}

const pipe = strictValidationPipe();
const asQuery: ArgumentMetadata = { type: 'query', metatype: Probe };

async function parse(query: Record<string, unknown>): Promise<Probe> {
  return (await pipe.transform(query, asQuery)) as Probe;
}

async function errors(query: Record<string, unknown>): Promise<{ field: string; message: string }[]> {
  try {
    await parse(query);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.errors as { field: string; message: string }[];
  }
}

describe('query-parameter DTOs through the global pipe', () => {
  it('normalises ISO 8601 date-times with a zone to UTC with milliseconds', async () => {
    const q = await parse({ from: '2026-03-02T10:00+01:00', to: '2026-03-02T09:00:00.5Z' });
    expect(q.from).toBe('2026-03-02T09:00:00.000Z');
    expect(q.to).toBe('2026-03-02T09:00:00.500Z');
  });

  it.each(['2026-03-02', '2026-03-02T09:00:00', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-02T24:00:00Z', 'now', '2026-03-02T09:00:00 01:00'])(
    'refuses %s as a date-time, naming the field',
    async (v) => {
      expect((await errors({ from: v })).map((e) => e.field)).toEqual(['query.from']);
    },
  );

  it('refuses unknown and repeated parameters, bad integers and list items, each once', async () => {
    const errs = await errors({ a: ['1', '2'], b: 'x,,y', c: '1' });
    expect(errs.map((e) => e.field).sort()).toEqual(['query.a', 'query.b', 'query.c']);
    expect(errs.find((e) => e.field === 'query.a')!.message).toBe('must be given once, as a single value');
    expect(errs.find((e) => e.field === 'query.b')!.message).toBe('"", "y" are not allowed');
    expect(errs.find((e) => e.field === 'query.c')!.message).toBe('is not allowed');
    expect(await errors({ a: '007' })).toEqual([{ field: 'query.a', message: 'must be a whole number from 1 to 10' }]);
    expect(await errors({ a: '11' })).toHaveLength(1);
    expect(await parse({ a: '10', b: 'x, x' })).toEqual(Object.assign(new Probe(), { a: 10, b: ['x'] }));
  });

  it('checks a rule over two parameters only when both are valid', async () => {
    expect(await errors({ from: '2026-03-02T10:00:00Z', to: '2026-03-01T10:00:00Z' })).toEqual([{ field: 'query.to', message: 'must not be before from' }]);
    expect((await errors({ from: 'gisteren', to: '2026-03-01T10:00:00Z' })).map((e) => e.field)).toEqual(['query.from']);
  });

  it('names a body field without the query prefix', async () => {
    await expect(pipe.transform({ a: '0' }, { type: 'body', metatype: Probe })).rejects.toMatchObject({ details: { errors: [{ field: 'a' }] } });
  });
});

class Texts {
  @QueryDate() day?: string;
  @QueryString(4, /^[a-z]+$/) word?: string;
  @QueryValue((v) => (v === 'ok' ? null : 'must be ok'), { repeated: 'must be given once', notSingle: 'must be a single value' }) v?: string;
}

describe('dates, texts and checked values through the global pipe', () => {
  const run = async (query: Record<string, unknown>) => {
    try {
      return { q: { ...((await pipe.transform(query, { type: 'query', metatype: Texts })) as Texts) }, errors: [] };
    } catch (e) {
      return { q: null, errors: (e as DomainError).details.errors as { field: string; message: string }[] };
    }
  };

  it('accepts a calendar date, a word of 1 to 4 letters and a value its check accepts', async () => {
    expect((await run({ day: '2024-02-29', word: 'abcd', v: 'ok' })).q).toEqual({ day: '2024-02-29', word: 'abcd', v: 'ok' });
  });

  it('says what is wrong with each, in the words problem-text.ts translates', async () => {
    expect((await run({ day: '2026-02-29', word: '', v: 'no' })).errors).toEqual([
      { field: 'query.day', message: 'must be a calendar date YYYY-MM-DD' },
      { field: 'query.word', message: 'must be 1 to 4 characters' },
      { field: 'query.v', message: 'must be ok' },
    ]);
    expect((await run({ word: 'ABC' })).errors).toEqual([{ field: 'query.word', message: 'has an invalid format' }]);
    expect((await run({ v: ['ok', 'ok'] })).errors).toEqual([{ field: 'query.v', message: 'must be given once' }]);
    expect((await run({ v: null })).errors).toEqual([{ field: 'query.v', message: 'must be a single value' }]);
  });
});
