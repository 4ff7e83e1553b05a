import { afterEach, beforeEach } from 'vitest';
import type { GraphRunner } from '../../src/graph/graph-runner.js';

/** The tags of every Cypher query the graph runs during each test of a file, fresh for each test. */
export function useQueryLog(graph: GraphRunner): { readonly tags: string[] } {
  const log = { tags: [] as string[] };
  let stop: () => void = () => {};
  beforeEach(() => {
    log.tags = [];
    stop = graph.onQuery((event) => log.tags.push(event.tag));
  });
  afterEach(() => stop());
  return log;
}
