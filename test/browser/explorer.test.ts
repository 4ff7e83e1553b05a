import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { gql } from 'graphql-request';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { EXPLORER_BUILD_DIR } from '../../src/http/explorer.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

// Debian's chromium, not a browser build that playwright would download: this machine reaches
// package registries only.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the Explorer browser test: ${CHROMIUM} is absent. Install it with: apt-get install -y chromium`);
}

const SCREENSHOTS = path.join(projectRoot, 'test-results', 'screenshots');
const WEB_DIR = path.join(projectRoot, 'web');
const INDEX = path.join(EXPLORER_BUILD_DIR, 'index.html');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the Explorer with Vite when the build is missing or older than its sources under web/. */
function ensureExplorerBuilt(): void {
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= newestSourceTime(WEB_DIR)) return;
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
}

// On a fresh Neo4j the first whoToCall can take longer than the 15 s the API allows a query (its
// Cypher is planned cold); the Explorer is what is tested here, so queries may take a minute.
/** What the tests read of the page's document: the project's TypeScript has no DOM library. */
interface PageWindow {
  document: { activeElement: { tagName: string } | null; documentElement: { lang: string }; scrollingElement: { scrollWidth: number } | null };
}

const graph = useTestGraph({ timeoutMs: 60_000 });

/** The innovation pages' slow queries, asked once so that the browser meets warm caches. */
const WARM_UP = gql`
  query WarmUp {
    a: whoToCall(innovationId: "videokonsultation", first: 5) { score }
    b: whoToCall(innovationId: "affald-kolding", first: 5) { score }
    c: similarInnovations(innovationId: "videokonsultation", first: 5) { score }
    d: spread(innovationId: "affald-kolding") { reach }
    e: whoToCall(innovationId: "mandefaellesskaber", forOrganisationId: "koege-kommune", lang: DA, first: 5) { score }
    f: similarInnovations(innovationId: "mandefaellesskaber", lang: DA, first: 5) { score }
    g: similarToText(text: "Fællesskaber for ensomme ældre mænd, der mødes fast og taler sammen", lang: DA, first: 5) { score }
  }
`;

/** What the tests read of the browser's storage. */
interface StorageWindow {
  localStorage: { getItem(key: string): string | null };
}

/** The variables of the Explorer's GraphQL requests of one operation, as the page sent them. */
function variablesOf(requests: { operation: string; variables: Record<string, unknown> }[], operation: string): Record<string, unknown>[] {
  return requests.filter((r) => r.operation === operation).map((r) => r.variables);
}

describe.skipIf(!hasChromium)(`the Explorer in headless Chromium (${CHROMIUM})`, () => {
  const api = useTestApi(graph);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  /** The operations the page sent to /graphql, by name, with their variables. */
  const operations: { operation: string; variables: Record<string, unknown> }[] = [];

  function watch(p: Page): Page {
    p.on('request', (request) => {
      requested.push(request.url());
      if (new URL(request.url()).pathname !== '/graphql' || request.method() !== 'POST') return;
      const body = request.postDataJSON() as { query?: string; variables?: Record<string, unknown> } | null;
      const operation = /query\s+(\w+)/.exec(body?.query ?? '')?.[1];
      if (operation) operations.push({ operation, variables: body?.variables ?? {} });
    });
    p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    p.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    return p;
  }

  async function open(p: Page, route: string, ready: string): Promise<void> {
    await p.goto(`${api.baseUrl}/${route}`);
    await p.waitForSelector(ready, { timeout: 30_000 });
  }

  async function screenshot(p: Page, name: string, fullPage = true): Promise<void> {
    await mkdir(SCREENSHOTS, { recursive: true });
    await p.screenshot({ path: path.join(SCREENSHOTS, `explorer-${name}.png`), fullPage });
  }

  beforeAll(async () => {
    ensureExplorerBuilt();
    await api.client.request(WARM_UP);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Belt and braces: record every request, and never let one leave the machine.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    page = watch(await context.newPage());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the Explorer at / with its bundles under /explorer/assets/', async () => {
    const response = await fetch(`${api.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await response.text();
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${api.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('finds VideoKonsultation as you type "videokonsultation", and the keyboard opens it with its contact and cascade', async () => {
    await open(page, '', 'h1');
    const box = page.getByRole('combobox', { name: 'Søg efter innovationer, organisationer og personer' });
    await box.fill('videokonsultation');
    await page.waitForSelector('[role="option"]', { timeout: 20_000 });
    const options = await page.getByRole('option').allInnerTexts();
    expect(options[0]).toContain('VideoKonsultation');
    expect(options.some((o) => o.includes('Læringsplatform fremmer implementering af videokonsultationer'))).toBe(true);
    await expect.poll(() => page.locator('.site-search [data-role="status"]').textContent()).toBe(`${options.length} resultater`);
    await box.press('ArrowDown');
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe('search-option-0');
    await screenshot(page, 'search', false);

    await box.press('Enter');
    await page.waitForSelector('[data-innovation-id="videokonsultation"] #who-to-call [data-person-id]', { timeout: 60_000 });
    expect(new URL(page.url()).hash).toBe('#/innovation/videokonsultation');
    expect(await page.locator('h1').textContent()).toBe('VideoKonsultation');
    // Focus follows the navigation to the new page's heading.
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.tagName)).toBe('H1');
    // The seed's reuse contact of "VideoKonsultation" (seeds/catalogue/06-regional-state.json).
    const contact = page.locator('#who-to-call [data-person-id="ea-busch-petersen"]');
    expect(await contact.locator('.card-title').textContent()).toBe('Ea Busch-Petersen');
    expect(await contact.locator('a[href^="mailto:"]').getAttribute('href')).toBe('mailto:ebp@regioner.dk');
    expect(await contact.locator('a[href^="tel:"]').getAttribute('href')).toBe('tel:+4523995335');
    expect(await page.locator('#cascade h2').textContent()).toBe('Spredning');
    await expect.poll(() => page.locator('#cascade .timeline [data-year="2020"]').count(), { timeout: 30_000 }).toBe(1);
  }, 90_000);

  it('draws the cascade of affald-kolding as Kolding Kommune and its 4 adopters, and maps the 3 regions it reached', async () => {
    await open(page, '#/innovation/affald-kolding', '[data-graph="spread"][data-ready]');
    const graph = page.locator('[data-graph="spread"]');
    expect(await graph.getAttribute('data-node-count')).toBe('5');
    expect(await graph.getAttribute('data-edge-count')).toBe('4');
    const listed = await page.locator('#cascade [data-node-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-node-id')));
    expect(listed).toEqual(['kolding-kommune', 'nomi4s', 'nordfyns-kommune', 'revas', 'thisted-kommune']);

    // Nomi4S and Revas lie in Midtjylland, Thisted in Nordjylland, Nordfyns in Syddanmark.
    const map = page.locator('svg.region-map');
    expect(await map.getAttribute('data-reached')).toBe('midtjylland nordjylland syddanmark');
    const reached = await map.locator('[data-region]').evaluateAll((groups) => Object.fromEntries(groups.map((g) => [g.getAttribute('data-region'), g.getAttribute('data-reached')])));
    expect(reached).toEqual({ nordjylland: 'true', midtjylland: 'true', syddanmark: 'true', sjaelland: 'false', hovedstaden: 'false' });
    expect(await map.locator('[data-region="syddanmark"]').getAttribute('data-origin')).toBe('true');
    const answer = await api.client.request<{ spread: { regionsReached: { region: { id: string } }[] } }>(gql`
      {
        spread(innovationId: "affald-kolding") {
          regionsReached {
            region {
              id
            }
          }
        }
      }
    `);
    expect(answer.spread.regionsReached.map((r) => r.region.id).sort().join(' ')).toBe(await map.getAttribute('data-reached'));
    expect(await page.locator('#cascade .timeline [data-year="2016"]').textContent()).toContain('Innovationen starter');
    await screenshot(page, 'innovation');
  }, 60_000);

  it('opens the origin organisation when its node in the drawn cascade is clicked', async () => {
    // The origin sits at the centre of the star the cascade of affald-kolding draws.
    const canvas = page.locator('[data-graph="spread"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('[data-organisation-id="kolding-kommune"]', { timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/organisation/kolding-kommune');
  }, 60_000);

  it('maps the regions that plan to copy nye-sproejter light and none as reached, and shows the planned uptake beside a reach of 0', async () => {
    await open(page, '#/innovation/nye-sproejter-halverer-medicinforbrug', '[data-graph="spread"][data-ready]');
    expect(await page.locator('[data-measure="reach"]').textContent()).toBe('0');
    expect(await page.locator('[data-measure="uptake-planned"]').textContent()).toBe('4');
    expect(await page.locator('[data-measure="uptake-tested"]').textContent()).toBe('0');
    const map = page.locator('svg.region-map');
    expect(await map.getAttribute('data-reached')).toBe('');
    expect(await map.getAttribute('data-uptake')).toBe('midtjylland nordjylland sjaelland syddanmark');
    const regions = await map
      .locator('[data-region]')
      .evaluateAll((groups) => Object.fromEntries(groups.map((g) => [g.getAttribute('data-region'), `${g.getAttribute('data-reached')} ${g.getAttribute('data-uptake')}`])));
    expect(regions).toEqual({ nordjylland: 'false true', midtjylland: 'false true', syddanmark: 'false true', sjaelland: 'false true', hovedstaden: 'false false' });
    expect(await page.locator('#cascade .map .legend').textContent()).toContain('Afprøvet eller planlagt');
    expect(await page.locator('#cascade .region-list [data-uptake="true"]').count()).toBe(4);
    await screenshot(page, 'innovation-planned');
  }, 60_000);

  it('draws the partner network of kolding-kommune, and a node opens that organisation with its own network', async () => {
    await open(page, '#/organisation/kolding-kommune', '[data-graph="network"][data-ready]');
    const answer = await api.client.request<{ partnerNetwork: { nodes: { id: string }[]; edges: unknown[] } }>(gql`
      {
        partnerNetwork(organisationId: "kolding-kommune", depth: 1, first: 60) {
          nodes {
            id
          }
          edges {
            kind
          }
        }
      }
    `);
    const network = page.locator('[data-graph="network"]');
    expect(Number(await network.getAttribute('data-node-count'))).toBe(answer.partnerNetwork.nodes.length);
    expect(Number(await network.getAttribute('data-edge-count'))).toBe(answer.partnerNetwork.edges.length);
    expect(answer.partnerNetwork.edges.length).toBeGreaterThan(0);
    expect(await page.locator('#network [data-node-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-node-id')))).toEqual(answer.partnerNetwork.nodes.map((n) => n.id));
    expect(await page.locator('[data-role="nominated"] li').allInnerTexts()).toContain('Affalds-app giver mere fleksibel service til borgere (2016)');
    await screenshot(page, 'organisation');

    // Thisted Kommune took part in, and adopted, Kolding's waste-sorting app.
    await page.locator('#network a[data-node-id="thisted-kommune"]').click();
    await page.waitForSelector('[data-organisation-id="thisted-kommune"] [data-graph="network"][data-ready]', { timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Thisted Kommune');
    expect(await page.locator('#network [data-node-id]').first().getAttribute('data-node-id')).toBe('thisted-kommune');
  }, 60_000);

  it('redraws the network deeper when depth 2 is chosen', async () => {
    const depthOne = Number(await page.locator('[data-graph="network"]').getAttribute('data-node-count'));
    const answer = await api.client.request<{ partnerNetwork: { nodes: unknown[] } }>(gql`
      {
        partnerNetwork(organisationId: "thisted-kommune", depth: 2, first: 60) {
          nodes {
            id
          }
        }
      }
    `);
    await page.getByLabel('Dybde').selectOption('2');
    await expect.poll(() => page.locator('[data-graph="network"][data-ready]').getAttribute('data-node-count'), { timeout: 30_000 }).toBe(String(answer.partnerNetwork.nodes.length));
    expect(answer.partnerNetwork.nodes.length).toBeGreaterThan(depthOne);
  }, 60_000);

  it('shows the path from Thisted Kommune to Designskolen Kolding in 2 steps', async () => {
    const box = page.getByRole('combobox', { name: 'Til organisation' });
    await box.fill('Designskolen');
    await page.getByRole('option', { name: /Designskolen Kolding/ }).click();
    await page.getByRole('button', { name: 'Find vej' }).click();
    await page.waitForSelector('.path-steps li', { timeout: 30_000 });
    const steps = page.locator('.path-steps > li');
    expect(await steps.count()).toBe(2);
    expect(await steps.nth(0).locator('.step-ends').innerText()).toBe('Thisted Kommune → Kolding Kommune');
    expect(await steps.nth(1).locator('.step-ends').innerText()).toBe('Kolding Kommune → Designskolen Kolding');
  }, 60_000);

  it('browses by theme and text: "ensomhed" under mental health lists Mandefællesskaber first, best match first, and the address keeps the choices', async () => {
    await open(page, '', 'h1');
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Find innovationer' }).click();
    await page.waitForSelector('[data-role="browse-results"] > li', { timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Find innovationer');
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.tagName)).toBe('H1');
    const all = await api.client.request<{ innovations: { totalCount: number } }>(gql`
      {
        innovations {
          totalCount
        }
      }
    `);
    await expect.poll(() => page.locator('[data-role="browse-status"]').textContent()).toBe(`${all.innovations.totalCount} innovationer. Efter titel.`);

    await page.getByLabel('Psykiatri og mental sundhed').check();
    const text = page.getByLabel('Ord i innovationen');
    await text.fill('ensomhed');
    await text.press('Enter');
    const answer = await api.client.request<{ innovations: { totalCount: number; edges: { node: { id: string } }[] } }>(gql`
      {
        innovations(filter: { text: "ensomhed", themeIds: ["mental-health"] }) {
          totalCount
          edges {
            node {
              id
            }
          }
        }
      }
    `);
    await expect.poll(() => page.locator('[data-role="browse-status"]').textContent(), { timeout: 30_000 }).toBe(`${answer.innovations.totalCount} innovationer. Bedste match først.`);
    const results = page.locator('[data-role="browse-results"] > li');
    expect(await results.evaluateAll((items) => items.map((li) => li.getAttribute('data-innovation-id')))).toEqual(answer.innovations.edges.map((e) => e.node.id));
    // Roskilde Kommune's groups for men over 60 (seeds/catalogue/02-finalists-b.json): "mindre ensomme".
    const first = results.first();
    expect(await first.getAttribute('data-innovation-id')).toBe('mandefaellesskaber');
    expect(await first.locator('.card-title a').textContent()).toBe('Mandefællesskaber');
    expect(await first.innerText()).toContain('Indstillet af Roskilde Kommune');
    expect(await first.locator('.chips').innerText()).toContain('Psykiatri og mental sundhed');
    // The score is there, discreetly: a thin bar, the figure for a screen reader and on hover.
    expect(await first.locator('.relevance').getAttribute('title')).toMatch(/^relevans \d+,\d\d$/);
    expect(new URL(page.url()).hash).toBe('#/browse?text=ensomhed&theme=mental-health');
    await screenshot(page, 'browse');

    // The address is shareable: opened anew, it shows the same choices and the same list.
    await page.reload();
    await page.waitForSelector('[data-role="browse-results"] > li', { timeout: 30_000 });
    expect(await page.getByLabel('Psykiatri og mental sundhed').isChecked()).toBe(true);
    expect(await page.getByLabel('Ord i innovationen').inputValue()).toBe('ensomhed');
    expect(await page.locator('[data-role="browse-results"] > li').first().getAttribute('data-innovation-id')).toBe('mandefaellesskaber');
  }, 90_000);

  it('pages the browse list by title with "Vis flere", and keyboard focus continues at the first new innovation', async () => {
    await open(page, '#/browse?theme=health', '[data-role="browse-results"] > li');
    const answer = await api.client.request<{ innovations: { totalCount: number; edges: { node: { id: string; title: string } }[] } }>(gql`
      {
        innovations(filter: { themeIds: ["health"] }, orderBy: TITLE, first: 40) {
          totalCount
          edges {
            node {
              id
              title
            }
          }
        }
      }
    `);
    expect(answer.innovations.totalCount).toBeGreaterThan(20);
    const ids = () => page.locator('[data-role="browse-results"] > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-innovation-id')));
    expect(await ids()).toEqual(answer.innovations.edges.slice(0, 20).map((e) => e.node.id));
    expect(await page.locator('[data-role="browse-status"]').textContent()).toBe(`${answer.innovations.totalCount} innovationer. Efter titel.`);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await expect.poll(() => page.locator('[data-role="browse-results"] > li').count(), { timeout: 30_000 }).toBe(Math.min(40, answer.innovations.totalCount));
    expect(await ids()).toEqual(answer.innovations.edges.map((e) => e.node.id));
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe(answer.innovations.edges[20]!.node.title);
    expect(await page.locator('[data-role="browse-shown"]').textContent()).toBe(`Viser ${Math.min(40, answer.innovations.totalCount)} af ${answer.innovations.totalCount}.`);
    // No relevance without a text: the list is by title.
    expect(await page.locator('[data-role="browse-results"] .relevance').count()).toBe(0);
  }, 90_000);

  it('answers "Gør nogen allerede det her?" with similar innovations and their reasons, and says plainly when nothing is similar enough', async () => {
    const box = page.getByLabel('Dit projekt');
    await box.fill('Fællesskaber for ensomme ældre mænd, der mødes fast og taler sammen');
    await page.getByRole('button', { name: 'Find lignende' }).click();
    await page.waitForSelector('[data-role="already-answers"] > li', { timeout: 60_000 });
    const answers = page.locator('[data-role="already-answers"] > li');
    expect(await answers.first().getAttribute('data-innovation-id')).toBe('mandefaellesskaber');
    // Reasons in the page's language: "Begge taler om mænd, ensomme og fast".
    expect(await answers.first().locator('.reasons').innerText()).toMatch(/^Begge /);
    expect(await answers.first().locator('.reasons').getAttribute('lang')).toBe('da');
    expect(variablesOf(operations, 'ExplorerSimilarToText').at(-1)).toMatchObject({ lang: 'DA' });
    await page.locator('#already').screenshot({ path: path.join(SCREENSHOTS, 'explorer-already.png') });

    // Words the catalogue has nothing like (real words can share a compound's stem with something).
    await box.fill('Qwxz plorf vrimbel');
    await page.getByRole('button', { name: 'Find lignende' }).click();
    await page.waitForSelector('[data-role="already-none"]', { timeout: 60_000 });
    expect(await page.locator('[data-role="already-none"]').textContent()).toContain('Intet i grafen ligner din beskrivelse nok');
  }, 90_000);

  it('asks whom to call as "my organisation": as Køge Kommune, Roskilde\'s contact for Mandefællesskaber is "i samme region som dig"', async () => {
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Min organisation' }).click();
    await page.waitForSelector('[data-role="my-org-form"]');
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.activeElement?.tagName)).toBe('H1');
    const box = page.getByRole('combobox', { name: 'Find din organisation' });
    await box.fill('Køge');
    await page.getByRole('option', { name: /Køge Kommune/ }).click();
    await expect.poll(() => page.locator('[data-role="my-org-current"]').textContent()).toBe('Du spørger som: Køge Kommune.');
    expect(await page.evaluate(() => (globalThis as unknown as StorageWindow).localStorage.getItem('innovation-graph:explorer-my-organisation'))).toContain('"koege-kommune"');

    await open(page, '#/innovation/mandefaellesskaber', '#who-to-call [data-person-id]');
    expect(await page.locator('[data-role="asking-as"]').textContent()).toBe('Rangeret for: Køge Kommune');
    expect(variablesOf(operations, 'ExplorerWhoToCall').at(-1)).toMatchObject({ id: 'mandefaellesskaber', forOrganisationId: 'koege-kommune', lang: 'DA' });
    // Jeanne Schlenzig, Roskilde Kommune: Roskilde and Køge both lie in Region Sjælland.
    const contact = page.locator('#who-to-call [data-person-id="jeanne-schlenzig"]');
    expect(await contact.locator('.reason').textContent()).toContain('i samme region som dig');
    expect(await contact.locator('.reason').getAttribute('lang')).toBe('da');

    // Printed page 42 of the catalogue, and its section.
    const source = page.locator('[data-role="source"]');
    expect(await source.innerText()).toBe('Slå op på side 42 i LÆS STJÆL FORTÆL 2 – Innovationspriserne 2021, afsnittet "NYT SAMMEN BEDRE jury-finalister" (lsf2:1610-1798)');
    await page.locator('#who-to-call').scrollIntoViewIfNeeded();
    await screenshot(page, 'my-organisation', false);

    // An asker not in the graph, changed in place: a region and a kind instead.
    await page.locator('[data-role="asking-as"]').click();
    await page.locator('#who-asks-region').selectOption('hovedstaden');
    await page.locator('#who-asks-kind').selectOption('MUNICIPALITY');
    await expect.poll(() => page.locator('[data-role="asking-as"]').textContent()).toBe('Rangeret for: Kommune i Region Hovedstaden');
    await expect.poll(() => variablesOf(operations, 'ExplorerWhoToCall').at(-1)).toMatchObject({ forOrganisationId: null, forRegionId: 'hovedstaden', forKind: 'MUNICIPALITY' });
    await expect.poll(() => contact.locator('.reason').textContent(), { timeout: 30_000 }).not.toContain('samme region');

    // In English the reasons are asked for in English, and the source names the page.
    await page.locator('#who-asks-region').selectOption('sjaelland');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('#who-to-call h2').textContent(), { timeout: 60_000 }).toBe('Whom do I call?');
    await expect.poll(() => page.locator('#who-to-call [data-person-id="jeanne-schlenzig"] .reason').textContent(), { timeout: 60_000 }).toContain('same region as you');
    expect(await page.locator('[data-role="asking-as"]').textContent()).toBe('Ranked for: Municipality in Region Zealand');
    expect(variablesOf(operations, 'ExplorerWhoToCall').at(-1)).toMatchObject({ forRegionId: 'sjaelland', forKind: 'MUNICIPALITY', lang: 'EN' });
    expect(variablesOf(operations, 'ExplorerSimilar').at(-1)).toMatchObject({ id: 'mandefaellesskaber', lang: 'EN' });
    expect(await page.locator('[data-role="source"]').innerText()).toContain('Open page 42 of LÆS STJÆL FORTÆL 2');
    await page.getByRole('button', { name: 'Skift til dansk' }).click();
    await page.waitForSelector('#who-to-call [data-person-id]', { timeout: 60_000 });

    // Forgotten again, so that the other tests ask as nobody.
    await page.locator('[data-role="asking-as"]').click();
    await page.locator('#who-to-call').getByRole('button', { name: 'Glem mit valg' }).click();
    await expect.poll(() => page.locator('[data-role="asking-as"]').textContent()).toBe('Vælg din organisation, så kommer folk tæt på dig først.');
    expect(await page.evaluate(() => (globalThis as unknown as StorageWindow).localStorage.getItem('innovation-graph:explorer-my-organisation'))).toBeNull();
  }, 180_000);

  it('points to the lines of the extracted text where the catalogue page is not known', async () => {
    // "Bedre søvn uden medicin" has no printed page in the seeds: lines 301 to 517.
    await open(page, '#/innovation/bedre-soevn-uden-medicin', '[data-role="source"]');
    expect(await page.locator('[data-role="source"]').innerText()).toBe('Står i LÆS STJÆL FORTÆL 2 – Innovationspriserne 2021, linje 301–517 i den udtrukne tekst, afsnittet "NYT SAMMEN BEDRE jury-finalister" (lsf2:301-517)');
  }, 60_000);

  it('draws spreadStats for every grouping as bar charts next to the Innovationsbarometer figures', async () => {
    await open(page, '#/research', '[data-chart="MODE"][data-ready]');
    const answer = await api.client.request<Record<string, { groups: unknown[] }>>(gql`
      {
        REGION: spreadStats(groupBy: REGION) { groups { key } }
        ORGANISATION_KIND: spreadStats(groupBy: ORGANISATION_KIND) { groups { key } }
        SECTOR: spreadStats(groupBy: SECTOR) { groups { key } }
        YEAR: spreadStats(groupBy: YEAR) { groups { key } }
        MODE: spreadStats(groupBy: MODE) { groups { key } }
      }
    `);
    for (const [grouping, stats] of Object.entries(answer)) {
      const chart = page.locator(`[data-chart="${grouping}"][data-ready]`);
      // One category per group, and one for the national reference figures.
      expect(await chart.getAttribute('data-categories'), grouping).toBe(String(stats.groups.length + 1));
      const painted = await chart.locator('canvas').evaluate((canvas: { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null }) => {
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let opaque = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) opaque++;
        return opaque;
      });
      expect(painted, grouping).toBeGreaterThan(1000);
    }
    const reference = await page.locator('#reference details td').allTextContents();
    // The Innovationsbarometer: 72 % reuse, 49 % actively shared, 69 % collaboration, 40 % evaluated.
    expect(reference).toEqual(expect.arrayContaining(['72 %', '49 %', '69 %', '40 %']));
    await screenshot(page, 'research');
  }, 60_000);

  it('switches to English and remembers the choice', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Spreading in figures');
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.waitForSelector('[data-chart="MODE"][data-ready]', { timeout: 30_000 });
    expect(await page.locator('h1').textContent()).toBe('Spreading in figures');
    expect(await page.getByRole('combobox').getAttribute('placeholder')).toContain('e.g.');
    await page.getByRole('button', { name: 'Skift til dansk' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Spredning i tal');
  }, 60_000);

  it('fits a 375 px phone screen on every page without sideways scrolling', async () => {
    const phone = watch(await context.newPage());
    await phone.setViewportSize({ width: 375, height: 800 });
    const pages: [string, string][] = [
      ['', 'h1'],
      ['#/innovation/affald-kolding', '[data-graph="spread"][data-ready]'],
      ['#/innovation/videokonsultation', '#who-to-call'],
      ['#/organisation/kolding-kommune', '[data-graph="network"][data-ready]'],
      ['#/research', '[data-chart="MODE"][data-ready]'],
      ['#/browse?theme=health&text=sundhed', '[data-role="browse-results"] > li'],
      ['#/my-organisation', '[data-role="my-org-form"]'],
    ];
    for (const [route, ready] of pages) {
      await open(phone, route, ready);
      expect(await phone.evaluate(() => (globalThis as unknown as PageWindow).document.scrollingElement!.scrollWidth), route || '/').toBeLessThanOrEqual(375);
    }
    await open(phone, '#/innovation/affald-kolding', '[data-graph="spread"][data-ready]');
    await screenshot(phone, 'phone', false);
    await open(phone, '#/browse?theme=mental-health&text=ensomhed', '[data-role="browse-results"] > li');
    await screenshot(phone, 'phone-browse', false);
    await phone.close();
  }, 120_000);

  it('made no request to any host but 127.0.0.1, and raised no script or console error', () => {
    const remote = requested.filter((url) => /^https?:/.test(url) && new URL(url).hostname !== '127.0.0.1');
    expect(remote).toEqual([]);
    expect(requested.some((url) => new URL(url).pathname.startsWith('/explorer/assets/'))).toBe(true);
    expect(requested.filter((url) => new URL(url).pathname === '/graphql').length).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });
});
