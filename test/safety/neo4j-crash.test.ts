import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/auth/tokens.js';
import { projectRoot } from '../../src/config.js';
import { freePort } from '../support/free-port.js';
import { isAlive, killIfAlive, ownServerEnv, spawnServerProcess, waitUntil, type ServerProcess } from '../support/server-process.js';

/**
 * The embedded Neo4j is killed outright (`kill -9`) under a running server, which restarts it on
 * the same port and store. This file runs the real server as its own process, on a JVM, store and
 * ports of its own, so the run's shared database is never touched.
 */

const dataDir = path.join(projectRoot, '.data', `neo4j-crash-test-${process.pid}`);
const secret = 'a-crash-test-secret-of-32-characters-or-more';
let server: ServerProcess | undefined;
let unsupervised: ServerProcess | undefined;
let baseUrl: string;
let editor: Record<string, string>;
const jvmPids: number[] = [];

const readyLine = /Embedded Neo4j ready in .* \(pid (\d+)\)/;

beforeAll(async () => {
  const httpPort = await freePort();
  server = spawnServerProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    ...(await ownServerEnv(httpPort, dataDir)),
    AUTH_JWT_SECRET: secret,
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_POINTS_PER_MINUTE: '0',
    RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED: '0',
    // Every answer must come from Neo4j, not from the response cache.
    RESPONSE_CACHE_SECONDS: '0',
    // The first write on a cold JVM compiles its Cypher, which on a busy machine can outlast 15 s.
    NEO4J_QUERY_TIMEOUT_MS: '60000',
  });
  await server.waitFor(/Innovation graph API ready at/, 170_000);
  jvmPids.push(Number(readyLine.exec(await server.waitFor(readyLine, 1_000))![1]));
  baseUrl = `http://127.0.0.1:${httpPort}`;
  editor = { authorization: `Bearer ${await issueToken({ subject: 'crash-test', roles: ['editor'], expiresIn: '30m' }, secret)}` };
}, 180_000);

afterAll(async () => {
  for (const p of [server, unsupervised]) killIfAlive(p?.child.pid, 'SIGKILL');
  for (const p of [server, unsupervised]) if (p) await Promise.race([p.exited, new Promise((r) => setTimeout(r, 10_000))]);
  // The JVM stops by itself when the server's end of its input closes; a restart in flight at the
  // moment of the kill could leave one, so every JVM this file saw is killed too.
  for (const pid of jvmPids) killIfAlive(pid, 'SIGKILL');
  await waitUntil(() => jvmPids.every((pid) => !isAlive(pid)), 10_000);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-no-restarts`, { recursive: true, force: true });
}, 30_000);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLBody> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return (await response.json()) as GraphQLBody;
}

const readiness = async () => (await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(10_000) })).status;

const CREATE = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }';
const READ = 'query ($id: ID!) { organisation(id: $id) { id name } }';
const acknowledged = { id: 'crash-org-1', name: 'Skrevet før nedbruddet' };

describe('the embedded Neo4j killed with SIGKILL under a running server', () => {
  it('before: the server is ready and acknowledges a write', { timeout: 90_000 }, async () => {
    expect(await readiness()).toBe(200);
    expect(await post(CREATE, { input: { ...acknowledged, kind: 'OTHER' } }, editor)).toEqual({
      data: { createOrganisation: { organisation: { id: acknowledged.id }, problem: null } },
    });
    expect(await post(READ, { id: acknowledged.id })).toEqual({ data: { organisation: acknowledged } });
  });

  it('during and after: requests get SERVICE_UNAVAILABLE and readiness 503, then the restarted JVM answers within 90 s with the write still there', { timeout: 150_000 }, async () => {
    const killedPid = jvmPids[0]!;
    const linesBefore = server!.lines.length;
    const killedAt = Date.now();
    process.kill(killedPid, 'SIGKILL');

    const seen = { unavailable: 0, notReady: 0, other: [] as unknown[] };
    let firstDownMs: number | null = null;
    let backMs: number | null = null;
    while (Date.now() - killedAt < 90_000) {
      const [ready, body] = await Promise.all([readiness(), post(READ, { id: acknowledged.id })]);
      const code = body.errors?.[0]?.extensions?.code;
      if (ready === 503) seen.notReady += 1;
      if (code === 'SERVICE_UNAVAILABLE') seen.unavailable += 1;
      else if (body.errors) seen.other.push(body.errors);
      if ((ready === 503 || code === 'SERVICE_UNAVAILABLE') && firstDownMs === null) firstDownMs = Date.now() - killedAt;
      if (firstDownMs !== null && ready === 200 && !body.errors) {
        expect(body).toEqual({ data: { organisation: acknowledged } });
        backMs = Date.now() - killedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    console.info(`[neo4j-crash] outage seen after ${firstDownMs} ms; answering again ${backMs} ms after the kill (${seen.unavailable} SERVICE_UNAVAILABLE answers, ${seen.notReady} readiness 503s)`);
    expect(firstDownMs, 'ms until the outage showed').not.toBeNull();
    expect(seen.unavailable + seen.notReady).toBeGreaterThan(0);
    expect(seen.other, 'errors other than SERVICE_UNAVAILABLE during the outage').toEqual([]);
    expect(backMs, 'ms until the same query succeeded again').not.toBeNull();

    // The restart is logged with how the JVM ended and which attempt this is.
    const exitLine = await server!.waitFor(/exited unexpectedly/, 1_000, linesBefore);
    expect(JSON.parse(exitLine)).toMatchObject({ level: 40, component: 'neo4j-supervisor', signal: 'SIGKILL', code: null, pid: killedPid, attempt: 1, delayMs: 1_000 });
    const restartedLine = JSON.parse(await server!.waitFor(/Restarted the embedded Neo4j/, 1_000, linesBefore)) as { attempt: number; pid: number; downMs: number; startMs: number };
    expect(restartedLine).toMatchObject({ attempt: 1 });
    console.info(`[neo4j-crash] the supervisor restarted the JVM in ${restartedLine.startMs} ms (down ${restartedLine.downMs} ms in all)`);
    jvmPids.push(restartedLine.pid);
    expect(restartedLine.pid).not.toBe(killedPid);
    expect(isAlive(restartedLine.pid)).toBe(true);
    expect(isAlive(killedPid)).toBe(false);
    // The server itself never went away.
    expect(server!.child.exitCode).toBeNull();
  });

  it('after: writes are acknowledged again', { timeout: 90_000 }, async () => {
    expect(await post(CREATE, { input: { id: 'crash-org-2', name: 'Skrevet efter nedbruddet', kind: 'OTHER' } }, editor)).toEqual({
      data: { createOrganisation: { organisation: { id: 'crash-org-2' }, problem: null } },
    });
  });
});

describe('with the restart budget spent', () => {
  it('the server gives up and exits with code 1, as without supervision', { timeout: 240_000 }, async () => {
    // NEO4J_EMBEDDED_RESTARTS=0 is a budget spent from the start; the policy's counting is unit-tested.
    unsupervised = spawnServerProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      ...(await ownServerEnv(await freePort(), `${dataDir}-no-restarts`)),
      NEO4J_EMBEDDED_RESTARTS: '0',
    });
    await unsupervised.waitFor(/Innovation graph API ready at/, 170_000);
    const pid = Number(readyLine.exec(await unsupervised.waitFor(readyLine, 1_000))![1]);
    jvmPids.push(pid);
    process.kill(pid, 'SIGKILL');
    const code = await Promise.race([unsupervised.exited, new Promise((r) => setTimeout(() => r('still running after 30 s'), 30_000))]);
    expect(code).toBe(1);
    const fatal = unsupervised.lines.map((l) => (l.startsWith('{') ? (JSON.parse(l) as { level: number; msg: string }) : undefined)).find((l) => l?.level === 60);
    expect(fatal?.msg).toBe(`The embedded Neo4j exited unexpectedly (signal SIGKILL, pid ${pid}).`);
    expect(unsupervised.lines.some((l) => /restarting it in/.test(l))).toBe(false);
  });
});
