import { WorkflowRegistry } from '../../workflows/registry';
import { CliCommand, defineCommand } from './cli-command';
import { describeWorkflow } from '../workflow-catalogue';

export const WORKFLOW_COMMANDS: CliCommand[] = [
  defineCommand<{ id?: string; version?: string; json?: boolean }>({
    name: 'workflow:show',
    summary: 'phases, events and requirements of a workflow version (default: the newest active one)',
    options: [
      { flags: '--id <id>', description: 'the workflow (default drenthe-verbindend-besturen)' },
      { flags: '--version <v>', description: 'its version (default: the newest active one, where new dossiers start)' },
      { flags: '--json', description: 'as JSON' },
    ],
    run: ({ app, out }, o) => {
      const registry = app.get(WorkflowRegistry);
      const id = o.id ?? 'drenthe-verbindend-besturen';
      const version = o.version ?? (registry.latestActive(id) ?? registry.latest(id))?.definition.version ?? '';
      const w = describeWorkflow(registry, id, version);
      if (o.json) {
        out(JSON.stringify(w, null, 2));
        return Promise.resolve(0);
      }
      const line = (r: (typeof w.requirements)[number]) =>
        `     ${r.id.padEnd(6)} ${r.severity.padEnd(8)} ${r.waivable ? 'waivable' : '        '}  ${r.label.nl}`;
      out(`${w.id}@${w.version} — ${w.title.nl}\nSource: ${w.source}\n`);
      for (const p of w.phases) {
        const events = Object.entries(w.transitions[p.id] ?? {}).map(([e, to]) => `${e}→${to}`).join(', ');
        out(`${p.order}. ${p.id} (${p.label.nl}) — ${events}`);
        for (const r of w.requirements.filter((x) => x.transition === p.guardedBy)) out(line(r));
      }
      out('\nAny transition:');
      for (const r of w.requirements.filter((x) => x.transition === 'X')) out(`${line(r)} [${r.events.join(', ')}]`);
      const hard = w.requirements.filter((r) => r.severity === 'hard').length;
      out(`\n${w.requirements.length} requirements (${hard} hard, ${w.requirements.length - hard} advisory), ${w.instruments.length} instruments, ${w.timers.length} timers.`);
      return Promise.resolve(0);
    },
  }),
];
