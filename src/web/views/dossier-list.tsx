import type { ComplianceItem } from '../../compliance';
import { dagen } from '../format';
import { phaseName } from './dossier';
import { html, Layout, PageContext } from './layout';
import { A, H1, Notice, P, Pager, Status, Table, Td, Tr } from './ui';

/** What blocks a dossier's next step, in one line. */
export function blocks(item: ComplianceItem): string {
  if (!item.next) return 'Niets: het dossier is afgerond.';
  const parts: string[] = [];
  if (item.next.hardOpen.count) parts.push(`verplicht niet voldaan: ${item.next.hardOpen.ids.join(', ')}`);
  if (item.next.advisoryOpen.count) parts.push(`uitleg nodig: ${item.next.advisoryOpen.ids.join(', ')}`);
  if (item.waivers.pending.count) parts.push(`ontheffing aangevraagd: ${item.waivers.pending.ids.join(', ')}`);
  return parts.length ? parts.join('; ') : 'Niets: klaar voor de volgende fase.';
}

export function dossierListPage(
  ctx: PageContext,
  d: { mine: boolean; items: ComplianceItem[]; total: number | null; offset: number; limit: number; hasNext: boolean; canCreate: boolean; message?: string },
): string {
  const title = d.mine ? 'Mijn dossiers' : 'Dossiers';
  return html(
    <Layout ctx={ctx} title={title}>
      <H1>{title}</H1>
      <Notice type="ok" text={d.message} />
      {d.canCreate ? (
        <P>
          <a class="utrecht-button utrecht-button--primary-action" href="/dossiers/nieuw" style="text-decoration:none;display:inline-block">
            Nieuw dossier
          </a>
        </P>
      ) : null}
      {d.items.length ? (
        <>
          <Table caption={d.mine ? 'Dossiers die aan u zijn toegewezen, in de volgorde van de fasen' : 'Alle dossiers, in de volgorde van de fasen'} head={['Dossier', 'Fase', 'In deze fase', 'Wat blokkeert', 'Stand']}>
            {d.items.map((i) => (
              <Tr key={i.dossierId}>
                <Td th>
                  <A href={`/dossiers/${i.dossierId}`}>{i.title}</A>
                </Td>
                <Td>{phaseName(i.phase)}</Td>
                <Td>{dagen(i.daysInPhase)}</Td>
                <Td>{blocks(i)}</Td>
                <Td>
                  {!i.next ? (
                    <Status kind="na">afgerond</Status>
                  ) : i.next.hardOpen.count ? (
                    <Status kind="open">geblokkeerd</Status>
                  ) : (
                    <Status kind="ok">{i.next.advisoryOpen.count ? 'kan verder met uitleg' : 'kan verder'}</Status>
                  )}
                </Td>
              </Tr>
            ))}
          </Table>
          <Pager base={ctx.path} offset={d.offset} limit={d.limit} total={d.total} hasNext={d.hasNext} />
        </>
      ) : (
        <P>{d.mine ? 'Er zijn nog geen dossiers aan u toegewezen.' : 'Er zijn nog geen dossiers.'}</P>
      )}
    </Layout>,
  );
}
