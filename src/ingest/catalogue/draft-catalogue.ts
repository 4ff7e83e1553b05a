import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../catalogue-reader.js';
import { listSeedFiles, readSeedSet } from '../seed-validation.js';
import { buildReport, formatReport, type CatalogueReport } from './draft-report.js';
import { draftSeeds } from './draft-seeds.js';
import { validateDraftFiles } from './draft-validation.js';
import { findLandmarks } from './landmarks.js';
import { indexSeeds } from './seed-index.js';
import { diffAgainstSeeds } from './seed-diff.js';

/**
 * One catalogue edition's text in, draft seed files and a report out: read the entries, give
 * them the ids the seeds already use, write the drafts, check them with the seed validation, and
 * compare them with the current seeds. The current seeds are only read.
 */

/** Input that cannot be drafted from: a missing or binary file, or text with no catalogue entry. */
export class UnreadableCatalogueError extends Error {
  override readonly name = 'UnreadableCatalogueError';
}

/** An output folder that would overwrite the curated seeds. */
export class UnsafeOutputError extends Error {
  override readonly name = 'UnsafeOutputError';
}

export interface DraftCatalogueOptions {
  readonly file: string;
  /** The curated seeds to compare with and take ids from (only read). */
  readonly seedsDir: string;
  /** Where the drafts go; defaults to `<draftsRoot>/<source id>`. */
  readonly out?: string;
  readonly draftsRoot: string;
  /** Source id for an edition not registered in reference.json. */
  readonly edition?: string;
  readonly onProgress?: (message: string) => void;
}

export interface DraftCatalogueResult {
  readonly report: CatalogueReport;
  readonly text: string;
}

/** Files a draft folder may hold from an earlier run; anything else there is left alone. */
const DRAFT_FILE = /^\d\d-[a-z0-9-]+\.json$|^report\.txt$/;

export function draftCatalogue(options: DraftCatalogueOptions): DraftCatalogueResult {
  const progress = options.onProgress ?? (() => {});
  const text = readCatalogueText(options.file);
  progress(`Reading ${options.file} ...`);
  const read = readCatalogue(text);
  if (read.innovations.length === 0) {
    throw new UnreadableCatalogueError(
      `${options.file} holds no catalogue entry (no INDSTILLER field, INNOVATIVER, HOLD ØJE MED or COI-INDSIGTER section); is it a catalogue edition?`,
    );
  }
  progress(`Read ${read.innovations.length} entries (${read.warnings.length} warnings). Reading the current seeds in ${options.seedsDir} ...`);
  const current = readSeedSet(listSeedFiles(options.seedsDir), { baseDir: options.seedsDir });
  const index = indexSeeds(current);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const drafts = draftSeeds(read.innovations, index, {
    fileName: path.basename(options.file),
    ...(options.edition ? { edition: options.edition } : {}),
  });

  const out = path.resolve(options.out ?? path.join(options.draftsRoot, drafts.document));
  refuseSeedsFolder(out, options.seedsDir);
  progress(`Writing ${drafts.files.length} draft files to ${out} ...`);
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (DRAFT_FILE.test(name)) rmSync(path.join(out, name));
  const written = drafts.files.map(({ name, data }) => {
    writeFileSync(path.join(out, name), `${JSON.stringify(data, null, 2)}\n`);
    return name;
  });

  progress('Validating the drafts and comparing them with the seeds ...');
  const problems = validateDraftFiles(written.map((name) => path.join(out, name)), current, out);
  const diff = diffAgainstSeeds(drafts, index);
  const report = buildReport({ file: options.file, out, written: [...written, 'report.txt'], read, landmarks: findLandmarks(lines), drafts, problems, diff });
  const formatted = formatReport(report);
  writeFileSync(path.join(out, 'report.txt'), formatted);
  return { report, text: formatted };
}

function readCatalogueText(file: string): string {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) throw new UnreadableCatalogueError(`${file} is a folder; give the catalogue's text file`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof UnreadableCatalogueError) throw error;
    throw new UnreadableCatalogueError(`cannot read ${file}: ${(error as Error).message}`);
  }
  // The reader works on the text extraction; a PDF or other binary file would read as noise.
  if (bytes.includes(0)) throw new UnreadableCatalogueError(`${file} is not a text file (it holds NUL bytes); give the catalogue's text extraction`);
  return bytes.toString('utf8');
}

function refuseSeedsFolder(out: string, seedsDir: string): void {
  const relative = path.relative(path.resolve(seedsDir), out);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    throw new UnsafeOutputError(`--out ${out} lies inside the curated seeds (${seedsDir}); drafts go elsewhere and are moved in by review`);
  }
}
