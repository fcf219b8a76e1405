import { DomainError } from '../common';
import { parseQuery, ParamSpec } from './query-params';

const SPEC = {
  phase: { kind: 'enum', values: ['uitvoering', 'afgesloten'], description: '' },
  strategisch: { kind: 'bool', description: '' },
  owner: { kind: 'uuid', description: '' },
  limit: { kind: 'int', min: 1, max: 200, description: '' },
  from: { kind: 'date', required: true, description: '' },
  cursor: { kind: 'string', maxLength: 8, description: '' },
} satisfies Record<string, ParamSpec>;

function errorsOf(query: Record<string, unknown>): Array<{ field: string; message: string }> {
  try {
    parseQuery(query, SPEC);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).details.errors as Array<{ field: string; message: string }>;
  }
  throw new Error('expected a validation error');
}

describe('strict query parameters', () => {
  it('converts valid values', () => {
    expect(parseQuery({ phase: 'uitvoering', strategisch: 'false', owner: '6F1C1F47-2B0E-4F67-9A8E-0C1D2E3F4A5B', limit: '200', from: '2026-02-28' }, SPEC)).toEqual({
      phase: 'uitvoering',
      strategisch: false,
      owner: '6f1c1f47-2b0e-4f67-9a8e-0c1d2e3f4a5b',
      limit: 200,
      from: '2026-02-28',
    });
  });

  it('names every unknown, repeated, invalid and missing parameter at once', () => {
    const errors = errorsOf({ phase: 'nope', strategisch: 'ja', owner: 'x', limit: '201', foo: '1', cursor: ['a', 'b'] });
    expect(errors.map((e) => e.field).sort()).toEqual(['query.cursor', 'query.foo', 'query.from', 'query.limit', 'query.owner', 'query.phase', 'query.strategisch']);
    expect(errors.find((e) => e.field === 'query.foo')!.message).toBe('is not allowed');
    expect(errors.find((e) => e.field === 'query.cursor')!.message).toBe('must be given once');
    expect(errors.find((e) => e.field === 'query.from')!.message).toBe('is required');
  });

  it.each([
    ['limit', '0'],
    ['limit', '1e2'],
    ['limit', '-1'],
    ['limit', ' 5'],
    ['from', '2026-02-30'],
    ['from', '2026-2-3'],
    ['cursor', ''],
    ['cursor', '123456789'],
    ['constructor', 'x'],
    ['__proto__', 'x'],
  ])('refuses %s=%j', (name, value) => {
    const errors = errorsOf({ from: '2026-01-01', [name]: value });
    expect(errors.map((e) => e.field)).toEqual([`query.${name}`]);
  });
});
