import { afterAll, inject } from 'vitest';
import { createDriver } from '../../src/graph/driver.js';
import { GraphRunner } from '../../src/graph/graph-runner.js';

/**
 * A GraphRunner on the run's Neo4j for one test file; its driver closes after the file's tests.
 * Call it at the top level of a test file.
 */
export function useTestGraph(options: { timeoutMs?: number } = {}): GraphRunner {
  const driver = createDriver({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
  afterAll(() => driver.close());
  return new GraphRunner(driver, { database: inject('neo4jDatabase'), timeoutMs: options.timeoutMs ?? 15_000 });
}
