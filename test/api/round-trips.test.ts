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

// One batch per loader and nesting level it serves. Regions are asked for at two levels
// (nominators' regions; partners' and contacts' organisations' regions), organisations at two
// (nominators' parents and contacts' employers may settle in one batch or in two, by timing).
const MOST_BATCHES: Record<string, number> = {
  'innovations.page': 1,
  'related.nominators': 1,
  'related.partners': 1,
  'related.contacts': 1,
  'related.awards': 1,
  'related.themes': 1,
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
      expect(run.queries).toBeLessThanOrEqual(10);
    }
  });
});
