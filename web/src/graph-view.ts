import type cytoscape from 'cytoscape';
import { h, organisationHref } from './dom.js';
import { t } from './i18n.js';
import type { PageContext } from './page.js';

export interface GraphNode {
  id: string;
  label: string;
  /** Style classes, e.g. `origin`, `centre`, `kind-MUNICIPALITY`. */
  classes: string[];
}

export interface GraphEdge {
  source: string;
  target: string;
  classes: string[];
  label?: string;
  width?: number;
}

export interface GraphViewOptions {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** What the canvas shows, for screen readers (the canvas itself says nothing). */
  description: string;
  nodeListTitle: string;
  layout: cytoscape.LayoutOptions;
  style: cytoscape.StylesheetJson;
  /** Name of the graph in data-graph, e.g. `spread`. */
  name: string;
  height?: number;
}

const MAX_FIT_ZOOM = 1.3;

/** The graph drawn in each host, so that drawing again (another depth) first frees the old one. */
const drawn = new WeakMap<HTMLElement, cytoscape.Core>();

const BASE_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 11,
      color: '#1a1a1a',
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      width: 18,
      height: 18,
      'background-color': '#5a6b7d',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': '#7a8796',
      'curve-style': 'bezier',
      'target-arrow-color': '#7a8796',
    },
  },
  { selector: 'node:active, node:selected', style: { 'overlay-opacity': 0.15 } },
];

/**
 * Draws into `host` (already in the page) a Cytoscape.js graph with what the canvas cannot give: a description and a list of the same
 * organisations as links (the keyboard and screen-reader way in), zoom buttons, and the counts in
 * data attributes. Tapping a node opens its organisation.
 */
export async function mountGraph(host: HTMLElement, options: GraphViewOptions, context: PageContext): Promise<void> {
  const { default: cytoscapeFactory } = await import('cytoscape');
  const descriptionId = `${options.name}-graph-description`;
  const canvas = h('div', {
    class: 'graph-canvas',
    role: 'img',
    'aria-labelledby': descriptionId,
    'data-graph': options.name,
    'data-node-count': options.nodes.length,
    'data-edge-count': options.edges.length,
    style: options.height ? `height: ${options.height}px` : undefined,
  });
  const toolbar = h('div', { class: 'graph-toolbar' });
  const wrapper = h(
    'figure',
    { class: 'graph' },
    h('div', { class: 'graph-frame' }, canvas, toolbar),
    h('figcaption', { id: descriptionId, class: 'graph-description' }, options.description),
    h('details', { class: 'node-list', open: true },
      h('summary', {}, `${options.nodeListTitle} (${options.nodes.length})`),
      h('ul', { 'data-role': 'node-list' }, ...options.nodes.map((node) => h('li', { class: node.classes.join(' ') }, h('a', { href: organisationHref(node.id), 'data-node-id': node.id }, node.label))))),
  );

  if (!context.isCurrent()) return;
  // Cytoscape measures its container when it starts, so the container goes in the page first.
  drawn.get(host)?.destroy();
  host.replaceChildren(wrapper);
  const cy = cytoscapeFactory({
    container: canvas,
    elements: [
      ...options.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label }, classes: node.classes })),
      ...options.edges.map((edge, i) => ({
        group: 'edges' as const,
        data: { id: `e${i}`, source: edge.source, target: edge.target, label: edge.label ?? '', width: edge.width ?? 2 },
        classes: edge.classes,
      })),
    ],
    style: [...BASE_STYLE, ...options.style],
    // The wheel (and, on touch screens, a finger) scrolls the page, not the graph: zoom with the buttons.
    userZoomingEnabled: false,
    userPanningEnabled: !matchMedia('(pointer: coarse)').matches,
    boxSelectionEnabled: false,
    minZoom: 0.2,
    maxZoom: 3,
  });
  const fit = () => {
    if (cy.destroyed()) return;
    cy.fit(undefined, 24);
    // A graph of one or two nodes would be blown up to fill the frame.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  };
  cy.layout({
    // Laid out in the frame's own shape, so a wide screen gets a wide drawing, not a zoomed-out tall one.
    boundingBox: { x1: 0, y1: 0, w: Math.max(canvas.clientWidth - 48, 200), h: Math.max(canvas.clientHeight - 48, 200) },
    ...options.layout,
    fit: false,
    stop: () => {
      fit();
      canvas.dataset.ready = 'true';
    },
  } as cytoscape.LayoutOptions).run();
  cy.on('tap', 'node', (event) => {
    location.hash = organisationHref(event.target.id() as string);
  });
  cy.on('mouseover', 'node', () => canvas.classList.add('pointing'));
  cy.on('mouseout', 'node', () => canvas.classList.remove('pointing'));
  const zoomBy = (factor: number) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
  toolbar.replaceChildren(
    h('button', { type: 'button', 'aria-label': t('zoomIn'), title: t('zoomIn'), onclick: () => zoomBy(1.25) }, '+'),
    h('button', { type: 'button', 'aria-label': t('zoomOut'), title: t('zoomOut'), onclick: () => zoomBy(0.8) }, '−'),
    h('button', { type: 'button', 'aria-label': t('zoomFit'), title: t('zoomFit'), onclick: fit }, '⤢'),
  );
  // Cytoscape keeps where its canvas sits on the screen until a scroll or resize; parts of the
  // page that arrive later move it without either, and clicks would then miss their node.
  const moved = new ResizeObserver(() => {
    if (!cy.destroyed()) cy.resize();
  });
  moved.observe(document.body);
  cy.on('destroy', () => moved.disconnect());
  // And where the page moved it without changing the body's size (content above replaced by
  // content of the same height arriving later), the first press would still miss: each press
  // makes it measure again before it looks for the node under the pointer.
  canvas.addEventListener('pointerdown', () => cy.resize(), { capture: true });
  drawn.set(host, cy);
  context.onLeave(() => {
    if (!cy.destroyed()) cy.destroy();
  });
}
