import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A migration is frozen when it is written: it imports nothing but TypeORM's interfaces, so a later change to the
 * application (a serializer, a table helper, another migration) can never change what an old migration does.
 */
describe('migrations', () => {
  const files = readdirSync(__dirname).filter((f) => /^\d+-.*\.ts$/.test(f) && !f.endsWith('.spec.ts'));

  it('are all here', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files)('%s imports only typeorm', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gms)].map((m) => m[1]);
    const required = [...source.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
    expect([...new Set([...imports, ...required])]).toEqual(['typeorm']);
  });
});
