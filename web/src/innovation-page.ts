import { innovation as fetchInnovation, similarInnovations, spread as fetchSpread, whoToCall as fetchWhoToCall, type ContactSuggestion, type InnovationDetails, type SimilarInnovation, type Spread } from './api.js';
import { append, h, innovationLink, organisationLink, section, telHref, type Child } from './dom.js';
import { askerOf, describe as describeAsker, isSet, myOrganisation, myOrganisationForm, onMyOrganisationChange } from './asker.js';
import { apiLanguage, enumName, formatNumber, language, t } from './i18n.js';
import { notFound, pageTitle, type Page, type PageContext } from './page.js';
import { regionMap } from './region-map.js';
import { mountSpreadGraph } from './spread-graph.js';
import { timeline } from './timeline.js';

function facts(innovation: InnovationDetails): HTMLElement {
  const rows: [string, Child | Child[]][] = [
    [t('year'), innovation.year ?? t('notStated')],
    [t('kind'), enumName(innovation.kind)],
    [t('sector'), enumName(innovation.sector)],
    [t('targetGroup'), innovation.targetGroup ? h('span', { lang: 'da' }, innovation.targetGroup) : t('notStated')],
    [t('types'), innovation.types.length ? innovation.types.map(enumName).join(', ') : t('notStated')],
    [t('themes'), innovation.themes.map((theme) => (language() === 'en' && theme.nameEn ? theme.nameEn : theme.name)).join(', ') || t('notStated')],
    [t('coronaRelated'), innovation.coronaRelated ? t('yes') : t('no')],
  ];
  return h(
    'dl',
    { class: 'facts' },
    ...rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, ...(Array.isArray(value) ? value : [value])))),
    h('div', { class: 'source-ref' }, h('dt', {}, t('source')), h('dd', { 'data-role': 'source' }, ...sourceReference(innovation.source))),
  );
}

/**
 * Where to read it: the printed page of the catalogue ("Slå op på side 42 i LÆS STJÆL FORTÆL 2
 * ...") and its section; the line range of the extracted text when no page is known.
 */
function sourceReference(source: InnovationDetails['source']): Child[] {
  const document = source.document?.title ?? source.locator.split(':')[0] ?? source.locator;
  const [first, last] = source.lines ?? [];
  const where = source.page
    ? t('sourceOpenPage', { page: source.page, document })
    : first !== undefined
      ? t('sourceLines', { first, last: last ?? first, document })
      : document;
  return [
    h('span', { 'data-page': source.page ?? undefined }, where),
    source.section ? h('span', {}, ', ', t('sourceSection', { section: source.section })) : null,
    h('span', { class: 'locator' }, ` (${source.locator})`),
  ];
}

function awards(innovation: InnovationDetails): HTMLElement {
  return section(
    'awards',
    t('awards'),
    innovation.awards.length
      ? h('ul', { class: 'plain' }, ...innovation.awards.map((award) => h('li', {}, h('strong', {}, enumName(award.level)), ` · ${award.prizeName}`, award.year ? ` ${award.year}` : '')))
      : h('p', {}, t('noAwards')),
  );
}

function organisations(innovation: InnovationDetails): HTMLElement {
  const list = (items: { id: string; name: string }[]) => h('ul', { class: 'chips' }, ...items.map((o) => h('li', {}, organisationLink(o))));
  return section(
    'organisations',
    `${t('nominators')} · ${t('partners')}`,
    h('h3', {}, t('nominators')),
    list(innovation.nominators),
    innovation.makers.length ? [h('h3', {}, t('makers')), list(innovation.makers)] : null,
    h('h3', {}, t('partners')),
    innovation.partners.length
      ? h('ul', { class: 'plain partners' }, ...innovation.partners.map((p) => h('li', {}, organisationLink(p.organisation), p.role ? h('span', { class: 'muted', lang: 'da' }, ` · ${p.role}`) : null)))
      : h('p', {}, t('noPartners')),
  );
}

function contactCards(suggestions: ContactSuggestion[]): HTMLElement {
  if (!suggestions.length) return h('p', {}, t('noContacts'));
  return h(
    'ol',
    { class: 'cards' },
    ...suggestions.map(({ person, reason, score }) =>
      h(
        'li',
        { class: 'card contact', 'data-person-id': person.id },
        h('p', { class: 'card-title' }, person.name),
        person.role || person.organisation
          ? h('p', { class: 'muted' }, person.role ? h('span', { lang: 'da' }, person.role) : null, person.role && person.organisation ? ', ' : null, person.organisation ? organisationLink(person.organisation) : null)
          : null,
        h('p', { class: 'reason', lang: language() }, reason),
        person.email || person.phone
          ? h(
              'p',
              { class: 'contact-links' },
              person.email ? h('a', { href: `mailto:${person.email}`, 'aria-label': `${t('email')} ${person.name}: ${person.email}` }, person.email) : null,
              person.phone ? h('a', { href: telHref(person.phone), 'aria-label': `${t('phone')} ${person.name}: ${person.phone}` }, person.phone) : null,
            )
          : h('p', { class: 'muted' }, t('contactHidden')),
        h('p', { class: 'score' }, t('score', { score: formatNumber(score, 2) })),
      ),
    ),
  );
}

function similarList(similar: SimilarInnovation[]): HTMLElement {
  if (!similar.length) return h('p', {}, t('noSimilar'));
  return h(
    'ol',
    { class: 'plain similar' },
    ...similar.map((s) =>
      h(
        'li',
        {},
        innovationLink(s.innovation),
        s.innovation.year ? ` (${s.innovation.year})` : '',
        h('span', { class: 'score' }, ` · ${t('score', { score: formatNumber(s.score, 2) })}`),
        h('ul', { class: 'reasons', lang: language() }, ...s.reasons.map((r) => h('li', {}, r))),
      ),
    ),
  );
}

function signals(spread: Spread): Child[] {
  if (!spread.signals.length) return [];
  return [
    h('h3', {}, t('signals')),
    h(
      'ul',
      { class: 'plain' },
      ...spread.signals.map((s) =>
        h(
          'li',
          {},
          h('strong', {}, enumName(s.mode)),
          s.audience ? h('span', { lang: 'da' }, ` · ${s.audience}`) : null,
          s.year ? ` (${s.year})` : null,
          s.evidence ? h('span', { class: 'event-evidence', lang: 'da' }, s.evidence) : null,
        ),
      ),
    ),
  ];
}

/** The cascade's measures, graph, map and timeline; the graph is drawn into `graphHost` once in the page. */
function cascadeContent(innovation: InnovationDetails, spread: Spread, graphHost: HTMLElement): Child[] {
  return [
    h(
      'dl',
      { class: 'facts measures' },
      h('div', {}, h('dt', {}, t('reach')), h('dd', { 'data-measure': 'reach' }, formatNumber(spread.reach))),
      // Beside reach, not in it: take-up that has not happened (yet).
      h('div', { class: 'uptake' }, h('dt', {}, t('uptakeTested')), h('dd', { 'data-measure': 'uptake-tested' }, formatNumber(spread.uptake.tested))),
      h('div', { class: 'uptake' }, h('dt', {}, t('uptakePlanned')), h('dd', { 'data-measure': 'uptake-planned' }, formatNumber(spread.uptake.planned))),
      h('div', { class: 'uptake' }, h('dt', {}, t('uptakeInterested')), h('dd', { 'data-measure': 'uptake-interested' }, formatNumber(spread.uptake.interested))),
      h('div', {}, h('dt', {}, t('depthGenerations')), h('dd', { 'data-measure': 'depth' }, formatNumber(spread.depth))),
      h('div', {}, h('dt', {}, t('virality')), h('dd', { 'data-measure': 'structural-virality' }, formatNumber(spread.structuralVirality, 1))),
    ),
    spread.events.length === 0 ? h('p', { class: 'muted' }, t('cascadeNone')) : null,
    h(
      'div',
      { class: 'cascade-grid' },
      spread.events.length === 0
        ? null
        : h(
            'div',
            {},
            h('h3', {}, t('cascadeGraph')),
            h(
              'ul',
              { class: 'legend', 'aria-hidden': 'true' },
              h('li', {}, h('span', { class: 'dot origin' }), t('legendOrigin')),
              h('li', {}, h('span', { class: 'line spread' }), t('legendSpread')),
              h('li', {}, h('span', { class: 'line other' }), t('legendOther')),
            ),
            graphHost,
          ),
      h('div', {}, h('h3', {}, t('map')), regionMap({ reached: spread.regionsReached, uptake: spread.uptake.regions, origin: innovation.regions })),
    ),
    h('h3', {}, t('timeline')),
    timeline(spread.originYear, spread.events),
    ...signals(spread),
  ];
}

/**
 * A placeholder that says it is loading until `answer` arrives, then shows what `render` makes of
 * it, or the error.
 */
async function fill<T>(host: HTMLElement, answer: Promise<T>, render: (value: T) => Child | Child[], context: PageContext): Promise<boolean> {
  host.setAttribute('aria-busy', 'true');
  try {
    const value = await answer;
    if (!context.isCurrent()) return false;
    host.replaceChildren();
    append(host, [render(value)]);
    return true;
  } catch (error) {
    if (context.isCurrent()) host.replaceChildren(h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) })));
    return false;
  } finally {
    host.removeAttribute('aria-busy');
  }
}

/** Whom the list is ranked for, and a disclosure to change it without leaving the page. */
function askingAs(context: PageContext): HTMLElement {
  const summary = h('summary', { 'data-role': 'asking-as' });
  const show = () => {
    const mine = myOrganisation();
    if (!isSet(mine)) {
      summary.textContent = t('myOrgAskingNobody');
      return;
    }
    void describeAsker(mine).then((name) => {
      summary.textContent = t('myOrgAskingAs', { name });
    });
  };
  show();
  context.onLeave(onMyOrganisationChange(show));
  return h('details', { class: 'asking-as' }, summary, myOrganisationForm('who-asks', context));
}

const loading = () => h('div', { class: 'slot' }, h('p', { class: 'loading' }, t('loading')));

/** #/innovation/<id>: what it is, who made it, whom to call, what resembles it, how it spread. */
export function innovationPage(id: string): Page {
  return async (root: HTMLElement, context: PageContext) => {
    // All four asked at once; the page stands as soon as the innovation itself is there.
    const details = fetchInnovation(id);
    const contacts = fetchWhoToCall(id, askerOf(myOrganisation()), apiLanguage());
    const similar = similarInnovations(id, apiLanguage());
    const spread = fetchSpread(id);
    for (const pending of [contacts, similar, spread]) pending.catch(() => undefined);

    const innovation = await details;
    if (!context.isCurrent()) return;
    if (!innovation) {
      notFound(root, id);
      return;
    }
    const contactsSlot = loading();
    const similarSlot = loading();
    const cascadeSlot = loading();
    const graphHost = h('div', { class: 'graph-host' }, h('p', { class: 'loading' }, t('loading')));
    root.replaceChildren(
      h(
        'article',
        { class: 'innovation', 'data-innovation-id': innovation.id },
        pageTitle(innovation.title, `${t('innovationPage')} · ${enumName(innovation.kind)}`, 'da'),
        h('p', { class: 'lead summary', lang: 'da' }, innovation.summary),
        facts(innovation),
        h(
          'div',
          { class: 'columns' },
          section('who-to-call', t('whoToCall'), h('p', { class: 'muted' }, t('whoToCallIntro')), askingAs(context), contactsSlot),
          h('div', {}, organisations(innovation), awards(innovation)),
        ),
        section('cascade', t('cascade'), cascadeSlot),
        section('similar', t('similar'), similarSlot),
      ),
    );
    // Not awaited: the page is usable while the slower parts arrive, each in its own time.
    void fill(contactsSlot, contacts, contactCards, context);
    // A new "my organisation" ranks the contacts anew, in place.
    let asked = 0;
    context.onLeave(
      onMyOrganisationChange(() => {
        const mine = ++asked;
        contactsSlot.replaceChildren(h('p', { class: 'loading' }, t('loading')));
        // Only the latest choice's answer may fill the list.
        const latest: PageContext = { ...context, isCurrent: () => context.isCurrent() && mine === asked };
        void fill(contactsSlot, fetchWhoToCall(id, askerOf(myOrganisation()), apiLanguage()), contactCards, latest);
      }),
    );
    void fill(similarSlot, similar, similarList, context);
    void fill(cascadeSlot, spread, (value) => (value ? cascadeContent(innovation, value, graphHost) : h('p', {}, t('cascadeNone'))), context).then(async (shown) => {
      const value = shown ? await spread : null;
      if (!value?.events.length || !context.isCurrent()) return;
      const origin = innovation.makers.length ? innovation.makers : innovation.nominators;
      await mountSpreadGraph(graphHost, origin, value, context).catch((error: unknown) => {
        graphHost.replaceChildren(h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) })));
      });
    });
  };
}
