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

/** Runs the query and counts the Cypher queries it caused. */
async function roundTrips(first: number): Promise<{ queries: number; innovations: number }> {
  let queries = 0;
  const stop = graph.onQuery(() => {
    queries += 1;
  });
  try {
    const data = await api.client.request<{ innovations: { edges: unknown[] } }>(NESTED, { first });
    return { queries, innovations: data.innovations.edges.length };
  } finally {
    stop();
  }
}

describe('database round trips', () => {
  it('do not grow with the length of the list (no N+1)', async () => {
    const few = await roundTrips(5);
    const many = await roundTrips(50);
    expect(few.innovations).toBe(5);
    expect(many.innovations).toBe(50);
    expect(many.queries, `5 innovations took ${few.queries} queries, 50 took ${many.queries}`).toBe(few.queries);
    // One page query, then one batch per relationship field and per level of nesting.
    expect(many.queries).toBeLessThanOrEqual(10);
  });
});
