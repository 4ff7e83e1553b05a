import type { GraphRunner, GraphTransaction } from '../graph-runner.js';
import { PROJECT, type OrganisationNode, type PersonNode } from '../records.js';
import { recordChange } from './history.cypher.js';
import { requireNodes } from './node-locks.cypher.js';
import { runWrite, WriteProblemSignal } from './write-result.js';

/**
 * Merging duplicates: two nodes that turn out to be the same organisation (or person) become one.
 * The kept node takes over every relationship and every name of the merged one; the merged node
 * stays as a tombstone (its label swapped, so no query of live data finds it) that points at the
 * kept one, so that an old id can still be followed and its changes stay attached to it.
 */

interface MergeKind {
  readonly label: 'Organisation' | 'Person';
  readonly tombstone: 'MergedOrganisation' | 'MergedPerson';
  readonly action: 'mergeOrganisations' | 'mergePeople';
  readonly projection: (v: string) => string;
  /** Organisations keep their aliases in one text property too, for the full-text index. */
  readonly aliasText: boolean;
}

const ORGANISATION: MergeKind = {
  label: 'Organisation',
  tombstone: 'MergedOrganisation',
  action: 'mergeOrganisations',
  projection: PROJECT.organisation,
  aliasText: true,
};

const PERSON: MergeKind = {
  label: 'Person',
  tombstone: 'MergedPerson',
  action: 'mergePeople',
  projection: PROJECT.person,
  aliasText: false,
};

/** The node as the API shows it, and its aliases (which people have but do not show). */
interface Snapshot<T> {
  node: T;
  aliases: string[];
}

async function readNode<T>(tx: GraphTransaction, kind: MergeKind, id: string): Promise<Snapshot<T>> {
  const [row] = await tx.run<Snapshot<T>>(`MATCH (n:${kind.label} {id: $id}) RETURN ${kind.projection('n')} AS node, coalesce(n.aliases, []) AS aliases`, { id }, 'readNode');
  return { node: row!.node, aliases: row!.aliases };
}

/** What the history keeps of a node: everything shown, plus the aliases. */
const state = <T>(snapshot: Snapshot<T>) => ({ ...snapshot.node, aliases: snapshot.aliases });

/** The merged node's relationships by type and direction, e.g. `{"PARTNER_IN>": 3, "<CHANGED": 1}`. */
async function countRelationships(tx: GraphTransaction, kind: MergeKind, id: string): Promise<Record<string, number>> {
  const rows = await tx.run<{ key: string; n: number }>(
    `MATCH (n:${kind.label} {id: $id})-[r]-(other)
     RETURN CASE WHEN startNode(r) = n THEN type(r) + '>' ELSE '<' + type(r) END AS key, count(*) AS n
     ORDER BY key`,
    { id },
    'countRelationships',
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

/**
 * Moves every relationship of the merged node to the kept one, whatever its type: Cypher 5.26
 * creates relationships of a type held in a variable (`MERGE ()-[:$(t)]->()`), so one statement
 * covers types added later too. MERGE rather than CREATE: where the kept node has the same
 * relationship to the same node already, it keeps its own and gains no duplicate. Incoming
 * CHANGED links are copied, not moved: the old changes then show in both nodes' histories.
 * Relationships between the two nodes would become loops on the kept node, so they are dropped
 * (the merged node's change keeps their count in its before-state).
 */
async function moveRelationships(tx: GraphTransaction, kind: MergeKind, keepId: string, mergeId: string): Promise<void> {
  await tx.run(
    `MATCH (m:${kind.label} {id: $mergeId}), (k:${kind.label} {id: $keepId})
     CALL (m, k) {
       MATCH (m)-[r]->(other) WHERE other <> k AND other <> m
       WITH r, other, type(r) AS t, properties(r) AS props
       MERGE (k)-[moved:$(t)]->(other) ON CREATE SET moved = props
       DELETE r
     }
     CALL (m, k) {
       MATCH (m)<-[r]-(other) WHERE other <> k AND other <> m
       WITH r, other, type(r) AS t, properties(r) AS props
       MERGE (other)-[moved:$(t)]->(k) ON CREATE SET moved = props
       FOREACH (_ IN CASE WHEN t = 'CHANGED' THEN [] ELSE [1] END | DELETE r)
     }
     CALL (m, k) {
       OPTIONAL MATCH (m)-[r]-(k)
       DELETE r
     }
     // Earlier tombstones of the merged node now point at the kept one.
     CALL (k) {
       MATCH (older)-[:MERGED_INTO]->(k) WHERE older.mergedInto = $mergeId
       SET older.mergedInto = $keepId
     }`,
    { keepId, mergeId },
    'moveRelationships',
  );
  if (kind.label === 'Organisation') {
    // Adoptions name the organisation they spread from by id (a property, not a relationship).
    await tx.run('MATCH ()-[a:ADOPTED {fromId: $mergeId}]->() SET a.fromId = $keepId', { keepId, mergeId }, 'moveAdoptionSources');
  }
}

/**
 * Checks, after the relationships moved, what the merge must not make: a PART_OF or BUILDS_ON loop
 * through the kept node (the only node that gained relationships), an adoption of an innovation
 * the kept organisation nominated or made, or an adoption from the kept organisation by itself.
 * Any of them refuses the whole merge (it rolls back); nothing is dropped silently.
 */
async function checkMerged(tx: GraphTransaction, kind: MergeKind, keepId: string, mergeId: string): Promise<void> {
  const [row] = await tx.run<{ partOfLoop: boolean; buildsOnLoop: boolean; ownAdopted: string[]; adoptedFromSelf: string[]; keptName: string }>(
    `MATCH (k:${kind.label} {id: $keepId})
     RETURN EXISTS { (k)-[:PART_OF*]->(k) } AS partOfLoop,
            EXISTS { (k)-[:BUILDS_ON*]->(k) } AS buildsOnLoop,
            COLLECT { MATCH (k)-[:ADOPTED]->(i:Innovation) WHERE EXISTS { (k)-[:NOMINATED|MADE]->(i) } RETURN i.title ORDER BY i.title } AS ownAdopted,
            COLLECT { MATCH (k)-[:ADOPTED {fromId: $keepId}]->(i:Innovation) RETURN i.title ORDER BY i.title } AS adoptedFromSelf,
            k.name AS keptName`,
    { keepId },
    'checkMerged',
  );
  const { partOfLoop, buildsOnLoop, ownAdopted, adoptedFromSelf, keptName } = row!;
  const refuse = (rule: 'partOfLoop' | 'buildsOnLoop' | 'ownAdoption' | 'adoptionFromSelf', titles: readonly string[] = []) => {
    throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'mergeBreaks', argument: 'mergeId', rule, keepId, mergeId, keptName, titles });
  };
  if (partOfLoop) refuse('partOfLoop');
  if (buildsOnLoop) refuse('buildsOnLoop');
  if (ownAdopted.length > 0) refuse('ownAdoption', ownAdopted);
  if (adoptedFromSelf.length > 0) refuse('adoptionFromSelf', adoptedFromSelf);
}

/** Adds the merged node's name and aliases to the kept node's aliases (once each, never its own name). */
async function takeOverNames(tx: GraphTransaction, kind: MergeKind, keepId: string, names: string[]): Promise<void> {
  await tx.run(
    `MATCH (k:${kind.label} {id: $keepId})
     WITH k, [a IN coalesce(k.aliases, []) + $names WHERE a <> k.name] AS candidates
     SET k.aliases = reduce(acc = [], a IN candidates | CASE WHEN a IN acc THEN acc ELSE acc + a END)
     FOREACH (_ IN CASE WHEN $aliasText THEN [1] ELSE [] END |
       SET k.aliasText = reduce(t = '', a IN k.aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + a))`,
    { keepId, names, aliasText: kind.aliasText },
    'takeOverNames',
  );
}

async function makeTombstone(tx: GraphTransaction, kind: MergeKind, keepId: string, mergeId: string): Promise<void> {
  await tx.run(
    `MATCH (m:${kind.label} {id: $mergeId}), (k:${kind.label} {id: $keepId})
     REMOVE m:${kind.label}
     SET m:${kind.tombstone}, m.mergedInto = $keepId, m.mergedAt = datetime()
     CREATE (m)-[:MERGED_INTO]->(k)`,
    { keepId, mergeId },
    'makeTombstone',
  );
}

function merge<T extends { name: string }>(graph: GraphRunner, kind: MergeKind, actor: string, keepId: string, mergeId: string) {
  return runWrite(graph, `merge.${kind.label.toLowerCase()}`, async (tx) => {
    if (keepId === mergeId) throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'sameNode', argument: 'mergeId', other: 'keepId', label: kind.label, id: keepId });
    // A write to either node waits for the merge and never sees a half-moved node; a second merge
    // of the same pair (or the opposite one) finds the merged id gone, and says where it went.
    await requireNodes(tx, [
      { label: kind.label, id: keepId, argument: 'keepId' },
      { label: kind.label, id: mergeId, argument: 'mergeId' },
    ]);
    const kept = await readNode<T>(tx, kind, keepId);
    const merged = await readNode<T>(tx, kind, mergeId);
    const relationships = await countRelationships(tx, kind, mergeId);
    await moveRelationships(tx, kind, keepId, mergeId);
    await checkMerged(tx, kind, keepId, mergeId);
    await takeOverNames(tx, kind, keepId, [merged.node.name, ...merged.aliases]);
    const after = await readNode<T>(tx, kind, keepId);
    // Both changes are written before the merged node loses its label: the history links a change
    // to its entity by label and id.
    await recordChange(tx, {
      actor,
      action: kind.action,
      entityType: kind.label,
      entityId: mergeId,
      summary: `Merged ${merged.node.name} (${mergeId}) into ${kept.node.name} (${keepId}); this id is kept as a pointer to it.`,
      before: { ...state(merged), relationships },
      after: { mergedInto: keepId },
    });
    await recordChange(tx, {
      actor,
      action: kind.action,
      entityType: kind.label,
      entityId: keepId,
      summary: `Took over ${merged.node.name} (${mergeId}): its relationships, and its names as aliases.`,
      before: state(kept),
      after: { ...state(after), mergedFrom: mergeId, relationshipsTakenOver: relationships },
    });
    await makeTombstone(tx, kind, keepId, mergeId);
    return after.node;
  });
}

/** Merges the organisation `mergeId` into `keepId` in one transaction; see the module comment. */
export function mergeOrganisations(graph: GraphRunner, actor: string, keepId: string, mergeId: string) {
  return merge<OrganisationNode>(graph, ORGANISATION, actor, keepId, mergeId);
}

/** Merges the person `mergeId` into `keepId` in one transaction; see the module comment. */
export function mergePeople(graph: GraphRunner, actor: string, keepId: string, mergeId: string) {
  return merge<PersonNode>(graph, PERSON, actor, keepId, mergeId);
}
