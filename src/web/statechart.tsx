/**
 * The workflow as a statechart, drawn from the live XState machine of a workflow version: its states, the events
 * each accepts and their targets, and the requirements that guard each transition (requirementsFor, the very
 * function the guard evaluates). ELK (elkjs) lays the graph out; the drawing is SVG with real text.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { WorkflowDefinition } from '../../workflows/definition';
import { requirementsFor } from '../../workflows/engine';
import { DOSSIER_STATES, DossierMachine, transitionsFrom } from '../../workflows/machine';
import { DossierState } from '../../workflows/evidence';
import { DossierEventType } from '../../workflows/facts';
import { EVENT_LABELS, phaseName } from './views/dossier';

export interface ChartEdge {
  id: string;
  from: DossierState;
  to: DossierState;
  event: DossierEventType;
  requirements: string[];
  points: Array<{ x: number; y: number }>;
  label: { x: number; y: number; width: number; height: number; text: string };
}

export interface ChartNode {
  id: DossierState;
  label: string;
  final: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Chart {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

/** States and transitions as the machine defines them. */
export function machineGraph(machine: DossierMachine, def: WorkflowDefinition) {
  const nodes = DOSSIER_STATES.map((id) => ({ id, final: machine.states[id].type === 'final' }));
  const edges = DOSSIER_STATES.flatMap((from) =>
    transitionsFrom(machine, from).map(({ event, to }) => ({ from, to, event, requirements: requirementsFor(def, from, event).map((r) => r.id) })),
  );
  return { nodes, edges };
}

/** Rough text width for layout (the SVG text itself is real text, so nothing is lost if it differs). */
const textWidth = (s: string, size = 13) => Math.ceil(s.length * size * 0.56) + 12;

export function edgeLabel(e: { event: DossierEventType; requirements: string[] }): string {
  const n = e.requirements.length;
  return `${EVENT_LABELS[e.event] ?? e.event}${n ? ` (${n} ${n === 1 ? 'eis' : 'eisen'})` : ''}`;
}

const cache = new WeakMap<DossierMachine, Promise<Chart>>();

/** The laid-out chart of a machine, computed once per workflow version. */
export function chartOf(machine: DossierMachine, def: WorkflowDefinition): Promise<Chart> {
  let p = cache.get(machine);
  if (!p) {
    p = layout(machine, def);
    cache.set(machine, p);
  }
  return p;
}

async function layout(machine: DossierMachine, def: WorkflowDefinition): Promise<Chart> {
  const g = machineGraph(machine, def);
  const elk = new ELK();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      // The phases in the order of the kader, top to bottom: cycles (RETURN) are broken against the model order.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
    },
    children: g.nodes.map((n) => ({ id: n.id, width: Math.max(180, textWidth(phaseName(n.id), 15)), height: 48 })),
    edges: g.edges.map(
      (e, i): ElkExtendedEdge => ({
        id: `e${i}`,
        sources: [e.from],
        targets: [e.to],
        labels: [{ text: edgeLabel(e), width: textWidth(edgeLabel(e)), height: 18 }],
      }),
    ),
  };
  const out = await elk.layout(graph);
  const nodes: ChartNode[] = (out.children ?? []).map((c) => ({
    id: c.id as DossierState,
    label: phaseName(c.id),
    final: g.nodes.find((n) => n.id === c.id)!.final,
    x: c.x ?? 0,
    y: c.y ?? 0,
    width: c.width ?? 0,
    height: c.height ?? 0,
  }));
  const edges: ChartEdge[] = (out.edges ?? []).map((e, i) => {
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    const l = e.labels?.[0];
    return { ...g.edges[i], id: e.id, points, label: { x: l?.x ?? 0, y: l?.y ?? 0, width: l?.width ?? 0, height: l?.height ?? 0, text: l?.text ?? '' } };
  });
  return { width: Math.ceil(out.width ?? 0) + 20, height: Math.ceil(out.height ?? 0) + 20, nodes, edges };
}

/** The chart as SVG, with the current state marked (border, fill and the words "huidige fase"). */
export function StatechartSvg({ chart, current, title }: { chart: Chart; current?: DossierState | null; title: string }) {
  const desc = chart.edges.map((e) => `${phaseName(e.from)} naar ${phaseName(e.to)} bij "${EVENT_LABELS[e.event] ?? e.event}"${e.requirements.length ? `, bewaakt door ${e.requirements.join(', ')}` : ''}`).join('; ');
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={chart.width}
      height={chart.height}
      viewBox={`-10 -10 ${chart.width} ${chart.height}`}
      role="img"
      aria-labelledby="kaart-titel kaart-uitleg"
      font-family="sans-serif"
    >
      <title id="kaart-titel">{title}</title>
      <desc id="kaart-uitleg">{desc}</desc>
      <defs>
        <marker id="pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#333" />
        </marker>
      </defs>
      {chart.edges.map((e) => (
        <g key={e.id}>
          <polyline
            points={e.points.map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
            stroke={e.event === 'ADVANCE' ? '#00528c' : '#555'}
            stroke-width={e.event === 'ADVANCE' ? 2 : 1.5}
            stroke-dasharray={e.event === 'ADVANCE' ? undefined : '6 4'}
            marker-end="url(#pijl)"
          />
          <rect x={e.label.x - 2} y={e.label.y - 1} width={e.label.width} height={e.label.height} fill="#fff" opacity="0.9" />
          <text x={e.label.x + 2} y={e.label.y + 13} font-size="13" fill="#1a1a1a">
            {e.label.text}
          </text>
        </g>
      ))}
      {chart.nodes.map((n) => {
        const isCurrent = n.id === current;
        return (
          <g key={n.id}>
            <rect
              x={n.x}
              y={n.y}
              width={n.width}
              height={n.height}
              rx={n.final ? 24 : 6}
              fill={isCurrent ? '#e5eef5' : '#fff'}
              stroke={isCurrent ? '#00528c' : '#333'}
              stroke-width={isCurrent ? 5 : n.final ? 3 : 1.5}
            />
            <text x={n.x + n.width / 2} y={n.y + (isCurrent ? 20 : 29)} font-size="15" text-anchor="middle" font-weight={isCurrent ? 'bold' : 'normal'} fill="#1a1a1a">
              {n.label}
            </text>
            {isCurrent ? (
              <text x={n.x + n.width / 2} y={n.y + 38} font-size="12" text-anchor="middle" fill="#1a1a1a">
                huidige fase
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
