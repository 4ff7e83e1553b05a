import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config.js';
import { openGraph } from '../src/graph/open-graph.js';
import { createApiServer } from '../src/http/api-server.js';
import { createLogger } from '../src/logger.js';
import { buildApiSchema } from '../src/modules/schema.js';
import { freePort } from '../test/support/free-port.js';
import type { Driver } from 'neo4j-driver';
import { toCypherParams } from '../src/graph/graph-runner.js';
import { buildOperations, OPERATION_NAMES } from './operations.js';
import { chooseProbes } from './probes.js';

/**
 * Where one request of our API spends its time: runs each operation against an in-process API
 * over an already loaded bench store and lists the Cypher queries it ran (loader or resolver tag,
 * milliseconds), then the Neo4j PROFILE of the slowest one with --profile.
 * `npx tsx bench/trace.ts --scale M [--ops innovationsPage] [--repeat 5] [--profile]`
 */
// As in the bench's servers (see servers/child.ts): tsx's source maps would cost every query several ms.
process.setSourceMapsEnabled(false);

const { values } = parseArgs({ options: { scale: { type: 'string' }, ops: { type: 'string' }, repeat: { type: 'string' }, profile: { type: 'boolean' } } });
const scale = (values.scale ?? 'S').toUpperCase();
const ops = values.ops ? values.ops.split(',') : [...OPERATION_NAMES];
const repeat = Number(values.repeat ?? 3);

const big = scale === 'M' || scale === 'L';
const database = await openGraph({
  projectRoot,
  embedded: {
    boltPort: await freePort(),
    dataDir: path.join(projectRoot, '.data', `neo4j-bench-${scale}`),
    heap: big ? '4g' : '1g',
    pageCache: big ? '4g' : '512m',
  },
  connectTimeoutMs: 60_000,
  queryTimeoutMs: 120_000,
  onProgress: (event) => process.stderr.write(`${event.message}\n`),
});
const { driver, graph } = database;
try {
  const probes = await chooseProbes(graph, scale !== 'S');
  const server = await createApiServer({
    schema: await buildApiSchema(),
    graph,
    logger: createLogger('silent'),
    production: true,
    playground: false,
    shutdownGraceMs: 1_000,
    security: { jwtSecret: 'bench-secret-bench-secret-bench-secret', contactsRequireAuth: false, rateLimitPerMinute: 0, maxQueryDepth: 12, maxQueryComplexity: 1_000_000 },
  });
  const url = await server.listen(await freePort(), '127.0.0.1');
  const queries: { tag: string; ms: number }[] = [];
  graph.onQuery((event) => queries.push({ tag: event.tag, ms: event.ms }));
  // The text and parameters of each query, for PROFILE.
  const texts = new Map<string, { cypher: string; params: Record<string, unknown> }>();
  const read = graph.read.bind(graph);
  graph.read = ((cypher: string, params: Record<string, unknown>, options: { tag: string }) => {
    texts.set(options.tag, { cypher, params });
    return read(cypher, params, options);
  }) as typeof graph.read;
  for (const operation of buildOperations(probes).filter((op) => ops.includes(op.name))) {
    for (let i = 0; i < repeat; i += 1) {
      queries.length = 0;
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: operation.ours.body });
      const text = await response.text();
      if (text.includes('"errors"')) process.stdout.write(`  errors: ${text.slice(0, 300)}\n`);
      const total = performance.now() - started;
      const inDb = queries.reduce((sum, q) => sum + q.ms, 0);
      process.stdout.write(
        `${operation.name} #${i + 1}: ${total.toFixed(1)} ms, ${text.length} B, ${queries.length} queries (${inDb.toFixed(1)} ms summed): ` +
          `${queries.map((q) => `${q.tag} ${q.ms.toFixed(1)}`).join(', ')}\n`,
      );
    }
    if (values.profile) {
      for (const tag of new Set(queries.map((q) => q.tag))) {
        await profile(driver, tag, texts.get(tag)!).catch((error: unknown) => process.stdout.write(`  PROFILE ${tag} failed: ${(error as Error).message}\n`));
      }
      texts.clear();
    }
  }
  await server.stop();
} finally {
  await database.close();
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** Neo4j's PROFILE of one query: its db hits, time and the operators that cost most. */
async function profile(driver: Driver, tag: string, query: { cypher: string; params: Record<string, unknown> }): Promise<void> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
  try {
    const result = await session.run(`PROFILE ${query.cypher}`, toCypherParams(query.params));
    const plan = result.summary.profile as unknown as PlanNode;
    const operators: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      operators.push(node);
      node.children.forEach(walk);
    };
    walk(plan);
    const total = operators.reduce((sum, op) => sum + op.dbHits, 0);
    const top = [...operators].sort((a, b) => b.dbHits - a.dbHits).slice(0, 4);
    const ms = Number(result.summary.resultAvailableAfter) + Number(result.summary.resultConsumedAfter);
    process.stdout.write(
      `  PROFILE ${tag}: ${total} db hits, ${ms} ms, ${result.records.length} rows; top: ` +
        `${top.map((op) => `${op.operatorType} ${op.dbHits} (${String(op.arguments.Details ?? '').slice(0, 80)})`).join('; ')}\n`,
    );
  } finally {
    await session.close();
  }
}
