import { nominatedPage, organisationPage as fetchOrganisationPage, type InnovationPage, type InnovationRef, type OrganisationDetails } from './api.js';
import { h, innovationLink, organisationLink, section, telHref } from './dom.js';
import { enumName, language, t } from './i18n.js';
import { COLOURED_KINDS, mountNetworkGraph } from './network-graph.js';
import { notFound, pageTitle, type Page, type PageContext } from './page.js';
import { pathForm } from './path-form.js';

function innovationItem(innovation: InnovationRef): HTMLElement {
  return h('li', {}, innovationLink(innovation), innovation.year ? ` (${innovation.year})` : '');
}

function facts(organisation: OrganisationDetails): HTMLElement {
  const rows: [string, Node | string][] = [
    [t('kind'), enumName(organisation.kind)],
    [t('region'), organisation.region ? (language() === 'en' && organisation.region.nameEn ? organisation.region.nameEn : organisation.region.name) : t('notStated')],
    [t('country'), organisation.country ?? t('notStated')],
  ];
  if (organisation.parent) rows.push([t('partOf'), organisationLink(organisation.parent)]);
  if (organisation.aliases.length) rows.push([t('aliases'), organisation.aliases.join(', ')]);
  return h('dl', { class: 'facts' }, ...rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

/** The nominated innovations, a page at a time, with "show more" while more follow. */
function nominated(organisation: OrganisationDetails, context: PageContext): HTMLElement {
  const list = h('ul', { class: 'plain', 'data-role': 'nominated' });
  const more = h('button', { type: 'button', class: 'secondary' }, t('showMore'));
  let after: string | null = null;
  const add = (page: InnovationPage) => {
    for (const edge of page.edges) list.appendChild(innovationItem(edge.node));
    after = page.pageInfo.endCursor;
    more.hidden = !page.pageInfo.hasNextPage;
  };
  add(organisation.nominated);
  more.addEventListener('click', async () => {
    if (!after) return;
    more.disabled = true;
    const page = await nominatedPage(organisation.id, after);
    if (!context.isCurrent() || !page) return;
    const firstNew = list.children.length;
    add(page);
    more.disabled = false;
    // Keyboard users continue where the new items start.
    list.children[firstNew]?.querySelector('a')?.focus();
  });
  return section(
    'innovations',
    t('innovations'),
    h('p', { class: 'muted' }, t('innovationsCount', { count: organisation.nominated.totalCount })),
    organisation.nominated.totalCount ? list : h('p', {}, t('noInnovations')),
    more,
    organisation.partnerIn.length ? [h('h3', {}, t('partnerIn')), h('ul', { class: 'plain' }, ...organisation.partnerIn.map(innovationItem))] : null,
    organisation.adopted.length
      ? [
          h('h3', {}, t('adopted')),
          h('ul', { class: 'plain' }, ...organisation.adopted.map((a) => h('li', {}, innovationLink(a.innovation), ` · ${enumName(a.mode)} (${enumName(a.status)}${a.year ? `, ${a.year}` : ''})`))),
        ]
      : null,
  );
}

function units(organisation: OrganisationDetails): HTMLElement {
  return section(
    'units',
    t('units'),
    organisation.units.length ? h('ul', { class: 'chips' }, ...organisation.units.map((u) => h('li', {}, organisationLink(u)))) : h('p', {}, t('noUnits')),
  );
}

function people(organisation: OrganisationDetails): HTMLElement {
  return section(
    'people',
    t('people'),
    organisation.people.length
      ? h(
          'ul',
          { class: 'cards' },
          ...organisation.people.map((person) =>
            h(
              'li',
              { class: 'card' },
              h('p', { class: 'card-title' }, person.name),
              person.role ? h('p', { class: 'muted', lang: 'da' }, person.role) : null,
              person.email || person.phone
                ? h('p', { class: 'contact-links' }, person.email ? h('a', { href: `mailto:${person.email}` }, person.email) : null, person.phone ? h('a', { href: telHref(person.phone) }, person.phone) : null)
                : null,
            ),
          ),
        )
      : h('p', {}, t('noPeople')),
  );
}

function network(organisation: OrganisationDetails, context: PageContext): { element: HTMLElement; start(): Promise<void> } {
  const host = h('div', { class: 'graph-host', 'data-role': 'network' }, h('p', { class: 'loading' }, t('loading')));
  const select = h('select', { id: 'network-depth' }, ...[1, 2, 3].map((depth) => h('option', { value: depth }, String(depth))));
  select.addEventListener('change', () => {
    mountNetworkGraph(host, organisation.id, Number(select.value), context).catch((error: unknown) => {
      host.replaceChildren(h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) })));
    });
  });
  const legend = h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    h('li', {}, h('span', { class: 'dot centre' }), t('legendCentre')),
    ...COLOURED_KINDS.map((kind) => h('li', {}, h('span', { class: `dot kind-${kind}` }), enumName(kind))),
    h('li', {}, h('span', { class: 'line partnership' }), t('legendPartnership')),
    h('li', {}, h('span', { class: 'line other' }), t('legendAdoption')),
  );
  const element = section(
    'network',
    t('network'),
    h('p', { class: 'muted' }, t('networkIntro')),
    h('p', { class: 'inline-field' }, h('label', { for: 'network-depth' }, t('depth')), select),
    legend,
    host,
  );
  return { element, start: () => mountNetworkGraph(host, organisation.id, 1, context) };
}

/** #/organisation/<id>: what it is, its innovations, units and people, its partner network, paths. */
export function organisationPage(id: string): Page {
  return async (root: HTMLElement, context: PageContext) => {
    const organisation = await fetchOrganisationPage(id);
    if (!context.isCurrent()) return;
    if (!organisation) {
      notFound(root, id);
      return;
    }
    const networkPart = network(organisation, context);
    root.replaceChildren(
      h(
        'article',
        { class: 'organisation', 'data-organisation-id': organisation.id },
        pageTitle(organisation.name, `${t('organisationPage')} · ${enumName(organisation.kind)}`),
        facts(organisation),
        networkPart.element,
        h('div', { class: 'columns' }, nominated(organisation, context), h('div', {}, units(organisation), people(organisation))),
        section('path', t('path'), pathForm(organisation, context)),
      ),
    );
    await networkPart.start();
  };
}
