import type { RegionRef } from './api.js';
import { h, svg } from './dom.js';
import { language, t } from './i18n.js';

interface RegionShape {
  id: string;
  da: string;
  en: string;
  /** One path per land mass (Funen, Bornholm, Lolland-Falster belong to their region). */
  paths: string[];
  label: { x: number; y: number };
}

// Drawn by hand on a 340 x 290 grid: the outline of Denmark much simplified, not to scale, with
// neighbouring regions sharing their border points.
const DENMARK: RegionShape[] = [
  { id: 'nordjylland', da: 'Nordjylland', en: 'North Denmark', paths: ['M150,4 L134,42 L142,70 L128,96 L82,100 L44,90 L36,64 L70,50 L108,28 Z'], label: { x: 92, y: 74 } },
  { id: 'midtjylland', da: 'Midtjylland', en: 'Central Denmark', paths: ['M44,90 L82,100 L128,96 L150,112 L162,132 L146,146 L134,152 L128,172 L34,176 L30,128 Z'], label: { x: 86, y: 140 } },
  {
    id: 'syddanmark',
    da: 'Syddanmark',
    en: 'Southern Denmark',
    paths: ['M34,176 L128,172 L122,196 L116,222 L120,262 L72,268 L60,240 L40,214 Z', 'M146,206 L178,198 L196,214 L190,240 L160,246 L144,230 Z'],
    label: { x: 82, y: 218 },
  },
  {
    id: 'sjaelland',
    da: 'Sjælland',
    en: 'Zealand',
    paths: ['M214,186 L244,178 L256,196 L262,222 L276,232 L262,250 L230,252 L208,236 L204,206 Z', 'M196,262 L246,258 L262,268 L250,280 L200,278 Z'],
    label: { x: 233, y: 226 },
  },
  {
    id: 'hovedstaden',
    da: 'Hovedstaden',
    en: 'Capital Region',
    paths: ['M244,178 L262,164 L288,168 L292,196 L284,216 L276,232 L262,222 L256,196 Z', 'M314,212 L330,216 L328,236 L312,232 Z'],
    label: { x: 268, y: 198 },
  },
];

// Shown only where an innovation touches Norway; placed north of Jutland, across the Skagerrak.
const NORWAY: RegionShape = {
  id: 'helse-soer-oest',
  da: 'Helse Sør-Øst (Norge)',
  en: 'Helse Sør-Øst (Norway)',
  paths: ['M40,-112 L210,-118 L226,-76 L196,-44 L150,-28 L104,-34 L62,-62 Z'],
  label: { x: 134, y: -70 },
};

export interface RegionMapInput {
  reached: { region: RegionRef; organisations: number }[];
  /** Regions where organisations tested or plan to take it up (`Spread.uptake.regions`): not reached, drawn lighter. */
  uptake: { region: RegionRef; planned: number; tested: number }[];
  origin: RegionRef[];
}

function regionName(region: RegionRef): string {
  return language() === 'en' && region.nameEn ? region.nameEn : region.name;
}

/**
 * The five Danish regions (and Norway's Helse Sør-Øst where it applies) as a schematic SVG map:
 * the regions spreading reached filled dark, those only tested or planned in filled light, the
 * origin's regions outlined, with a text list of the same facts for those who cannot see the map.
 */
export function regionMap(input: RegionMapInput): HTMLElement {
  const reached = new Map(input.reached.map((r) => [r.region.id, r.organisations]));
  // A region both reached and planned in counts as reached: the map shows the furthest it came.
  const uptake = new Map(input.uptake.filter((u) => !reached.has(u.region.id)).map((u) => [u.region.id, u]));
  const origin = new Set(input.origin.map((r) => r.id));
  const showNorway = [...input.reached.map((r) => r.region), ...input.uptake.map((u) => u.region), ...input.origin].some((r) => r.country === 'NO' || r.id === NORWAY.id);
  const shapes = showNorway ? [...DENMARK, NORWAY] : DENMARK;
  const viewBox = showNorway ? '0 -124 340 414' : '0 0 340 290';

  const titleId = 'region-map-title';
  const descId = 'region-map-desc';
  const reachedNames = input.reached.map((r) => regionName(r.region)).join(', ') || t('none');
  const uptakeNames = [...uptake.values()].map((u) => regionName(u.region)).join(', ') || t('none');
  const originNames = input.origin.map(regionName).join(', ') || t('none');
  const map = svg(
    'svg',
    {
      viewBox,
      class: 'region-map',
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'data-reached': [...reached.keys()].sort().join(' '),
      'data-uptake': [...uptake.keys()].sort().join(' '),
    },
    svg('title', { id: titleId }, document.createTextNode(t('map'))),
    svg('desc', { id: descId }, document.createTextNode(t('mapSummary', { reached: reachedNames, uptake: uptakeNames, origin: originNames }))),
  );
  for (const shape of shapes) {
    const isReached = reached.has(shape.id);
    const planned = uptake.get(shape.id);
    const isOrigin = origin.has(shape.id);
    const name = language() === 'en' ? shape.en : shape.da;
    const group = svg('g', {
      class: ['region', isReached ? 'reached' : '', planned ? 'uptake' : '', isOrigin ? 'origin' : ''].filter(Boolean).join(' '),
      'data-region': shape.id,
      'data-reached': String(isReached),
      'data-uptake': String(planned !== undefined),
      'data-origin': String(isOrigin),
    });
    const title = isReached
      ? t('mapReached', { region: name, count: reached.get(shape.id)! })
      : planned
        ? t('mapUptake', { region: name, planned: planned.planned, tested: planned.tested })
        : name;
    group.appendChild(svg('title', {}, document.createTextNode(title)));
    for (const d of shape.paths) group.appendChild(svg('path', { d }));
    group.appendChild(svg('text', { x: shape.label.x, y: shape.label.y, 'text-anchor': 'middle' }, document.createTextNode(name)));
    map.appendChild(group);
  }

  const list = input.reached.length
    ? [
        h('p', { class: 'region-list-title', id: 'region-list-title' }, t('mapListTitle')),
        h('ul', { class: 'region-list', 'aria-labelledby': 'region-list-title' }, ...input.reached.map((r) => h('li', { 'data-region': r.region.id }, t('mapReached', { region: regionName(r.region), count: r.organisations })))),
      ]
    : h('p', {}, t('mapNoneReached'));
  const uptakeList = uptake.size
    ? [
        h('p', { class: 'region-list-title', id: 'region-uptake-title' }, t('mapUptakeListTitle')),
        h(
          'ul',
          { class: 'region-list', 'aria-labelledby': 'region-uptake-title' },
          ...[...uptake.values()].map((u) => h('li', { 'data-region': u.region.id, 'data-uptake': 'true' }, t('mapUptake', { region: regionName(u.region), planned: u.planned, tested: u.tested }))),
        ),
      ]
    : [];
  return h(
    'figure',
    { class: 'map' },
    map,
    h(
      'div',
      { class: 'legend', 'aria-hidden': 'true' },
      h('span', { class: 'swatch reached' }),
      t('legendReached'),
      h('span', { class: 'swatch uptake' }),
      t('legendUptake'),
      h('span', { class: 'swatch origin' }),
      t('legendOrigin'),
    ),
    list,
    ...uptakeList,
    h('figcaption', {}, t('mapCaption')),
  );
}
