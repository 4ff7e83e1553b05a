import type { GraphRunner, GraphTransaction } from '../graph-runner.js';
import type { AdoptionLink } from '../lookups.cypher.js';
import { PROJECT, type InnovationNode } from '../records.js';
import { recordChange } from './history.cypher.js';
import { lockNodes, nameOf, requireNodes, type NodeRef } from './node-locks.cypher.js';
import { runWrite, WriteProblemSignal } from './write-result.js';

/**
 * Writes of the relationships around an innovation: partners, contacts, adoptions and lineage.
 * Each relationship exists at most once per pair of nodes: recording it again updates it, and the
 * change's before-state keeps what it said before.
 */

/**
 * Locks both ends and checks them (see node-locks): concurrent writes of the same pair queue there,
 * so the next one reads the relationship the previous one committed (a MERGE alone could let two
 * of them create one each, and would let both record "there was none" as their before-state).
 * Returns the ends' names for the change's summary.
 */
async function lockEnds(tx: GraphTransaction, from: NodeRef, to: NodeRef, ...others: NodeRef[]): Promise<{ fromName: string; toName: string }> {
  const nodes = await requireNodes(tx, [from, to, ...others]);
  return { fromName: nameOf(nodes, from.label, from.id), toName: nameOf(nodes, to.label, to.id) };
}

async function readInnovation(tx: GraphTransaction, id: string): Promise<InnovationNode> {
  const [row] = await tx.run<{ node: InnovationNode }>(`MATCH (i:Innovation {id: $id}) RETURN ${PROJECT.innovation('i')} AS node`, { id }, 'readInnovation');
  return row!.node;
}

// ---------------------------------------------------------------------------------------------
// Partners and contacts

export function addPartnership(graph: GraphRunner, actor: string, innovationId: string, organisationId: string, role: string) {
  return runWrite(graph, 'relation.addPartnership', async (tx) => {
    const { fromName, toName } = await lockEnds(tx, { label: 'Organisation', id: organisationId, argument: 'organisationId' }, { label: 'Innovation', id: innovationId, argument: 'innovationId', mustBeCurrent: true });
    const [row] = await tx.run<{ before: { organisationId: string; role: string | null } | null }>(
      `MATCH (o:Organisation {id: $organisationId}), (i:Innovation {id: $innovationId})
       OPTIONAL MATCH (o)-[old:PARTNER_IN]->(i)
       WITH o, i, CASE WHEN old IS NULL THEN null ELSE {organisationId: o.id, role: old.role} END AS before
       MERGE (o)-[r:PARTNER_IN]->(i)
       SET r.role = $role
       REMOVE r.imported
       RETURN before`,
      { organisationId, innovationId, role },
      'mergePartnership',
    );
    const before = row!.before;
    await recordChange(tx, {
      actor,
      action: 'addPartnership',
      entityType: 'Innovation',
      entityId: innovationId,
      summary: before ? `Changed the role of ${fromName} as partner in "${toName}" to "${role}".` : `Added ${fromName} as partner in "${toName}" (${role}).`,
      before,
      after: { organisationId, role },
    });
    return readInnovation(tx, innovationId);
  });
}

/** One kind of link from an organisation or person to an innovation, for removing it. */
interface InnovationLinkKind {
  readonly tag: string;
  readonly action: string;
  readonly fromLabel: 'Organisation' | 'Person';
  readonly fromField: 'organisationId' | 'personId';
  readonly type: 'PARTNER_IN' | 'CONTACT_FOR';
  /** The relationship property the history keeps beside the id. */
  readonly property: 'role' | 'purpose';
  /** What the problem calls the link when it is not there. */
  readonly link: 'partnership' | 'contact';
  readonly removed: (fromName: string, toName: string) => string;
}

/** Removes one link to an innovation and records it, or reports NOT_FOUND when there is none. */
function removeInnovationLink(graph: GraphRunner, kind: InnovationLinkKind, actor: string, innovationId: string, fromId: string) {
  return runWrite(graph, kind.tag, async (tx) => {
    const { fromName, toName } = await lockEnds(tx, { label: kind.fromLabel, id: fromId, argument: kind.fromField }, { label: 'Innovation', id: innovationId, argument: 'innovationId', mustBeCurrent: true });
    const [row] = await tx.run<{ kept: string | null }>(
      `MATCH (:${kind.fromLabel} {id: $fromId})-[r:${kind.type}]->(:Innovation {id: $innovationId})
       WITH r, r.${kind.property} AS kept
       DELETE r
       RETURN kept`,
      { fromId, innovationId },
      'deleteLink',
    );
    if (!row) {
      throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'noSuchLink', argument: kind.fromField, link: kind.link, from: { id: fromId, name: fromName }, to: { id: innovationId, name: toName } });
    }
    await recordChange(tx, {
      actor,
      action: kind.action,
      entityType: 'Innovation',
      entityId: innovationId,
      summary: kind.removed(fromName, toName),
      before: { [kind.fromField]: fromId, [kind.property]: row.kept },
      after: null,
    });
    return readInnovation(tx, innovationId);
  });
}

const PARTNERSHIP: InnovationLinkKind = {
  tag: 'relation.removePartnership',
  action: 'removePartnership',
  fromLabel: 'Organisation',
  fromField: 'organisationId',
  type: 'PARTNER_IN',
  property: 'role',
  link: 'partnership',
  removed: (fromName, toName) => `Removed ${fromName} as partner in "${toName}".`,
};

const CONTACT: InnovationLinkKind = {
  tag: 'relation.removeContact',
  action: 'removeContact',
  fromLabel: 'Person',
  fromField: 'personId',
  type: 'CONTACT_FOR',
  property: 'purpose',
  link: 'contact',
  removed: (fromName, toName) => `Removed ${fromName} as contact for "${toName}".`,
};

export function removePartnership(graph: GraphRunner, actor: string, innovationId: string, organisationId: string) {
  return removeInnovationLink(graph, PARTNERSHIP, actor, innovationId, organisationId);
}

export function addContact(graph: GraphRunner, actor: string, innovationId: string, personId: string, purpose: string) {
  return runWrite(graph, 'relation.addContact', async (tx) => {
    const { fromName, toName } = await lockEnds(tx, { label: 'Person', id: personId, argument: 'personId' }, { label: 'Innovation', id: innovationId, argument: 'innovationId', mustBeCurrent: true });
    const [row] = await tx.run<{ before: { personId: string; purpose: string } | null }>(
      `MATCH (p:Person {id: $personId}), (i:Innovation {id: $innovationId})
       OPTIONAL MATCH (p)-[old:CONTACT_FOR]->(i)
       WITH p, i, CASE WHEN old IS NULL THEN null ELSE {personId: p.id, purpose: old.purpose} END AS before
       MERGE (p)-[r:CONTACT_FOR]->(i)
       SET r.purpose = $purpose
       REMOVE r.imported
       RETURN before`,
      { personId, innovationId, purpose },
      'mergeContact',
    );
    const before = row!.before;
    await recordChange(tx, {
      actor,
      action: 'addContact',
      entityType: 'Innovation',
      entityId: innovationId,
      summary: before ? `Changed ${fromName} as contact for "${toName}" to ${purpose}.` : `Added ${fromName} as ${purpose} contact for "${toName}".`,
      before,
      after: { personId, purpose },
    });
    return readInnovation(tx, innovationId);
  });
}

export function removeContact(graph: GraphRunner, actor: string, innovationId: string, personId: string) {
  return removeInnovationLink(graph, CONTACT, actor, innovationId, personId);
}

// ---------------------------------------------------------------------------------------------
// Adoptions and lineage

/** What a spreading fact says: how, how far, when, and where the source says so. */
export interface SpreadFact {
  mode: string;
  status: string;
  year: number;
  evidence: string;
  source: string;
}

export interface AdoptionFields extends SpreadFact {
  innovationId: string;
  organisationId: string;
  fromOrganisationId?: string | null | undefined;
}

const ADOPTION_LINK = `{organisation: ${PROJECT.organisation('o')}, innovation: ${PROJECT.innovation('i')},
  mode: a.mode, status: a.status, year: a.year, evidence: a.evidence, source: a.source, fromId: a.fromId}`;

async function readAdoption(tx: GraphTransaction, organisationId: string, innovationId: string): Promise<AdoptionLink | null> {
  const [row] = await tx.run<{ link: AdoptionLink }>(
    `MATCH (o:Organisation {id: $organisationId})-[a:ADOPTED]->(i:Innovation {id: $innovationId}) RETURN ${ADOPTION_LINK} AS link`,
    { organisationId, innovationId },
    'readAdoption',
  );
  return row?.link ?? null;
}

/** The adoption as the history keeps it: the relationship's own properties and its ends' ids. */
function adoptionState(link: AdoptionLink) {
  const { organisation, innovation, ...fact } = link;
  return { organisationId: organisation.id, innovationId: innovation.id, ...fact };
}

export function recordAdoption(graph: GraphRunner, actor: string, fields: AdoptionFields) {
  return runWrite(graph, 'relation.recordAdoption', async (tx) => {
    const { organisationId, innovationId } = fields;
    const fromId = fields.fromOrganisationId ?? null;
    const { fromName, toName } = await lockEnds(
      tx,
      { label: 'Organisation', id: organisationId, argument: 'organisationId' },
      { label: 'Innovation', id: innovationId, argument: 'innovationId', mustBeCurrent: true },
    );
    // Locked too: a merge of the organisation it spread from rewrites the adoptions that name it,
    // and must not miss this one.
    if (fromId) await lockNodes(tx, [{ label: 'Organisation', id: fromId, argument: 'fromOrganisationId' }]);
    const [checks] = await tx.run<{ isOrigin: boolean; fromFound: boolean }>(
      `MATCH (o:Organisation {id: $organisationId}), (i:Innovation {id: $innovationId})
       RETURN EXISTS { (o)-[:NOMINATED|MADE]->(i) } AS isOrigin,
              $fromId IS NULL OR EXISTS { MATCH (:Organisation {id: $fromId}) } AS fromFound`,
      { organisationId, innovationId, fromId },
      'checkAdoption',
    );
    if (checks!.isOrigin) {
      throw new WriteProblemSignal({
        code: 'CONFLICT',
        reason: 'originAdopts',
        argument: 'organisationId',
        organisation: { id: organisationId, name: fromName },
        innovation: { id: innovationId, name: toName },
      });
    }
    if (fromId === organisationId) {
      throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'itself', argument: 'fromOrganisationId', id: organisationId });
    }
    if (!checks!.fromFound) {
      throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument: 'fromOrganisationId', kind: 'organisation', ids: [fromId!] });
    }
    const before = await readAdoption(tx, organisationId, innovationId);
    await tx.run(
      `MATCH (o:Organisation {id: $organisationId}), (i:Innovation {id: $innovationId})
       MERGE (o)-[a:ADOPTED]->(i)
       SET a.mode = $mode, a.status = $status, a.year = $year, a.evidence = $evidence, a.source = $source, a.fromId = $fromId
       REMOVE a.imported`,
      { organisationId, innovationId, mode: fields.mode, status: fields.status, year: fields.year, evidence: fields.evidence, source: fields.source, fromId },
      'mergeAdoption',
    );
    const after = (await readAdoption(tx, organisationId, innovationId))!;
    await recordChange(tx, {
      actor,
      action: 'recordAdoption',
      entityType: 'Innovation',
      entityId: innovationId,
      summary: `${before ? 'Updated' : 'Recorded'} the adoption of "${toName}" by ${fromName} (${fields.mode}, ${fields.status}, ${fields.year}).`,
      before: before ? adoptionState(before) : null,
      after: adoptionState(after),
    });
    return after;
  });
}

export interface LineageFields extends SpreadFact {
  /** The later innovation, the one that builds on the other. */
  innovationId: string;
  /** The earlier innovation. */
  buildsOnId: string;
}

/**
 * Takes the write locks of every innovation the earlier one builds on, directly or not, reading
 * them again until no new one appears (the ends are locked already). Two links that could close a
 * loop between them then share a locked innovation and queue (or deadlock, which Neo4j detects and
 * the driver retries), so the later one's loop check reads what the earlier one committed.
 */
async function lockLineage(tx: GraphTransaction, buildsOnId: string, alreadyLocked: string[]): Promise<void> {
  const locked = new Set(alreadyLocked);
  for (let round = 0; round < 100; round += 1) {
    const [found] = await tx.run<{ ids: string[] }>(
      `MATCH (:Innovation {id: $buildsOnId})-[:BUILDS_ON*]->(earlier:Innovation)
       RETURN collect(DISTINCT earlier.id) AS ids`,
      { buildsOnId },
      'readLineage',
    );
    const ids = [...new Set(found?.ids ?? [])].filter((x) => !locked.has(x)).sort();
    if (ids.length === 0) return;
    await tx.run('UNWIND $ids AS x MATCH (i:Innovation {id: x}) SET i._lock = true REMOVE i._lock', { ids }, 'lockLineage');
    ids.forEach((x) => locked.add(x));
  }
}

export function linkInnovations(graph: GraphRunner, actor: string, fields: LineageFields) {
  return runWrite(graph, 'relation.linkInnovations', async (tx) => {
    const { innovationId, buildsOnId } = fields;
    const { fromName, toName } = await lockEnds(
      tx,
      { label: 'Innovation', id: innovationId, argument: 'innovationId', mustBeCurrent: true },
      { label: 'Innovation', id: buildsOnId, argument: 'buildsOnId' },
    );
    if (innovationId === buildsOnId) {
      throw new WriteProblemSignal({ code: 'CONFLICT', reason: 'itself', argument: 'buildsOnId', id: innovationId });
    }
    await lockLineage(tx, buildsOnId, [innovationId, buildsOnId]);
    // Unbounded: every path from the earlier innovation on, however long.
    const [loop] = await tx.run<{ wouldLoop: boolean }>(
      `MATCH (b:Innovation {id: $buildsOnId}), (i:Innovation {id: $innovationId})
       RETURN EXISTS { (b)-[:BUILDS_ON*]->(i) } AS wouldLoop`,
      { innovationId, buildsOnId },
      'checkLoop',
    );
    if (loop!.wouldLoop) {
      throw new WriteProblemSignal({
        code: 'CONFLICT',
        reason: 'lineageLoop',
        argument: 'buildsOnId',
        innovation: { id: innovationId, name: fromName },
        buildsOn: { id: buildsOnId, name: toName },
      });
    }
    const [row] = await tx.run<{ before: Record<string, unknown> | null; after: Record<string, unknown> }>(
      `MATCH (i:Innovation {id: $innovationId}), (b:Innovation {id: $buildsOnId})
       OPTIONAL MATCH (i)-[old:BUILDS_ON]->(b)
       WITH i, b, CASE WHEN old IS NULL THEN null ELSE old {.mode, .status, .year, .evidence, .source} END AS before
       MERGE (i)-[r:BUILDS_ON]->(b)
       SET r.mode = $mode, r.status = $status, r.year = $year, r.evidence = $evidence, r.source = $source
       REMOVE r.imported
       RETURN before, r {.mode, .status, .year, .evidence, .source} AS after`,
      { innovationId, buildsOnId, mode: fields.mode, status: fields.status, year: fields.year, evidence: fields.evidence, source: fields.source },
      'mergeLineage',
    );
    const before = row!.before;
    await recordChange(tx, {
      actor,
      action: 'linkInnovations',
      entityType: 'Innovation',
      entityId: innovationId,
      summary: `${before ? 'Updated the link' : 'Linked'}: "${fromName}" builds on "${toName}" (${fields.mode}, ${fields.status}, ${fields.year}).`,
      before: before ? { innovationId, buildsOnId, ...before } : null,
      after: { innovationId, buildsOnId, ...row!.after },
    });
    return readInnovation(tx, innovationId);
  });
}
