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
