/**
 * Soak test: bounded concurrent mixed load (reads, search, writes) on loopback against the API
 * in-process over an embedded Neo4j of its own, with the database stopped and started again half
 * way through; then a consistency check of the graph. Exits 0 when the graph is consistent.
 *
 *   npm run soak -- [--seconds 60] [--concurrency 8]
 *
 * Everything it starts (Neo4j in .data/neo4j-soak, the HTTP server on a free loopback port) it
 * stops again, also on Ctrl+C; the JVM also stops by itself if this process dies.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { issueToken } from '../src/auth/tokens.js';
import { projectRoot } from '../src/config.js';
import { createDriver, waitForNeo4j } from '../src/graph/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/graph/embedded-neo4j.js';
import { GraphRunner } from '../src/graph/graph-runner.js';
import { applyGraphSchema } from '../src/graph/schema-setup.js';
import { createApiServer, type ApiServer } from '../src/http/api-server.js';
import { defaultSeedDir, importSeedFiles } from '../src/ingest/seed-loader.js';
import { createLogger } from '../src/logger.js';
import { buildApiSchema } from '../src/modules/schema.js';

const HOST = '127.0.0.1';
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

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

// ---------------------------------------------------------------------------------------------
// The load: each request is one operation, chosen by weight; writes use ids of this run only.

interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly write: boolean;
  /** Called with the parsed body of a 200 answer without errors: records what was acknowledged. */
  readonly acknowledge?: (data: Record<string, unknown>) => void;
}

interface SeedFacts {
  innovationIds: string[];
  organisationIds: string[];
  regionIds: string[];
}

const SEARCH_WORDS = ['videokonsultation', 'affald', 'søvnproblemer', 'kommune', 'borger', 'digital', 'sundhed', 'læring', 'robot', 'ældre'];

class Workload {
  readonly acknowledgedOrganisations = new Set<string>();
  readonly attemptedOrganisations = new Set<string>();
  readonly acknowledgedAdoptions = new Set<string>();
  readonly acknowledgedByAction = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly runId: string,
    private readonly seed: SeedFacts,
    private readonly hasRecordAdoption: boolean,
  ) {}

  private acknowledged(action: string): void {
    this.acknowledgedByAction.set(action, (this.acknowledgedByAction.get(action) ?? 0) + 1);
  }

  next(): Operation {
    const n = (this.sequence += 1);
    const roll = Math.random();
    const soakOrganisations = [...this.acknowledgedOrganisations];
    if (roll < 0.12 || (roll < 0.3 && soakOrganisations.length === 0)) return this.createOrganisation(n);
    if (roll < 0.21) return this.updateOrganisation(n, pick(soakOrganisations));
    if (roll < 0.3) return this.hasRecordAdoption ? this.recordAdoption(pick(soakOrganisations)) : this.updateOrganisation(n, pick(soakOrganisations));
    return this.read(soakOrganisations);
  }

  /** Every kind of operation once, writes first (an update needs a created organisation). */
  async warmUp(send: (operation: Operation) => Promise<void>): Promise<void> {
    await send(this.createOrganisation((this.sequence += 1)));
    const [created] = [...this.acknowledgedOrganisations];
    if (!created) throw new Error('the warm-up createOrganisation was not acknowledged');
    await send(this.updateOrganisation((this.sequence += 1), created));
    if (this.hasRecordAdoption) await send(this.recordAdoption(created));
    for (const read of this.reads([created])) await send(read);
  }

  private createOrganisation(n: number): Operation {
    const id = `soak-${this.runId}-org-${n}`;
    this.attemptedOrganisations.add(id);
    return {
      name: 'createOrganisation',
      write: true,
      query: 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }',
      variables: { input: { id, name: `Soak-organisation ${n}`, kind: 'OTHER', regionId: pick(this.seed.regionIds) } },
      acknowledge: (data) => {
        const payload = data.createOrganisation as { organisation: { id: string } | null; problem: unknown };
        if (payload.organisation?.id === id && payload.problem === null) {
          this.acknowledgedOrganisations.add(id);
          this.acknowledged('createOrganisation');
        }
      },
    };
  }

  private updateOrganisation(n: number, id: string): Operation {
    return {
      name: 'updateOrganisation',
      write: true,
      query: 'mutation ($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { organisation { id name } problem { code message } } }',
      variables: { id, input: { name: `Soak-organisation omdøbt ${n}`, aliases: [`Soak ${n}`] } },
      acknowledge: (data) => {
        const payload = data.updateOrganisation as { problem: unknown };
        if (payload.problem === null) this.acknowledged('updateOrganisation');
      },
    };
  }

  private recordAdoption(organisationId: string): Operation {
    const innovationId = pick(this.seed.innovationIds);
    return {
      name: 'recordAdoption',
      write: true,
      query: 'mutation ($input: RecordAdoptionInput!) { recordAdoption(input: $input) { problem { code message } } }',
      variables: {
        input: {
          innovationId,
          organisationId,
          mode: pick(['COPY', 'ADAPT', 'INSPIRATION']),
          status: 'ADOPTED',
          year: 2024,
          evidence: `Recorded by soak run ${this.runId} to load the write path.`,
          source: 'soak:1',
        },
      },
      acknowledge: (data) => {
        const payload = data.recordAdoption as { problem: unknown };
        if (payload.problem === null) {
          this.acknowledgedAdoptions.add(`${organisationId}|${innovationId}`);
          this.acknowledged('recordAdoption');
        }
      },
    };
  }

  private read(soakOrganisations: string[]): Operation {
    return pick(this.reads(soakOrganisations));
  }

  private reads(soakOrganisations: string[]): Operation[] {
    const innovationId = pick(this.seed.innovationIds);
    const organisationId = soakOrganisations.length > 0 && Math.random() < 0.3 ? pick(soakOrganisations) : pick(this.seed.organisationIds);
    const reads: [string, string, Record<string, unknown>][] = [
      ['innovation', 'query ($id: ID!) { innovation(id: $id) { id title year nominators { name } partners { organisation { name } } contacts { name email } } }', { id: innovationId }],
      ['innovations', 'query ($r: ID!) { innovations(filter: { regionIds: [$r] }, first: 20) { totalCount edges { node { id title nominators { name } } } pageInfo { endCursor } } }', { r: pick(this.seed.regionIds) }],
      ['organisations', '{ organisations(filter: { kinds: [MUNICIPALITY] }, first: 50) { totalCount edges { node { id name region { name } } } } }', {}],
      ['organisation', 'query ($id: ID!) { organisation(id: $id) { id name kind units { id } nominated(first: 5) { totalCount edges { node { id } } } } }', { id: organisationId }],
      ['search', 'query ($t: String!) { search(text: $t, first: 20) { edges { score node { __typename ... on Innovation { id } ... on Organisation { id } ... on Person { id } } } } }', { t: pick(SEARCH_WORDS) }],
      ['whoToCall', 'query ($id: ID!) { whoToCall(innovationId: $id, first: 5) { score reason person { name } } }', { id: innovationId }],
      ['similarInnovations', 'query ($id: ID!) { similarInnovations(innovationId: $id, first: 5) { score innovation { id } } }', { id: innovationId }],
      ['spread', 'query ($id: ID!) { spread(innovationId: $id) { reach depth structuralVirality events { mode to { name } } } }', { id: innovationId }],
      ['partnerNetwork', 'query ($id: ID!) { partnerNetwork(organisationId: $id, depth: 2, first: 50) { truncated nodes { id } edges { source target weight } } }', { id: organisationId }],
      ['path', 'query ($a: ID!, $b: ID!) { path(fromOrganisationId: $a, toOrganisationId: $b) { length } }', { a: pick(this.seed.organisationIds), b: pick(this.seed.organisationIds) }],
      ['graphStatistics', '{ graphStatistics { innovations organisations people } }', {}],
    ];
    return reads.map(([name, query, variables]) => ({ name, query, variables, write: false }));
  }
}

// ---------------------------------------------------------------------------------------------
// What came back.

class Tally {
  readonly byStatus = new Map<string, number>();
  readonly errorsByCode = new Map<string, number>();
  readonly operations = new Map<string, { ok: number; failed: number }>();
  unparsable = 0;

  record(operation: Operation | undefined, status: number, body: string): void {
    this.count(this.byStatus, String(status));
    let parsed: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      this.unparsable += 1;
      return;
    }
    for (const error of parsed.errors ?? []) this.count(this.errorsByCode, error.extensions?.code ?? '(no code)');
    if (!operation) return;
    const entry = this.operations.get(operation.name) ?? { ok: 0, failed: 0 };
    const ok = status === 200 && !parsed.errors && parsed.data;
    if (ok) {
      entry.ok += 1;
      operation.acknowledge?.(parsed.data!);
    } else {
      entry.failed += 1;
    }
    this.operations.set(operation.name, entry);
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// The consistency of the graph afterwards.

interface Finding {
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

async function checkConsistency(graph: GraphRunner, workload: Workload, seedInnovations: number): Promise<Finding[]> {
  const findings: Finding[] = [];
  const tag = { tag: 'soak.check', timeoutMs: 60_000 };

  const acknowledged = [...workload.acknowledgedOrganisations];
  const created = await graph.read<{ id: string; n: number }>('UNWIND $ids AS id OPTIONAL MATCH (o:Organisation {id: id}) RETURN id, count(o) AS n', { ids: acknowledged }, tag);
  const missing = created.filter((r) => r.n === 0).map((r) => r.id);
  const doubled = created.filter((r) => r.n > 1).map((r) => r.id);
  findings.push({
    check: 'every acknowledged createOrganisation exists exactly once',
    ok: missing.length === 0 && doubled.length === 0 && created.length === acknowledged.length,
    detail: `${acknowledged.length} acknowledged, ${missing.length} missing${missing.length ? ` (${missing.slice(0, 5).join(', ')})` : ''}, ${doubled.length} more than once`,
  });

  const unacknowledged = [...workload.attemptedOrganisations].filter((id) => !workload.acknowledgedOrganisations.has(id));
  const [unknownOutcome] = await graph.read<{ present: number; doubled: number }>(
    'UNWIND $ids AS id OPTIONAL MATCH (o:Organisation {id: id}) WITH id, count(o) AS n RETURN sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) AS present, sum(CASE WHEN n > 1 THEN 1 ELSE 0 END) AS doubled',
    { ids: unacknowledged },
    tag,
  );
  findings.push({
    check: 'creates that were not acknowledged exist at most once',
    ok: (unknownOutcome?.doubled ?? 0) === 0,
    detail: `${unacknowledged.length} not acknowledged (failed or cut off), of which ${unknownOutcome?.present ?? 0} were committed anyway`,
  });

  const pairs = [...workload.acknowledgedAdoptions].map((key) => key.split('|'));
  if (pairs.length > 0) {
    const adoptions = await graph.read<{ pair: string[]; n: number }>(
      'UNWIND $pairs AS pair OPTIONAL MATCH (:Organisation {id: pair[0]})-[a:ADOPTED]->(:Innovation {id: pair[1]}) RETURN pair, count(a) AS n',
      { pairs },
      tag,
    );
    const wrong = adoptions.filter((r) => r.n !== 1).length;
    findings.push({ check: 'every acknowledged adoption exists exactly once', ok: wrong === 0, detail: `${pairs.length} organisation-innovation pairs, ${wrong} not exactly once` });
  }
  const [doubledAdoptions] = await graph.read<{ n: number }>(
    'MATCH (o:Organisation)-[a:ADOPTED]->(i:Innovation) WHERE o.id STARTS WITH $prefix WITH o, i, count(a) AS n WHERE n > 1 RETURN count(*) AS n',
    { prefix: 'soak-' },
    tag,
  );
  findings.push({ check: 'no organisation of this run adopted one innovation twice', ok: doubledAdoptions?.n === 0, detail: `${doubledAdoptions?.n ?? '?'} pairs with more than one ADOPTED` });

  const duplicates = await graph.read<{ label: string; id: string; n: number }>(
    'MATCH (n) WHERE n.id IS NOT NULL UNWIND labels(n) AS label WITH label, n.id AS id, count(*) AS n WHERE n > 1 RETURN label, id, n ORDER BY label, id LIMIT 10',
    {},
    tag,
  );
  findings.push({
    check: 'no id is used twice within a label',
    ok: duplicates.length === 0,
    detail: duplicates.length === 0 ? 'none' : duplicates.map((d) => `${d.label} ${d.id} x${d.n}`).join(', '),
  });

  const [orphans] = await graph.read<{ n: number; total: number }>(
    'MATCH (c:Change) RETURN count(c) AS total, count(CASE WHEN NOT EXISTS { (c)-[:CHANGED]->() } THEN 1 END) AS n',
    {},
    tag,
  );
  findings.push({ check: 'every Change node is linked to an entity', ok: orphans?.n === 0, detail: `${orphans?.total ?? 0} Change nodes, ${orphans?.n ?? '?'} unlinked` });

  const changes = await graph.read<{ action: string; n: number }>('MATCH (c:Change) WHERE c.actor = $actor RETURN c.action AS action, count(c) AS n', { actor: SOAK_SUBJECT }, tag);
  const short = [...workload.acknowledgedByAction].filter(([action, n]) => (changes.find((c) => c.action === action)?.n ?? 0) < n);
  findings.push({
    check: 'every acknowledged write left its Change node',
    ok: short.length === 0,
    detail: [...workload.acknowledgedByAction].map(([action, n]) => `${action} ${n} acknowledged / ${changes.find((c) => c.action === action)?.n ?? 0} recorded`).join(', '),
  });

  const [innovations] = await graph.read<{ n: number }>('MATCH (i:Innovation) RETURN count(i) AS n', {}, tag);
  findings.push({ check: 'the seed innovations are all there, and no more', ok: innovations?.n === seedInnovations, detail: `${innovations?.n ?? '?'} innovations, ${seedInnovations} after seeding` });
  return findings;
}

const SOAK_SUBJECT = 'soak';

// ---------------------------------------------------------------------------------------------

const inSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function percent(part: number, whole: number): string {
  return whole === 0 ? '0 %' : `${((100 * part) / whole).toFixed(1)} %`;
}

function table(map: Map<string, number>): string {
  if (map.size === 0) return '  (none)';
  return [...map].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => `  ${key.padEnd(24)} ${String(n).padStart(8)}`).join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' }, concurrency: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write('Usage: npm run soak -- [--seconds 60] [--concurrency 8]\n');
    return 0;
  }
  const seconds = wholeArgument('seconds', values.seconds, 60, 10, 3_600);
  const concurrency = wholeArgument('concurrency', values.concurrency, 8, 1, 64);

  let embedded: EmbeddedNeo4j | undefined;
  let server: ApiServer | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  const cleanUp = async () => {
    await server?.stop().catch(() => undefined);
    await driver?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
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
    const boltPort = await freePort();
    const startDatabase = () => startEmbeddedNeo4j({ projectRoot, boltPort, dataDir: DATA_DIR, heap: '1g', pageCache: '256m', onProgress: (line) => log(line) });
    embedded = await startDatabase();
    driver = createDriver({ uri: embedded.uri, user: 'neo4j', password: undefined });
    await waitForNeo4j(driver, embedded.uri, 60_000);
    const graph = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 15_000 });
    await applyGraphSchema(graph, projectRoot);
    const report = await importSeedFiles(graph, [defaultSeedDir(projectRoot)], { reset: true, baseDir: projectRoot });
    log(`seed graph loaded: ${report.counts.innovations} innovations, ${report.counts.organisations} organisations (${report.ms} ms)`);

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
      security: { jwtSecret, contactsRequireAuth: false, rateLimitPerMinute: 0, maxQueryDepth: 12, maxQueryComplexity: 25_000 },
    });
    const url = await server.listen(0, HOST);
    if (new URL(url).hostname !== HOST) throw new Error(`the API must listen on ${HOST} only, got ${url}`);
    const token = await issueToken({ subject: SOAK_SUBJECT, roles: ['editor'], expiresIn: `${seconds + 600}s` }, jwtSecret);
    log(`API on ${url}; ${concurrency} connections for ${seconds} s; writes: createOrganisation, updateOrganisation${hasRecordAdoption ? ', recordAdoption' : ''}`);

    const workload = new Workload(randomBytes(3).toString('hex'), seed, hasRecordAdoption);
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
    const inFlight = new Map<string, Operation>();
    let requestSequence = 0;

    // Half way: the database goes away and comes back on the same store and port.
    const outage = { stoppingAt: 0, stoppedAt: 0, startedAt: 0, readyAt: 0 };
    const started = Date.now();
    const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / 2));
      outage.stoppingAt = Date.now();
      log(`t=${elapsed()} s: stopping Neo4j`);
      await embedded!.stop();
      outage.stoppedAt = Date.now();
      log(`t=${elapsed()} s: Neo4j stopped; starting it again on the same store and port`);
      embedded = await startDatabase();
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
            inFlight.set(requestId, operation);
            return {
              ...request,
              method: 'POST',
              path: '/graphql',
              headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...(operation.write ? { authorization: `Bearer ${token}` } : {}) },
              body: JSON.stringify({ query: operation.query, variables: operation.variables }),
            };
          },
          onResponse: (status, body, _context, headers) => {
            const requestId = headers?.['x-request-id'];
            const operation = typeof requestId === 'string' ? inFlight.get(requestId) : undefined;
            if (typeof requestId === 'string') inFlight.delete(requestId);
            tally.record(operation, status, body);
          },
        },
      ],
    });
    const loadEndedAt = Date.now();
    log(`t=${elapsed()} s: load finished`);
    await restart;
    log(`t=${elapsed()} s: checking the graph`);

    const findings = await checkConsistency(graph, workload, seeded!.n);
    const served = [...tally.byStatus.values()].reduce((a, b) => a + b, 0);
    const lines = [
      '',
      `Soak: ${seconds} s, ${concurrency} connections, on ${url} (Neo4j restarted half way)`,
      '',
      `requests served         ${served} (${(served / result.duration).toFixed(0)}/s); autocannon: ${result.requests.total} responses, ${result.errors} connection errors, ${result.timeouts} timeouts`,
      `latency                 p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `database outage         stop began ${inSeconds(outage.stoppingAt - started)} in and took ${inSeconds(outage.stoppedAt - outage.stoppingAt)}; start took ${inSeconds(outage.startedAt - outage.stoppedAt)}; API ready again ${inSeconds(outage.readyAt - outage.startedAt)} later` +
        (outage.readyAt > loadEndedAt ? ` (${inSeconds(outage.readyAt - loadEndedAt)} after the load had ended)` : `, ${inSeconds(loadEndedAt - outage.readyAt)} before the load ended`),
      '',
      'responses by HTTP status',
      table(tally.byStatus),
      '',
      `GraphQL errors by code${tally.unparsable ? ` (${tally.unparsable} bodies were not JSON)` : ''}`,
      table(tally.errorsByCode),
      '',
      'operations (ok / failed)',
      ...[...tally.operations]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, { ok, failed }]) => `  ${name.padEnd(24)} ${String(ok).padStart(8)} / ${String(failed).padStart(5)}  (${percent(failed, ok + failed)} failed)`),
      '',
      'consistency',
      ...findings.map((f) => `  ${f.ok ? 'ok  ' : 'FAIL'} ${f.check}: ${f.detail}`),
      '',
    ];
    process.stdout.write(lines.join('\n'));
    const consistent = findings.every((f) => f.ok);
    process.stdout.write(consistent ? 'The graph is consistent.\n' : 'The graph is NOT consistent.\n');
    return consistent ? 0 : 1;
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
