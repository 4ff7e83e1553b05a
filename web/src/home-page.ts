import { statistics } from './api.js';
import { h } from './dom.js';
import { formatNumber, t } from './i18n.js';
import { pageTitle, type Page } from './page.js';

const EXAMPLES: { href: string; text: string }[] = [
  { href: '#/innovation/videokonsultation', text: 'VideoKonsultation' },
  { href: '#/innovation/affald-kolding', text: 'Affalds-app giver mere fleksibel service til borgere' },
  { href: '#/organisation/kolding-kommune', text: 'Kolding Kommune' },
  { href: '#/organisation/region-syddanmark', text: 'Region Syddanmark' },
];

export const homePage: Page = async (root, context) => {
  const counts = h('p', { class: 'counts' }, t('loading'));
  root.replaceChildren(
    pageTitle(t('homeTitle')),
    h('p', { class: 'lead' }, t('homeIntro')),
    counts,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'try-title' },
      h('h2', { id: 'try-title' }, t('homeTry')),
      h('ul', { class: 'link-list' }, ...EXAMPLES.map((example) => h('li', {}, h('a', { href: example.href, lang: 'da' }, example.text))), h('li', {}, h('a', { href: '#/research' }, t('homeResearch')))),
    ),
  );
  const stats = await statistics();
  if (!context.isCurrent()) return;
  counts.textContent = t('homeCounts', { innovations: formatNumber(stats.innovations), organisations: formatNumber(stats.organisations), people: formatNumber(stats.people) });
};
