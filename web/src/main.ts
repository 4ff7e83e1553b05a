import { browsePage } from './browse-page.js';
import { h } from './dom.js';
import { homePage } from './home-page.js';
import { innovationPage } from './innovation-page.js';
import { language, onLanguageChange, setLanguage, t, type MessageKey } from './i18n.js';
import { myOrganisationPage } from './my-organisation-page.js';
import { organisationPage } from './organisation-page.js';
import { pageTitle, type Cleanup, type Page } from './page.js';
import { researchPage } from './research-page.js';
import { searchBox } from './search.js';

interface Route {
  page: Page;
  /** The page title shown in the browser tab until the page names itself. */
  title: string;
}

/** `#/innovation/<id>`, `#/organisation/<id>`, `#/browse?<facets>`, `#/my-organisation`, `#/research`, `#/`. */
function routeOf(hash: string): Route {
  const [route = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = route.split('/').map((part) => decodeURIComponent(part));
  const [head, id] = parts;
  if (head === 'innovation' && id) return { page: innovationPage(id), title: t('innovationPage') };
  if (head === 'organisation' && id) return { page: organisationPage(id), title: t('organisationPage') };
  if (head === 'research') return { page: researchPage, title: t('researchTitle') };
  if (head === 'browse') return { page: browsePage(new URLSearchParams(query)), title: t('browseTitle') };
  if (head === 'my-organisation') return { page: myOrganisationPage, title: t('myOrgTitle') };
  if (!head) return { page: homePage, title: t('brand') };
  return {
    page: async (root) => {
      root.replaceChildren(pageTitle(t('notFoundTitle')), h('p', {}, h('a', { href: '#/' }, t('unknownPage'))));
    },
    title: t('notFoundTitle'),
  };
}

const main = document.getElementById('main')!;
let generation = 0;
const cleanups: Cleanup[] = [];

function leavePage(): void {
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch (error) {
      console.warn('cleanup failed', error);
    }
  }
}

async function render(moveFocus: boolean): Promise<void> {
  const mine = ++generation;
  leavePage();
  const route = routeOf(location.hash);
  document.title = `${route.title} · ${t('brand')}`;
  markCurrentNavigation();
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  const context = {
    isCurrent: () => mine === generation,
    onLeave: (cleanup: Cleanup) => {
      if (mine === generation) cleanups.push(cleanup);
      else cleanup();
    },
  };
  try {
    await route.page(main, context);
  } catch (error) {
    if (!context.isCurrent()) return;
    main.replaceChildren(pageTitle(t('errorTitle')), h('p', { class: 'error' }, t('errorBody', { message: error instanceof Error ? error.message : String(error) })));
  }
  if (!context.isCurrent()) return;
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  if (heading?.textContent) document.title = `${heading.textContent} · ${t('brand')}`;
  if (moveFocus) {
    window.scrollTo(0, 0);
    (heading ?? main).focus({ preventScroll: true });
  }
}

/** `aria-current="page"` on the menu link of the page shown (`#/browse?...` is the browse page). */
function markCurrentNavigation(): void {
  const head = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a[href^="#"]')) {
    const target = (link.getAttribute('href') ?? '').replace(/^#\/?/, '');
    if (target === head) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** The words of the static page frame (index.html), in the current language. */
function translateFrame(): void {
  document.documentElement.lang = language();
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) element.textContent = t(element.dataset.i18n as MessageKey);
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel as MessageKey));
  const button = document.getElementById('lang-switch')!;
  button.textContent = t('switchLanguage');
  button.setAttribute('aria-label', t('switchLanguageLabel'));
  button.setAttribute('lang', language() === 'da' ? 'en' : 'da');
  document.getElementById('search-slot')!.replaceChildren(searchBox());
}

document.getElementById('lang-switch')!.addEventListener('click', () => setLanguage(language() === 'da' ? 'en' : 'da'));
// The skip link targets #main, which is not a route: focus the content without touching the hash.
document.querySelector<HTMLAnchorElement>('.skip-link')!.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
onLanguageChange(() => {
  translateFrame();
  void render(false);
});
window.addEventListener('hashchange', () => void render(true));

translateFrame();
void render(false);
