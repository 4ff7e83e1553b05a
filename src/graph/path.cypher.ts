import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode, type OrganisationNode } from './records.js';

/**
 * The shortest chain linking two organisations. A step (one organisation hop) is one of:
 * - PARTNERSHIP: both took part (nominated, made, partnered) in the same innovation;
 * - ADOPTION: one adopted an innovation the other took part in;
 * - PART_OF: a unit and the organisation it belongs to, either way.
 * An organisation that both took part in and adopted an innovation counts as taking part.
 * Retired innovations link no one.
 *
 * The search runs on the graph itself (organisation - innovation - organisation), where Neo4j's
 * SHORTEST counts relationships, not organisation hops, and never uses a relationship twice. Two
 * consequences, both handled here:
 * - Hops are counted by a predicate and the search is repeated for 1, 2, ... maxLength hops, so
 *   the first answer is a chain with the fewest organisation hops (among those, the fewest
 *   relationships).
 * - Two adopters of the same innovation are two hops apart, through one of its makers; a chain
 *   cannot pass the maker's one relationship twice, so the search lets the two adopters meet at
 *   the innovation, counts that as two hops, and the maker (its makers first, then nominators,
 *   then partners; by name) is put back in as the organisation between them.
 */

export type PathStepKind = 'PARTNERSHIP' | 'ADOPTION' | 'PART_OF';

export interface PathStepRecord {
  from: OrganisationNode;
  to: OrganisationNode;
  kind: PathStepKind;
  /** The innovation the step goes through; null for PART_OF. */
  innovation: InnovationNode | null;
  /** For ADOPTION: which end adopted, and the status of its adoption (ADOPTED, PLANNED, INTERESTED). */
  adopter: 'FROM' | 'TO' | null;
  adoptionStatus: string | null;
  /** For PART_OF: which end is the unit. */
  unit: 'FROM' | 'TO' | null;
}

export interface PathRecord {
  /** Organisation hops: the number of steps. */
  length: number;
  organisations: OrganisationNode[];
  steps: PathStepRecord[];
}

/** Longest chain, in organisation hops, a caller may ask for; each hop is at most two relationships. */
export const MAX_PATH_LENGTH = 6;

const TAKES_PART = 'NOMINATED|MADE|PARTNER_IN';

// The relationship bound (12) is twice MAX_PATH_LENGTH: a hop through an innovation is two.
const PATH_QUERY = `
MATCH (a:Organisation {id: $fromId}), (b:Organisation {id: $toId})
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a <> b
  UNWIND range(1, $maxLength) AS hops
  CALL (a, b, hops) {
    MATCH p = ANY SHORTEST ((a) (()-[r:${TAKES_PART}|ADOPTED|PART_OF]-(y) WHERE NOT coalesce(y.retired, false)){1,12} (b)
      WHERE size([n IN y WHERE n:Organisation])
          + size([k IN range(1, size(r) - 1) WHERE y[k - 1]:Innovation AND r[k - 1]:ADOPTED AND r[k]:ADOPTED]) <= hops)
    RETURN p
  }
  WITH hops, p ORDER BY hops LIMIT 1
  RETURN p
}
WITH a, b, p
WHERE a = b OR p IS NOT NULL
RETURN
  [n IN coalesce(nodes(p), [a]) | CASE WHEN n:Innovation
    THEN {
      innovation: ${PROJECT.innovation('n')},
      maker: head(COLLECT {
        MATCH (n)<-[t:${TAKES_PART}]-(m:Organisation)
        RETURN ${PROJECT.organisation('m')} AS maker
        ORDER BY CASE type(t) WHEN 'MADE' THEN 0 WHEN 'NOMINATED' THEN 1 ELSE 2 END, m.name, m.id
        LIMIT 1
      })
    }
    ELSE {organisation: ${PROJECT.organisation('n')}} END] AS stops,
  [r IN coalesce(relationships(p), []) | {
    type: type(r),
    startId: startNode(r).id,
    status: r.status,
    tookPart: type(r) <> 'ADOPTED' OR EXISTS { MATCH (o)-[:${TAKES_PART}]->(i) WHERE o = startNode(r) AND i = endNode(r) }
  }] AS links`;

interface Stop {
  organisation?: OrganisationNode;
  innovation?: InnovationNode;
  maker?: OrganisationNode | null;
}

interface Link {
  type: string;
  startId: string;
  status: string | null;
  tookPart: boolean;
}

/**
 * The shortest chain from one organisation to another within `maxLength` hops; a chain of length 0
 * when both ids are the same organisation; null when either id is unknown or no chain is that short.
 */
export async function findOrganisationPath(graph: GraphRunner, fromId: string, toId: string, maxLength: number): Promise<PathRecord | null> {
  const [row] = await graph.read<{ stops: Stop[]; links: Link[] }>(PATH_QUERY, { fromId, toId, maxLength }, { tag: 'network.path' });
  return row ? chainOf(row.stops, row.links) : null;
}

/** Turns the raw path (organisations and innovations in turn, or PART_OF between organisations) into steps. */
function chainOf(stops: readonly Stop[], links: readonly Link[]): PathRecord {
  const organisationAt = (index: number): OrganisationNode => {
    const organisation = stops[index]?.organisation;
    if (!organisation) throw new Error(`path: expected an organisation at position ${index}`);
    return organisation;
  };
  const steps: PathStepRecord[] = [];
  let index = 0;
  while (index < links.length) {
    const from = organisationAt(index);
    const link = links[index]!;
    if (link.type === 'PART_OF') {
      steps.push({ from, to: organisationAt(index + 1), kind: 'PART_OF', innovation: null, adopter: null, adoptionStatus: null, unit: link.startId === from.id ? 'FROM' : 'TO' });
      index += 1;
      continue;
    }
    const { innovation, maker } = stops[index + 1] ?? {};
    const back = links[index + 1];
    const to = organisationAt(index + 2);
    if (!innovation || !back) throw new Error(`path: expected an innovation at position ${index + 1}`);
    if (!link.tookPart && !back.tookPart) {
      if (!maker) throw new Error(`path: innovation ${innovation.id} has adopters but no maker`);
      steps.push(adoption(from, maker, innovation, 'FROM', link.status));
      steps.push(adoption(maker, to, innovation, 'TO', back.status));
    } else if (link.tookPart && back.tookPart) {
      steps.push({ from, to, kind: 'PARTNERSHIP', innovation, adopter: null, adoptionStatus: null, unit: null });
    } else {
      steps.push(link.tookPart ? adoption(from, to, innovation, 'TO', back.status) : adoption(from, to, innovation, 'FROM', link.status));
    }
    index += 2;
  }
  const organisations = [organisationAt(0), ...steps.map((step) => step.to)];
  return { length: steps.length, organisations, steps };
}

function adoption(from: OrganisationNode, to: OrganisationNode, innovation: InnovationNode, adopter: 'FROM' | 'TO', status: string | null): PathStepRecord {
  return { from, to, kind: 'ADOPTION', innovation, adopter, adoptionStatus: status, unit: null };
}
