import type { GraphRunner } from './graph-runner.js';

/**
 * The rules of the graph model that every write must keep, each as a query that finds what breaks
 * it. The writes enforce them under locks inside their transactions; this module checks, after
 * the fact, that they held (the concurrency tests and the soak run call it after their traffic).
 */

export interface InvariantViolation {
  readonly rule: string;
  /** Up to ten examples, as ids or `id -> id`. */
  readonly examples: string[];
}

interface Rule {
  readonly rule: string;
  /** Returns one column `example`, at most ten rows. */
  readonly cypher: string;
}

/** Relationships that exist at most once between two nodes (the writes MERGE them). */
const SINGLE_RELATIONSHIPS = ['PART_OF', 'LOCATED_IN', 'WORKS_FOR', 'NOMINATED', 'MADE', 'PARTNER_IN', 'CONTACT_FOR', 'ADOPTED', 'BUILDS_ON', 'ABOUT', 'MERGED_INTO'];

const RULES: readonly Rule[] = [
  {
    rule: 'the organisation hierarchy has no loop',
    cypher: 'MATCH (o:Organisation) WHERE EXISTS { (o)-[:PART_OF*]->(o) } RETURN o.id AS example ORDER BY example LIMIT 10',
  },
  {
    rule: 'an organisation is part of at most one other',
    cypher: 'MATCH (o:Organisation) WHERE COUNT { (o)-[:PART_OF]->() } > 1 RETURN o.id AS example ORDER BY example LIMIT 10',
  },
  {
    rule: 'the lineage of innovations has no loop',
    cypher: 'MATCH (i:Innovation) WHERE EXISTS { (i)-[:BUILDS_ON*]->(i) } RETURN i.id AS example ORDER BY example LIMIT 10',
  },
  {
    rule: 'one organisation per id, live or merged',
    cypher: 'MATCH (n:Organisation|MergedOrganisation) WITH n.id AS example, count(*) AS nodes WHERE nodes > 1 RETURN example ORDER BY example LIMIT 10',
  },
  {
    rule: 'one person per id, live or merged',
    cypher: 'MATCH (n:Person|MergedPerson) WITH n.id AS example, count(*) AS nodes WHERE nodes > 1 RETURN example ORDER BY example LIMIT 10',
  },
  {
    rule: 'one innovation per id',
    cypher: 'MATCH (n:Innovation) WITH n.id AS example, count(*) AS nodes WHERE nodes > 1 RETURN example ORDER BY example LIMIT 10',
  },
  {
    rule: 'no organisation adopts an innovation it nominated or made',
    cypher: `MATCH (o:Organisation)-[:ADOPTED]->(i:Innovation) WHERE EXISTS { (o)-[:NOMINATED|MADE]->(i) }
             RETURN o.id + ' -> ' + i.id AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'no organisation adopts from itself',
    cypher: `MATCH (o:Organisation)-[a:ADOPTED]->(i:Innovation) WHERE a.fromId = o.id
             RETURN o.id + ' -> ' + i.id AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'an adoption spreads from a live organisation',
    cypher: `MATCH (o:Organisation)-[a:ADOPTED]->(i:Innovation) WHERE a.fromId IS NOT NULL AND NOT EXISTS { MATCH (:Organisation {id: a.fromId}) }
             RETURN o.id + ' -> ' + i.id + ' from ' + a.fromId AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'a merged node keeps only its pointer and its history',
    cypher: `MATCH (m:MergedOrganisation|MergedPerson)-[r]-() WHERE NOT type(r) IN ['MERGED_INTO', 'CHANGED']
             RETURN m.id + ' ' + type(r) AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'a merged node points at a live node',
    cypher: `MATCH (m:MergedOrganisation|MergedPerson)
             WHERE NOT EXISTS { MATCH (m)-[:MERGED_INTO]->(k) WHERE k.id = m.mergedInto AND (k:Organisation OR k:Person) }
             RETURN m.id AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'an innovation has a nominator or a maker',
    cypher: `MATCH (i:Innovation) WHERE NOT coalesce(i.kind = 'REFERENCED', false) AND NOT EXISTS { (i)<-[:NOMINATED|MADE]-(:Organisation) }
             RETURN i.id AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'a relationship exists at most once between two nodes',
    cypher: `MATCH (a)-[r]->(b) WHERE type(r) IN $types
             WITH a, b, type(r) AS type, count(*) AS copies WHERE copies > 1
             RETURN a.id + ' ' + type + ' ' + b.id AS example ORDER BY example LIMIT 10`,
  },
  {
    rule: 'every change is attached to the entity it names',
    cypher: `MATCH (c:Change) WHERE NOT EXISTS { MATCH (c)-[:CHANGED]->(e) WHERE e.id = c.entityId }
             RETURN c.id AS example ORDER BY example LIMIT 10`,
  },
];

/**
 * Checks every rule over the whole graph and
 * returns the broken ones; an empty list means the graph is consistent.
 */
export async function findInvariantViolations(graph: GraphRunner): Promise<InvariantViolation[]> {
  const violations: InvariantViolation[] = [];
  for (const { rule, cypher } of RULES) {
    const rows = await graph.read<{ example: string }>(cypher, { types: SINGLE_RELATIONSHIPS }, { tag: 'invariants' });
    if (rows.length > 0) violations.push({ rule, examples: rows.map((row) => row.example) });
  }
  return violations;
}
