import { h } from './dom.js';
import { t } from './i18n.js';

/** Undoes what a page set up outside its DOM (graph and chart instances, listeners). */
export type Cleanup = () => void;

export interface PageContext {
  /** False once the user has moved on: a late answer must not draw over the next page. */
  isCurrent(): boolean;
  /** Registers something to undo when the page is left. */
  onLeave(cleanup: Cleanup): void;
}

export type Page = (root: HTMLElement, context: PageContext) => Promise<void>;

/** The page heading, focusable so that navigation can move focus (and a screen reader) to it. */
export function pageTitle(text: string, kicker?: string, lang?: string): HTMLElement {
  return h('div', { class: 'page-title' }, kicker ? h('p', { class: 'kicker' }, kicker) : null, h('h1', { tabindex: '-1', lang }, text));
}

export function notFound(root: HTMLElement, id: string): void {
  root.replaceChildren(pageTitle(t('notFoundTitle')), h('p', {}, t('notFoundBody', { id })), h('p', {}, h('a', { href: '#/' }, t('navHome'))));
}
