/**
 * Judged evaluation of answer quality (see eval/README.md).
 *
 *   npm run eval                       # measure, print, save eval/results/latest.json
 *   npm run eval -- --label after      # ... save eval/results/after.json
 *   npm run eval -- --compare before after
 *
 * Starts an embedded Neo4j on a fresh temporary store, loads the seed graph exactly as the tests
 * do, starts the API in-process (no response cache, no rate limit), asks the judged questions
 * through GraphQL and scores the answers against eval/judgements/*.json.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ClientError, GraphQLClient } from 'graphql-request';
import { mean, ndcg, precision, recall, type Grades } from './metrics.js';

const EVAL_DIR = import.meta.dirname;
const PROJECT_ROOT = path.dirname(EVAL_DIR);
const RESULTS_DIR = path.join(EVAL_DIR, 'results');
const K_SEARCH = 10;
const K_SIMILAR = 3;
const K_WHO = 5;
/** How many answers are asked for: enough for every cut-off and to count how many there are. */
const FETCH = 10;

// ---------------------------------------------------------------------------------------------
// Judgements and results

interface SearchJudgement {
  query: string;
  note: string;
  relevant: Grades;
}
interface SimilarJudgement {
  innovation: string;
  note: string;
  similar: Grades;
}
interface WhoJudgement {
  innovation: string;
  forOrganisationId: string | null;
  forRegionId: string | null;
  note: string;
  relevant: Grades;
}

interface Row {
  /** The query text, or the subject innovation (and asker) of the case. */
  key: string;
  figures: Record<string, number>;
  answers: number;
  top: string[];
  error?: string;
  remark?: string;
}

interface Section {
  /** What was asked, e.g. `search(text)`. */
  field: string;
  metrics: string[];
  rows: Row[];
  means: Record<string, number>;
  skipped?: string;
}

interface Results {
  label: string;
  measuredAt: string;
  commit: string | null;
  workingTreeChanged: boolean | null;
  capabilities: Capabilities;
  judged: { searchQueries: number; similarSubjects: number; whoToCallCases: number };
  sections: Record<string, Section>;
}

interface Capabilities {
  /** `search` answers a connection (`edges { node }`) rather than a list of hits. */
  searchConnection: boolean;
  innovationOrderRelevance: boolean;
  whoToCallForRegionId: boolean;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function log(line: string): void {
  process.stderr.write(`[eval] ${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Asking the API

const CAPABILITIES = /* GraphQL */ `
  {
    query: __type(name: "Query") {
      fields { name args { name } type { kind ofType { kind ofType { kind ofType { kind } } } } }
    }
    order: __type(name: "InnovationOrder") { enumValues { name } }
  }
`;

const HIT = /* GraphQL */ `
  node {
    __typename
    ... on Innovation { id }
    ... on Organisation { id }
    ... on Person { id }
  }
`;

/** `search` returned a list of hits at first and a Relay connection of them later: ask in the shape the schema has. */
function searchQuery(connection: boolean): string {
  return /* GraphQL */ `
    query EvalSearch($text: String!, $first: Int) {
      search(text: $text, first: $first) { ${connection ? `edges { ${HIT} }` : HIT} }
    }
  `;
}

type SearchHits = { node: { id?: string } }[];

const INNOVATIONS_TEXT = /* GraphQL */ `
  query EvalInnovationsText($text: String!, $first: Int) {
    innovations(filter: { text: $text }, orderBy: RELEVANCE, first: $first) { edges { node { id } } }
  }
`;

const SIMILAR = /* GraphQL */ `
  query EvalSimilar($id: ID!, $first: Int) {
    similarInnovations(innovationId: $id, first: $first) { innovation { id } }
  }
`;

function whoToCallQuery(withRegion: boolean): string {
  return /* GraphQL */ `
    query EvalWhoToCall($id: ID!, $org: ID, ${withRegion ? '$region: ID, ' : ''}$first: Int) {
      whoToCall(innovationId: $id, forOrganisationId: $org, ${withRegion ? 'forRegionId: $region, ' : ''}first: $first) { person { id } }
    }
  `;
}

function errorText(error: unknown): string {
  if (error instanceof ClientError) {
    const messages = error.response.errors?.map((e) => e.message) ?? [];
    return messages.length > 0 ? messages.join('; ') : `HTTP ${error.response.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Prints each distinct error message once, with the first case it happened in. */
class ErrorLog {
  private readonly seen = new Set<string>();
  note(where: string, message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    log(`error (counted as 0): ${where}: ${message}`);
  }
}

async function ask(client: GraphQLClient, errors: ErrorLog, where: string, document: string, variables: Record<string, unknown>, pick: (data: never) => string[]): Promise<{ ids: string[]; error?: string }> {
  try {
    const data = await client.request<never>(document, variables);
    return { ids: pick(data) };
  } catch (error) {
    const message = errorText(error);
    errors.note(where, message);
    return { ids: [], error: message };
  }
}

async function capabilitiesOf(client: GraphQLClient): Promise<Capabilities> {
  interface TypeRef {
    kind: string;
    ofType?: TypeRef | null;
  }
  const data = await client.request<{
    query: { fields: { name: string; args: { name: string }[]; type: TypeRef }[] } | null;
    order: { enumValues: { name: string }[] | null } | null;
  }>(CAPABILITIES);
  const who = data.query?.fields.find((f) => f.name === 'whoToCall');
  const search = data.query?.fields.find((f) => f.name === 'search');
  let returnsList = false;
  for (let t: TypeRef | null | undefined = search?.type; t; t = t.ofType) if (t.kind === 'LIST') returnsList = true;
  return {
    searchConnection: search !== undefined && !returnsList,
    innovationOrderRelevance: (data.order?.enumValues ?? []).some((v) => v.name === 'RELEVANCE'),
    whoToCallForRegionId: (who?.args ?? []).some((a) => a.name === 'forRegionId'),
  };
}

// ---------------------------------------------------------------------------------------------
// The sections

function summarise(field: string, metrics: string[], rows: Row[], extra: string[] = []): Section {
  const means: Record<string, number> = {};
  for (const metric of [...metrics, ...extra]) means[metric] = mean(rows.map((r) => r.figures[metric] ?? 0));
  means.answers = mean(rows.map((r) => r.answers));
  means.errors = rows.filter((r) => r.error).length;
  return { field, metrics, rows, means };
}

async function runSearch(client: GraphQLClient, errors: ErrorLog, judged: SearchJudgement[], capabilities: Capabilities): Promise<Section> {
  log(`search: ${judged.length} queries through search(text) ...`);
  const document = searchQuery(capabilities.searchConnection);
  const rows: Row[] = [];
  for (const j of judged) {
    const { ids, error } = await ask(client, errors, `search "${j.query}"`, document, { text: j.query, first: FETCH }, (data: { search: SearchHits | { edges: SearchHits } }) =>
      (Array.isArray(data.search) ? data.search : data.search.edges).map((hit) => hit.node.id ?? '?'),
    );
    rows.push(rankedRow(j, ids, error));
  }
  return summarise('search(text)', ['nDCG@10', 'R@10'], rows);
}

/** A ranked list's figures against one judged query. */
function rankedRow(j: SearchJudgement, ids: string[], error: string | undefined): Row {
  return {
    key: j.query,
    figures: { 'nDCG@10': ndcg(ids, j.relevant, K_SEARCH), 'R@10': recall(ids, j.relevant, K_SEARCH) },
    answers: ids.length,
    top: ids,
    ...(error ? { error } : {}),
  };
}

const INNOVATION_IDS = new Set<string>();

/** The best precision@k any answer could reach: fewer judged-relevant than k caps it below 1. */
function ceiling(judgements: Grades, k: number): number {
  return precision(Object.keys(judgements).filter((id) => (judgements[id] ?? 0) >= 1), judgements, k);
}

async function runInnovationsText(client: GraphQLClient, errors: ErrorLog, judged: SearchJudgement[], capabilities: Capabilities): Promise<Section> {
  const field = 'innovations(filter: {text}, orderBy: RELEVANCE)';
  if (!capabilities.innovationOrderRelevance) {
    log('innovations(filter: {text}): skipped, this schema has no InnovationOrder.RELEVANCE');
    return { field, metrics: ['nDCG@10', 'R@10'], rows: [], means: {}, skipped: 'the schema has no InnovationOrder.RELEVANCE' };
  }
  // Only innovations can come back here, so each query is judged on its innovations alone.
  const usable = judged
    .map((j) => ({ ...j, relevant: Object.fromEntries(Object.entries(j.relevant).filter(([id]) => INNOVATION_IDS.has(id))) }))
    .filter((j) => Object.keys(j.relevant).length > 0);
  log(`innovations(filter: {text}, orderBy: RELEVANCE): ${usable.length} queries with judged innovations ...`);
  const rows: Row[] = [];
  for (const j of usable) {
    const { ids, error } = await ask(client, errors, `innovations text "${j.query}"`, INNOVATIONS_TEXT, { text: j.query, first: FETCH }, (data: { innovations: { edges: { node: { id: string } }[] } }) =>
      data.innovations.edges.map((e) => e.node.id),
    );
    rows.push(rankedRow(j, ids, error));
  }
  return summarise(field, ['nDCG@10', 'R@10'], rows);
}

async function runSimilar(client: GraphQLClient, errors: ErrorLog, judged: SimilarJudgement[]): Promise<Section> {
  log(`similarInnovations: ${judged.length} subjects ...`);
  const rows: Row[] = [];
  for (const j of judged) {
    const { ids, error } = await ask(client, errors, `similarInnovations ${j.innovation}`, SIMILAR, { id: j.innovation, first: FETCH }, (data: { similarInnovations: { innovation: { id: string } }[] }) =>
      data.similarInnovations.map((s) => s.innovation.id),
    );
    rows.push({
      key: j.innovation,
      figures: { 'P@3': precision(ids, j.similar, K_SIMILAR), 'nDCG@10': ndcg(ids, j.similar, 10), 'P@3 max': ceiling(j.similar, K_SIMILAR) },
      answers: ids.length,
      top: ids,
      ...(error ? { error } : {}),
    });
  }
  return summarise('similarInnovations', ['P@3'], rows, ['nDCG@10', 'P@3 max']);
}

async function runWhoToCall(client: GraphQLClient, errors: ErrorLog, judged: WhoJudgement[], capabilities: Capabilities): Promise<Section> {
  log(`whoToCall: ${judged.length} cases${capabilities.whoToCallForRegionId ? '' : ' (this schema has no forRegionId: asked without it)'} ...`);
  const document = whoToCallQuery(capabilities.whoToCallForRegionId);
  const rows: Row[] = [];
  for (const j of judged) {
    const variables: Record<string, unknown> = { id: j.innovation, org: j.forOrganisationId, first: FETCH };
    if (capabilities.whoToCallForRegionId) variables.region = j.forRegionId;
    const asker = j.forOrganisationId ? ` for ${j.forOrganisationId}` : j.forRegionId ? ` for region ${j.forRegionId}` : '';
    const { ids, error } = await ask(client, errors, `whoToCall ${j.innovation}${asker}`, document, variables, (data: { whoToCall: { person: { id: string } }[] }) =>
      data.whoToCall.map((s) => s.person.id),
    );
    rows.push({
      key: `${j.innovation}${asker}`,
      figures: { 'P@5': precision(ids, j.relevant, K_WHO), 'nDCG@10': ndcg(ids, j.relevant, 10), 'P@5 max': ceiling(j.relevant, K_WHO) },
      answers: ids.length,
      top: ids,
      ...(error ? { error } : {}),
      ...(j.forRegionId && !capabilities.whoToCallForRegionId ? { remark: 'forRegionId not supported, asked without it' } : {}),
    });
  }
  return summarise('whoToCall', ['P@5'], rows, ['nDCG@10', 'P@5 max']);
}

// ---------------------------------------------------------------------------------------------
// Printing

const fmt = (n: number | undefined) => (n === undefined ? '   -  ' : n.toFixed(3).padStart(6));
const clip = (s: string, width: number) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));

function printSection(name: string, section: Section): void {
  console.log(`\n## ${name}: ${section.field}`);
  if (section.skipped) {
    console.log(`   skipped: ${section.skipped}`);
    return;
  }
  const metrics = Object.keys(section.rows[0]?.figures ?? {});
  console.log(`${clip('query / case', 52)} ${metrics.map((m) => m.padStart(7)).join(' ')} answers  top 3`);
  for (const row of section.rows) {
    const top = row.error ? `ERROR ${row.error}` : row.top.slice(0, 3).join(', ');
    console.log(`${clip(row.key, 52)} ${metrics.map((m) => fmt(row.figures[m]).padStart(7)).join(' ')} ${String(row.answers).padStart(7)}  ${clip(top, 70)}`);
  }
  console.log(`${clip('MEAN', 52)} ${metrics.map((m) => fmt(section.means[m]).padStart(7)).join(' ')} ${(section.means.answers ?? 0).toFixed(1).padStart(7)}  ${section.means.errors ? `${section.means.errors} errors` : ''}`);
}

function printSummary(results: Results): void {
  console.log(`\n# Means (${results.label}, commit ${results.commit ?? 'unknown'}${results.workingTreeChanged ? ' + uncommitted changes' : ''})`);
  for (const [name, section] of Object.entries(results.sections)) {
    if (section.skipped) {
      console.log(`  ${clip(name, 18)} skipped (${section.skipped})`);
      continue;
    }
    const figures = Object.entries(section.means)
      .filter(([m]) => m !== 'errors')
      .map(([m, v]) => `${m} ${m === 'answers' ? v.toFixed(1) : v.toFixed(3)}`)
      .join('   ');
    console.log(`  ${clip(name, 18)} ${figures}${section.means.errors ? `   errors ${section.means.errors}` : ''}  (${section.rows.length} judged)`);
  }
  const search = results.sections.search;
  if (search && !search.skipped) {
    const worst = [...search.rows].sort((a, b) => (a.figures['nDCG@10'] ?? 0) - (b.figures['nDCG@10'] ?? 0)).slice(0, 8);
    console.log('\n  Worst search queries (nDCG@10):');
    for (const row of worst) console.log(`    ${fmt(row.figures['nDCG@10'])}  ${row.key}${row.error ? `  (error: ${row.error})` : ''}`);
  }
}

function compare(a: string, b: string): void {
  const load = (name: string): Results => {
    const file = existsSync(name) ? name : path.join(RESULTS_DIR, `${name}.json`);
    if (!existsSync(file)) throw new Error(`No saved results "${name}" (looked for ${file}).`);
    return readJson<Results>(file);
  };
  const ra = load(a);
  const rb = load(b);
  console.log(`# ${ra.label} (${ra.commit?.slice(0, 7) ?? '?'}, ${ra.measuredAt})  vs  ${rb.label} (${rb.commit?.slice(0, 7) ?? '?'}, ${rb.measuredAt})\n`);
  console.log(`${clip('section', 18)} ${clip('metric', 9)} ${ra.label.padStart(9)} ${rb.label.padStart(9)}     delta`);
  for (const name of new Set([...Object.keys(ra.sections), ...Object.keys(rb.sections)])) {
    const sa = ra.sections[name];
    const sb = rb.sections[name];
    const metrics = new Set([...Object.keys(sa?.means ?? {}), ...Object.keys(sb?.means ?? {})]);
    if (metrics.size === 0) console.log(`${clip(name, 18)} ${sa?.skipped ? `skipped in ${ra.label}` : ''} ${sb?.skipped ? `skipped in ${rb.label}` : ''}`);
    for (const m of metrics) {
      const va = sa?.means[m];
      const vb = sb?.means[m];
      const delta = va !== undefined && vb !== undefined ? vb - va : undefined;
      console.log(`${clip(name, 18)} ${clip(m, 9)} ${fmt(va).padStart(9)} ${fmt(vb).padStart(9)} ${delta === undefined ? '' : `${delta >= 0 ? '+' : ''}${delta.toFixed(3)}`.padStart(9)}`);
    }
  }
  for (const name of Object.keys(rb.sections)) {
    const sa = ra.sections[name];
    const sb = rb.sections[name];
    if (!sa || !sb || sa.skipped || sb.skipped) continue;
    const main = sb.metrics[0]!;
    const before = new Map(sa.rows.map((r) => [r.key, r.figures[main] ?? 0]));
    const changed = sb.rows
      .map((r) => ({ key: r.key, a: before.get(r.key), b: r.figures[main] ?? 0 }))
      .filter((r) => r.a === undefined || Math.abs(r.b - r.a) > 1e-9)
      .sort((x, y) => y.b - (y.a ?? 0) - (x.b - (x.a ?? 0)));
    if (changed.length === 0) continue;
    console.log(`\n## ${name}: ${main} per query that changed`);
    for (const r of changed) console.log(`  ${fmt(r.a)} -> ${fmt(r.b)}  ${r.a === undefined ? '   new' : `${r.b - r.a >= 0 ? '+' : ''}${(r.b - r.a).toFixed(3)}`.padStart(7)}  ${r.key}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Running

function gitState(): { commit: string | null; changed: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', 'src', 'schema'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
    return { commit, changed: status.length > 0 };
  } catch {
    return { commit: null, changed: null };
  }
}

async function measure(label: string): Promise<void> {
  if (!/^[\w.-]+$/.test(label)) throw new Error(`--label must be letters, digits, '.', '_' or '-', got "${label}"`);
  const searchJudged = readJson<SearchJudgement[]>(path.join(EVAL_DIR, 'judgements', 'search.json'));
  const similarJudged = readJson<SimilarJudgement[]>(path.join(EVAL_DIR, 'judgements', 'similar.json'));
  const whoJudged = readJson<WhoJudgement[]>(path.join(EVAL_DIR, 'judgements', 'who-to-call.json'));

  // The project's modules load after the judgements parse, so that a broken judgement file fails fast.
  const { createDriver, waitForNeo4j } = await import('../src/graph/driver.js');
  const { startEmbeddedNeo4j } = await import('../src/graph/embedded-neo4j.js');
  const { GraphRunner } = await import('../src/graph/graph-runner.js');
  const { applyGraphSchema } = await import('../src/graph/schema-setup.js');
  const { defaultSeedDir, importSeedFiles } = await import('../src/ingest/seed-loader.js');
  const { createApiServer } = await import('../src/http/api-server.js');
  const { createLogger } = await import('../src/logger.js');
  const { buildApiSchema } = await import('../src/modules/schema.js');
  const { freePort } = await import('../test/support/free-port.js');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'innovation-graph-eval-'));
  const cleanups: { name: string; run: () => Promise<unknown> }[] = [];
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup.run().catch((error: unknown) => log(`stopping ${cleanup.name} failed: ${errorText(error)}`));
      }
      rmSync(dataDir, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping Neo4j`);
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`starting an embedded Neo4j on a fresh store in ${dataDir} ...`);
    const embedded = await startEmbeddedNeo4j({
      projectRoot: PROJECT_ROOT,
      boltPort: await freePort(),
      dataDir,
      heap: '1g',
      pageCache: '256m',
      password: undefined,
      onProgress: (line) => process.stderr.write(`[neo4j] ${line}\n`),
    });
    cleanups.push({ name: 'Neo4j', run: () => embedded.stop() });
    const driver = createDriver({ uri: embedded.uri, user: 'neo4j', password: undefined });
    cleanups.push({ name: 'driver', run: () => driver.close() });
    await waitForNeo4j(driver, embedded.uri, 120_000, 'neo4j');
    const graph = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 120_000 });
    log('loading the seed graph ...');
    await applyGraphSchema(graph, PROJECT_ROOT);
    await importSeedFiles(graph, [defaultSeedDir(PROJECT_ROOT)], { reset: true, baseDir: PROJECT_ROOT });
    // Full-text indexes fill in the background: wait, so that every run searches a complete index.
    await graph.write('CALL db.awaitIndexes(300)', {}, { tag: 'eval.await-indexes', timeoutMs: 310_000 });
    for (const row of await graph.read<{ id: string }>('MATCH (i:Innovation) RETURN i.id AS id', {}, { tag: 'eval.innovation-ids' })) INNOVATION_IDS.add(row.id);

    log('starting the API in-process (no response cache, no rate limit) ...');
    const server = await createApiServer({
      schema: await buildApiSchema(),
      graph,
      logger: createLogger('silent'),
      production: false,
      playground: false,
      shutdownGraceMs: 1_000,
      security: { jwtSecret: 'eval-secret-that-is-at-least-32-characters-long', contactsRequireAuth: false, rateLimitPerMinute: 0, maxQueryDepth: 12, maxQueryComplexity: 25_000 },
    });
    const url = await server.listen(0, '127.0.0.1');
    cleanups.push({ name: 'API', run: () => server.stop() });
    const client = new GraphQLClient(url);
    const capabilities = await capabilitiesOf(client);
    log(`schema: search answers ${capabilities.searchConnection ? 'a connection' : 'a list'}, InnovationOrder.RELEVANCE ${capabilities.innovationOrderRelevance ? 'yes' : 'no'}, whoToCall(forRegionId) ${capabilities.whoToCallForRegionId ? 'yes' : 'no'}`);

    const errors = new ErrorLog();
    const sections: Record<string, Section> = {
      search: await runSearch(client, errors, searchJudged, capabilities),
      innovationsText: await runInnovationsText(client, errors, searchJudged, capabilities),
      similar: await runSimilar(client, errors, similarJudged),
      whoToCall: await runWhoToCall(client, errors, whoJudged, capabilities),
    };
    const git = gitState();
    const results: Results = {
      label,
      measuredAt: new Date().toISOString(),
      commit: git.commit,
      workingTreeChanged: git.changed,
      capabilities,
      judged: { searchQueries: searchJudged.length, similarSubjects: similarJudged.length, whoToCallCases: whoJudged.length },
      sections,
    };
    for (const [name, section] of Object.entries(sections)) printSection(name, section);
    printSummary(results);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${label}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    log(`saved ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    log('stopping the API and Neo4j ...');
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { label: { type: 'string', default: 'latest' }, compare: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log('npm run eval [-- --label NAME]       measure and save eval/results/NAME.json (default latest)\nnpm run eval -- --compare A B          print two saved results side by side');
    return;
  }
  if (values.compare) {
    if (positionals.length !== 2) throw new Error('--compare takes two saved results, e.g. --compare before latest');
    compare(positionals[0]!, positionals[1]!);
    return;
  }
  if (positionals.length > 0) throw new Error(`Unexpected arguments: ${positionals.join(' ')}`);
  await measure(values.label);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
