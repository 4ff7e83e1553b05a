import type { SeedSet } from '../seed-format.js';
import { readSeedSet, SeedValidationError, type KnownIds, type SeedProblem } from '../seed-validation.js';

/**
 * Checks written draft files with the seed validation itself, as `npm run seed -- FILE` would:
 * references may point at anything the current seeds hold, since a reviewer moves drafts into a
 * set that has them.
 */
export function validateDraftFiles(files: readonly string[], current: SeedSet, baseDir: string): SeedProblem[] {
  const ids = (records: readonly { id: string }[]) => new Set(records.map((r) => r.id));
  const knownIds: KnownIds = {
    organisations: ids(current.organisations),
    people: ids(current.people),
    innovations: ids(current.innovations),
    regions: ids(current.regions),
    themes: ids(current.themes),
    sources: ids(current.sources),
  };
  try {
    readSeedSet(files, { baseDir, knownIds });
    return [];
  } catch (error) {
    if (error instanceof SeedValidationError) return [...error.problems];
    throw error;
  }
}
