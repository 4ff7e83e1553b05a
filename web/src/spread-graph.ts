import type cytoscape from 'cytoscape';
import type { Ref, Spread } from './api.js';
import { mountGraph, type GraphEdge, type GraphNode } from './graph-view.js';
import { enumName, t } from './i18n.js';
import type { PageContext } from './page.js';

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node.origin', style: { 'background-color': '#0b4f8a', width: 30, height: 30, 'font-weight': 'bold' } },
  { selector: 'node.reached', style: { 'background-color': '#1d7a45' } },
  { selector: 'node.touched', style: { 'background-color': '#8a6d1d', shape: 'diamond' } },
  {
    selector: 'edge',
    style: {
      'target-arrow-shape': 'triangle',
      label: 'data(label)',
      'font-size': 9,
      color: '#33404d',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
    },
  },
  { selector: 'edge.spread', style: { 'line-color': '#1d7a45', 'target-arrow-color': '#1d7a45', width: 2.5 } },
  { selector: 'edge.other', style: { 'line-style': 'dashed', 'line-color': '#8a6d1d', 'target-arrow-color': '#8a6d1d' } },
];

/**
 * The cascade as organisations and who took it from whom: the origin organisations, then every
 * organisation a spreading event reached. Events of one pair and mode draw as one edge.
 */
export function cascadeElements(origin: Ref[], spread: Spread): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  for (const organisation of origin) nodes.set(organisation.id, { id: organisation.id, label: organisation.name, classes: ['origin'] });
  const edges = new Map<string, GraphEdge>();
  const rootId = origin[0]?.id;
  for (const event of spread.events) {
    const from = event.from ?? origin[0];
    const reachedClass = event.countsAsSpread ? 'reached' : 'touched';
    const known = nodes.get(event.to.id);
    if (!known) nodes.set(event.to.id, { id: event.to.id, label: event.to.name, classes: [reachedClass] });
    else if (reachedClass === 'reached' && known.classes.includes('touched')) known.classes = ['reached'];
    if (from && !nodes.has(from.id)) nodes.set(from.id, { id: from.id, label: from.name, classes: ['reached'] });
    const source = from?.id ?? rootId;
    if (!source || source === event.to.id) continue;
    const key = `${source}>${event.to.id}>${event.mode}`;
    if (!edges.has(key)) edges.set(key, { source, target: event.to.id, classes: [event.countsAsSpread ? 'spread' : 'other'], label: enumName(event.mode) });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export async function mountSpreadGraph(host: HTMLElement, origin: Ref[], spread: Spread, context: PageContext): Promise<void> {
  const { nodes, edges } = cascadeElements(origin, spread);
  await mountGraph(
    host,
    {
      name: 'spread',
      nodes,
      edges,
      description: t('cascadeGraphDescription', { nodes: nodes.length, edges: edges.length }),
      nodeListTitle: t('graphNodes'),
      style: STYLE,
      // A broadcast (everyone took it from the origin) reads best as a star around it; a cascade
      // of several generations as a tree, one row per generation.
      layout: { name: 'breadthfirst', directed: true, circle: spread.depth <= 1 && nodes.length > 2, ...(origin.length ? { roots: origin.map((o) => o.id) } : {}), padding: 24, spacingFactor: 1.1, animate: false },
      height: 340,
    },
    context,
  );
}
