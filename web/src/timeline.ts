import type { SpreadEvent } from './api.js';
import { h, innovationLink, organisationLink } from './dom.js';
import { enumName, t } from './i18n.js';

function eventItem(event: SpreadEvent): HTMLElement {
  const what =
    event.kind === 'LINEAGE' && event.descendant
      ? [organisationLink(event.to), ` · ${enumName(event.mode)} · `, innovationLink(event.descendant)]
      : [organisationLink(event.to), ` · ${enumName(event.mode)}`, event.status ? ` (${enumName(event.status)})` : ''];
  return h(
    'li',
    { class: `timeline-event ${event.countsAsSpread ? 'spread' : 'other'}`, 'data-mode': event.mode },
    h('span', { class: 'event-what' }, ...what),
    event.from ? h('span', { class: 'event-from' }, ' ', t('from', { name: event.from.name })) : null,
    event.evidence ? h('span', { class: 'event-evidence', lang: 'da' }, event.evidence) : null,
    event.source ? h('span', { class: 'event-source' }, event.source) : null,
  );
}

/**
 * The cascade by year: the start of the innovation, then each year's spreading events; events the
 * sources give no year for come last, under their own heading.
 */
export function timeline(originYear: number | null, events: readonly SpreadEvent[]): HTMLElement {
  const byYear = new Map<number, SpreadEvent[]>();
  const undated: SpreadEvent[] = [];
  for (const event of events) {
    if (event.year === null) undated.push(event);
    else byYear.set(event.year, [...(byYear.get(event.year) ?? []), event]);
  }
  const years = [...new Set([...(originYear !== null ? [originYear] : []), ...byYear.keys()])].sort((a, b) => a - b);
  const items = years.map((year) =>
    h(
      'li',
      { class: 'timeline-year', 'data-year': year },
      h('span', { class: 'year' }, String(year)),
      h('ul', {}, year === originYear ? h('li', { class: 'timeline-event origin' }, t('timelineStart')) : null, ...(byYear.get(year) ?? []).map(eventItem)),
    ),
  );
  if (undated.length) {
    items.push(h('li', { class: 'timeline-year undated' }, h('span', { class: 'year' }, t('timelineUndated')), h('ul', {}, ...undated.map(eventItem))));
  }
  if (!items.length) return h('p', { class: 'muted' }, t('timelineEmpty'));
  return h('ol', { class: 'timeline', 'aria-label': t('timeline') }, ...items);
}
