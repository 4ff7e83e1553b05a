import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { playgroundExamples } from '../../src/http/playground-examples.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

// Debian's chromium, not a browser build that playwright would download: this machine reaches
// package registries only.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the playground browser test: ${CHROMIUM} is absent. Install it with: apt-get install -y chromium`);
}

const SCREENSHOT = path.join(projectRoot, 'test-results', 'screenshots', 'playground.png');

const graph = useTestGraph();

/** The text of the CodeMirror 5 editor inside `selector` (its lines are virtualised, so innerText would miss some). */
function editorText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => {
    // Runs in the page; the project's TypeScript has no DOM library, so the one call is typed here.
    const { document } = globalThis as unknown as { document: { querySelector(css: string): { CodeMirror?: { getValue(): string } } | null } };
    return document.querySelector(`${s} .CodeMirror`)?.CodeMirror?.getValue() ?? '';
  }, selector);
}

describe.skipIf(!hasChromium)(`the playground in headless Chromium (${CHROMIUM})`, () => {
  const api = useTestApi(graph);
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Belt and braces: record every request, and never let one leave the machine.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads GraphiQL at /graphql, opened on the analyst example', async () => {
    await page.goto(`${api.baseUrl}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toBe(playgroundExamples[0]!.query);
    expect(await page.locator('.graphiql-tab').allInnerTexts()).toEqual(['Analyst', 'OrganisationPage', 'CoronaSpread', 'FindThings']);
  }, 60_000);

  it('runs the example and shows the answer from the seed graph', async () => {
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(page, '.result-window'), { timeout: 20_000 }).toContain('"title": "VideoKonsultation"');
    const result = JSON.parse(await editorText(page, '.result-window')) as {
      data: { search: { totalCount: number }; whoToCall: { title: string; contacts: { name: string }[] } };
    };
    expect(result.data.search.totalCount).toBeGreaterThanOrEqual(1);
    expect(result.data.whoToCall.title).toBe('Min Video');
    expect(result.data.whoToCall.contacts.map((c) => c.name)).toContain('Jens Bolwig');
    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);

  it('switches to the researcher example in its own tab', async () => {
    await page.locator('.graphiql-tab', { hasText: 'CoronaSpread' }).click();
    await expect.poll(() => editorText(page, '.graphiql-query-editor')).toBe(playgroundExamples[2]!.query);
  }, 30_000);

  it('made no request to any host but 127.0.0.1, and raised no script error', () => {
    const remote = requested.filter((url) => /^https?:/.test(url) && new URL(url).hostname !== '127.0.0.1');
    expect(remote).toEqual([]);
    expect(requested.some((url) => url.includes('/playground/assets/graphiql@'))).toBe(true);
    expect(requested.filter((url) => new URL(url).pathname === '/graphql').length).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
  });
});
