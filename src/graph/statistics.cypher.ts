import type { GraphRunner } from './graph-runner.js';

export interface GraphCounts {
  innovations: number;
  organisations: number;
  people: number;
  relationships: number;
}

/** Counts from the count store: constant time, whatever the size of the graph. */
export async function readGraphCounts(graph: GraphRunner): Promise<GraphCounts> {
  const [row] = await graph.read<GraphCounts>(
    `CALL () { MATCH (n:Innovation) RETURN count(n) AS innovations }
     CALL () { MATCH (n:Organisation) RETURN count(n) AS organisations }
     CALL () { MATCH (n:Person) RETURN count(n) AS people }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN innovations, organisations, people, relationships`,
    {},
    { tag: 'statistics.counts' },
  );
  return row ?? { innovations: 0, organisations: 0, people: 0, relationships: 0 };
}
