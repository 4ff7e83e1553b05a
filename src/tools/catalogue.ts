import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../config.js';
import { draftCatalogue, UnreadableCatalogueError, UnsafeOutputError } from '../ingest/catalogue/draft-catalogue.js';
import { SeedValidationError } from '../ingest/seed-validation.js';

const USAGE = `Usage: npm run catalogue -- [--out DIR] [--seeds DIR] [--edition ID] [--json] FILE

Reads the text of a catalogue edition ("Læs Stjæl Fortæl") and writes draft seed files for review:
one file of organisations and people, one file of innovations per section, and report.txt.
The report lists what could not be read (with line numbers), whether the drafts pass the seed
validation, and a diff against the current seeds (entries new, missing and changed, by id).
Summaries are never copied: every draft carries a placeholder to be written in our own words.
  --out DIR      where the drafts go (default .data/catalogue-draft/<source id>); never inside seeds/
  --seeds DIR    the curated seeds to compare with and take ids from (default seeds/; only read)
  --edition ID   source id for an edition not yet in reference.json (default: a slug of FILE's name)
  --json         print the report as JSON instead of text
Exit codes: 0 drafted (even with problems to review), 1 unreadable input, 2 usage error.`;

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        seeds: { type: 'string' },
        edition: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length !== 1) {
    process.stderr.write(`Give exactly one catalogue text file, got ${args.positionals.length}.\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.edition !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(args.values.edition)) {
    process.stderr.write(`--edition must be a slug of lower-case letters, digits and single dashes such as "lsf3", got ${JSON.stringify(args.values.edition)}.\n`);
    return 2;
  }
  try {
    const { report, text } = draftCatalogue({
      file: path.resolve(args.positionals[0]!),
      seedsDir: path.resolve(args.values.seeds ?? path.join(projectRoot, 'seeds')),
      draftsRoot: path.join(projectRoot, '.data', 'catalogue-draft'),
      ...(args.values.out ? { out: path.resolve(args.values.out) } : {}),
      ...(args.values.edition ? { edition: args.values.edition } : {}),
      onProgress: (message) => process.stderr.write(`${message}\n`),
    });
    process.stdout.write(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : text);
    return 0;
  } catch (error) {
    if (error instanceof UnsafeOutputError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UnreadableCatalogueError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof SeedValidationError) {
      process.stderr.write(`The current seeds do not validate, so there is nothing to compare with:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
