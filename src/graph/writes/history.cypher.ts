import type { GraphTransaction } from '../graph-runner.js';
import { REFRESH_SEARCH_DOCUMENT } from '../search-document.cypher.js';

/**
 * The change history: every write the API makes records, in the same transaction, who changed
 * what and when, with the entity's properties before and after. Nothing is hard-deleted, so the
 * history of every entity stays queryable.
 */

export interface ChangeRecord {
  /** The caller's subject (from the token). */
  readonly actor: string;
  /** What happened, e.g. `createOrganisation`, `recordAdoption`. */
  readonly action: string;
  readonly entityType: 'Organisation' | 'Innovation' | 'Person';
  readonly entityId: string;
  /** One sentence for people reading the history. */
  readonly summary: string;
  readonly before: unknown;
  readonly after: unknown;
}

const CHANGEABLE_LABELS: readonly string[] = ['Organisation', 'Innovation', 'Person'];

/**
 * Records one change, linked to the entity it is about, and brings the search documents of the
 * innovations it touches up to date (every write records its change last, after its effect).
 * Runs inside the caller's transaction.
 */
export async function recordChange(tx: GraphTransaction, change: ChangeRecord): Promise<void> {
  if (!CHANGEABLE_LABELS.includes(change.entityType)) throw new Error(`recordChange: unknown entity type ${String(change.entityType)}`);
  // The label comes from the closed set in ChangeRecord.entityType, so the id lookup uses its
  // uniqueness index instead of scanning every node.
  await tx.run(
    `MATCH (entity:${change.entityType} {id: $entityId})
     CREATE (c:Change {id: randomUUID(), at: datetime(), actor: $actor, action: $action, entityType: $entityType,
                       entityId: $entityId, summary: $summary, before: $before, after: $after})
     CREATE (c)-[:CHANGED]->(entity)
     WITH entity
     CALL (entity) {
       // An innovation's document holds its own links; an organisation's name and its units'
       // stand in the documents of the innovations it or its units took part in.
       MATCH (entity:Innovation) RETURN entity AS i
       UNION
       MATCH (entity:Organisation)<-[:PART_OF*0..1]-(:Organisation)-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]->(i:Innovation) RETURN DISTINCT i
     }
     CALL (i) { ${REFRESH_SEARCH_DOCUMENT} }`,
    {
      ...change,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
    },
    'recordChange',
  );
}

export interface ChangeNode {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: string | null;
  after: string | null;
}
