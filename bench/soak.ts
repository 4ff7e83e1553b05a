/**
 * Soak test: bounded concurrent mixed load (reads, search, writes) on loopback against the API
 * in-process over an embedded Neo4j of its own, with the database stopped and started again half
 * way through, and the attacks of the hardening review (soak/attacks.ts) mixed in from other
 * addresses; then a consistency check of the graph, every rule of its model included.
 * Exits 0 when the attacks were refused or kept the rules, the normal traffic was unharmed outside
 * the outage, /health/ready stayed ready outside it, and the graph is consistent.
 *
 *   npm run soak -- [--seconds 60] [--concurrency 8] [--attackers 2] [--report soak.json]
 *
 * The normal traffic comes from 32 signed-in readers and one writer (the request count limit is
 * off: they stand for many people behind one address); the attackers are an anonymous client on
 * 127.0.0.2 and a signed-in editor on 127.0.0.3, under the default budgets of cost points.
 * Everything it starts (Neo4j in .data/neo4j-soak, the HTTP server on a free loopback port) it
 * stops again, also on Ctrl+C; the JVM also stops by itself if this process dies.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { issueToken } from '../src/auth/tokens.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { openGraph, type GraphHandle } from '../src/graph/open-graph.js';
import { createApiServer, type ApiServer } from '../src/http/api-server.js';
import { defaultSeedDir, importSeedFiles } from '../src/ingest/seed-loader.js';
import { createLogger } from '../src/logger.js';
import { buildApiSchema } from '../src/modules/schema.js';
import { runAttacks } from './soak/attack-runner.js';
import { checkConsistency } from './soak/consistency.js';
import { HttpFrom } from './soak/http-from.js';
import { startMonitor } from './soak/monitor.js';
import { formatSummary, summarise } from './soak/report.js';
import { Tally } from './soak/tally.js';
import { Workload, type Operation, type SeedFacts } from './soak/workload.js';

const HOST = '127.0.0.1';
const ANONYMOUS_ATTACKER = '127.0.0.2';
const SIGNED_IN_ATTACKER = '127.0.0.3';
const LOAD_BALANCER = '127.0.0.4';
const WRITER = 'soak';
const READERS = 32;
// Answers that end within this long after the API is ready again still count as the outage's.
const OUTAGE_GRACE_MS = 5_000;
const DATA_DIR = path.join(projectRoot, '.data', 'neo4j-soak');
/** A hard ceiling on requests, whatever the duration: about 1000 a second. */
const REQUESTS_PER_SECOND_CEILING = 1_000;

function log(line: string): void {
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function wholeArgument(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${value}`);
  return n;
}

class UsageError extends Error {}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

const inSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, concurrency: { type: 'string' }, attackers: { type: 'string' }, report: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write('Usage: npm run soak -- [--seconds 60] [--concurrency 8] [--attackers 2 (0: none)] [--report <file.json>]\n');
    return 0;
  }
  const seconds = wholeArgument('seconds', values.seconds, 60, 10, 3_600);
  const concurrency = wholeArgument('concurrency', values.concurrency, 8, 1, 64);
  const attackLoops = wholeArgument('attackers', values.attackers, 2, 0, 16);

  let database: GraphHandle | undefined;
  let server: ApiServer | undefined;
  const cleanUp = async () => {
    await server?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    rmSync(DATA_DIR, { recursive: true, force: true });
  };
  const onSignal = () => {
    log('interrupted; stopping everything');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    rmSync(DATA_DIR, { recursive: true, force: true });
    database = await openGraph({
      projectRoot,
      embedded: { boltPort: await freePort(), dataDir: DATA_DIR, heap: '1g', pageCache: '256m' },
      connectTimeoutMs: 60_000,
      queryTimeoutMs: 15_000,
      applySchema: true,
      seed: { when: 'always', load: (graph) => importSeedFiles(graph, [defaultSeedDir(projectRoot)], { reset: true, baseDir: projectRoot }) },
      onProgress: (event) => {
        if (event.step === 'embedded') log(event.message);
      },
    });
    const { graph, embedded, seeded: report } = database;
    log(`seed graph loaded: ${report!.counts.innovations} innovations, ${report!.counts.organisations} organisations (${report!.ms} ms)`);

    const seed: SeedFacts = {
      innovationIds: (await graph.read<{ id: string }>('MATCH (i:Innovation) WHERE NOT coalesce(i.retired, false) RETURN i.id AS id ORDER BY id', {}, { tag: 'soak.seed' })).map((r) => r.id),
      organisationIds: (await graph.read<{ id: string }>('MATCH (o:Organisation) RETURN o.id AS id ORDER BY id', {}, { tag: 'soak.seed' })).map((r) => r.id),
      regionIds: (await graph.read<{ id: string }>('MATCH (r:Region) RETURN r.id AS id ORDER BY id', {}, { tag: 'soak.seed' })).map((r) => r.id),
    };
    const [seeded] = await graph.read<{ n: number }>('MATCH (i:Innovation) RETURN count(i) AS n', {}, { tag: 'soak.seed' });

    const schema = await buildApiSchema();
    const hasRecordAdoption = Boolean(schema.getMutationType()?.getFields().recordAdoption);
    const jwtSecret = randomBytes(32).toString('base64url');
    server = await createApiServer({
      schema,
      graph,
      logger: createLogger('silent'),
      production: true,
      playground: false,
      shutdownGraceMs: 5_000,
      // The limits a deployment has by default, but no count of requests: the normal traffic
      // stands for many people, who would come from many addresses.
      security: { ...loadConfig({}).security, jwtSecret, rateLimitPerMinute: 0 },
    });
    const url = await server.listen(0, HOST);
    if (new URL(url).hostname !== HOST) throw new Error(`the API must listen on ${HOST} only, got ${url}`);
    const expiresIn = `${seconds + 600}s`;
    const token = await issueToken({ subject: WRITER, roles: ['editor'], expiresIn }, jwtSecret);
    const readerTokens = await Promise.all(Array.from({ length: READERS }, (_, i) => issueToken({ subject: `soak-reader-${i}`, roles: ['reader'], expiresIn }, jwtSecret)));
    log(`API on ${url}; ${concurrency} connections for ${seconds} s; writes: createOrganisation, updateOrganisation${hasRecordAdoption ? ', recordAdoption' : ''}; ${attackLoops} attack loops`);

    const runId = randomBytes(3).toString('hex');
    const attackPrefix = `soak-${runId}-attack-`;
    const workload = new Workload(runId, seed, hasRecordAdoption);
    // Each kind of query is compiled by Neo4j on first use; one of each first, so that the load
    // measures a warm server (until the restart, which starts cold again, as in production).
    const warmUpStarted = Date.now();
    await workload.warmUp(async (operation) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
      if (response.status !== 200 || body.errors || !body.data) throw new Error(`warm-up ${operation.name} failed: ${JSON.stringify(body.errors ?? body)}`);
      operation.acknowledge?.(body.data);
    });
    log(`warmed up in ${((Date.now() - warmUpStarted) / 1000).toFixed(1)} s; starting the load`);
    const tally = new Tally();
    const inFlight = new Map<string, { operation: Operation; sentAt: number }>();
    let requestSequence = 0;

    // Half way: the database goes away and comes back on the same store and port.
    const outage = { stoppingAt: 0, stoppedAt: 0, startedAt: 0, readyAt: 0 };
    const started = Date.now();
    const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
    const inOutage = (at: number) => outage.stoppingAt > 0 && at >= outage.stoppingAt && (outage.readyAt === 0 || at <= outage.readyAt + OUTAGE_GRACE_MS);
    const overlapsOutage = (start: number, end: number) => inOutage(start) || inOutage(end) || (start < outage.stoppingAt && outage.stoppingAt < end);
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
      outage.stoppingAt = Date.now();
      log(`t=${elapsed()} s: stopping Neo4j`);
      await embedded!.stop();
      outage.stoppedAt = Date.now();
      log(`t=${elapsed()} s: Neo4j stopped; starting it again on the same store and port`);
      await embedded!.start();
      outage.startedAt = Date.now();
      while (Date.now() - outage.startedAt < 60_000) {
        const ready = await fetch(url.replace(/\/graphql$/, '/health/ready')).then((r) => r.status === 200, () => false);
        if (ready) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      outage.readyAt = Date.now();
      log(`t=${elapsed()} s: API ready again`);
    })();
    // Awaited after the load; this only keeps an early failure from counting as unhandled meanwhile.
    restart.catch(() => undefined);

    const monitor = startMonitor(new HttpFrom(new URL(url), LOAD_BALANCER), inOutage);
    let loadRunning = true;
    const anonymous = new HttpFrom(new URL(url), ANONYMOUS_ATTACKER);
    const signedIn = new HttpFrom(new URL(url), SIGNED_IN_ATTACKER);
    let attackSequence = 0;
    const attacks = runAttacks(
      {
        anonymous,
        signedIn,
        signedInToken: await issueToken({ subject: 'soak-attacker', roles: ['editor', 'admin'], expiresIn }, jwtSecret),
        jwtSecret,
        organisationIds: seed.organisationIds,
        freshId: (what) => `${attackPrefix}${what}-${(attackSequence += 1)}`,
      },
      { loops: attackLoops, running: () => loadRunning, overlapsOutage },
    );

    const result = await autocannon({
      url,
      connections: concurrency,
      pipelining: 1,
      duration: seconds,
      maxOverallRequests: Math.max(concurrency, seconds * REQUESTS_PER_SECOND_CEILING),
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const operation = workload.next();
            const requestId = `soak-${(requestSequence += 1)}`;
            inFlight.set(requestId, { operation, sentAt: Date.now() });
            return {
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json', 'x-request-id': requestId, authorization: `Bearer ${operation.write ? token : readerTokens[requestSequence % READERS]}` },
              body: JSON.stringify({ query: operation.query, variables: operation.variables }),
            };
          },
          onResponse: (status, body, _context, headers) => {
            const requestId = headers?.['x-request-id'];
            const sent = typeof requestId === 'string' ? inFlight.get(requestId) : undefined;
            if (typeof requestId === 'string') inFlight.delete(requestId);
            const now = Date.now();
            tally.record(sent?.operation, status, body, sent && now - sent.sentAt, overlapsOutage(sent?.sentAt ?? now, now));
          },
        },
      ],
    });
    const loadEndedAt = Date.now();
    loadRunning = false;
    log(`t=${elapsed()} s: load finished; waiting for the attack rounds under way`);
    const attackRecords = await attacks;
    anonymous.close();
    signedIn.close();
    await restart;
    const watched = await monitor.stop();
    log(`t=${elapsed()} s: checking the graph`);

    const findings = await checkConsistency(graph, workload, { seedInnovations: seeded!.n, writer: WRITER, attackPrefix });
    const summary = summarise({
      seconds,
      connections: concurrency,
      attackLoops,
      url,
      load: result,
      tally,
      attacks: attackRecords,
      outage:
        `stop began ${inSeconds(outage.stoppingAt - started)} in and took ${inSeconds(outage.stoppedAt - outage.stoppingAt)}; start took ${inSeconds(outage.startedAt - outage.stoppedAt)}; API ready again ${inSeconds(outage.readyAt - outage.startedAt)} later` +
        (outage.readyAt > loadEndedAt ? ` (${inSeconds(outage.readyAt - loadEndedAt)} after the load had ended)` : `, ${inSeconds(loadEndedAt - outage.readyAt)} before the load ended`),
      monitor: watched,
      findings,
    });
    process.stdout.write(formatSummary(summary));
    if (values.report) writeFileSync(values.report, `${JSON.stringify(summary, null, 2)}\n`);
    return summary.failures.length === 0 ? 0 : 1;
  } finally {
    await cleanUp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? '' : 'soak failed: '}${(error as Error).message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
