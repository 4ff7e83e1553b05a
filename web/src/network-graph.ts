import type cytoscape from 'cytoscape';
import { NETWORK_MAX_NODES, partnerNetwork } from './api.js';
import { h } from './dom.js';
import { mountGraph } from './graph-view.js';
import { t } from './i18n.js';
import type { PageContext } from './page.js';

// Colour-blind-safe hues (Okabe-Ito) for the common kinds; every other kind is grey.
const KIND_COLOURS: Record<string, string> = {
  MUNICIPALITY: '#0072b2',
  REGION: '#009e73',
  HOSPITAL: '#cc79a7',
  UNIT: '#56b4e9',
  COMPANY: '#e69f00',
  UNIVERSITY: '#d55e00',
  STATE_AGENCY: '#7a5c00',
};

const STYLE: cytoscape.StylesheetJson = [
  ...Object.entries(KIND_COLOURS).map(([kind, colour]) => ({ selector: `node.kind-${kind}`, style: { 'background-color': colour } })),
  { selector: 'node.centre', style: { width: 32, height: 32, 'border-width': 3, 'border-color': '#1a1a1a', 'font-weight': 'bold', 'font-size': 12 } },
  { selector: 'edge', style: { width: 'data(width)', opacity: 0.8 } },
  { selector: 'edge.ADOPTION', style: { 'line-style': 'dashed', 'line-color': '#8a6d1d', 'target-arrow-color': '#8a6d1d' } },
];

const requests = new WeakMap<HTMLElement, number>();

/** The kinds that have a colour of their own, for the legend. */
export const COLOURED_KINDS = Object.keys(KIND_COLOURS);

/**
 * Loads and draws the partner network of `organisationId` at `depth` into `host`. A node's tap
 * opens that organisation's page, which draws its own network.
 */
export async function mountNetworkGraph(host: HTMLElement, organisationId: string, depth: number, context: PageContext): Promise<void> {
  const request = (requests.get(host) ?? 0) + 1;
  requests.set(host, request);
  host.setAttribute('aria-busy', 'true');
  const network = await partnerNetwork(organisationId, depth);
  // A later choice of depth may have answered first.
  if (!context.isCurrent() || requests.get(host) !== request || !network) return;
  const centre = network.nodes[0]?.id;
  await mountGraph(
    host,
    {
      name: 'network',
      nodes: network.nodes.map((node) => ({ id: node.id, label: node.label, classes: [`kind-${node.kind}`, `depth-${node.depth}`, ...(node.id === centre ? ['centre'] : [])] })),
      edges: network.edges.map((edge) => ({
        source: edge.source,
        target: edge.target,
        classes: [edge.kind],
        // Thicker for more shared innovations, without letting one tie swamp the drawing.
        width: 1.5 + Math.min(edge.weight, 5),
      })),
      description: t('networkDescription', { nodes: network.nodes.length, edges: network.edges.length }),
      nodeListTitle: t('graphNodes'),
      style: STYLE,
      layout:
        network.nodes.length > 2
          ? { name: 'cose', animate: false, padding: 24, randomize: true, nodeRepulsion: () => 12000, idealEdgeLength: () => 80, componentSpacing: 60, nodeDimensionsIncludeLabels: true }
          : { name: 'grid', padding: 40 },
      height: network.nodes.length > 25 ? 520 : 400,
    },
    context,
  );
  host.removeAttribute('aria-busy');
  if (network.truncated) host.appendChild(h('p', { class: 'muted' }, t('networkTruncated', { count: NETWORK_MAX_NODES })));
}
