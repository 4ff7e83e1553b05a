import type { GraphRunner, GraphTransaction } from '../graph-runner.js';
import { PROJECT, type InnovationNode } from '../records.js';
import { recordChange } from './history.cypher.js';
import { lockNodes, requireFreeId, requireNodes } from './node-locks.cypher.js';
import { runWrite, WriteProblemSignal } from './write-result.js';

export interface InnovationSourceFields {
  documentId: string;
  section?: string | null | undefined;
  page?: number | null | undefined;
  lines?: number[] | null | undefined;
}

export interface InnovationFields {
  // null from GraphQL: a title cannot be cleared, so null leaves it as it is (like kind).
  title?: string | null | undefined;
  summary?: string | undefined;
  year?: number | null | undefined;
  targetGroup?: string | null | undefined;
  kind?: string | undefined;
  sector?: string | null | undefined;
  types?: string[] | undefined;
  coronaRelated?: boolean | undefined;
  /** Given lists replace the relationships of their kind; absent ones leave them as they are. */
  themeIds?: string[] | undefined;
  nominatorIds?: string[] | undefined;
  makerIds?: string[] | undefined;
  /** `null` removes the source reference. */
  source?: InnovationSourceFields | null | undefined;
}

/**
 * The innovation as the history keeps it: its properties and the relationships the mutations
 * set, so that a replaced nominator or theme can still be read from the change's before-state.
 */
type InnovationSnapshot = InnovationNode & {
  nominatorIds: string[];
  makerIds: string[];
  themeIds: string[];
};

async function readInnovation(tx: GraphTransaction, id: string): Promise<InnovationSnapshot | null> {
  const [row] = await tx.run<{ node: InnovationNode; nominatorIds: string[]; makerIds: string[]; themeIds: string[] }>(
    `MATCH (i:Innovation {id: $id})
     RETURN ${PROJECT.innovation('i')} AS node,
            COLLECT { MATCH (i)<-[:NOMINATED]-(o:Organisation) RETURN o.id ORDER BY o.id } AS nominatorIds,
            COLLECT { MATCH (i)<-[:MADE]-(o:Organisation) RETURN o.id ORDER BY o.id } AS makerIds,
            COLLECT { MATCH (i)-[:ABOUT]->(t:Theme) RETURN t.id ORDER BY t.id } AS themeIds`,
    { id },
    'readInnovation',
  );
  if (!row) return null;
  return { ...row.node, nominatorIds: row.nominatorIds, makerIds: row.makerIds, themeIds: row.themeIds };
}

function publicPart({ nominatorIds: _n, makerIds: _m, themeIds: _t, ...innovation }: InnovationSnapshot): InnovationNode {
  return innovation;
}

/** Checks, in one query, that every theme, organisation and source document the fields name exists. */
async function checkReferences(tx: GraphTransaction, fields: InnovationFields): Promise<void> {
  const [row] = await tx.run<{ themeIds: string[]; nominatorIds: string[]; makerIds: string[]; documentMissing: boolean }>(
    `RETURN [x IN $themeIds WHERE NOT EXISTS { MATCH (:Theme {id: x}) }] AS themeIds,
            [x IN $nominatorIds WHERE NOT EXISTS { MATCH (:Organisation {id: x}) }] AS nominatorIds,
            [x IN $makerIds WHERE NOT EXISTS { MATCH (:Organisation {id: x}) }] AS makerIds,
            $documentId IS NOT NULL AND NOT EXISTS { MATCH (:Source {id: $documentId}) } AS documentMissing`,
    { themeIds: fields.themeIds ?? [], nominatorIds: fields.nominatorIds ?? [], makerIds: fields.makerIds ?? [], documentId: fields.source?.documentId ?? null },
    'checkReferences',
  );
  for (const [argument, kind] of [
    ['nominatorIds', 'organisation'],
    ['makerIds', 'organisation'],
    ['themeIds', 'theme'],
  ] as const) {
    if (row![argument].length > 0) throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument, kind, ids: row![argument] });
  }
  if (row!.documentMissing) {
    throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument: 'source.documentId', kind: 'source document', ids: [fields.source!.documentId] });
  }
}

/**
 * A subquery that makes the links of one kind from innovation `i` exactly the ids in `$<param>`
 * (left alone when the parameter is null): links to others are deleted, missing ones merged,
 * and new ones record who made them. The fragments are constants of this module.
 */
function replaceLinks(param: string, existing: string, target: string, link: string, end: string): string {
  return `CALL (i) {
       WITH i WHERE $${param} IS NOT NULL
       OPTIONAL MATCH ${existing} WHERE NOT ${end}.id IN $${param}
       DELETE old
       WITH DISTINCT i
       UNWIND $${param} AS linkedId
       MATCH ${target}
       MERGE ${link} ON CREATE SET r.recordedBy = $actor, r.recordedAt = datetime()
     }`;
}

/**
 * Sets the given fields; `null` clears year, target group, sector or source, `undefined` leaves a
 * field as it is. A given list of nominators, makers or themes becomes the whole set: links to
 * others are deleted, links that stay keep their properties (e.g. where the source states them).
 */
async function applyFields(tx: GraphTransaction, actor: string, id: string, fields: InnovationFields): Promise<void> {
  const source = fields.source;
  await tx.run(
    `MATCH (i:Innovation {id: $id})
     SET i.title = coalesce($title, i.title), i.summary = coalesce($summary, i.summary), i.kind = coalesce($kind, i.kind),
         i.coronaRelated = coalesce($coronaRelated, i.coronaRelated), i.types = coalesce($types, i.types)
     FOREACH (_ IN CASE WHEN $setYear THEN [1] ELSE [] END | SET i.year = $year)
     FOREACH (_ IN CASE WHEN $setTargetGroup THEN [1] ELSE [] END | SET i.targetGroup = $targetGroup)
     FOREACH (_ IN CASE WHEN $setSector THEN [1] ELSE [] END | SET i.sector = $sector)
     WITH i
     ${replaceLinks('nominatorIds', '(i)<-[old:NOMINATED]-(o:Organisation)', '(o:Organisation {id: linkedId})', '(o)-[r:NOMINATED]->(i)', 'o')}
     ${replaceLinks('makerIds', '(i)<-[old:MADE]-(o:Organisation)', '(o:Organisation {id: linkedId})', '(o)-[r:MADE]->(i)', 'o')}
     ${replaceLinks('themeIds', '(i)-[old:ABOUT]->(t:Theme)', '(t:Theme {id: linkedId})', '(i)-[r:ABOUT]->(t)', 't')}
     CALL (i) {
       WITH i WHERE $setSource
       OPTIONAL MATCH (i)-[old:DESCRIBED_IN]->(:Source)
       DELETE old
       WITH DISTINCT i
       SET i.sourceSection = $sourceSection, i.sourceLines = $sourceLines, i.sourcePage = $sourcePage
       WITH i WHERE $documentId IS NOT NULL
       MATCH (s:Source {id: $documentId})
       MERGE (i)-[d:DESCRIBED_IN]->(s)
       SET d.section = $sourceSection, d.lines = $sourceLines, d.page = $sourcePage, d.recordedBy = $actor
     }`,
    {
      id,
      actor,
      title: fields.title ?? null,
      summary: fields.summary ?? null,
      kind: fields.kind ?? null,
      coronaRelated: fields.coronaRelated ?? null,
      types: fields.types ? [...new Set(fields.types)] : null,
      setYear: fields.year !== undefined,
      year: fields.year ?? null,
      setTargetGroup: fields.targetGroup !== undefined,
      targetGroup: fields.targetGroup ?? null,
      setSector: fields.sector !== undefined,
      sector: fields.sector ?? null,
      nominatorIds: fields.nominatorIds ?? null,
      makerIds: fields.makerIds ?? null,
      themeIds: fields.themeIds ?? null,
      setSource: source !== undefined,
      documentId: source?.documentId ?? null,
      sourceSection: source?.section ?? null,
      sourceLines: source?.lines ?? null,
      sourcePage: source?.page ?? null,
    },
    'applyFields',
  );
}

/**
 * Locks the organisations to become nominators or makers before they are checked, so that a merge
 * cannot take one away between the check and the link.
 */
async function lockOrigins(tx: GraphTransaction, fields: InnovationFields): Promise<void> {
  const ids = [...(fields.nominatorIds ?? []), ...(fields.makerIds ?? [])];
  await lockNodes(tx, ids.map((id) => ({ label: 'Organisation' as const, id, argument: 'nominatorIds' })));
}

/**
 * Refuses to make an organisation that adopted the innovation one of its nominators or makers: an
 * organisation cannot adopt its own innovation, whichever is recorded first. The caller holds the
 * innovation's lock, so this queues behind a concurrent recordAdoption, which locks it too.
 */
async function checkNoAdopterBecomesOrigin(tx: GraphTransaction, id: string, fields: InnovationFields): Promise<void> {
  for (const [key, role] of [
    ['nominatorIds', 'nominator'],
    ['makerIds', 'maker'],
  ] as const) {
    const ids = fields[key];
    if (!ids || ids.length === 0) continue;
    const [row] = await tx.run<{ id: string; name: string; title: string }>(
      `UNWIND $ids AS x
       MATCH (o:Organisation {id: x})-[:ADOPTED]->(i:Innovation {id: $id})
       RETURN o.id AS id, o.name AS name, i.title AS title ORDER BY o.id LIMIT 1`,
      { ids: [...new Set(ids)], id },
      'checkNoAdopterBecomesOrigin',
    );
    if (row) {
      throw new WriteProblemSignal({
        code: 'CONFLICT',
        reason: 'adopterAsOrigin',
        argument: key,
        role,
        organisation: { id: row.id, name: row.name },
        innovation: { id, name: row.title },
      });
    }
  }
}

/** An innovation's origin is its makers, else its nominators: it must keep at least one. */
async function checkOrigin(tx: GraphTransaction, id: string): Promise<void> {
  const [row] = await tx.run<{ hasOrigin: boolean }>('MATCH (i:Innovation {id: $id}) RETURN EXISTS { (i)<-[:NOMINATED|MADE]-(:Organisation) } AS hasOrigin', { id }, 'checkOrigin');
  if (!row?.hasOrigin) {
    throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'noOrigin', argument: 'nominatorIds', other: 'makerIds' });
  }
}

export async function createInnovation(graph: GraphRunner, actor: string, id: string, fields: InnovationFields & { title: string; summary: string; kind: string }) {
  return runWrite(graph, 'innovation.create', async (tx) => {
    await requireFreeId(tx, 'Innovation', id, 'id');
    await lockOrigins(tx, fields);
    await checkReferences(tx, fields);
    await tx.run(
      `CREATE (i:Innovation {id: $id, title: $title, summary: $summary, kind: $kind, types: [], coronaRelated: false,
                             retired: false, createdAt: datetime()})`,
      { id, title: fields.title, summary: fields.summary, kind: fields.kind },
      'create',
    );
    await applyFields(tx, actor, id, fields);
    await checkOrigin(tx, id);
    const after = (await readInnovation(tx, id))!;
    await recordChange(tx, { actor, action: 'createInnovation', entityType: 'Innovation', entityId: id, summary: `Created ${after.title}.`, before: null, after });
    return publicPart(after);
  });
}

export async function updateInnovation(graph: GraphRunner, actor: string, id: string, fields: InnovationFields) {
  return runWrite(graph, 'innovation.update', async (tx) => {
    // The innovation's lock comes first: a concurrent recordAdoption takes it too, so the check
    // that no adopter becomes a nominator or maker reads the adoptions it committed.
    await requireNodes(tx, [{ label: 'Innovation', id, argument: 'id', mustBeCurrent: true }]);
    await lockOrigins(tx, fields);
    const before = (await readInnovation(tx, id))!;
    await checkReferences(tx, fields);
    if (fields.nominatorIds !== undefined || fields.makerIds !== undefined) await checkNoAdopterBecomesOrigin(tx, id, fields);
    await applyFields(tx, actor, id, fields);
    if (fields.nominatorIds !== undefined || fields.makerIds !== undefined) await checkOrigin(tx, id);
    const after = (await readInnovation(tx, id))!;
    await recordChange(tx, { actor, action: 'updateInnovation', entityType: 'Innovation', entityId: id, summary: `Updated ${after.title}.`, before, after });
    return publicPart(after);
  });
}

/**
 * Retires an innovation: it stays in the graph, readable by id and in its history, but lists,
 * search, networks and statistics leave it out. Retiring it again is a conflict.
 */
export function retireInnovation(graph: GraphRunner, actor: string, id: string, reason: string) {
  return runWrite(graph, 'innovation.retire', async (tx) => {
    // Locked first, so two retirements at once cannot both see it current.
    await requireNodes(tx, [{ label: 'Innovation', id, argument: 'id' }]);
    const before = (await readInnovation(tx, id))!;
    if (before.retired) throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'retiredAlready', argument: 'id', id, retiredAt: before.retiredAt ?? null });
    await tx.run('MATCH (i:Innovation {id: $id}) SET i.retired = true, i.retiredAt = datetime(), i.retiredReason = $reason', { id, reason }, 'retire');
    const after = (await readInnovation(tx, id))!;
    await recordChange(tx, { actor, action: 'retireInnovation', entityType: 'Innovation', entityId: id, summary: `Retired ${after.title}: ${reason}`, before, after });
    return publicPart(after);
  });
}

/**
 * Restores a retired innovation: it is current again, in lists, search, networks and statistics,
 * and open to writes. The retirement stays in its history. Restoring a current one is a conflict.
 */
export function restoreInnovation(graph: GraphRunner, actor: string, id: string, reason: string) {
  return runWrite(graph, 'innovation.restore', async (tx) => {
    await requireNodes(tx, [{ label: 'Innovation', id, argument: 'id' }]);
    const before = (await readInnovation(tx, id))!;
    if (!before.retired) throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'notRetired', argument: 'id', id });
    await tx.run('MATCH (i:Innovation {id: $id}) SET i.retired = false REMOVE i.retiredAt, i.retiredReason', { id }, 'restore');
    const after = (await readInnovation(tx, id))!;
    await recordChange(tx, { actor, action: 'restoreInnovation', entityType: 'Innovation', entityId: id, summary: `Restored ${after.title}: ${reason}`, before, after });
    return publicPart(after);
  });
}
