import { gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.js';
import { GraphRunner } from '../../src/graph/graph-runner.js';
import { useTestApi } from '../support/api.js';
import { freePort } from '../support/free-port.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

describe('the whole stack', () => {
  it('answers a GraphQL query over HTTP from the real database', async () => {
    const data = await api.client.request<{ graphStatistics: { innovations: number; organisations: number; people: number; relationships: number } }>(gql`
      {
        graphStatistics {
          innovations
          organisations
          people
          relationships
        }
      }
    `);
    const [counts] = await graph.read<{ innovations: number; people: number }>(
      'MATCH (i:Innovation) WITH count(i) AS innovations MATCH (p:Person) RETURN innovations, count(p) AS people',
      {},
      { tag: 'test' },
    );
    expect(data.graphStatistics.innovations).toBe(counts!.innovations);
    expect(data.graphStatistics.people).toBe(counts!.people);
    expect(data.graphStatistics.innovations).toBeGreaterThanOrEqual(77);
    expect(data.graphStatistics.relationships).toBeGreaterThan(data.graphStatistics.innovations);
  });

  it('reports itself live and ready while the database answers', async () => {
    const live = await fetch(`${api.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('rejects a malformed query with a parse error code', async () => {
    const response = await fetch(`${api.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graphStatistics { ' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(400);
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});

describe('readiness without a database', async () => {
  const deadPort = await freePort();
  const driver = createDriver({ uri: `bolt://127.0.0.1:${deadPort}`, user: 'neo4j', password: undefined, acquisitionTimeoutMs: 1_000 });
  const unreachable = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 1_000 });
  const offline = useTestApi(unreachable);

  it('stays live but not ready, and queries fail fast with SERVICE_UNAVAILABLE', async () => {
    const live = await fetch(`${offline.baseUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${offline.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', database: 'down' });

    const started = Date.now();
    const response = await fetch(`${offline.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graphStatistics { innovations } }' }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0]!.message).toBe('The graph database is not reachable right now; try again shortly.');
    expect(Date.now() - started).toBeLessThan(10_000);
    await driver.close();
  });
});
