import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/auth/tokens.js';
import { projectRoot } from '../../src/config.js';
import { freePort } from '../support/free-port.js';
import { spawnServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * `npm start` as users run it: its own embedded Neo4j on a fresh store, the seed graph loaded,
 * then stopped by a signal. These tests own their processes and data directory.
 */

/** `node src/main.ts` as `npm run dev` runs it, on the embedded Neo4j. */
const startServerProcess = (env: Record<string, string>) => spawnServerProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], env);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

const dataDir = path.join(projectRoot, '.data', `neo4j-process-test-${process.pid}`);
const started: ServerProcess[] = [];
afterAll(() => {
  for (const p of started) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-killed`, { recursive: true, force: true });
  rmSync(`${dataDir}-drain`, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the seed graph on its own embedded Neo4j, refuses a second instance, and leaves no JVM after SIGTERM', async () => {
    const httpPort = await freePort();
    const boltPort = await freePort();
    const server = startServerProcess({ PORT: String(httpPort), NEO4J_EMBEDDED_PORT: String(boltPort), NEO4J_DATA_DIR: dataDir });
    started.push(server);
    await server.waitFor(/Innovation graph API ready at/, 150_000);
    const jvmPid = Number(/\(pid (\d+)\)/.exec(await server.waitFor(/Embedded Neo4j ready/, 1_000))![1]);
    expect(isAlive(jvmPid)).toBe(true);

    const response = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ graphStatistics { innovations } }' }),
    });
    const body = (await response.json()) as { data: { graphStatistics: { innovations: number } } };
    expect(body.data.graphStatistics.innovations).toBeGreaterThanOrEqual(77);
    expect((await fetch(`http://127.0.0.1:${httpPort}/health/ready`)).status).toBe(200);

    const second = startServerProcess({ PORT: String(await freePort()), NEO4J_EMBEDDED_PORT: String(await freePort()), NEO4J_DATA_DIR: dataDir });
    started.push(second);
    expect(await second.exited).toBe(1);
    expect(second.lines.join('\n')).toContain(`An embedded Neo4j is already running on ${dataDir} (pid ${jvmPid})`);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await waitUntil(() => !isAlive(jvmPid), 5_000)).toBe(true);
    expect(existsSync(path.join(dataDir, 'launcher.pid'))).toBe(false);
  }, 240_000);

  it('takes its embedded Neo4j down with it even when it is killed outright', async () => {
    const server = startServerProcess({ PORT: String(await freePort()), NEO4J_EMBEDDED_PORT: String(await freePort()), NEO4J_DATA_DIR: `${dataDir}-killed`, SEED_ON_EMPTY: 'false' });
    started.push(server);
    await server.waitFor(/Innovation graph API ready at/, 150_000);
    const jvmPid = Number(/\(pid (\d+)\)/.exec(await server.waitFor(/Embedded Neo4j ready/, 1_000))![1]);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await waitUntil(() => !isAlive(jvmPid), 20_000)).toBe(true);
  }, 240_000);

  it('drains in-flight writes on SIGTERM and loses none it acknowledged', async () => {
    const secret = 'a-process-test-secret-of-32-characters-or-more';
    const env = { NEO4J_DATA_DIR: `${dataDir}-drain`, SEED_ON_EMPTY: 'false', AUTH_JWT_SECRET: secret, RATE_LIMIT_PER_MINUTE: '0' };
    const httpPort = await freePort();
    const boltPort = await freePort();
    const server = startServerProcess({ ...env, PORT: String(httpPort), NEO4J_EMBEDDED_PORT: String(boltPort) });
    started.push(server);
    await server.waitFor(/Innovation graph API ready at/, 150_000);
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await issueToken({ subject: 'drain-test', roles: ['editor'], expiresIn: '10m' }, secret)}` };
    const create = (i: number) =>
      fetch(`http://127.0.0.1:${httpPort}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }', variables: { input: { id: `drain-${i}`, name: `Drain ${i}`, kind: 'OTHER' } } }),
      }).then(
        async (r) => {
          const id = ((await r.json()) as { data?: { createOrganisation: { organisation: { id: string } | null } } }).data?.createOrganisation.organisation?.id ?? null;
          answeredAt.push(Date.now());
          return id;
        },
        () => null,
      );
    const answeredAt: number[] = [];
    // One write first, so that Neo4j has planned the statements and the burst is quick.
    expect(await create(100)).toBe('drain-100');
    const inFlight = Array.from({ length: 20 }, (_, i) => create(i));
    await new Promise((r) => setTimeout(r, 300));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const acknowledged = (await Promise.all(inFlight)).filter((id): id is string => id !== null);
    // Requests still running when the signal came are finished, not dropped; requests the server
    // had not yet read when it stopped listening are refused, and their writes never happen.
    expect(answeredAt.filter((t) => t > signalledAt).length, 'no request was still running at SIGTERM; the test proves nothing').toBeGreaterThan(0);
    expect(await server.exited).toBe(0);

    const again = startServerProcess({ ...env, PORT: String(httpPort), NEO4J_EMBEDDED_PORT: String(boltPort) });
    started.push(again);
    await again.waitFor(/Innovation graph API ready at/, 150_000);
    const response = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ organisations(filter: { kinds: [OTHER] }, first: 100) { edges { node { id } } } }' }),
    });
    const body = (await response.json()) as { data: { organisations: { edges: { node: { id: string } }[] } } };
    const stored = body.data.organisations.edges.map((e) => e.node.id);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    again.child.kill('SIGTERM');
    await again.exited;
  }, 300_000);

  it('exits with every configuration problem listed and starts nothing', async () => {
    const server = startServerProcess({ PORT: 'abc', NEO4J_URI: 'http://nowhere' });
    started.push(server);
    expect(await server.exited).toBe(2);
    const output = server.lines.join('\n');
    expect(output).toContain('Invalid configuration:');
    expect(output).toContain('PORT must be a whole number from 1 to 65535, got "abc"');
    expect(output).toContain('NEO4J_URI must use one of the schemes');
  });
});
