import { facets, organisationsByName, type Asker, type RegionRef } from './api.js';
import { combobox } from './combobox.js';
import { h } from './dom.js';
import { enumName, language, t } from './i18n.js';
import type { PageContext } from './page.js';

/**
 * "My organisation": who is asking, remembered in the browser, for the innovation page's whom
 * to call. Either an organisation of the graph (found by name), or, for an asker not in it, a
 * region and a kind of organisation.
 */
export interface MyOrganisation {
  organisation?: { id: string; qualifiedName: string; kind: string };
  regionId?: string;
  kind?: string;
}

const STORAGE_KEY = 'innovation-graph:explorer-my-organisation';

/** The kinds of organisation an asker not in the graph may be, most likely first. */
export const ASKER_KINDS = ['MUNICIPALITY', 'REGION', 'HOSPITAL', 'STATE_AGENCY', 'MINISTRY', 'SCHOOL', 'UNIVERSITY', 'ASSOCIATION', 'FOUNDATION', 'COMPANY', 'INTEREST_ORGANISATION', 'OTHER'] as const;

let current: MyOrganisation = load();
const listeners = new Set<() => void>();

function load(): MyOrganisation {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as MyOrganisation | null;
    if (!stored || typeof stored !== 'object') return {};
    const organisation = stored.organisation && typeof stored.organisation.id === 'string' ? stored.organisation : undefined;
    return {
      organisation,
      regionId: !organisation && typeof stored.regionId === 'string' ? stored.regionId : undefined,
      kind: !organisation && typeof stored.kind === 'string' ? stored.kind : undefined,
    };
  } catch {
    return {};
  }
}

export function myOrganisation(): MyOrganisation {
  return current;
}

export function setMyOrganisation(next: MyOrganisation): void {
  current = next;
  try {
    if (next.organisation || next.regionId || next.kind) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the choice holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change; returns how to stop. */
export function onMyOrganisationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** What whoToCall is told about the asker. */
export function askerOf(mine: MyOrganisation): Asker {
  if (mine.organisation) return { organisationId: mine.organisation.id };
  return { regionId: mine.regionId, kind: mine.kind };
}

export function isSet(mine: MyOrganisation): boolean {
  return Boolean(mine.organisation || mine.regionId || mine.kind);
}

function regionName(region: RegionRef): string {
  return language() === 'en' && region.nameEn ? region.nameEn : region.name;
}

let regionsOnce: Promise<RegionRef[]> | undefined;

/** The regions to choose from, asked once per visit. */
function regions(): Promise<RegionRef[]> {
  regionsOnce ??= facets().then((f) => f.regions);
  regionsOnce.catch(() => {
    regionsOnce = undefined;
  });
  return regionsOnce;
}

/** The choice in words: "Roskilde Kommune", "a municipality in Region Syddanmark", or "none". */
export async function describe(mine: MyOrganisation): Promise<string> {
  if (mine.organisation) return mine.organisation.qualifiedName;
  if (!mine.regionId && !mine.kind) return t('myOrgNone');
  const region = mine.regionId ? (await regions().catch(() => [])).find((r) => r.id === mine.regionId) : undefined;
  const regionText = region ? regionName(region) : mine.regionId;
  if (mine.kind && regionText) return t('myOrgKindInRegion', { kind: enumName(mine.kind), region: regionText });
  return mine.kind ? enumName(mine.kind) : (regionText ?? '');
}

/**
 * The form that sets "my organisation": a combobox over the graph's organisations by name, or a
 * region and a kind for an asker not in the graph, and a button to forget the choice. `idPrefix`
 * keeps ids apart when the form stands twice on a page.
 */
export function myOrganisationForm(idPrefix: string, context: PageContext): HTMLElement {
  const status = h('p', { class: 'my-org-current', role: 'status', 'aria-live': 'polite', 'data-role': 'my-org-current' });
  const regionSelect = h('select', { id: `${idPrefix}-region` }, h('option', { value: '' }, t('myOrgAnyRegion')));
  const kindSelect = h(
    'select',
    { id: `${idPrefix}-kind` },
    h('option', { value: '' }, t('myOrgAnyKind')),
    ...ASKER_KINDS.map((kind) => h('option', { value: kind }, enumName(kind))),
  );
  const forget = h('button', { type: 'button', class: 'secondary' }, t('myOrgForget'));

  const box = combobox<{ id: string; qualifiedName: string; kind: string }>({
    id: `${idPrefix}-organisation`,
    label: t('myOrgFind'),
    placeholder: t('myOrgPlaceholder'),
    searching: t('searchSearching'),
    fetch: (text, signal) => organisationsByName(text, signal),
    view: (o) => ({ primary: o.qualifiedName, secondary: enumName(o.kind) }),
    announce: (found, text) => (found.length === 0 ? t('searchNoResults', { text }) : found.length === 1 ? t('searchOneResult') : t('searchResults', { count: found.length })),
    onSelect(o) {
      box.input.value = o.qualifiedName;
      setMyOrganisation({ organisation: { id: o.id, qualifiedName: o.qualifiedName, kind: o.kind } });
    },
  });

  let shown = 0;
  const show = () => {
    const mine = myOrganisation();
    const mark = ++shown;
    if (mine.organisation) {
      box.input.value = mine.organisation.qualifiedName;
      regionSelect.value = '';
      kindSelect.value = '';
    } else {
      if (!box.input.matches(':focus')) box.input.value = '';
      regionSelect.value = mine.regionId ?? '';
      kindSelect.value = mine.kind ?? '';
    }
    forget.hidden = !isSet(mine);
    void describe(mine).then((text) => {
      if (mark === shown) status.textContent = isSet(mine) ? t('myOrgChosen', { name: text }) : t('myOrgNotChosen');
    });
  };

  // A region or kind of one's own means an asker outside the graph: the organisation goes.
  const setOutside = () => setMyOrganisation({ regionId: regionSelect.value || undefined, kind: kindSelect.value || undefined });
  regionSelect.addEventListener('change', setOutside);
  kindSelect.addEventListener('change', setOutside);
  forget.addEventListener('click', () => {
    box.clear();
    setMyOrganisation({});
    box.input.focus();
  });

  void regions()
    .then((found) => {
      regionSelect.append(...found.map((region) => h('option', { value: region.id }, regionName(region))));
      regionSelect.value = myOrganisation().regionId ?? '';
    })
    .catch(() => undefined);

  const element = h(
    'div',
    { class: 'my-org-form', 'data-role': 'my-org-form' },
    box.element,
    h(
      'fieldset',
      { class: 'my-org-outside' },
      h('legend', {}, t('myOrgOutside')),
      h('p', { class: 'field' }, h('label', { for: regionSelect.id }, t('region')), regionSelect),
      h('p', { class: 'field' }, h('label', { for: kindSelect.id }, t('kind')), kindSelect),
    ),
    status,
    forget,
  );
  context.onLeave(onMyOrganisationChange(show));
  show();
  return element;
}
