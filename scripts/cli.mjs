// `npm run cli -- <command>`: runs the compiled command line (dist/src/cli.js), compiling first only when dist/ is
// missing or older than the sources (src/, workflows/, the tsconfig files, package.json). A run on an up-to-date
// build starts at once instead of running the TypeScript compiler every time.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'cli.js');
const stamp = join(root, 'dist', '.cli-build-stamp');
const buildInfo = join(root, 'dist', '.tsbuildinfo.build');

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** The newest modification time of the TypeScript sources under `dir`. */
function newest(dir) {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(path));
    else if (e.name.endsWith('.ts')) max = Math.max(max, statSync(path).mtimeMs);
  }
  return max;
}

const sources = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'workflows')),
  ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => mtime(join(root, f))),
);
const built = Math.max(mtime(stamp), mtime(buildInfo));
if (!existsSync(entry) || sources > built) {
  process.stderr.write('Compiling (the sources changed since the last build)…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
createRequire(import.meta.url)(entry);
