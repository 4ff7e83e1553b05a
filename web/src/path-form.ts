import { organisationsByName, path, type OrganisationRef } from './api.js';
import { combobox } from './combobox.js';
import { h, innovationLink, organisationLink } from './dom.js';
import { enumName, t } from './i18n.js';
import type { PageContext } from './page.js';

/** "Path to another organisation": pick the other end by name, get the chain of steps. */
export function pathForm(from: OrganisationRef, context: PageContext): HTMLElement {
  let chosen: OrganisationRef | null = null;
  const result = h('div', { class: 'path-result', role: 'status', 'aria-live': 'polite', 'data-role': 'path-result' });
  const box = combobox<OrganisationRef & { kind: string }>({
    id: 'path-to',
    label: t('pathTo'),
    placeholder: t('pathPlaceholder'),
    searching: t('searchSearching'),
    fetch: (text, signal) => organisationsByName(text, signal),
    view: (o) => ({ primary: o.qualifiedName, secondary: enumName(o.kind) }),
    announce: (found, text) => (found.length === 0 ? t('searchNoResults', { text }) : found.length === 1 ? t('searchOneResult') : t('searchResults', { count: found.length })),
    onSelect(o) {
      chosen = o;
      box.input.value = o.qualifiedName;
    },
  });
  box.input.addEventListener('input', () => {
    chosen = null;
  });

  async function find(): Promise<void> {
    if (!chosen) {
      result.replaceChildren(h('p', { class: 'error' }, t('pathPick')));
      box.input.focus();
      return;
    }
    const to = chosen;
    result.replaceChildren(h('p', {}, t('loading')));
    const found = await path(from.id, to.id);
    if (!context.isCurrent()) return;
    if (!found) {
      result.replaceChildren(h('p', {}, t('pathNone')));
      return;
    }
    if (found.length === 0) {
      result.replaceChildren(h('p', {}, t('pathSame')));
      return;
    }
    result.replaceChildren(
      h('p', {}, t('pathFound', { length: found.length, from: from.qualifiedName, to: to.qualifiedName })),
      h(
        'ol',
        { class: 'path-steps' },
        ...found.steps.map((step) =>
          h(
            'li',
            { 'data-kind': step.kind },
            h('span', { class: 'step-ends' }, organisationLink(step.from), ' → ', organisationLink(step.to)),
            h('span', { class: 'tag' }, enumName(step.kind)),
            step.innovation ? h('span', { class: 'step-innovation' }, innovationLink(step.innovation)) : null,
            h('span', { class: 'step-description muted', lang: 'en' }, step.description),
          ),
        ),
      ),
    );
  }

  const form = h(
    'form',
    { class: 'path-form', 'aria-labelledby': 'path-title' },
    box.element,
    h('button', { type: 'submit' }, t('pathFind')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    find().catch((error: unknown) => result.replaceChildren(h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) }))));
  });
  return h('div', {}, form, result);
}
