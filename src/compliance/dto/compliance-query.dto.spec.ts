import { Type } from '@nestjs/common';
import { DomainError, strictValidationPipe } from '../../common';
import { ComplianceListQueryDto, SummaryQueryDto } from './compliance-query.dto';

/** As the global pipe runs for `@Query()`. */
const parse = <T>(dto: Type<T>, query: Record<string, unknown>): Promise<T> =>
  strictValidationPipe().transform(query, { type: 'query', metatype: dto }) as Promise<T>;

async function errorsOf<T>(dto: Type<T>, query: Record<string, unknown>): Promise<Array<{ field: string; message: string }>> {
  try {
    await parse(dto, query);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.errors as Array<{ field: string; message: string }>;
  }
  throw new Error('expected a validation error');
}

describe('strict query parameters of the compliance endpoints', () => {
  it('converts valid values', async () => {
    expect({
      ...(await parse(ComplianceListQueryDto, { phase: 'uitvoering', strategisch: 'false', owner: '6F1C1F47-2B0E-4F67-9A8E-0C1D2E3F4A5B', limit: '200' })),
    }).toEqual({
      phase: 'uitvoering',
      strategisch: false,
      owner: '6f1c1f47-2b0e-4f67-9a8e-0c1d2e3f4a5b',
      limit: 200,
    });
    expect({ ...(await parse(SummaryQueryDto, { from: '2026-02-28', to: '2026-03-01' })) }).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });

  it('names every unknown, repeated, invalid and missing parameter at once', async () => {
    const errors = await errorsOf(ComplianceListQueryDto, { phase: 'nope', strategisch: 'ja', owner: 'x', limit: '201', foo: '1', cursor: ['a', 'b'] });
    expect(errors.map((e) => e.field).sort()).toEqual(['query.cursor', 'query.foo', 'query.limit', 'query.owner', 'query.phase', 'query.strategisch']);
    expect(errors.find((e) => e.field === 'query.foo')!.message).toBe('is not allowed');
    expect(errors.find((e) => e.field === 'query.cursor')!.message).toBe('must be given once');
    const summary = await errorsOf(SummaryQueryDto, { to: ['2026-01-01', '2026-01-02'] });
    expect(summary).toEqual([
      { field: 'query.from', message: 'is required' },
      { field: 'query.to', message: 'must be given once' },
    ]);
  });

  it.each([
    ['limit', '0'],
    ['limit', '1e2'],
    ['limit', '-1'],
    ['limit', ' 5'],
    ['cursor', ''],
    ['cursor', 'x'.repeat(1001)],
    ['workflowVersion', '-2025'],
  ])('refuses %s=%j', async (name, value) => {
    const errors = await errorsOf(ComplianceListQueryDto, { [name]: value });
    expect(errors.map((e) => e.field)).toEqual([`query.${name}`]);
  });

  // `constructor`, `__proto__` and the other names every object has are refused for every request before any pipe runs
  // (src/app.ts, inspectJson over the query): test/e2e/fuzz.e2e.test.ts sends them.

  it.each([
    ['from', '2026-02-30'],
    ['from', '2026-2-3'],
  ])('refuses %s=%j', async (name, value) => {
    const errors = await errorsOf(SummaryQueryDto, { from: '2026-01-01', to: '2026-01-01', [name]: value });
    expect(errors.map((e) => e.field)).toEqual([`query.${name}`]);
  });
});
