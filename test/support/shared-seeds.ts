import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

/**
 * The source documents the seed graph was curated from (the catalogue's extracted text, the
 * regional strategies). They are not part of this repository: they sit in ../shared/seeds beside
 * it, as they do in CI.
 */
export const SHARED_SEED_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');

/** True where the environment says it is CI (CI=true, as CI services set it). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * A suite of tests over the shared source document `name`, which `body` receives the path of.
 * Where the document is missing, CI must not pass without having run them: there the suite is
 * one failing test that says what is missing. Elsewhere (a checkout without ../shared) it is
 * skipped, with the reason in its name and on the console. `body` is collected even when
 * skipped, so it must read the file in hooks or tests, not while it is being collected.
 */
export function describeWithSharedSeed(name: string, title: string, body: (file: string) => void): void {
  const file = path.join(SHARED_SEED_DIR, name);
  if (existsSync(file)) {
    describe(title, () => body(file));
    return;
  }
  const missing = `${file} is missing (the shared source documents belong in ../shared/seeds beside the repository)`;
  if (inCi()) {
    describe(title, () => {
      it('has the shared source document it reads', () => {
        throw new Error(`${missing}. CI=${process.env.CI}: these tests must run in CI, so they fail here instead of being skipped.`);
      });
    });
    return;
  }
  console.warn(`Skipping "${title}": ${missing}.`);
  describe.skip(`${title} (skipped: ${missing})`, () => body(file));
}
