import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig, projectRoot } from '../config.js';
import { createDriver, waitForNeo4j } from '../graph/driver.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../graph/embedded-neo4j.js';
import { GraphRunner } from '../graph/graph-runner.js';
import { applyGraphSchema } from '../graph/schema-setup.js';
import { defaultSeedDir, importSeedFiles } from '../ingest/seed-loader.js';
import { SeedValidationError } from '../ingest/seed-validation.js';

const USAGE = `Usage: npm run seed -- [--dry-run] [--reset] [PATH ...]

Loads seed data files (JSON, see seeds/README.md) into the graph. With no PATH, loads seeds/.
A PATH may be a file or a folder; references may point at ids already in the graph.
  --dry-run   validate and report, write nothing
  --reset     empty the graph first
The database is NEO4J_URI when set, otherwise the embedded Neo4j (started for the run).`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, reset: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.values['dry-run'] && args.values.reset) {
    process.stderr.write('--dry-run and --reset do not go together: a dry run writes nothing.\n');
    return 2;
  }
  const config = loadConfig();
  const targets = args.positionals.length > 0 ? args.positionals.map((p) => path.resolve(p)) : [defaultSeedDir(projectRoot)];

  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    embedded = await startEmbeddedNeo4j({ projectRoot, ...config.neo4j.embedded, password: config.neo4j.password, onProgress: (l) => process.stderr.write(`${l}\n`) });
    uri = embedded.uri;
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  const bar = new SingleBar({ format: 'writing {bar} {percentage}% | {value}/{total} rows | {step}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
  let barStarted = false;
  try {
    await waitForNeo4j(driver, uri, config.neo4j.connectTimeoutMs, config.neo4j.database);
    const graph = new GraphRunner(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
    await applyGraphSchema(graph, projectRoot);
    const report = await importSeedFiles(graph, targets, {
      dryRun: args.values['dry-run'] ?? false,
      reset: args.values.reset ?? false,
      allowExisting: args.positionals.length > 0,
      baseDir: process.cwd(),
      onProgress: ({ step, done, total }) => {
        if (!barStarted) {
          bar.start(total, 0, { step });
          barStarted = true;
        }
        bar.update(done, { step });
      },
    });
    if (barStarted) bar.stop();
    const counts = Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    process.stdout.write(
      `${report.written ? 'Imported' : 'Validated (dry run, nothing written)'} ${report.files.length} file(s): ${counts}; ${report.rows} rows in ${(report.ms / 1000).toFixed(1)} s.\n`,
    );
    return 0;
  } catch (error) {
    if (barStarted) bar.stop();
    if (error instanceof SeedValidationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await driver.close();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
