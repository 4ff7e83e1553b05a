import type { GraphRunner, GraphTransaction } from '../graph-runner.js';
import { PROJECT, type PersonNode } from '../records.js';
import { recordChange } from './history.cypher.js';
import { lockNodes, requireFreeId, requireNodes } from './node-locks.cypher.js';
import { runWrite, WriteProblemSignal } from './write-result.js';

export interface PersonFields {
  // null from GraphQL: a name cannot be cleared, so null leaves it as it is (like kind).
  name?: string | null | undefined;
  role?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  organisationId?: string | null | undefined;
  aliases?: string[] | undefined;
}

async function readPerson(tx: GraphTransaction, id: string): Promise<PersonNode | null> {
  const [row] = await tx.run<{ node: PersonNode }>(`MATCH (p:Person {id: $id}) RETURN ${PROJECT.person('p')} AS node`, { id }, 'readPerson');
  return row?.node ?? null;
}

/** Checks the employer exists, and locks it so that a merge cannot take it away before the link is made. */
async function checkReferences(tx: GraphTransaction, fields: PersonFields): Promise<void> {
  if (!fields.organisationId) return;
  const found = await lockNodes(tx, [{ label: 'Organisation', id: fields.organisationId, argument: 'organisationId' }]);
  if (found.size === 0) {
    throw new WriteProblemSignal({ code: 'NOT_FOUND', reason: 'unknownReference', argument: 'organisationId', kind: 'organisation', ids: [fields.organisationId] });
  }
}

/** Sets the given fields; `null` clears role, e-mail, phone or employer, `undefined` leaves a field as it is. */
async function applyFields(tx: GraphTransaction, id: string, fields: PersonFields): Promise<void> {
  await tx.run(
    `MATCH (p:Person {id: $id})
     SET p.name = coalesce($name, p.name)
     FOREACH (_ IN CASE WHEN $setRole THEN [1] ELSE [] END | SET p.role = $role)
     FOREACH (_ IN CASE WHEN $setEmail THEN [1] ELSE [] END | SET p.email = $email)
     FOREACH (_ IN CASE WHEN $setPhone THEN [1] ELSE [] END | SET p.phone = $phone)
     FOREACH (_ IN CASE WHEN $aliases IS NULL THEN [] ELSE [1] END | SET p.aliases = $aliases)
     WITH p
     CALL (p) {
       WITH p WHERE $setOrganisation
       OPTIONAL MATCH (p)-[old:WORKS_FOR]->() DELETE old
       WITH p WHERE $organisationId IS NOT NULL
       MATCH (o:Organisation {id: $organisationId}) MERGE (p)-[:WORKS_FOR]->(o)
     }`,
    {
      id,
      name: fields.name ?? null,
      setRole: fields.role !== undefined,
      role: fields.role ?? null,
      setEmail: fields.email !== undefined,
      // The seed data keeps e-mail addresses in lower case; so does the API, so that they compare.
      email: fields.email?.toLowerCase() ?? null,
      setPhone: fields.phone !== undefined,
      phone: fields.phone ?? null,
      aliases: fields.aliases ?? null,
      setOrganisation: fields.organisationId !== undefined,
      organisationId: fields.organisationId ?? null,
    },
    'applyFields',
  );
}

export async function createPerson(graph: GraphRunner, actor: string, id: string, fields: PersonFields & { name: string }) {
  return runWrite(graph, 'person.create', async (tx) => {
    await requireFreeId(tx, 'Person', id, 'id');
    await checkReferences(tx, fields);
    await tx.run('CREATE (p:Person {id: $id, name: $name, aliases: [], createdAt: datetime()})', { id, name: fields.name }, 'create');
    await applyFields(tx, id, fields);
    const after = (await readPerson(tx, id))!;
    await recordChange(tx, { actor, action: 'createPerson', entityType: 'Person', entityId: id, summary: `Created ${after.name}.`, before: null, after });
    return after;
  });
}

export async function updatePerson(graph: GraphRunner, actor: string, id: string, fields: PersonFields) {
  return runWrite(graph, 'person.update', async (tx) => {
    await requireNodes(tx, [{ label: 'Person', id, argument: 'id' }]);
    const before = (await readPerson(tx, id))!;
    await checkReferences(tx, fields);
    await applyFields(tx, id, fields);
    const after = (await readPerson(tx, id))!;
    await recordChange(tx, { actor, action: 'updatePerson', entityType: 'Person', entityId: id, summary: `Updated ${after.name}.`, before, after });
    return after;
  });
}
