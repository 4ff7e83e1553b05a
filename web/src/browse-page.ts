import { browseInnovations, facets as fetchFacets, similarToText, type BrowseFilter, type BrowseItem, type BrowsePage, type Facets, type SimilarInnovation } from './api.js';
import { append, h, innovationLink, type Child } from './dom.js';
import { apiLanguage, enumName, formatNumber, language, t, type MessageKey } from './i18n.js';
import { pageTitle, type Page, type PageContext } from './page.js';

/** The facets with fixed values: the API's enums, in the order a reader expects them. */
const SECTORS = ['MUNICIPAL', 'REGIONAL', 'STATE', 'OTHER'] as const;
const KINDS = ['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE', 'REFERENCED'] as const;
const AWARD_LEVELS = ['WINNER', 'FINALIST', 'NOMINEE', 'SUBMITTED'] as const;

/**
 * The browse page's state, and its form in the address: `#/browse?text=ensomhed&theme=prevention`.
 * Lists repeat their key (`theme=a&theme=b`); years are `from` and `to`.
 */
interface BrowseState {
  text: string;
  theme: string[];
  region: string[];
  sector: string[];
  kind: string[];
  award: string[];
  from: number | null;
  to: number | null;
}

type ListKey = 'theme' | 'region' | 'sector' | 'kind' | 'award';
const LIST_KEYS: ListKey[] = ['theme', 'region', 'sector', 'kind', 'award'];

function year(value: string | null): number | null {
  if (!value) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1900 && n <= 2100 ? n : null;
}

export function stateFromQuery(query: URLSearchParams): BrowseState {
  return {
    text: (query.get('text') ?? '').trim(),
    theme: query.getAll('theme'),
    region: query.getAll('region'),
    sector: query.getAll('sector').filter((v) => (SECTORS as readonly string[]).includes(v)),
    kind: query.getAll('kind').filter((v) => (KINDS as readonly string[]).includes(v)),
    award: query.getAll('award').filter((v) => (AWARD_LEVELS as readonly string[]).includes(v)),
    from: year(query.get('from')),
    to: year(query.get('to')),
  };
}

function queryOf(state: BrowseState): string {
  const query = new URLSearchParams();
  if (state.text) query.set('text', state.text);
  for (const key of LIST_KEYS) for (const value of state[key]) query.append(key, value);
  if (state.from !== null) query.set('from', String(state.from));
  if (state.to !== null) query.set('to', String(state.to));
  const text = query.toString();
  return text ? `#/browse?${text}` : '#/browse';
}

function filterOf(state: BrowseState): BrowseFilter {
  const filter: BrowseFilter = {};
  if (state.text) filter.text = state.text;
  if (state.theme.length) filter.themeIds = state.theme;
  if (state.region.length) filter.regionIds = state.region;
  if (state.sector.length) filter.sectors = state.sector;
  if (state.kind.length) filter.kinds = state.kind;
  if (state.award.length) filter.awardLevels = state.award;
  if (state.from !== null) filter.yearFrom = state.from;
  if (state.to !== null) filter.yearTo = state.to;
  return filter;
}

function localName(item: { name: string; nameEn: string | null }): string {
  return language() === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** One facet: a disclosure (open when something in it is chosen, or on a wide screen) around a group of check boxes. */
function checkGroup(key: ListKey, title: MessageKey, values: { value: string; label: string; lang?: string }[], state: BrowseState, onChange: () => void): HTMLElement {
  const chosen = new Set(state[key]);
  const count = h('span', { class: 'facet-count' });
  const showCount = () => {
    count.textContent = state[key].length ? ` · ${state[key].length}` : '';
  };
  const boxes = values.map(({ value }) => {
    const id = `facet-${key}-${value}`;
    const box = h('input', { type: 'checkbox', id, name: key, value, checked: chosen.has(value) });
    box.addEventListener('change', () => {
      state[key] = boxes.filter((b) => b.checked).map((b) => b.value);
      showCount();
      onChange();
    });
    return box;
  });
  showCount();
  return h(
    'details',
    { class: 'facet', 'data-facet': key, open: chosen.size > 0 || window.matchMedia('(min-width: 900px)').matches },
    h('summary', {}, t(title), count),
    h(
      'fieldset',
      {},
      h('legend', { class: 'sr-only' }, t(title)),
      h('ul', { class: 'checks' }, ...values.map(({ value, label, lang }, i) => h('li', {}, boxes[i]!, h('label', { for: `facet-${key}-${value}`, lang }, label)))),
    ),
  );
}

function yearGroup(state: BrowseState, onChange: () => void): HTMLElement {
  const input = (id: string, label: MessageKey, value: number | null, set: (n: number | null) => void) => {
    const field = h('input', { type: 'number', id, inputmode: 'numeric', min: 1990, max: 2030, step: 1, value: value ?? undefined });
    field.addEventListener('change', () => {
      set(year(field.value));
      onChange();
    });
    return h('p', { class: 'field' }, h('label', { for: id }, t(label)), field);
  };
  return h(
    'details',
    { class: 'facet', 'data-facet': 'years', open: state.from !== null || state.to !== null || window.matchMedia('(min-width: 900px)').matches },
    h('summary', {}, t('browseYears')),
    h(
      'fieldset',
      { class: 'years' },
      h('legend', { class: 'sr-only' }, t('browseYears')),
      input('facet-year-from', 'browseYearFrom', state.from, (n) => (state.from = n)),
      input('facet-year-to', 'browseYearTo', state.to, (n) => (state.to = n)),
    ),
  );
}

/** A discreet mark of relevance: a thin bar relative to the best hit, the figure for those who ask. */
function relevance(score: number, best: number): HTMLElement {
  const label = t('browseRelevance', { score: formatNumber(score, 2) });
  const share = best > 0 ? Math.max(0.05, Math.min(1, score / best)) : 0;
  return h(
    'span',
    { class: 'relevance', title: label, 'data-score': score },
    h('span', { class: 'relevance-bar', 'aria-hidden': 'true' }, h('span', { class: 'relevance-fill', style: `width: ${Math.round(share * 100)}%` })),
    h('span', { class: 'sr-only' }, label),
  );
}

function resultItem(item: BrowseItem, best: number | null): HTMLElement {
  const { node } = item;
  const themes = node.themes.filter((theme) => theme.kind === 'THEME');
  const meta: Child[] = [node.year ? `${node.year} · ` : null, enumName(node.kind)];
  return h(
    'li',
    { class: 'card result', 'data-innovation-id': node.id },
    h('p', { class: 'card-title' }, innovationLink(node), item.score !== null && best !== null ? relevance(item.score, best) : null),
    h('p', { class: 'muted' }, ...meta),
    node.nominators.length ? h('p', { class: 'nominators' }, t('browseNominatedBy', { names: node.nominators.map((o) => o.qualifiedName ?? o.name).join(', ') })) : null,
    themes.length ? h('ul', { class: 'chips small', 'aria-label': t('themes') }, ...themes.map((theme) => h('li', {}, localName(theme)))) : null,
  );
}

function similarAnswers(found: SimilarInnovation[]): Child[] {
  if (!found.length) return [h('p', { 'data-role': 'already-none' }, t('alreadyNone'))];
  return [
    h('p', {}, found.length === 1 ? t('alreadyFoundOne') : t('alreadyFound', { count: found.length })),
    h(
      'ol',
      { class: 'plain similar', 'data-role': 'already-answers' },
      ...found.map((s) =>
        h(
          'li',
          { 'data-innovation-id': s.innovation.id },
          innovationLink(s.innovation),
          s.innovation.year ? ` (${s.innovation.year})` : '',
          h('ul', { class: 'reasons', lang: language() }, ...s.reasons.map((r) => h('li', {}, r))),
        ),
      ),
    ),
  ];
}

/** "Is someone already doing this?": a description in, the most similar innovations and why out. */
function alreadyBox(context: PageContext): HTMLElement {
  const text = h('textarea', { id: 'already-text', rows: 4, maxlength: 5000, placeholder: t('alreadyPlaceholder'), 'aria-describedby': 'already-intro' });
  const submit = h('button', { type: 'submit' }, t('alreadySubmit'));
  const result = h('div', { class: 'already-result', role: 'status', 'aria-live': 'polite', 'data-role': 'already-result' });
  let inFlight: AbortController | undefined;
  const form = h(
    'form',
    { class: 'already-form' },
    h('label', { for: 'already-text' }, t('alreadyLabel')),
    text,
    h('p', {}, submit),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const description = text.value.trim();
    if (description.length < 3) {
      result.replaceChildren(h('p', { class: 'error' }, t('alreadyTooShort')));
      text.focus();
      return;
    }
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    submit.disabled = true;
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(h('p', { class: 'loading' }, t('loading')));
    try {
      const found = await similarToText(description, apiLanguage(), controller.signal);
      if (!context.isCurrent() || controller.signal.aborted) return;
      result.replaceChildren();
      append(result, similarAnswers(found));
    } catch (error) {
      if (controller.signal.aborted || !context.isCurrent()) return;
      result.replaceChildren(h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) })));
    } finally {
      if (inFlight === controller) {
        submit.disabled = false;
        result.removeAttribute('aria-busy');
      }
    }
  });
  context.onLeave(() => inFlight?.abort());
  return h(
    'section',
    { class: 'panel already', id: 'already', 'aria-labelledby': 'already-title' },
    h('h2', { id: 'already-title' }, t('alreadyTitle')),
    h('p', { class: 'muted', id: 'already-intro' }, t('alreadyIntro')),
    form,
    result,
  );
}

/** #/browse: innovations by theme, region, sector, kind, years, award and words, a page at a time. */
export function browsePage(query: URLSearchParams): Page {
  return async (root: HTMLElement, context: PageContext) => {
    const state = stateFromQuery(query);
    const facetValues = fetchFacets();
    const firstPage = browseInnovations(filterOf(state), null);
    firstPage.catch(() => undefined);
    const values: Facets = await facetValues;
    if (!context.isCurrent()) return;

    const status = h('p', { class: 'browse-status', role: 'status', 'aria-live': 'polite', 'data-role': 'browse-status' });
    const list = h('ol', { class: 'cards results', 'data-role': 'browse-results', 'aria-labelledby': 'browse-results-title' });
    const shown = h('p', { class: 'muted', 'data-role': 'browse-shown' });
    const more = h('button', { type: 'button', class: 'secondary', hidden: true, 'data-role': 'browse-more' }, t('showMore'));
    let after: string | null = null;
    let best: number | null = null;
    let total = 0;
    let loadGeneration = 0;
    let inFlight: AbortController | undefined;
    context.onLeave(() => inFlight?.abort());

    const showPage = (page: BrowsePage, append: boolean) => {
      if (!append) {
        list.replaceChildren();
        best = page.edges[0]?.score ?? null;
      }
      total = page.totalCount;
      for (const edge of page.edges) list.appendChild(resultItem(edge, best));
      after = page.pageInfo.endCursor;
      more.hidden = !page.pageInfo.hasNextPage;
      shown.textContent = total ? t('browseShown', { shown: list.children.length, count: total }) : '';
    };

    const announce = () => {
      const count = total === 0 ? t('browseCountNone') : total === 1 ? t('browseCountOne') : t('browseCount', { count: formatNumber(total) });
      status.textContent = total === 0 ? count : `${count}. ${state.text ? t('browseOrderRelevance') : t('browseOrderTitle')}`;
    };

    /** Asks for the first page of the current choices; a newer choice wins over a late answer. */
    const reload = async (pending?: Promise<BrowsePage>) => {
      const mine = ++loadGeneration;
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      list.setAttribute('aria-busy', 'true');
      more.hidden = true;
      try {
        const page = await (pending ?? browseInnovations(filterOf(state), null, controller.signal));
        if (!context.isCurrent() || mine !== loadGeneration) return;
        showPage(page, false);
        announce();
      } catch (error) {
        if (controller.signal.aborted || !context.isCurrent() || mine !== loadGeneration) return;
        list.replaceChildren();
        shown.textContent = '';
        status.textContent = t('errorBody', { message: error instanceof Error ? error.message : String(error) });
      } finally {
        if (mine === loadGeneration) list.removeAttribute('aria-busy');
      }
    };

    // A change of choice rewrites the address in place (shareable, and no new page: focus stays put).
    const changed = () => {
      history.replaceState(null, '', queryOf(state));
      void reload();
    };

    more.addEventListener('click', async () => {
      if (!after) return;
      const mine = loadGeneration;
      more.disabled = true;
      try {
        const page = await browseInnovations(filterOf(state), after);
        if (!context.isCurrent() || mine !== loadGeneration) return;
        const firstNew = list.children.length;
        showPage(page, true);
        // Keyboard users continue where the new items start.
        list.children[firstNew]?.querySelector('a')?.focus();
      } catch (error) {
        if (context.isCurrent()) status.textContent = t('errorBody', { message: error instanceof Error ? error.message : String(error) });
      } finally {
        more.disabled = false;
      }
    });

    const text = h('input', { type: 'search', id: 'browse-text', name: 'text', value: state.text, placeholder: t('browseTextPlaceholder'), autocomplete: 'off' });
    let typing: number | undefined;
    const takeText = () => {
      window.clearTimeout(typing);
      const value = text.value.trim();
      if (value === state.text) return;
      state.text = value;
      changed();
    };
    text.addEventListener('input', () => {
      window.clearTimeout(typing);
      typing = window.setTimeout(takeText, 400);
    });
    context.onLeave(() => window.clearTimeout(typing));

    const themes = [...values.themes].sort((a, b) => localName(a).localeCompare(localName(b), language()));
    // On a phone the facets fold away under one "Filters" line, so that the results come soon.
    const chosenCount = h('span', { class: 'facet-count' });
    const countChoices = () => {
      const n = LIST_KEYS.reduce((sum, key) => sum + state[key].length, 0) + (state.from !== null ? 1 : 0) + (state.to !== null ? 1 : 0);
      chosenCount.textContent = n ? ` · ${n}` : '';
    };
    countChoices();
    const facetChanged = () => {
      countChoices();
      changed();
    };
    const form = h(
      'form',
      { class: 'browse-filters', role: 'search', 'aria-label': t('browseFilters'), 'data-role': 'browse-filters' },
      h('p', { class: 'field' }, h('label', { for: 'browse-text' }, t('browseText')), text),
      h(
        'details',
        { class: 'facets', open: window.matchMedia('(min-width: 900px)').matches },
        h('summary', {}, t('browseFilters'), chosenCount),
        checkGroup('theme', 'browseTheme', themes.map((theme) => ({ value: theme.id, label: localName(theme) })), state, facetChanged),
        checkGroup('region', 'browseRegion', values.regions.map((region) => ({ value: region.id, label: localName(region) })), state, facetChanged),
        checkGroup('sector', 'browseSector', SECTORS.map((value) => ({ value, label: enumName(value) })), state, facetChanged),
        checkGroup('kind', 'browseKind', KINDS.map((value) => ({ value, label: enumName(value) })), state, facetChanged),
        checkGroup('award', 'browseAward', AWARD_LEVELS.map((value) => ({ value, label: enumName(value) })), state, facetChanged),
        yearGroup(state, facetChanged),
      ),
      h('p', { class: 'filter-actions' }, h('button', { type: 'submit' }, t('browseApply')), h('a', { href: '#/browse', class: 'clear-filters' }, t('browseClear'))),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      takeText();
    });

    root.replaceChildren(
      pageTitle(t('browseTitle')),
      h('p', { class: 'lead' }, t('browseIntro')),
      h(
        'div',
        { class: 'browse-layout' },
        h('div', { class: 'browse-side' }, form),
        h(
          'section',
          { class: 'browse-main', 'aria-labelledby': 'browse-results-title' },
          h('h2', { id: 'browse-results-title', class: 'sr-only' }, t('browseResults')),
          status,
          list,
          shown,
          more,
        ),
        alreadyBox(context),
      ),
    );
    await reload(firstPage);
  };
}
