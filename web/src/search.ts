import { search, type SearchHit } from './api.js';
import { combobox, type OptionView } from './combobox.js';
import { innovationHref, organisationHref } from './dom.js';
import { enumName, t } from './i18n.js';

function view(hit: SearchHit): OptionView {
  const node = hit.node;
  switch (node.__typename) {
    case 'Innovation':
      return { tag: t('typeInnovation'), primary: node.title, secondary: node.year ? String(node.year) : undefined, lang: 'da' };
    case 'Organisation':
      return { tag: t('typeOrganisation'), primary: node.qualifiedName, secondary: enumName(node.kind) };
    case 'Person':
      return {
        tag: t('typePerson'),
        primary: node.name,
        secondary: [node.role, node.organisation ? t('worksAt', { name: node.organisation.qualifiedName }) : null].filter(Boolean).join(', '),
      };
  }
}

/** Where a hit leads: a person has no page of their own, so to their organisation (or innovation). */
export function hrefOf(hit: SearchHit): string | null {
  const node = hit.node;
  switch (node.__typename) {
    case 'Innovation':
      return innovationHref(node.id);
    case 'Organisation':
      return organisationHref(node.id);
    case 'Person':
      if (node.organisation) return organisationHref(node.organisation.id);
      return node.innovations[0] ? innovationHref(node.innovations[0].id) : null;
  }
}

/** The search box of every page: instant answers over innovations, organisations and people. */
export function searchBox(): HTMLElement {
  const box = combobox<SearchHit>({
    id: 'search',
    label: t('searchLabel'),
    placeholder: t('searchPlaceholder'),
    hint: t('searchHint'),
    searching: t('searchSearching'),
    fetch: (text, signal) => search(text, signal),
    view,
    announce: (hits, text) => (hits.length === 0 ? t('searchNoResults', { text }) : hits.length === 1 ? t('searchOneResult') : t('searchResults', { count: hits.length })),
    onSelect(hit) {
      const href = hrefOf(hit);
      if (!href) return;
      box.clear();
      location.hash = href;
    },
  });
  box.element.classList.add('site-search');
  return box.element;
}
