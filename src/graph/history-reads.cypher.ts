import type { GraphRunner } from './graph-runner.js';
import type { ChangeNode } from './writes/history.cypher.js';

export type HistoryEntityType = 'Innovation' | 'Organisation' | 'Person';

export interface HistoryKey {
  readonly entityId: string;
  /** Only changes of this kind of entity (a person and an organisation may share a slug); any when null. */
  readonly entityType: HistoryEntityType | null;
  /** How many changes, newest first (1 to 100). */
  readonly first: number;
}

/**
 * The newest changes of many entities in ONE query: each id is looked up under the labels that
 * have a history (the live ones through their unique-id indexes; merged duplicates' tombstones
 * too), then its changes are followed over `CHANGED`, at most the largest `first` asked for per
 * entity. Unknown ids get [].
 */
export async function readHistories(graph: GraphRunner, keys: readonly HistoryKey[]): Promise<ChangeNode[][]> {
  const keyOf = (id: string, type: string | null) => JSON.stringify([id, type]);
  const distinct = new Map(keys.map((key) => [keyOf(key.entityId, key.entityType), { id: key.entityId, type: key.entityType }]));
  const limit = Math.max(1, ...keys.map((key) => key.first));
  const rows = await graph.read<{ id: string; type: string | null; changes: (Omit<ChangeNode, 'at'> & { atMillis: number })[] }>(
    `UNWIND $keys AS key
     CALL (key) {
       MATCH (e:Innovation {id: key.id}) RETURN e
       UNION
       MATCH (e:Organisation {id: key.id}) RETURN e
       UNION
       MATCH (e:Person {id: key.id}) RETURN e
       UNION
       // A merged duplicate keeps its history under a tombstone label (see merge-writes.cypher.ts).
       MATCH (e:MergedOrganisation|MergedPerson {id: key.id}) RETURN e
     }
     WITH key, collect(e) AS entities
     RETURN key.id AS id, key.type AS type, COLLECT {
       UNWIND entities AS e
       MATCH (e)<-[:CHANGED]-(c:Change)
       WHERE key.type IS NULL OR c.entityType = key.type
       WITH DISTINCT c ORDER BY c.at DESC, c.id DESC LIMIT $limit
       RETURN c {.id, atMillis: c.at.epochMillis, .actor, .action, .entityType, .entityId, .summary, .before, .after} AS change
     } AS changes`,
    { keys: [...distinct.values()], limit },
    { tag: 'history.byEntity' },
  );
  const found = new Map(rows.map((row) => [keyOf(row.id, row.type), row.changes]));
  return keys.map((key) =>
    (found.get(keyOf(key.entityId, key.entityType)) ?? [])
      .slice(0, key.first)
      .map(({ atMillis, ...change }) => ({ ...change, at: new Date(atMillis).toISOString() })),
  );
}
