import { randomBytes } from 'node:crypto';
import { afterAll } from 'vitest';
import type { GraphRunner } from '../../src/graph/graph-runner.js';

/**
 * Test files share one database. A file that writes gives every id it creates a prefix of its
 * own, so files never see each other's data, and removes what carries the prefix when it ends.
 * The seed graph itself is never written by tests.
 */
export function useNamespace(graph: GraphRunner, label: string): (id: string) => string {
  const prefix = `t-${label}-${randomBytes(3).toString('hex')}-`;
  afterAll(async () => {
    // Change nodes have random ids; they go with the namespaced entities they describe.
    await graph.write(
      `MATCH (c:Change) WHERE c.entityId STARTS WITH $prefix DETACH DELETE c
       WITH count(*) AS changes
       MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`,
      { prefix },
      { tag: 'test.cleanup' },
    );
  });
  return (id: string) => `${prefix}${id}`;
}
