import path from 'node:path';
import { findExistingIds, type IdSection } from '../graph/existing-ids.cypher.js';
import type { GraphRunner } from '../graph/graph-runner.js';
import { clearGraph, countRows, writeSeedRows, type WriteProgress } from '../graph/seed-writer.cypher.js';
import type { SeedSet } from './seed-format.js';
import { toSeedRows } from './seed-rows.js';
import { listSeedFiles, readSeedSet, SeedValidationError } from './seed-validation.js';

export interface ImportOptions {
  /** Validate and report, write nothing. */
  readonly dryRun?: boolean;
  /** Empty the graph first (never with dryRun). */
  readonly reset?: boolean;
  /** Let references point at ids already in the graph (for a user's own file). Defaults to false. */
  readonly allowExisting?: boolean;
  readonly atomic?: boolean;
  readonly batchSize?: number;
  readonly onProgress?: WriteProgress;
  /** Folder that file names in problem reports are shown relative to. */
  readonly baseDir?: string;
}

export interface ImportReport {
  readonly files: string[];
  readonly counts: Record<keyof SeedSet, number>;
  readonly rows: number;
  readonly written: boolean;
  readonly ms: number;
}

/**
 * Validates the files as a whole, then writes them. Nothing is written when any record has a
 * problem: the {@link SeedValidationError} lists them all, each with its file and record.
 */
export async function importSeedFiles(graph: GraphRunner, targets: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const files = targets.flatMap((t) => listSeedFiles(t));
  if (files.length === 0) throw new SeedValidationError([{ file: targets.join(', '), record: '(files)', message: 'holds no .json data file' }]);
  const readOptions = options.baseDir ? { baseDir: options.baseDir } : {};
  let set: SeedSet;
  try {
    set = readSeedSet(files, readOptions);
  } catch (error) {
    if (!(error instanceof SeedValidationError) || !options.allowExisting) throw error;
    // A user's file may reference what the graph already holds: look those ids up, then re-check.
    const knownIds = await findExistingIds(graph, referencedIds(error));
    set = readSeedSet(files, { ...readOptions, knownIds });
  }
  const rows = toSeedRows(set);
  const counts = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, (v as unknown[]).length])) as Record<keyof SeedSet, number>;
  if (options.dryRun) {
    return { files, counts, rows: countRows(rows), written: false, ms: Date.now() - started };
  }
  if (options.reset) await clearGraph(graph);
  const written = await writeSeedRows(graph, rows, {
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.atomic !== undefined ? { atomic: options.atomic } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return { files, counts, rows: written, written: true, ms: Date.now() - started };
}

const UNKNOWN = /names unknown (organisation|person|innovation|region|theme|source) "([^"]+)"/;
const SECTION_OF: Record<string, IdSection> = {
  organisation: 'organisations',
  person: 'people',
  innovation: 'innovations',
  region: 'regions',
  theme: 'themes',
  source: 'sources',
};

function referencedIds(error: SeedValidationError): Record<IdSection, string[]> {
  const wanted: Record<IdSection, string[]> = { organisations: [], people: [], innovations: [], regions: [], themes: [], sources: [] };
  for (const problem of error.problems) {
    const match = UNKNOWN.exec(problem.message);
    if (match) wanted[SECTION_OF[match[1]!]!].push(match[2]!);
  }
  return wanted;
}

/** The curated seed graph shipped with the product. */
export function defaultSeedDir(projectRoot: string): string {
  return path.join(projectRoot, 'seeds');
}
