import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Hit {
  score: number;
  node: { __typename: string; id: string };
}
const SEARCH = gql`
  query ($text: String!, $first: Int) {
    search(text: $text, first: $first) { edges { score node { __typename ... on Innovation { id } ... on Organisation { id } ... on Person { id } } } }
  }
`;
const search = async (text: string, first?: number) => (await api.client.request<{ search: { edges: Hit[] } }>(SEARCH, { text, first })).search.edges;

describe('search', () => {
  it('matches plural and inflected Danish forms ("videokonsultationer" finds "VideoKonsultation")', async () => {
    const hits = await search('videokonsultationer');
    expect(hits.filter((h) => h.node.__typename === 'Innovation').map((h) => h.node.id)).toEqual(
      expect.arrayContaining(['videokonsultation', 'laeringsplatform-videokonsultationer']),
    );
  });

  it('finds innovations, organisations and people in one ranked list', async () => {
    const hits = await search('innovation', 30);
    const types = new Set(hits.map((h) => h.node.__typename));
    expect(types).toEqual(new Set(['Innovation', 'Organisation', 'Person']));
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('puts the organisation matching every word first', async () => {
    const hits = await search('aarhus kommune');
    expect(hits[0]!.node).toEqual({ __typename: 'Organisation', id: 'aarhus-kommune' });
  });

  it('finds a person by name', async () => {
    const hits = await search('Jens Bolwig');
    expect(hits[0]!.node).toEqual({ __typename: 'Person', id: 'jens-bolwig' });
  });

  it('treats quotes, slashes, brackets and operators as plain text, never as an internal error', async () => {
    for (const text of ['"søvn', 'søvn/medicin', '(søvn]', 'søvn AND', 'title:søvn~', '*', '\\', '+-&&||!{}^']) {
      const hits = await search(text);
      expect(Array.isArray(hits)).toBe(true);
    }
    expect((await search('"bedre søvn"'))[0]!.node.id).toBe('bedre-soevn-uden-medicin');
    expect(await search('   ')).toEqual([]);
  });

  it('respects first and rejects it above the maximum', async () => {
    expect(await search('kommune', 3)).toHaveLength(3);
    const error = (await search('kommune', 101).catch((e: unknown) => e)) as ClientError;
    expect(error.response.errors![0]).toMatchObject({ message: 'first must be a whole number from 1 to 100, got 101', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('search ranking and paging', () => {
  const ids = (hits: Hit[]) => hits.map((h) => h.node.id);

  it('finds Mandefællesskaber first for "ensomhed ældre", and for the English "loneliness elderly"', async () => {
    expect(ids(await search('ensomhed ældre', 3))[0]).toBe('mandefaellesskaber');
    expect(ids(await search('loneliness elderly', 3))[0]).toBe('mandefaellesskaber');
  });

  it('finds innovations by the names of their themes: "klima" reaches the climate theme, not only the word', async () => {
    const [climate] = await graph.read<{ ids: string[] }>(
      "MATCH (t:Theme {id: 'climate-environment'})<-[:ABOUT]-(i:Innovation) RETURN collect(i.id) AS ids",
      {},
      { tag: 'test' },
    );
    const found = ids(await search('klima', 100));
    const reached = climate!.ids.filter((id) => found.includes(id));
    expect(reached.length).toBe(climate!.ids.length);
  });

  it('finds the innovations of the theme "Digitalisering og velfærdsteknologi" for "velfærdsteknologi", not one organisation', async () => {
    const [theme] = await graph.read<{ ids: string[] }>(
      "MATCH (t:Theme {id: 'digital-welfare'})<-[:ABOUT]-(i:Innovation) WHERE coalesce(i.retired, false) = false RETURN collect(i.id) AS ids",
      {},
      { tag: 'test' },
    );
    expect(theme!.ids.length).toBeGreaterThanOrEqual(15);
    const found = await search('velfærdsteknologi', 100);
    expect(theme!.ids.filter((id) => !ids(found).includes(id))).toEqual([]);
    expect(found[0]!.node.__typename).toBe('Innovation');
  });

  it('puts the organisation a query names first ("Aarhus" is Aarhus Kommune)', async () => {
    expect((await search('Aarhus', 3))[0]!.node).toEqual({ __typename: 'Organisation', id: 'aarhus-kommune' });
  });

  it('pages with cursors, each hit once, in the same order as one long page', async () => {
    const PAGE = gql`
      query ($after: String) { search(text: "borgere", first: 7, after: $after) { totalCount edges { cursor node { ... on Innovation { id } ... on Organisation { id } ... on Person { id } } } pageInfo { hasNextPage endCursor } } }
    `;
    type Page = { search: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const all = (await api.client.request<{ search: { edges: Hit[] } }>(SEARCH, { text: 'borgere', first: 100 })).search.edges.map((h) => h.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Page = await api.client.request<Page>(PAGE, { after });
      total = page.search.totalCount;
      paged.push(...page.search.edges.map((e) => e.node.id));
      after = page.search.pageInfo.hasNextPage ? page.search.pageInfo.endCursor : null;
    } while (after);
    expect(paged.slice(0, all.length)).toEqual(all);
    expect(paged.length).toBe(total);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('combines the text with innovation filters, and then searches innovations only', async () => {
    const FILTERED = gql`
      query { search(text: "videokonsultation", filter: { regionIds: ["syddanmark"] }, first: 20) { edges { node { __typename ... on Innovation { id nominators { region { id } } makers { region { id } } } } } } }
    `;
    type Origin = { region: { id: string } | null };
    const data = await api.client.request<{ search: { edges: { node: { __typename: string; id: string; nominators: Origin[]; makers: Origin[] } }[] } }>(FILTERED);
    expect(data.search.edges.length).toBeGreaterThan(0);
    for (const { node } of data.search.edges) {
      expect(node.__typename).toBe('Innovation');
      expect([...node.nominators, ...node.makers].some((n) => n.region?.id === 'syddanmark'), node.id).toBe(true);
    }
    const failure = (await api.client.request(gql`{ search(text: "x", filter: { text: "y" }) { totalCount } }`).catch((e: unknown) => e)) as ClientError;
    expect(failure.response.errors![0]).toMatchObject({ message: 'filter.text cannot be used in search; put the words in text', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('lists innovations holding every word in relevance order, with their scores, when the filter has a text', async () => {
    const LIST = gql`
      query ($text: String!, $order: InnovationOrder) { innovations(filter: { text: $text }, orderBy: $order, first: 20) { totalCount edges { score node { id title } } } }
    `;
    type List = { innovations: { totalCount: number; edges: { score: number | null; node: { id: string; title: string } }[] } };
    const relevant = await api.client.request<List>(LIST, { text: 'ensomhed ældre' });
    expect(relevant.innovations.edges[0]!.node.id).toBe('mandefaellesskaber');
    const scores = relevant.innovations.edges.map((e) => e.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const byTitle = await api.client.request<List>(LIST, { text: 'ensomhed ældre', order: 'TITLE' });
    expect(byTitle.innovations.totalCount).toBe(relevant.innovations.totalCount);
    expect(byTitle.innovations.edges.every((e) => e.score === null)).toBe(true);
    // "ensomhed" and a word no innovation holds: nothing holds both.
    expect((await api.client.request<List>(LIST, { text: 'ensomhed zorblatmetoden' })).innovations.totalCount).toBe(0);
  });
});
