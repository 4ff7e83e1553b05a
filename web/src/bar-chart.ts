import type { Chart as ChartType } from 'chart.js';
import { h } from './dom.js';
import { formatPercent, language, t } from './i18n.js';
import type { PageContext } from './page.js';

export interface BarSeries {
  label: string;
  colour: string;
  /** One share (0 to 1) per category; null where there is no figure. */
  values: (number | null)[];
}

export interface BarChartOptions {
  name: string;
  title: string;
  categories: string[];
  series: BarSeries[];
  /** Categories to print in bold on the axis (the reference figures). */
  emphasise?: number[];
}

let registered: Promise<typeof import('chart.js')> | undefined;

/** Chart.js, loaded on first use and with only the parts a bar chart needs. */
function chartJs(): Promise<typeof import('chart.js')> {
  registered ??= import('chart.js').then((module) => {
    module.Chart.register(module.BarController, module.BarElement, module.CategoryScale, module.LinearScale, module.Legend, module.Tooltip);
    return module;
  });
  return registered;
}

/**
 * A horizontal bar chart of shares, one bar per series in each category, with the same figures
 * as a table for those who cannot see the canvas. `host` must be in the page.
 */
export async function mountBarChart(host: HTMLElement, options: BarChartOptions, context: PageContext): Promise<void> {
  const { Chart } = await chartJs();
  if (!context.isCurrent()) return;
  const canvas = h('canvas', { role: 'img', 'aria-label': t('chartDescription', { title: options.title }) });
  const height = 70 + options.categories.length * (options.series.length * 10 + 16);
  const frame = h('div', { class: 'chart-frame', style: `height: ${height}px`, 'data-chart': options.name, 'data-categories': options.categories.length }, canvas);
  const table = h(
    'details',
    { class: 'chart-table' },
    h('summary', {}, t('chartTable')),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h('caption', {}, options.title),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('group')), ...options.series.map((s) => h('th', { scope: 'col' }, s.label)))),
        h(
          'tbody',
          {},
          ...options.categories.map((category, i) =>
            h('tr', {}, h('th', { scope: 'row' }, category), ...options.series.map((s) => h('td', {}, s.values[i] === null || s.values[i] === undefined ? '–' : formatPercent(s.values[i]!)))),
          ),
        ),
      ),
    ),
  );
  host.replaceChildren(frame, table);
  const emphasise = new Set(options.emphasise ?? []);
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const chart: ChartType<'bar', (number | null)[], string> = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: options.categories,
      datasets: options.series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.colour, borderColor: s.colour, borderWidth: 1, barPercentage: 0.9, categoryPercentage: 0.85 })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 300 },
      locale: language() === 'da' ? 'da-DK' : 'en-GB',
      scales: {
        x: { min: 0, max: 1, ticks: { callback: (value) => formatPercent(Number(value)), color: '#33404d' }, grid: { color: '#e3e7ec' } },
        y: { ticks: { color: '#1a1a1a', font: (ctx) => ({ weight: emphasise.has(ctx.index) ? 'bold' : 'normal' }) }, grid: { display: false } },
      },
      plugins: {
        legend: { position: 'top', align: 'start', labels: { color: '#1a1a1a', boxWidth: 14 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${item.raw === null ? '–' : formatPercent(Number(item.raw))}` } },
      },
    },
  });
  frame.dataset.ready = 'true';
  context.onLeave(() => chart.destroy());
}
