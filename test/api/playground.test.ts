import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../../src/http/api-server.js';
import { playgroundExamples } from '../../src/http/playground-examples.js';
import { createLogger } from '../../src/logger.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { TEST_SECURITY, useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function assetUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
}

function pageConfig(html: string): { tabs: { query: string }[] } {
  const json = /<script id="playground-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error('the page has no playground-config');
  return JSON.parse(json) as { tabs: { query: string }[] };
}

async function getPage(baseUrl: string): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
}

async function run(query: string): Promise<Record<string, unknown>> {
  return api.client.request<Record<string, unknown>>(query);
}

function example(audience: string): string {
  const found = playgroundExamples.find((e) => e.audience === audience);
  if (!found) throw new Error(`no example for ${audience}`);
  return found.query;
}

describe('the GraphiQL playground over HTTP', () => {
  it('serves a page to a browser at /graphql that loads only assets of this server', async () => {
    const response = await getPage(api.baseUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<div id="graphiql">');
    const urls = assetUrls(html);
    expect(urls.length).toBe(5);
    for (const url of urls) expect(url).toMatch(/^\/playground\/assets\//);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves every asset the page names with a script or style content type, cacheable for good', async () => {
    const html = await (await getPage(api.baseUrl)).text();
    const types: string[] = [];
    for (const url of assetUrls(html)) {
      const response = await fetch(`${api.baseUrl}${url}`);
      expect(response.status, url).toBe(200);
      const type = response.headers.get('content-type') ?? '';
      expect(type, url).toMatch(/^(text\/javascript|application\/javascript|text\/css)\b/);
      expect(response.headers.get('cache-control'), url).toContain('immutable');
      expect((await response.text()).length, url).toBeGreaterThan(500);
      types.push(type.split(';')[0]!);
    }
    expect(types).toEqual(['text/css', 'text/javascript', 'text/javascript', 'text/javascript', 'text/javascript']);
  });

  it('names the versions of React and GraphiQL in the asset URLs, so an upgrade is not served from a stale cache', async () => {
    const urls = assetUrls(await (await getPage(api.baseUrl)).text());
    expect(urls).toEqual([
      expect.stringMatching(/^\/playground\/assets\/graphiql@3\.\d+\.\d+\/graphiql\.min\.css$/),
      expect.stringMatching(/^\/playground\/assets\/react@18\.\d+\.\d+\/react\.production\.min\.js$/),
      expect.stringMatching(/^\/playground\/assets\/react-dom@18\.\d+\.\d+\/react-dom\.production\.min\.js$/),
      expect.stringMatching(/^\/playground\/assets\/graphiql@3\.\d+\.\d+\/graphiql\.min\.js$/),
      expect.stringMatching(/^\/playground\/assets\/playground@[0-9a-f]{12}\.js$/),
    ]);
  });

  it('answers 404 for a file of a package that the playground does not serve', async () => {
    const graphiqlCss = assetUrls(await (await getPage(api.baseUrl)).text())[0]!;
    const response = await fetch(`${api.baseUrl}${graphiqlCss.replace('graphiql.min.css', 'package.json')}`);
    expect(response.status).toBe(404);
  });

  it('opens one tab per kind of user, with the examples of playground-examples.ts', async () => {
    const config = pageConfig(await (await getPage(api.baseUrl)).text());
    expect(config.tabs.map((tab) => tab.query)).toEqual(playgroundExamples.map((e) => e.query));
    expect(playgroundExamples.map((e) => e.audience)).toEqual(['analyst', 'front-end', 'researcher', 'newcomer']);
  });

  it('still answers GraphQL over POST', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ innovation(id: "min-video") { title } }' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { innovation: { title: 'Min Video' } } });
  });

  it('still answers GraphQL over GET with a query string when the client does not ask for HTML', async () => {
    const query = encodeURIComponent('{ innovation(id: "min-video") { title } }');
    for (const accept of ['application/json', '*/*']) {
      const response = await fetch(`${api.baseUrl}/graphql?query=${query}`, {
        headers: { accept, 'apollo-require-preflight': 'true' },
      });
      expect(response.status, accept).toBe(200);
      expect(await response.json(), accept).toEqual({ data: { innovation: { title: 'Min Video' } } });
    }
  });
});

describe('the playground examples', () => {
  it('are valid operations of the current schema', async () => {
    const schema = await buildApiSchema();
    for (const { audience, query } of playgroundExamples) {
      expect(validate(schema, parse(query)).map((error) => error.message), audience).toEqual([]);
    }
  });

  it('let an analyst find VideoKonsultation by a word and see whom to call about Min Video', async () => {
    const data = (await run(example('analyst'))) as {
      search: { totalCount: number; edges: { node: { id: string; title: string; year: number | null; nominators: { name: string }[] } }[] };
      whoToCall: { title: string; contacts: { name: string; role: string | null; email: string | null; phone: string | null; organisation: { name: string } | null }[] };
    };
    expect(data.search.totalCount).toBeGreaterThanOrEqual(1);
    const video = data.search.edges.find((edge) => edge.node.id === 'videokonsultation')?.node;
    expect(video).toMatchObject({ title: 'VideoKonsultation', year: 2020 });
    expect(data.whoToCall.title).toBe('Min Video');
    expect(data.whoToCall.contacts).toContainEqual({
      name: 'Jens Bolwig',
      role: 'it-konsulent',
      email: 'jbol@aarhus.dk',
      phone: '+45 29 20 84 25',
      organisation: { name: 'Aarhus Kommune' },
    });
  });

  it('give a front-end the page of Aarhus Kommune with its units and the first page of what it nominated', async () => {
    const data = (await run(example('front-end'))) as {
      organisation: {
        name: string;
        kind: string;
        region: { name: string } | null;
        units: { id: string }[];
        nominated: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      };
    };
    const organisation = data.organisation;
    expect(organisation).toMatchObject({ name: 'Aarhus Kommune', kind: 'MUNICIPALITY', region: { name: 'Region Midtjylland' } });
    expect(organisation.units.map((unit) => unit.id).sort()).toEqual([
      'aarhus-kommune-center-for-mestring',
      'aarhus-kommune-cfia',
      'aarhus-kommune-itk-development',
      'aarhus-kommune-sociale-forhold-og-beskaeftigelse',
      'aarhus-kommune-sociallaegeinstitutionen',
      'aarhus-kommune-ungdomskulturhuset',
    ]);
    // Its units nominated five innovations; the page of five holds them all, by title.
    expect(organisation.nominated.totalCount).toBe(5);
    expect(organisation.nominated.edges.map((edge) => edge.node.id)).toEqual(['mira', 'medborger-guider', 'min-video', 'opgang-til-opgang', 'ukhome']);
    expect(organisation.nominated.pageInfo).toEqual({ hasNextPage: false, endCursor: organisation.nominated.edges.at(-1)!.cursor });
  });

  it('give a researcher the 16 corona-related innovations with how they spread', async () => {
    const data = (await run(example('researcher'))) as {
      innovations: { totalCount: number; edges: { node: { title: string; adoptions: unknown[]; spreadSignals: unknown[]; lineage: { buildsOn: unknown[] } } }[] };
    };
    expect(data.innovations.totalCount).toBe(16);
    expect(data.innovations.edges).toHaveLength(16);
    expect(data.innovations.edges.map((edge) => edge.node.title)).toContain('VideoKonsultation');
  });

  it('show a newcomer the themes with their innovations, the regions, Region Syddanmark\'s missions and the strategy documents', async () => {
    const data = (await run(example('newcomer'))) as {
      themes: { id: string; innovationCount: number; innovations: { edges: unknown[] } }[];
      regions: { id: string; organisationCount: number }[];
      missions: { name: string; owner: { name: string }; strategy: { title: string } }[];
      strategies: { title: string; publisher: { qualifiedName: string }; missions: unknown[] }[];
    };
    const climate = data.themes.find((theme) => theme.id === 'climate-environment');
    expect(climate?.innovationCount).toBeGreaterThan(0);
    expect(climate?.innovations.edges.length).toBe(Math.min(3, climate!.innovationCount));
    expect(data.regions).toHaveLength(6);
    expect(data.missions).toHaveLength(4);
    expect(data.missions[0]).toEqual({ name: 'Bæredygtigt sundhedsvæsen', owner: { name: 'Region Syddanmark' }, strategy: { title: 'Region Syddanmarks innovationsstrategi' } });
    expect(data.strategies.map((s) => s.publisher.qualifiedName).sort()).toEqual(['Helse Sør-Øst RHF', 'Region Hovedstaden', 'Region Midtjylland', 'Region Syddanmark']);
  });
});

describe('the playground in production', () => {
  let servers: { off: ApiServer; on: ApiServer; offUrl: string; onUrl: string };

  beforeAll(async () => {
    const schema = await buildApiSchema();
    const make = (playground: boolean | undefined) =>
      createApiServer({ schema, graph, logger: createLogger('silent'), production: true, playground, shutdownGraceMs: 1_000, security: TEST_SECURITY });
    const off = await make(undefined);
    const on = await make(true);
    servers = {
      off,
      on,
      offUrl: (await off.listen(0, '127.0.0.1')).replace(/\/graphql$/, ''),
      onUrl: (await on.listen(0, '127.0.0.1')).replace(/\/graphql$/, ''),
    };
  });
  afterAll(async () => {
    await Promise.all([servers.off.stop(), servers.on.stop()]);
  });

  it('is off unless asked for: a browser gets no page and no assets', async () => {
    const response = await getPage(servers.offUrl);
    expect(response.headers.get('content-type')).not.toMatch(/^text\/html/);
    await response.body?.cancel();
    const assetsOnDevServer = assetUrls(await (await getPage(api.baseUrl)).text());
    for (const url of assetsOnDevServer) {
      const asset = await fetch(`${servers.offUrl}${url}`);
      expect(asset.status, url).toBe(404);
      await asset.body?.cancel();
    }
  });

  it('is served when PLAYGROUND=true turns it on', async () => {
    const response = await getPage(servers.onUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="graphiql">');
  });
});
