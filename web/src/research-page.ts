import { GROUPINGS, researchStats, type Grouping, type SpreadGroup, type SpreadStats } from './api.js';
import { mountBarChart, type BarSeries } from './bar-chart.js';
import { h, section } from './dom.js';
import { enumName, formatNumber, t, type MessageKey } from './i18n.js';
import { pageTitle, type Page } from './page.js';

// Okabe-Ito hues: told apart with colour-blindness too, and dark enough against white.
const COLOURS = { reuseShare: '#0072b2', activelySharedShare: '#b36b00', collaborationShare: '#007a5a', spreadShare: '#a8487f', evaluatedShare: '#555555' };
type Measure = keyof typeof COLOURS;

function groupLabel(grouping: Grouping, group: SpreadGroup): string {
  if (group.key === 'NONE') return t('noValue');
  if (grouping === 'REGION' || grouping === 'YEAR') return group.label;
  return enumName(group.key);
}

/** Each grouping's shares by group, with the national figures as the last category. */
function groupSeries(grouping: Grouping, stats: SpreadStats): { categories: string[]; series: BarSeries[] } {
  const measures = ['reuseShare', 'activelySharedShare', 'collaborationShare', 'spreadShare'] as const;
  const reference = stats.reference as Partial<Record<Measure, number>>;
  return {
    categories: [...stats.groups.map((g) => `${groupLabel(grouping, g)} (${g.innovations})`), t('barometer')],
    series: measures.map((measure) => ({
      label: t(measure),
      colour: COLOURS[measure],
      values: [...stats.groups.map((g) => g[measure]), reference[measure] ?? null],
    })),
  };
}

function countsTable(grouping: Grouping, stats: SpreadStats): HTMLElement {
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', {}, `${t('groupInnovations')} · ${t('groupAdoptions')} · ${t('groupTested')} · ${t('groupPlanned')}`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, ...[t('group'), t('groupInnovations'), t('groupAdoptions'), t('groupTested'), t('groupPlanned')].map((label) => h('th', { scope: 'col' }, label))),
        ),
        h(
          'tbody',
          {},
          ...[...stats.groups, stats.totals].map((g) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, g.key === 'ALL' ? t('catalogue') : groupLabel(grouping, g)),
              ...[g.innovations, g.adoptions, g.testedAdoptions, g.plannedAdoptions].map((n) => h('td', {}, formatNumber(n))),
            ),
          ),
        ),
      ),
    ),
  );
}

/** #/research: spreadStats for every grouping as bar charts, next to the Innovationsbarometer. */
export const researchPage: Page = async (root, context) => {
  const stats = await researchStats();
  if (!context.isCurrent()) return;
  const any = stats.REGION;
  const referenceHost = h('div', { class: 'chart-host' });
  const hosts = new Map<Grouping, HTMLElement>(GROUPINGS.map((g) => [g, h('div', { class: 'chart-host' })]));
  root.replaceChildren(
    pageTitle(t('researchTitle')),
    h('p', { class: 'lead' }, t('researchIntro')),
    section(
      'reference',
      t('referenceTitle'),
      h('p', { lang: 'en', class: 'muted' }, any.reference.description),
      h('p', { class: 'muted' }, t('referenceNote')),
      referenceHost,
    ),
    ...GROUPINGS.map((g) => section(`group-${g.toLowerCase()}`, t(`groupBy_${g}` as MessageKey), hosts.get(g), countsTable(g, stats[g]))),
  );
  const measures: Measure[] = ['reuseShare', 'activelySharedShare', 'collaborationShare', 'evaluatedShare'];
  const totals = any.totals as unknown as Partial<Record<Measure, number>>;
  const reference = any.reference as Partial<Record<Measure, number>>;
  await mountBarChart(
    referenceHost,
    {
      name: 'reference',
      title: t('referenceTitle'),
      categories: measures.map((m) => t(m)),
      series: [
        { label: `${t('catalogue')} (${any.totals.innovations})`, colour: '#0072b2', values: measures.map((m) => totals[m] ?? null) },
        { label: t('barometer'), colour: '#555555', values: measures.map((m) => reference[m] ?? null) },
      ],
    },
    context,
  );
  for (const grouping of GROUPINGS) {
    const { categories, series } = groupSeries(grouping, stats[grouping]);
    await mountBarChart(hosts.get(grouping)!, { name: grouping, title: t(`groupBy_${grouping}` as MessageKey), categories, series, emphasise: [categories.length - 1] }, context);
  }
};
