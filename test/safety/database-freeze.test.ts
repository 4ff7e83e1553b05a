import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { CLIENT_DEADLINE_GRACE_MS } from '../../src/graph/graph-runner.js';
import { openGraph, type GraphHandle } from '../../src/graph/open-graph.js';
import { createApiServer, type ApiServer } from '../../src/http/api-server.js';
import { createLogger } from '../../src/logger.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { TEST_SECURITY } from '../support/api.js';
import { freePort } from '../support/free-port.js';

/**
 * The database stops answering without going away (its JVM frozen with SIGSTOP): a request must
 * still end, as SERVICE_UNAVAILABLE, shortly after the transaction timeout, not hang for as long
 * as the database does. This file owns a second embedded Neo4j, so freezing it leaves the run's alone.
 */

const TIMEOUT_MS = 3_000;
const dataDir = path.join(projectRoot, '.data', `neo4j-freeze-test-${process.pid}`);
let database: GraphHandle | undefined;
let jvmPid: number;
let server: ApiServer;
let baseUrl: string;
let frozen = false;

beforeAll(async () => {
  // The schema statements carry timeouts of their own, so the short one below is the API's alone.
  database = await openGraph({
    projectRoot,
    embedded: { boltPort: await freePort(), dataDir, heap: '512m', pageCache: '64m' },
    connectTimeoutMs: 60_000,
    queryTimeoutMs: TIMEOUT_MS,
    applySchema: true,
  });
  jvmPid = database.embedded!.pid()!;
  server = await createApiServer({ schema: await buildApiSchema(), graph: database.graph, logger: createLogger('silent'), production: false, shutdownGraceMs: 1_000, security: TEST_SECURITY });
  baseUrl = (await server.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
}, 180_000);

afterAll(async () => {
  if (frozen) process.kill(jvmPid, 'SIGCONT');
  await server?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function ask(): Promise<{ code: unknown; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ graphStatistics { organisations } }' }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: unknown } }[] };
  return { code: body.errors?.[0]?.extensions.code ?? null, ms: performance.now() - started };
}

describe('a database that stops answering', () => {
  it('answers normally before', { timeout: 60_000 }, async () => {
    // Warm: the first query compiles its plan on a cold JVM.
    for (let i = 0; i < 3; i += 1) await ask();
    expect((await ask()).code).toBeNull();
  });

  it('ends a request as SERVICE_UNAVAILABLE shortly after the transaction timeout while it is frozen', { timeout: 60_000 }, async () => {
    process.kill(jvmPid, 'SIGSTOP');
    frozen = true;
    const { code, ms } = await ask();
    expect(code).toBe('SERVICE_UNAVAILABLE');
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(ms).toBeLessThan(TIMEOUT_MS + CLIENT_DEADLINE_GRACE_MS + 5_000);
  });

  it('answers again once the database does', { timeout: 60_000 }, async () => {
    process.kill(jvmPid, 'SIGCONT');
    frozen = false;
    const started = Date.now();
    let code: unknown = 'not yet';
    while (code !== null && Date.now() - started < 30_000) {
      ({ code } = await ask());
      if (code !== null) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(code).toBeNull();
  });
});
