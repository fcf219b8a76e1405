import 'reflect-metadata';
import { runCli } from './cli/index';

/** `npm run cli -- <command>`: see src/cli/run.ts and `npm run cli -- help`. Exits when output is flushed. */
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
