import { gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

const NESTED = gql`
  query Nested($first: Int!) {
    innovations(first: $first) {
      edges {
        node {
          id
          title
          nominators { id name region { name } parent { name } }
          partners { role organisation { id name region { name } } }
          contacts { name email organisation { id name region { name } } }
          awards { level }
          themes { name }
        }
      }
    }
  }
`;

/** Runs the query and counts the Cypher queries it caused, by tag. */
async function roundTrips(first: number): Promise<{ queries: number; byTag: Record<string, number>; innovations: number }> {
  const byTag: Record<string, number> = {};
  const stop = graph.onQuery((event) => {
    byTag[event.tag] = (byTag[event.tag] ?? 0) + 1;
  });
  try {
    const data = await api.client.request<{ innovations: { edges: unknown[] } }>(NESTED, { first });
    const queries = Object.values(byTag).reduce((a, b) => a + b, 0);
    return { queries, byTag, innovations: data.innovations.edges.length };
  } finally {
    stop();
  }
}

// The lists asked for on every innovation come with the page; after it, one batch per loader
// and nesting level it serves. Regions are asked for at two levels (nominators' regions;
// partners' and contacts' organisations' regions), organisations at two (nominators' parents and
// contacts' employers may settle in one batch or in two, by timing).
const MOST_BATCHES: Record<string, number> = {
  'innovations.page': 1,
  'organisation.byId': 2,
  'region.byId': 2,
};

describe('database round trips', () => {
  it('do not grow with the length of the list (no N+1)', async () => {
    for (const first of [5, 20, 50]) {
      const run = await roundTrips(first);
      expect(run.innovations).toBe(first);
      for (const [tag, count] of Object.entries(run.byTag)) {
        expect(count, `${first} innovations: ${tag} ran ${count} times (${JSON.stringify(run.byTag)})`).toBeLessThanOrEqual(MOST_BATCHES[tag] ?? 0);
      }
      expect(run.byTag['innovations.page']).toBe(1);
      expect(run.queries).toBeLessThanOrEqual(5);
    }
  });
});

describe('a page of innovations', () => {
  it('brings the lists asked for on every innovation, through fragments too, and they match the per-innovation answers', async () => {
    const PAGE = gql`
      query Page($first: Int!) {
        innovations(first: $first) { edges { node { id ...Lists } } }
      }
      fragment Lists on Innovation { ... on Innovation { partners { role organisation { id } } } contacts { id } themes { id } }
    `;
    const ONE = gql`query One($id: ID!) { innovation(id: $id) { partners { role organisation { id } } contacts { id } themes { id } } }`;
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    let page: { innovations: { edges: { node: { id: string; partners: unknown[]; contacts: unknown[]; themes: unknown[] } }[] } };
    try {
      page = await api.client.request(PAGE, { first: 30 });
    } finally {
      stop();
    }
    expect(tags).toEqual(['innovations.page']);
    const withLists = page.innovations.edges.filter((e) => e.node.partners.length > 0 && e.node.contacts.length > 0);
    expect(withLists.length).toBeGreaterThan(3);
    for (const { node } of page.innovations.edges.slice(0, 10)) {
      const one = await api.client.request<{ innovation: unknown }>(ONE, { id: node.id });
      expect(one.innovation).toEqual({ partners: node.partners, contacts: node.contacts, themes: node.themes });
    }
  });
});

describe('themes with their innovations', () => {
  const THEMES = gql`
    query Themes($kind: ThemeKind) {
      themes(kind: $kind) {
        id
        innovationCount
        strategy { id missions { id } }
        innovations(first: 5) { totalCount edges { node { id title nominators { name qualifiedName } } } }
      }
    }
  `;

  async function tagsOf(kind: string | null): Promise<{ tags: Record<string, number>; themes: { innovations: { edges: unknown[] } }[] }> {
    const tags: Record<string, number> = {};
    const stop = graph.onQuery((event) => {
      tags[event.tag] = (tags[event.tag] ?? 0) + 1;
    });
    try {
      const data = await api.client.request<{ themes: { innovations: { edges: unknown[] } }[] }>(THEMES, { kind });
      return { tags, themes: data.themes };
    } finally {
      stop();
    }
  }

  it('cost one query per field and nesting level, however many themes are listed (no N+1)', async () => {
    const expected = {
      'themes.list': 1,
      'theme.innovations': 1,
      'theme.innovations.count': 1,
      'mission.strategy': 1,
      'strategy.missions': 1,
      'related.nominators': 1,
      'organisation.qualifiedName': 1,
    };
    const all = await tagsOf(null);
    expect(all.themes.length).toBeGreaterThan(30);
    expect(all.themes.filter((t) => t.innovations.edges.length > 0).length).toBeGreaterThan(10);
    expect(all.tags).toEqual(expected);
    // Fewer themes, no more queries (a list with no innovations asks for no nominators at all).
    for (const [tag, count] of Object.entries((await tagsOf('MISSION')).tags)) expect(count, tag).toBeLessThanOrEqual(expected[tag as keyof typeof expected] ?? 0);
  });
});

describe('qualified names of a page of organisations', () => {
  it('come in one query for the whole page', async () => {
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    try {
      const data = await api.client.request<{ organisations: { edges: { node: { qualifiedName: string } }[] } }>(gql`
        { organisations(filter: { kinds: [UNIT] }, first: 50) { edges { node { qualifiedName } } } }
      `);
      expect(data.organisations.edges).toHaveLength(50);
      for (const { node } of data.organisations.edges) expect(node.qualifiedName).toContain(' › ');
    } finally {
      stop();
    }
    expect(tags).toEqual(['organisations.page', 'organisation.qualifiedName']);
  });
});
