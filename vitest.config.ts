import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** Tests of pure modules, at the path of their module under test/unit/: no database, no JVM. */
const UNIT_TESTS = 'test/unit/**/*.test.ts';

export default defineConfig({
  resolve: {
    // type-graphql loads graphql's CommonJS build; tests must see that same copy, or every
    // schema check fails with "another module or realm". Both projects extend this.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    setupFiles: ['test/support/setup-file.ts'],
    testTimeout: 30_000,
    // One report for both layers: CI reads the totals of the whole run from it.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [UNIT_TESTS],
          // Pure modules hold no state a test could leave behind, so files share one module
          // graph in worker threads instead of each importing it afresh in a process of its own,
          // which was most of this layer's time.
          pool: 'threads',
          isolate: false,
          // The unit layer goes first: a broken pure module is reported in seconds, before the
          // integration layer spends a minute starting Neo4j.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, UNIT_TESTS],
          globalSetup: ['test/support/global-setup.ts'],
          hookTimeout: 180_000,
          // One database for the run: files go one after another, so that a file that writes
          // (under its own id prefix) never shifts the totals another file is asserting at that moment.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
