import { myOrganisationForm } from './asker.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { pageTitle, type Page } from './page.js';

/** #/my-organisation: who is asking, for the innovation pages' "whom do I call?". */
export const myOrganisationPage: Page = async (root, context) => {
  root.replaceChildren(
    pageTitle(t('myOrgTitle')),
    h('p', { class: 'lead' }, t('myOrgIntro')),
    h('section', { class: 'panel', 'aria-label': t('myOrgTitle') }, myOrganisationForm('my-org', context)),
    h('p', {}, h('a', { href: '#/browse' }, t('navBrowse'))),
  );
};
