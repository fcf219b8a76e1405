import { CliCommand } from '../cli/cli-command';
import { AuditService } from './audit.service';

export const AUDIT_COMMANDS: CliCommand[] = [
  {
    name: 'audit:verify',
    usage: '[--dossier <id>]',
    summary: 'verify the hash chains; exit 1 when broken',
    run: async ({ app, out, progress }, flags) => {
      const bar = progress('Verifying');
      const r = await app.get(AuditService).verify({ dossierId: flags.one('dossier'), onProgress: bar.tick });
      bar.done();
      if (r.ok) {
        out(`ok: ${r.checked} events in ${r.streams} stream(s) verified.`);
        return 0;
      }
      const b = r.firstBroken!;
      out(`BROKEN after ${r.checked} intact events: event seq ${b.seq} (stream ${b.stream} #${b.streamSeq}): ${b.reason}`);
      out(`  expected ${b.expected}\n  found    ${b.found}`);
      return 1;
    },
  },
];
