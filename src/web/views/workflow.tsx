import type { WorkflowDefinition } from '../../../workflows/definition';
import { DossierState } from '../../../workflows/evidence';
import { Chart, StatechartSvg } from '../statechart';
import { EVENT_LABELS, phaseName } from './dossier';
import { html, Layout, PageContext } from './layout';
import { A, H1, H2, P, Table, Td, Tr } from './ui';

export function workflowPage(ctx: PageContext, d: { def: WorkflowDefinition; chart: Chart; dossier?: { id: string; title: string; phase: DossierState } }): string {
  const labels = new Map(d.def.requirements.map((r) => [r.id, r.label.nl]));
  const title = d.dossier ? `Werkstroom: ${d.dossier.title}` : 'Werkstroom';
  return html(
    <Layout ctx={ctx} title={title}>
      {d.dossier ? (
        <P>
          <A href={`/dossiers/${d.dossier.id}`}>← Terug naar {d.dossier.title}</A>
        </P>
      ) : null}
      <H1>{title}</H1>
      <P>
        {d.def.title.nl} (versie {d.def.version}). De plaat is getekend uit de definitie waarmee de dossiers werken: fasen, stappen en de eisen die elke stap bewaken.
        {d.dossier ? ` De huidige fase van dit dossier (${phaseName(d.dossier.phase)}) is dik omrand en gemarkeerd met "huidige fase".` : ''} Doorgetrokken lijnen: naar de
        volgende fase; gestreepte lijnen: terug, intrekken of een nieuwe cyclus.
      </P>
      <div class="kw-chart" role="region" aria-label="Statechart (schuif opzij als hij niet past)" tabIndex={0}>
        <StatechartSvg chart={d.chart} current={d.dossier?.phase ?? null} title={`Statechart van ${d.def.title.nl}`} />
      </div>
      <H2>Stappen en de eisen die ze bewaken</H2>
      <Table caption="Elke stap van de werkstroom met de eisen die eraan voldaan moeten zijn" head={['Van', 'Stap', 'Naar', 'Eisen']}>
        {d.chart.edges.map((e) => (
          <Tr key={e.id}>
            <Td th>{phaseName(e.from)}</Td>
            <Td>{EVENT_LABELS[e.event] ?? e.event}</Td>
            <Td>{phaseName(e.to)}</Td>
            <Td>
              {e.requirements.length ? (
                <details>
                  <summary>
                    {e.requirements.length} {e.requirements.length === 1 ? 'eis' : 'eisen'}: {e.requirements.join(', ')}
                  </summary>
                  <ul class="utrecht-unordered-list">
                    {e.requirements.map((id) => (
                      <li key={id} class="utrecht-unordered-list__item">
                        {id}: {labels.get(id)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                'geen'
              )}
            </Td>
          </Tr>
        ))}
      </Table>
    </Layout>,
  );
}
