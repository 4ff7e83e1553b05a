import type { GraphTransaction } from '../graph-runner.js';
import { WriteProblemSignal, type NodeLabel } from './write-result.js';

/**
 * The nodes a write reads or changes, locked before anything is read for the change.
 *
 * Locking comes first and the check comes after, in a statement of its own. A statement that
 * matches a node and then waits for its lock still holds the node as it matched it; if the
 * transaction holding the lock merged it away meanwhile (the merge swaps its label for a
 * tombstone's), the waiting write would go on with a node that is no longer there, and find
 * nothing when it reads it again. A statement that starts once the lock is held reads what the
 * other transaction committed, and nothing can change the node until this transaction ends.
 */

export type LockedLabel = NodeLabel;

export interface NodeRef {
  readonly label: LockedLabel;
  readonly id: string;
  /** The argument of the write that names it, for the problem, e.g. `parentId`. */
  readonly argument: string;
  /**
   * For innovations: the write changes this one, so a retired innovation refuses it (retired ones
   * are kept for the record and read-only until restored).
   */
  readonly mustBeCurrent?: boolean;
}

export interface LockedNode {
  readonly name: string;
  readonly retired: boolean;
}

const LABELS: readonly LockedLabel[] = ['Organisation', 'Person', 'Innovation'];
/** Where a merged node's id lives on: the tombstone label it gets (innovations are never merged). */
const TOMBSTONE: Partial<Record<LockedLabel, string>> = { Organisation: 'MergedOrganisation', Person: 'MergedPerson' };

const key = (label: string, id: string) => `${label}:${id}`;

/** One branch per label, so that every lookup uses its label's id constraint. */
function matchByLabel(labels: Partial<Record<LockedLabel, string>>, body: string): string {
  return Object.entries(labels)
    .map(([ref, label]) => `MATCH (n:${label} {id: ref.id}) WHERE ref.label = '${ref}' ${body}`)
    .join(' UNION ');
}

const LIVE = Object.fromEntries(LABELS.map((l) => [l, l])) as Record<LockedLabel, string>;

/**
 * Locks the nodes (in label and id order, so two writes that share nodes rarely wait on each other
 * in a cycle; when they do, Neo4j detects it and the transaction is retried), then reads each one
 * again. Returns the nodes that exist, by `label:id`; missing ones are left for the caller.
 */
export async function lockNodes(tx: GraphTransaction, refs: readonly NodeRef[]): Promise<Map<string, LockedNode>> {
  const unique = [...new Map(refs.map((r) => [key(r.label, r.id), { label: r.label, id: r.id }])).values()].sort((a, b) =>
    a.label === b.label ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.label < b.label ? -1 : 1,
  );
  if (unique.length === 0) return new Map();
  await tx.run(
    `UNWIND $refs AS ref
     CALL (ref) { ${matchByLabel(LIVE, 'RETURN n')} }
     SET n._lock = true REMOVE n._lock`,
    { refs: unique },
    'lock',
  );
  const rows = await tx.run<{ label: string; id: string; name: string; retired: boolean }>(
    `UNWIND $refs AS ref
     CALL (ref) { ${matchByLabel(LIVE, 'RETURN ref.label AS label, n.id AS id, coalesce(n.name, n.title) AS name, coalesce(n.retired, false) AS retired')} }
     RETURN label, id, name, retired`,
    { refs: unique },
    'readLocked',
  );
  return new Map(rows.map((r) => [key(r.label, r.id), { name: r.name, retired: r.retired }]));
}

/** Where each of these ids was merged into, for the ones that were. */
async function mergedInto(tx: GraphTransaction, refs: readonly NodeRef[]): Promise<Map<string, string>> {
  const merged = refs.filter((r) => TOMBSTONE[r.label]).map((r) => ({ label: r.label, id: r.id }));
  if (merged.length === 0) return new Map();
  const rows = await tx.run<{ label: string; id: string; mergedInto: string }>(
    `UNWIND $refs AS ref
     CALL (ref) { ${matchByLabel(TOMBSTONE, 'RETURN ref.label AS label, n.id AS id, n.mergedInto AS mergedInto')} }
     RETURN label, id, mergedInto`,
    { refs: merged },
    'mergedInto',
  );
  return new Map(rows.map((r) => [key(r.label, r.id), r.mergedInto]));
}

/**
 * Locks the nodes like {@link lockNodes} and refuses the write when one does not exist (NOT_FOUND,
 * pointing to the node a merged id now lives on) or when an innovation it changes is retired
 * (CONFLICT). Problems are reported in the order the refs are given.
 */
export async function requireNodes(tx: GraphTransaction, refs: readonly NodeRef[]): Promise<Map<string, LockedNode>> {
  const found = await lockNodes(tx, refs);
  const missing = refs.filter((r) => !found.has(key(r.label, r.id)));
  const pointers = missing.length > 0 ? await mergedInto(tx, missing) : new Map<string, string>();
  for (const ref of refs) {
    const node = found.get(key(ref.label, ref.id));
    if (!node) {
      const mergedInto = pointers.get(key(ref.label, ref.id)) ?? null;
      throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownNode', argument: ref.argument, label: ref.label, id: ref.id, mergedInto });
    }
    if (ref.mustBeCurrent && node.retired) {
      throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'retired', argument: ref.argument, id: ref.id });
    }
  }
  return found;
}

/** The name a locked node was found under; the node must be among those {@link requireNodes} checked. */
export function nameOf(nodes: Map<string, LockedNode>, label: LockedLabel, id: string): string {
  return nodes.get(key(label, id))!.name;
}

/**
 * Refuses an id for a new node when a live node has it, or a node that was merged away had it: a
 * merged id keeps pointing at the node it was merged into, so giving it to another would send old
 * links and bookmarks to the wrong one. The live label is read first: a merge that commits between
 * the two reads is then seen as one or the other, never as neither.
 */
export async function requireFreeId(tx: GraphTransaction, label: LockedLabel, id: string, argument: string): Promise<void> {
  const ref = { label, id };
  const [row] = await tx.run<{ live: boolean; mergedInto: string | null }>(
    `WITH $ref AS ref
     RETURN EXISTS { ${matchByLabel(LIVE, 'RETURN n')} } AS live,
            head(COLLECT { ${TOMBSTONE[label] ? matchByLabel(TOMBSTONE, 'RETURN n.mergedInto AS mergedInto') : 'RETURN null AS mergedInto'} }) AS mergedInto`,
    { ref },
    'freeId',
  );
  if (row!.live || row!.mergedInto) {
    throw new WriteProblemSignal({ code: 'ALREADY_EXISTS', reason: 'idTaken', argument, label, id, mergedInto: row!.live ? null : row!.mergedInto });
  }
}
