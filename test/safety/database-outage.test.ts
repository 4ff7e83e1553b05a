import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { openGraph, type GraphHandle } from '../../src/graph/open-graph.js';
import { createApiServer, type ApiServer } from '../../src/http/api-server.js';
import { createLogger } from '../../src/logger.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { TEST_SECURITY } from '../support/api.js';
import { freePort } from '../support/free-port.js';
import { bearer } from '../support/tokens.js';

/**
 * The database goes away under a running API and comes back. This file owns a second embedded
 * Neo4j (its own store and port), so that stopping it leaves the run's shared database alone.
 */

const dataDir = path.join(projectRoot, '.data', `neo4j-outage-test-${process.pid}`);
let boltPort: number;
let database: GraphHandle | undefined;
let server: ApiServer;
let baseUrl: string;
let editor: { authorization: string };

beforeAll(async () => {
  boltPort = await freePort();
  database = await openGraph({
    projectRoot,
    embedded: { boltPort, dataDir, heap: '512m', pageCache: '64m' },
    connectTimeoutMs: 60_000,
    // The first write after each start compiles its Cypher on a cold JVM, which on a busy machine
    // can take longer than the usual 15 s transaction timeout; this file is about outages, not that.
    queryTimeoutMs: 60_000,
    applySchema: true,
  });
  server = await createApiServer({ schema: await buildApiSchema(), graph: database.graph, logger: createLogger('silent'), production: false, shutdownGraceMs: 1_000, security: TEST_SECURITY });
  baseUrl = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
  editor = await bearer('editor', 'outage-test');
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphQLBody; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(90_000),
  });
  const body = (await response.json()) as GraphQLBody;
  return { status: response.status, body, ms: performance.now() - started };
}

const readiness = async () => (await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;

/** Polls readiness until it reports `status`; resolves with how long that took, or null when it never did. */
async function readinessBecomes(status: number, withinMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await readiness()) === status) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}

const CREATE = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }';
const READ = '{ graphStatistics { organisations } }';
const acknowledged: string[] = [];

describe('a database outage under a running API', () => {
  it('before it: the API is ready and acknowledges writes', { timeout: 120_000 }, async () => {
    expect(await readiness()).toBe(200);
    for (const n of [1, 2, 3]) {
      const id = `outage-org-${n}`;
      const { body } = await post(CREATE, { input: { id, name: `Udfaldsorganisation ${n}`, kind: 'OTHER' } }, editor);
      expect(body).toEqual({ data: { createOrganisation: { organisation: { id }, problem: null } } });
      acknowledged.push(id);
    }
    expect((await post(READ)).body).toEqual({ data: { graphStatistics: { organisations: 3 } } });
  });

  it('during it: readiness turns 503 within a few seconds', async () => {
    await database!.embedded!.stop();
    const after = await readinessBecomes(503, 5_000);
    expect(after, 'ms until /health/ready said 503').not.toBeNull();
    expect(await (await fetch(`${baseUrl}/health/ready`)).json()).toEqual({ status: 'unavailable', database: 'down' });
    expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
  }, 30_000);

  it('during it: queries fail fast with SERVICE_UNAVAILABLE, not as internal errors', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { status, body, ms } = await post('{ organisation(id: "outage-org-1") { id name } }');
      expect(ms, 'ms to answer').toBeLessThan(10_000);
      expect(status).toBe(200);
      expect(body.errors).toEqual([
        expect.objectContaining({ message: 'The graph database is not reachable right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }),
      ]);
    }
  }, 40_000);

  it('during it: mutations fail fast with SERVICE_UNAVAILABLE and acknowledge nothing', async () => {
    const { body, ms } = await post(CREATE, { input: { id: 'outage-org-lost', name: 'Aldrig skrevet', kind: 'OTHER' } }, editor);
    expect(ms, 'ms to answer').toBeLessThan(10_000);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: 'The graph database is not reachable right now; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }),
    ]);
  }, 30_000);

  it('after it: readiness returns to 200 by itself once the database is back, without restarting the API', async () => {
    await database!.embedded!.start();
    expect(database!.uri).toBe(`bolt://127.0.0.1:${boltPort}`);
    const after = await readinessBecomes(200, 30_000);
    expect(after, 'ms until /health/ready said 200 again').not.toBeNull();
  }, 180_000);

  it('after it: every acknowledged write is there, and the refused one is not', { timeout: 60_000 }, async () => {
    for (const id of acknowledged) {
      const { body } = await post('query ($id: ID!) { organisation(id: $id) { id } }', { id });
      expect(body).toEqual({ data: { organisation: { id } } });
    }
    expect((await post(READ)).body).toEqual({ data: { graphStatistics: { organisations: 3 } } });
    const { body } = await post('{ organisation(id: "outage-org-lost") { id } }');
    expect(body).toEqual({ data: { organisation: null } });
  });

  it('after it: writes are acknowledged again', { timeout: 120_000 }, async () => {
    const { body } = await post(CREATE, { input: { id: 'outage-org-4', name: 'Efter udfaldet', kind: 'OTHER' } }, editor);
    expect(body).toEqual({ data: { createOrganisation: { organisation: { id: 'outage-org-4' }, problem: null } } });
  });
});
