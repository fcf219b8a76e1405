/**
 * Child process for the crash test: writes evidence and transitions as fast as it can on a SQLite file,
 * printing a line after each commit, until it is killed with SIGKILL.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { ActorContext } from '../../src/common/actor';
import { loadConfig } from '../../src/config/config';
import { Db } from '../../src/database/db';
import { DossiersService } from '../../src/dossiers/dossiers.service';
import { EvidenceService } from '../../src/dossiers/evidence/evidence.service';
import { TransitionsService } from '../../src/dossiers/transitions/transitions.service';

async function main() {
  const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL });
  const db = await Db.open(config.database);
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, db }), { logger: false });
  const actor = JSON.parse(process.env.CRASH_ACTOR!) as ActorContext;
  const ids = JSON.parse(process.env.CRASH_DOSSIERS!) as string[];
  const dossiers = app.get(DossiersService);
  const evidence = app.get(EvidenceService);
  const transitions = app.get(TransitionsService);
  for (let i = 0; ; i++) {
    const id = ids[i % ids.length];
    await evidence.record(actor, id, { kind: 'terugkoppeling', occurredOn: '2026-03-01', supersedes: null, data: { aan: 'griffie', onderwerp: 'signaal', samenvatting: `schrijven ${i}` } });
    const v = await dossiers.get(actor, id);
    if (v.phase === 'voorfase-agendasetting') {
      const explanations = Object.fromEntries(v.next!.explanationsRequired.map((r) => [r, `Bewust afgewogen bij ${r} (test).`]));
      await transitions.fire(actor, id, { event: 'ADVANCE', expectedVersion: v.version, explanations });
    } else {
      await transitions.fire(actor, id, { event: 'RETURN', expectedVersion: v.version, reason: 'crash-test' });
    }
    process.stdout.write(`${i}\n`);
  }
}

void main();
