import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig, projectRoot } from '../config.js';
import { openGraph } from '../graph/open-graph.js';
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

  const { restart: _unsupervised, ...embedded } = config.neo4j.embedded;
  // A run of the tool is short: an exit of the JVM fails it rather than being restarted.
  const database = await openGraph({
    projectRoot,
    ...(config.neo4j.uri ? { uri: config.neo4j.uri } : { embedded }),
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    connectTimeoutMs: config.neo4j.connectTimeoutMs,
    queryTimeoutMs: config.neo4j.queryTimeoutMs,
    applySchema: true,
    onProgress: (event) => {
      if (event.step === 'embedded') process.stderr.write(`${event.message}\n`);
    },
  });
  const bar = new SingleBar({ format: 'writing {bar} {percentage}% | {value}/{total} rows | {step}', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
  let barStarted = false;
  try {
    const report = await importSeedFiles(database.graph, targets, {
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
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
