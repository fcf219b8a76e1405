import { SingleBar } from 'cli-progress';
import { writeFileSync } from 'node:fs';
import { WorkflowRef } from '../../workflows/definition';
import { DossierState, PHASE_IDS } from '../../workflows/evidence';
import { Role } from '../../workflows/facts';
import { WorkflowRegistry } from '../../workflows/registry';
import { may } from '../auth';
import { ActorContext } from '../common';
import { migrationCsv, MigrationRepository, MigrationsService } from '../workflow-migrations';
import { CliCommand, defineCommand, oneOf, UsageError } from './cli-command';

/** `drenthe-verbindend-besturen@2025` → `{ id, version }`. */
export function workflowRef(option: string): (raw: string) => WorkflowRef {
  return (raw) => {
    const m = /^([a-z0-9][a-z0-9-]{0,99})@([0-9A-Za-z][0-9A-Za-z.-]{0,31})$/.exec(raw);
    if (!m) throw new UsageError(`${option} must be <workflow>@<version>, e.g. drenthe-verbindend-besturen@2025`);
    return { id: m[1], version: m[2] };
  };
}

interface MigrateOptions {
  from: WorkflowRef;
  to: WorkflowRef;
  phase?: DossierState;
  reason: string;
  dryRun?: boolean;
  by?: string;
  out?: string;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
function progressBar(total: number, label: string) {
  if (!process.stderr.isTTY || total === 0) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} dossiers | {eta_formatted}`, hideCursor: true });
  bar.start(total, 0);
  return { update: (n: number) => bar.update(n), stop: () => bar.stop() };
}

export const MIGRATION_COMMANDS: CliCommand[] = [
  defineCommand<MigrateOptions>({
    name: 'workflow:migrate',
    summary: 'move dossiers to a newer workflow version (a teamleider decides); --dry-run reports what would change, as CSV',
    options: [
      { flags: '--from <id@version>', description: 'the version the dossiers run under now', required: true, parse: workflowRef('--from') },
      { flags: '--to <id@version>', description: 'the version to move them to: newer, active, knowing their phase', required: true, parse: workflowRef('--to') },
      { flags: '--phase <phase>', description: 'only dossiers in this phase', parse: oneOf<DossierState>('--phase', PHASE_IDS) },
      { flags: '--reason <text>', description: 'why they move (kept in each audit event)', required: true },
      { flags: '--dry-run', description: 'report what would change; write nothing' },
      { flags: '--by <user-id>', description: 'the teamleider who decided the move (required without --dry-run)' },
      { flags: '--out <file>', description: 'write the CSV report to this file (default: standard output)' },
    ],
    run: async ({ app, db, out, info, actor }, o) => {
      if (!o.reason.trim()) throw new UsageError('--reason must not be empty');
      if (o.from.id !== o.to.id) throw new UsageError('--from and --to must name versions of the same workflow');
      const registry = app.get(WorkflowRegistry);
      for (const [flag, ref] of [['--from', o.from], ['--to', o.to]] as const)
        if (!registry.get(ref)) throw new UsageError(`${flag}: ${ref.id}@${ref.version} is not a workflow version of this service`);
      let decider: ActorContext = actor;
      if (!o.dryRun) {
        if (!o.by) throw new UsageError('--by is required without --dry-run: the id of the teamleider who decided the move');
        const user = await db.read((tx) => MigrationRepository.loadUser(tx, o.by!));
        if (!user || user.disabled || !may(user.roles as Role[], 'workflow.migrate'))
          throw new UsageError(`--by must be the id of an active teamleider (only a teamleider moves dossiers)`);
        decider = { id: user.id, name: user.name, roles: user.roles as Role[] };
      }
      const bar = { current: null as ReturnType<typeof progressBar> | null };
      const rows = await app.get(MigrationsService).bulk(decider, {
        from: o.from,
        to: o.to,
        phase: o.phase,
        reason: o.reason,
        dryRun: Boolean(o.dryRun),
        via: actor.id,
        onProgress: (done, total) => {
          bar.current ??= progressBar(total, o.dryRun ? 'Proefrun' : 'Overzetten');
          bar.current.update(done);
        },
      });
      bar.current?.stop();
      const csv = migrationCsv(rows);
      if (o.out) writeFileSync(o.out, csv);
      else out(csv.replace(/\r\n$/, ''));
      const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
      info(
        o.dryRun
          ? `Proefrun: ${count('would-move')} dossier(s) zouden overgaan, ${count('refused')} geweigerd; er is niets gewijzigd.`
          : `${count('moved')} dossier(s) overgezet, ${count('refused')} geweigerd, ${count('failed')} mislukt.`,
      );
      return count('failed') + (o.dryRun ? 0 : count('refused')) > 0 ? 1 : 0;
    },
  }),
];
