import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { projectRoot } from '../src/config.js';
import type { GraphRunner } from '../src/graph/graph-runner.js';
import { openGraph } from '../src/graph/open-graph.js';
import { clearGraph } from '../src/graph/seed-writer.cypher.js';
import { defaultSeedDir, importSeedFiles } from '../src/ingest/seed-loader.js';
import { freePort } from '../test/support/free-port.js';
import { assertNoRealInnovations, loadSynthetic } from './generate/load-synthetic.js';
import { GENERATOR_VERSION, SYNTHETIC_SCALES } from './generate/synthetic.js';
import { checkOnce, measure, warmUp, type LoadFigures } from './load.js';
import { buildOperations, OPERATION_NAMES, type Operation, type OperationName, type Probes } from './operations.js';
import { chooseProbes } from './probes.js';

const USAGE = `Usage: npm run bench -- [--scale S|M|L|XS] [--quick] [--concurrency 1,4,16] [--duration SEC] [--warmup SEC]
                        [--ops NAME,...] [--servers ours,oursUncached,neo4jGraphql,rawCypher] [--reload] [--load-only] [--merge] [--cpu-prof]

Loads the scale into its own embedded Neo4j store (.data/neo4j-bench-<scale>, kept between runs),
then measures each operation against our API, @neo4j/graphql and raw Cypher, one server at a
time, and writes a table to stdout and bench/results/latest.json.
  --scale      S: the real seed graph; M: 10k organisations, 50k innovations; L: 100k / 500k; XS: a tiny synthetic graph
  --quick      scale S, concurrency 16, 2 s per measurement, no warm-up beyond the check (about 2 minutes)
  --reload     empty the bench store and load the scale again
  --load-only  load the scale (unless the store holds it already) and stop
  --merge      keep the scale's last results for the operations not measured now
  --cpu-prof   write a V8 CPU profile of our API to bench/results/profiles/
Operations: ${OPERATION_NAMES.join(', ')}`;

/** The servers compared: the script each runs, extra environment, and whose requests it answers. */
const SERVERS = {
  ours: { script: 'bench/servers/api-server.ts', env: {}, requests: 'ours' },
  oursUncached: { script: 'bench/servers/api-server.ts', env: { BENCH_RESPONSE_CACHE: 'off' }, requests: 'ours' },
  neo4jGraphql: { script: 'bench/servers/neo4j-graphql-server.ts', env: {}, requests: 'neo4jGraphql' },
  rawCypher: { script: 'bench/servers/raw-cypher-server.ts', env: {}, requests: 'rawCypher' },
} as const;
type ServerName = keyof typeof SERVERS;
const SERVER_NAMES = Object.keys(SERVERS) as ServerName[];
const requestOf = (operation: Operation, server: ServerName) => operation[SERVERS[server].requests];

type Scale = 'S' | 'M' | 'L' | 'XS';

interface Options {
  scale: Scale;
  quick: boolean;
  concurrency: number[];
  durationSec: number;
  warmupSec: number;
  ops: string[];
  servers: ServerName[];
  reload: boolean;
  loadOnly: boolean;
  merge: boolean;
  cpuProf: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      quick: { type: 'boolean' },
      concurrency: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      ops: { type: 'string' },
      servers: { type: 'string' },
      reload: { type: 'boolean' },
      'load-only': { type: 'boolean' },
      merge: { type: 'boolean' },
      'cpu-prof': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const scale = (values.scale ?? (quick ? 'S' : 'M')).toUpperCase();
  if (!['S', 'M', 'L', 'XS'].includes(scale)) throw new UsageError(`--scale must be one of S, M, L, XS, got "${values.scale}"`);
  if (quick && scale !== 'S') throw new UsageError(`--quick runs scale S only, got --scale ${scale}`);
  const list = (text: string | undefined, fallback: string[]) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : fallback);
  const concurrency = list(values.concurrency, quick ? ['16'] : ['1', '4', '16']).map(Number);
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1 || c > 1024)) throw new UsageError(`--concurrency must be whole numbers from 1 to 1024, got "${values.concurrency}"`);
  const ops = list(values.ops, [...OPERATION_NAMES]);
  const unknownOp = ops.find((o) => !(OPERATION_NAMES as readonly string[]).includes(o));
  if (unknownOp) throw new UsageError(`--ops must name operations among ${OPERATION_NAMES.join(', ')}, got "${unknownOp}"`);
  const servers = list(values.servers, SERVER_NAMES) as ServerName[];
  const unknownServer = servers.find((s) => !SERVER_NAMES.includes(s));
  if (unknownServer) throw new UsageError(`--servers must name servers among ${SERVER_NAMES.join(', ')}, got "${unknownServer}"`);
  const seconds = (text: string | undefined, fallback: number, name: string) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n < 0 || n > 600) throw new UsageError(`--${name} must be a number of seconds from 0 to 600, got "${text}"`);
    return n;
  };
  return {
    scale: scale as Scale,
    quick,
    concurrency,
    durationSec: seconds(values.duration, quick ? 2 : 10, 'duration'),
    warmupSec: seconds(values.warmup, quick ? 0 : 3, 'warmup'),
    ops,
    servers,
    reload: values.reload ?? false,
    loadOnly: values['load-only'] ?? false,
    merge: values.merge ?? false,
    cpuProf: values['cpu-prof'] ?? false,
  };
}

class UsageError extends Error {}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** APOC for @neo4j/graphql, fetched from Maven Central once (bench/apoc/pom.xml). */
function ensureApoc(): string {
  const dir = path.join(projectRoot, '.data', 'plugins');
  if (existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('apoc-core-'))) return dir;
  log('Fetching the APOC core plugin with Maven (bench only)...');
  const result = spawnSync(process.env.MAVEN_CMD ?? 'mvn', ['-B', '-q', '-f', path.join(projectRoot, 'bench', 'apoc', 'pom.xml'), 'package'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Maven could not fetch APOC (exit ${result.status}); see its output above.`);
  return dir;
}

interface Dataset {
  scale: string;
  generatorVersion: number;
  seed: number | null;
  rows: number;
  loadMs: number;
}

async function readDataset(graph: GraphRunner): Promise<Dataset | null> {
  const [row] = await graph.read<{ d: Dataset }>('MATCH (d:BenchDataset) RETURN d {.*} AS d LIMIT 1', {}, { tag: 'bench.dataset' });
  return row?.d ?? null;
}

/** Loads the scale unless the store already holds exactly it; returns what is loaded. */
async function ensureDataset(graph: GraphRunner, scale: Scale, reload: boolean): Promise<Dataset & { loadedNow: boolean }> {
  const spec = scale === 'S' ? null : SYNTHETIC_SCALES[scale];
  if (spec) await assertNoRealInnovations(graph);
  const existing = await readDataset(graph);
  const wanted = { scale, generatorVersion: spec ? GENERATOR_VERSION : 0, seed: spec?.seed ?? null };
  if (!reload && existing && existing.scale === wanted.scale && existing.generatorVersion === wanted.generatorVersion && (existing.seed ?? null) === wanted.seed) {
    log(`The store already holds scale ${scale} (${existing.rows} rows, loaded in ${(existing.loadMs / 1000).toFixed(1)} s).`);
    return { ...existing, loadedNow: false };
  }
  log(`Emptying the bench store and loading scale ${scale}...`);
  await clearGraph(graph);
  const started = Date.now();
  let rows: number;
  if (spec) {
    rows = (await loadSynthetic(graph, spec)).rows;
  } else {
    rows = (await importSeedFiles(graph, [defaultSeedDir(projectRoot)], { baseDir: projectRoot })).rows;
  }
  await graph.write('CALL db.awaitIndexes(1800)', {}, { tag: 'bench.await-indexes', timeoutMs: 1_900_000 });
  const loadMs = Date.now() - started;
  const dataset = { ...wanted, rows, loadMs };
  await graph.write('CREATE (d:BenchDataset) SET d = $d', { d: dataset }, { tag: 'bench.dataset' });
  log(`Loaded scale ${scale}: ${rows} rows in ${(loadMs / 1000).toFixed(1)} s.`);
  return { ...dataset, loadedNow: true };
}

interface RunningServer {
  readonly name: ServerName;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

async function startServer(name: ServerName, neo4jUri: string, probes: Probes, cpuProfDir: string | null): Promise<RunningServer> {
  const port = await freePort();
  const args = ['--import', 'tsx', ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), path.join(projectRoot, SERVERS[name].script)];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...SERVERS[name].env, NODE_ENV: 'production', BENCH_NEO4J_URI: neo4jUri, BENCH_PORT: String(port), BENCH_PROBES: JSON.stringify(probes) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > 40) stderr.shift();
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve(line.slice(6).trim().replace(/\/graphql$/, ''));
    });
    void exited.then((code) => reject(new Error(`the ${name} server exited (code ${code}) before it was ready:\n${stderr.join('\n')}`)));
  });
  return {
    name,
    url,
    pid: child.pid!,
    async stop() {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Figures, or why the server could not answer the operation at all. */
type ServerResult = LoadFigures | { error: string };

interface OperationResult {
  name: string;
  concurrency: number;
  ours?: ServerResult;
  oursUncached?: ServerResult;
  neo4jGraphql?: ServerResult;
  rawCypher?: ServerResult;
}

const figuresOf = (result: ServerResult | undefined): LoadFigures | undefined => (result && !('error' in result) ? result : undefined);

async function main(): Promise<void> {
  const options = parseOptions();
  if (spawnSync('pgrep', ['-f', 'vitest']).status === 0) log('Note: a vitest run is going on on this machine; figures will be lower and noisier.');
  const pluginsDir = ensureApoc();
  const big = options.scale === 'M' || options.scale === 'L';
  const database = await openGraph({
    projectRoot,
    embedded: {
      boltPort: await freePort(),
      dataDir: path.join(projectRoot, '.data', `neo4j-bench-${options.scale}`),
      heap: big ? '4g' : '1g',
      pageCache: big ? '4g' : '512m',
      pluginsDir,
    },
    connectTimeoutMs: 60_000,
    queryTimeoutMs: 600_000,
    applySchema: true,
    onProgress: (event) => {
      if (event.step === 'embedded') log(event.message);
    },
  });
  const { graph } = database;
  const neo4jPid = database.embedded!.pid()!;
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    for (const server of servers.splice(0)) await server.stop().catch(() => undefined);
    await database.close();
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  try {
    const dataset = await ensureDataset(graph, options.scale, options.reload);
    const [counts] = await graph.read<{ nodes: number; relationships: number }>(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      {},
      { tag: 'bench.counts' },
    );
    log(`Graph: ${counts?.nodes} nodes, ${counts?.relationships} relationships.`);
    if (options.loadOnly) return;
    const probes = await chooseProbes(graph, options.scale !== 'S');
    log(`Probes: ${JSON.stringify(probes)}`);
    const operations = buildOperations(probes).filter((op) => options.ops.includes(op.name));

    const profileDir = options.cpuProf ? path.join(projectRoot, 'bench', 'results', 'profiles') : null;
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    servers.push(...(await Promise.all(options.servers.map((name) => startServer(name, database.uri, probes, name.startsWith('ours') ? profileDir : null)))));
    log(`Servers up: ${servers.map((s) => `${s.name} ${s.url} (pid ${s.pid})`).join(', ')}`);

    const { failures, slowest } = await checkAnswers(servers, operations);
    // Every server gets every operation before anything is measured, so that the first
    // operation measured does not pay for the JIT warming up (in Node and in Neo4j) for all.
    // --quick leaves it to the two answers of the check, to stay under three minutes.
    const warmUpSec = Math.max(2, options.warmupSec);
    if (!options.quick) log(`Warming up (${warmUpSec} s per operation and server)...`);
    for (const operation of options.quick ? [] : operations) {
      for (const server of servers) {
        if (failures.has(`${operation.name}/${server.name}`)) continue;
        await warmUp(server.url, requestOf(operation, server.name), warmUpSec, (slowest.get(`${operation.name}/${server.name}`) ?? 0) > 1_000, neo4jPid);
      }
    }
    const results: OperationResult[] = [];
    for (const operation of operations) {
      for (const concurrency of options.concurrency) {
        const result: OperationResult = { name: operation.name, concurrency };
        // One server at a time, so that none competes with another for the two cores.
        for (const server of servers) {
          const failure = failures.get(`${operation.name}/${server.name}`);
          if (failure) {
            result[server.name] = { error: failure };
            continue;
          }
          // Where a request under this load (its single answer's time, times the clients sharing
          // the cores) would take a good part of the window, few would finish inside it and those
          // in flight at its end would not count: such a server gets a fixed number of requests.
          const answerMs = slowest.get(`${operation.name}/${server.name}`) ?? 0;
          const heavy = answerMs > 1_000 || (answerMs * concurrency) / os.cpus().length > (options.durationSec * 1000) / 4;
          const settings = { connections: concurrency, durationSec: options.durationSec, warmupSec: options.warmupSec, ...(heavy ? { amount: Math.max(4, concurrency * 2) } : {}) };
          const figures = await measure(server.url, requestOf(operation, server.name), settings, server.pid, neo4jPid);
          result[server.name] = figures;
          log(
            `  ${operation.name} c=${concurrency} ${server.name}: ${figures.rps} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.errors} errors, ` +
              `RSS ${figures.rssMb} MiB, CPU per request: server ${figures.serverCpuMs} ms, Neo4j ${figures.dbCpuMs} ms`,
          );
        }
        results.push(result);
      }
    }
    await stopAll();

    // --merge: the operations measured now replace theirs in the scale's last report, the rest stay.
    const dir = path.join(projectRoot, 'bench', 'results');
    const scaleFile = path.join(dir, `${options.scale}${options.quick ? '-quick' : ''}.json`);
    const measured = new Set(results.map((r) => `${r.name}/${r.concurrency}`));
    const kept = options.merge && existsSync(scaleFile) ? (JSON.parse(readFileSync(scaleFile, 'utf8')) as { operations: OperationResult[] }).operations.filter((r) => !measured.has(`${r.name}/${r.concurrency}`)) : [];
    const reported = [...kept, ...results].sort((a, b) => OPERATION_NAMES.indexOf(a.name as OperationName) - OPERATION_NAMES.indexOf(b.name as OperationName) || a.concurrency - b.concurrency);
    const report = {
      scale: options.scale,
      quick: options.quick,
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      graph: { nodes: counts?.nodes ?? 0, relationships: counts?.relationships ?? 0, rows: dataset.rows, loadSeconds: Math.round(dataset.loadMs / 100) / 10 },
      settings: { durationSec: options.durationSec, warmupSec: options.warmupSec, concurrency: options.concurrency },
      probes,
      ...(kept.length ? { merged: `${results.map((r) => `${r.name}/${r.concurrency}`).join(', ')} measured at ${new Date().toISOString()}, the rest earlier` } : {}),
      operations: reported,
    };
    mkdirSync(dir, { recursive: true });
    const json = `${JSON.stringify(report, null, 2)}\n`;
    writeFileSync(path.join(dir, 'latest.json'), json);
    writeFileSync(scaleFile, json);
    process.stdout.write(formatTable(report.scale, reported));
  } finally {
    await stopAll();
  }
}

/**
 * One request per operation and server before any load: an answer with errors is recorded as that
 * server's result for the operation (a finding in itself), and the operation is not loaded there.
 */
async function checkAnswers(servers: RunningServer[], operations: Operation[]): Promise<{ failures: Map<string, string>; slowest: Map<string, number> }> {
  const failures = new Map<string, string>();
  const slowest = new Map<string, number>();
  for (const operation of operations) {
    const parts: string[] = [];
    for (const server of servers) {
      try {
        // The second answer counts: the first pays for query planning and cold caches.
        await checkOnce(server.url, requestOf(operation, server.name));
        const { ms, bytes } = await checkOnce(server.url, requestOf(operation, server.name));
        slowest.set(`${operation.name}/${server.name}`, ms);
        parts.push(`${server.name} ${Math.round(ms)} ms ${bytes} B`);
      } catch (error) {
        const message = (error as Error).message;
        failures.set(`${operation.name}/${server.name}`, message);
        parts.push(`${server.name} FAILED: ${message.slice(0, 300)}`);
      }
    }
    log(`  check ${operation.name}: ${parts.join(', ')}`);
  }
  return { failures, slowest };
}

const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? `${(a / b).toFixed(2)}x` : '-');

const COLUMNS: { server: ServerName; title: string }[] = [
  { server: 'ours', title: 'ours' },
  { server: 'oursUncached', title: 'ours, cache off' },
  { server: 'neo4jGraphql', title: '@neo4j/graphql' },
  { server: 'rawCypher', title: 'raw Cypher' },
];

function renderTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i < 1 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line), ''];
}

export function formatTable(scale: string, results: OperationResult[]): string {
  const present = COLUMNS.filter((c) => results.some((r) => r[c.server] !== undefined));
  const cell = (result: ServerResult | undefined) => {
    const f = figuresOf(result);
    return f ? `${f.rps} · ${f.p50} · ${f.p99}` : result ? 'fails' : '-';
  };
  const ratioColumns = (['ours', 'oursUncached'] as const)
    .filter((mine) => present.some((c) => c.server === mine))
    .flatMap((mine) => [
      { title: `${mine === 'ours' ? 'ours' : 'off'} / lib`, value: (r: OperationResult) => ratio(figuresOf(r[mine])?.rps, figuresOf(r.neo4jGraphql)?.rps) },
      { title: `${mine === 'ours' ? 'ours' : 'off'} / raw`, value: (r: OperationResult) => ratio(figuresOf(r[mine])?.rps, figuresOf(r.rawCypher)?.rps) },
    ]);
  const header = ['operation', 'conc', ...present.map((c) => `${c.title} rps · p50 · p99`), 'RSS', ...ratioColumns.map((c) => c.title)];
  const rows = results.map((r) => [
    r.name,
    String(r.concurrency),
    ...present.map((c) => cell(r[c.server])),
    `${Math.max(figuresOf(r.ours)?.rssMb ?? 0, figuresOf(r.oursUncached)?.rssMb ?? 0)}M`,
    ...ratioColumns.map((c) => c.value(r)),
  ]);
  const cpuCell = (result: ServerResult | undefined) => {
    const f = figuresOf(result);
    return f ? `${f.serverCpuMs} + ${f.dbCpuMs}` : result ? 'fails' : '-';
  };
  return [
    `Scale ${scale}: requests per second · p50 · p99 latency (ms); RSS is our API's peak resident memory`,
    ...renderTable(header, rows),
    'CPU time per request, ms (server process + Neo4j): it holds up on a busy machine better than wall-clock figures',
    ...renderTable(['operation', 'conc', ...present.map((c) => c.title)], results.map((r) => [r.name, String(r.concurrency), ...present.map((c) => cpuCell(r[c.server]))])),
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
