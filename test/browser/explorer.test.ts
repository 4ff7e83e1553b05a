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
  }
`;

describe.skipIf(!hasChromium)(`the Explorer in headless Chromium (${CHROMIUM})`, () => {
  const api = useTestApi(graph);
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];

  function watch(p: Page): Page {
    p.on('request', (request) => requested.push(request.url()));
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
    ];
    for (const [route, ready] of pages) {
      await open(phone, route, ready);
      expect(await phone.evaluate(() => (globalThis as unknown as PageWindow).document.scrollingElement!.scrollWidth), route || '/').toBeLessThanOrEqual(375);
    }
    await open(phone, '#/innovation/affald-kolding', '[data-graph="spread"][data-ready]');
    await screenshot(phone, 'phone', false);
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
