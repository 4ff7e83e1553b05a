import { createHash } from 'node:crypto';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import { graphCounts } from './graph-counts.js';

/**
 * What "the graph is unchanged" is checked against after a refused write: the counts per label and
 * relationship type (readable in a failure's diff), the number of history entries, and one hash over
 * every node's labels and properties and every relationship's ends, type and properties. Counts
 * alone miss a write that changes a property or moves a relationship; the hash catches those.
 */
export interface GraphFingerprint {
  counts: Record<string, number>;
  changes: number;
  hash: string;
}

/**
 * The fingerprint of the whole graph, or, with `outside`, of what lies outside one test file's id
 * prefix (nodes without it, history entries about entities without it, relationships between
 * such nodes): the part of the graph a file's writes must never touch.
 */
export async function graphFingerprint(graph: GraphRunner, options: { outside?: string } = {}): Promise<GraphFingerprint> {
  const prefix = options.outside ?? null;
  const counts = options.outside === undefined ? await graphCounts(graph) : {};
  const theirs = `($prefix IS NULL OR NOT (coalesce(n.id, '') STARTS WITH $prefix OR coalesce(n.entityId, '') STARTS WITH $prefix))`;
  const nodes = await graph.read<{ key: string; labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) WHERE ${theirs} RETURN coalesce(n.id, elementId(n)) AS key, labels(n) AS labels, properties(n) AS props`,
    { prefix },
    { tag: 'test.fingerprint' },
  );
  const relationships = await graph.read<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) WHERE ${theirs.replaceAll('n.', 'a.')} AND ${theirs.replaceAll('n.', 'b.')}
     RETURN coalesce(a.id, elementId(a)) AS from, type(r) AS type, coalesce(b.id, elementId(b)) AS to, properties(r) AS props`,
    { prefix },
    { tag: 'test.fingerprint' },
  );
  // Sorted here: the order Neo4j returns rows in is not part of what is compared.
  const lines = [
    ...nodes.map((n) => `N ${n.key} ${[...n.labels].sort().join(':')} ${stable(n.props)}`),
    ...relationships.map((r) => `R ${r.from} -${r.type}-> ${r.to} ${stable(r.props)}`),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { counts, changes: options.outside === undefined ? (counts[':Change'] ?? 0) : lines.filter((l) => / Change(:|\s)/.test(l)).length, hash: hash.digest('hex') };
}

// Keys sorted, and driver values (Integer, temporal types) by their string form, so that the same
// graph always gives the same text.
function stable(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (typeof value === 'object') {
    const plain = Object.getPrototypeOf(value) === Object.prototype;
    if (!plain) return JSON.stringify(String(value));
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
