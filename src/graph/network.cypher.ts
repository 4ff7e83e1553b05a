import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type OrganisationNode } from './records.js';

/**
 * An organisation's partner network, ready to draw: the organisations around it within a few hops
 * of co-participation, and the weighted ties between them.
 *
 * The rules:
 * - An organisation takes part in an innovation when it nominated, made or partnered in it; it
 *   adopted it when it has an ADOPTED relationship to it (any status). Where it did both, it counts
 *   as taking part. Retired innovations do not connect anyone.
 * - Two organisations are tied by an innovation when both took part in it (PARTNERSHIP) or one took
 *   part and the other adopted it (ADOPTION). Two adopters of the same innovation are not tied
 *   directly; they meet through its makers, two hops apart.
 * - The centre stands for the whole organisation: what any unit below it (PART_OF, up to four
 *   levels) took part in or adopted counts as the centre's too. Its units are still nodes of their
 *   own (a unit that took part in something is one hop from the centre), and every other node
 *   counts only what it did itself, not what its units did.
 * - A node's depth is its distance in hops from the centre (breadth first, so it is exact).
 *   Nodes come nearest first, then by their tie to the layer before them (the number of
 *   innovations they share with nodes one hop nearer; for depth 1, the weight of their edges to the
 *   centre), then by name and id. `first` counts the centre, which always comes first.
 * - Edges are drawn between every two returned nodes that share an innovation: one edge per pair
 *   and kind, with `source` < `target` by id, a weight (shared innovations) and at most
 *   `EDGE_INNOVATIONS` of those innovations, by title.
 */

export type NetworkEdgeKind = 'PARTNERSHIP' | 'ADOPTION';

export interface NetworkNodeRecord {
  organisation: OrganisationNode;
  depth: number;
}

export interface NetworkEdgeRecord {
  source: string;
  target: string;
  kind: NetworkEdgeKind;
  weight: number;
  /** The first `EDGE_INNOVATIONS` of the innovations they share, by title: ids only, as an edge's innovations repeat across a network. */
  innovationIds: string[];
}

export interface NetworkRecord {
  nodes: NetworkNodeRecord[];
  edges: NetworkEdgeRecord[];
  /** True when `first` left out organisations that are within `depth`. */
  truncated: boolean;
}

export interface NetworkBounds {
  /** Hops from the centre, 1 to 3. */
  depth: number;
  /** Most nodes to return, the centre included. */
  first: number;
}

/** Units below the centre whose innovations count as the centre's. */
const UNIT_LIMIT = 200;
/** Most organisations one layer of the breadth-first search may add. */
const LAYER_LIMIT = 2_000;
/** Most innovations listed on one edge (its weight still counts them all). */
export const EDGE_INNOVATIONS = 10;

const TAKES_PART = 'NOMINATED|MADE|PARTNER_IN';

/**
 * From every `x` to every organisation `o` that shares a live innovation with it, except two
 * adopters. Two MATCH clauses, not one pattern, so that a unit of the centre reaches itself through
 * its own innovation (the centre's rule) and no path rule drops a tie.
 */
const SHARED_WITH_X = `
  MATCH (x)-[r1:${TAKES_PART}|ADOPTED]->(i:Innovation)
  WHERE NOT coalesce(i.retired, false)
  MATCH (i)<-[r2:${TAKES_PART}|ADOPTED]-(o:Organisation)
  WHERE NOT (type(r1) = 'ADOPTED' AND type(r2) = 'ADOPTED')`;

const NETWORK_QUERY = `
MATCH (c:Organisation {id: $organisationId})
CALL (c) {
  MATCH (c)<-[:PART_OF*0..4]-(s:Organisation)
  WITH DISTINCT s LIMIT $unitLimit
  RETURN collect(s) AS starts
}
CALL (c, starts) {
  UNWIND starts AS x
  ${SHARED_WITH_X} AND o <> c
  WITH DISTINCT o LIMIT $layerLimit
  RETURN collect(o) AS layer1
}
// A layer is searched only while the nearer ones hold fewer than $first nodes: nodes rank
// nearest first, so farther ones could neither be kept nor change truncated.
CALL (c, layer1) {
  UNWIND CASE WHEN $depth >= 2 AND size(layer1) < $first THEN layer1 ELSE [] END AS x
  ${SHARED_WITH_X} AND o <> c AND NOT o IN layer1
  WITH DISTINCT o LIMIT $layerLimit
  RETURN collect(o) AS layer2
}
CALL (c, layer1, layer2) {
  UNWIND CASE WHEN $depth >= 3 AND size(layer1) + size(layer2) < $first THEN layer2 ELSE [] END AS x
  ${SHARED_WITH_X} AND o <> c AND NOT o IN layer1 AND NOT o IN layer2
  WITH DISTINCT o LIMIT $layerLimit
  RETURN collect(o) AS layer3
}
WITH c, starts, [o IN layer1 | {node: o, depth: 1}] + [o IN layer2 | {node: o, depth: 2}] + [o IN layer3 | {node: o, depth: 3}] AS found

// Who is on each innovation, at what depth, and whether they took part (else they adopted it).
CALL (c, starts, found) {
  CALL (c, starts, found) {
    UNWIND starts AS s
    MATCH (s)-[r:${TAKES_PART}|ADOPTED]->(i:Innovation)
    WHERE NOT coalesce(i.retired, false)
    RETURN i, c AS node, 0 AS depth, type(r) <> 'ADOPTED' AS part
    UNION ALL
    UNWIND found AS f
    WITH f.node AS node, f.depth AS depth
    MATCH (node)-[r:${TAKES_PART}|ADOPTED]->(i:Innovation)
    WHERE NOT coalesce(i.retired, false)
    RETURN i, node, depth, type(r) <> 'ADOPTED' AS part
  }
  WITH i, node, depth, any(p IN collect(part) WHERE p) AS part
  // Members by id: node values in lists are counted against the transaction's memory at many
  // times their size wherever a sort or aggregation keeps a row that holds the list.
  WITH i, collect({id: node.id, depth: depth, part: part}) AS members
  WHERE size(members) > 1
  RETURN collect({innovation: i, members: members}) AS shared
}

// Rank by depth, then by the tie to the layer before; one more than kept tells whether first cut.
// A member is tied to the layer before through an innovation when someone of that layer is on
// it and either of them took part: the depths present, and those present taking part, are
// worked out once per innovation (pairwise, popular innovations cost the square of their members).
// Ties are collected before they are sorted: rows that a sort keeps hold the subquery's imported
// lists, and Neo4j counts them against the transaction's memory once per row.
CALL (shared) {
  UNWIND shared AS s
  WITH s.members AS members
  WITH members,
    [d IN range(0, 2) WHERE any(n IN members WHERE n.depth = d)] AS present,
    [d IN range(0, 2) WHERE any(n IN members WHERE n.depth = d AND n.part)] AS presentTakingPart
  UNWIND members AS m
  WITH m.id AS id, m.depth AS depth, m.part AS part, present, presentTakingPart
  WHERE depth > 0 AND ((part AND (depth - 1) IN present) OR (depth - 1) IN presentTakingPart)
  WITH id, depth, count(*) AS tie
  RETURN collect({id: id, depth: depth, tie: tie}) AS ties
}
CALL (ties) {
  UNWIND ties AS t
  MATCH (o:Organisation {id: t.id})
  WITH o, t.depth AS depth, t.tie AS tie
  ORDER BY depth, tie DESC, o.name, o.id
  // Sorted whole and cut after: Neo4j 5.26 books a top-n sort here at gigabytes (megabytes per
  // row kept), while the full sort of at most a few thousand rows costs little.
  WITH collect({organisation: ${PROJECT.organisation('o')}, depth: depth}) AS sorted
  RETURN sorted[..$first] AS ranked
}
WITH c, shared, ranked[..$first - 1] AS kept, size(ranked) >= $first AS truncated
// Only innovations that tie two returned nodes make edges; narrowed here, outside the subquery.
WITH c, kept, truncated, [c.id] + [k IN kept | k.organisation.id] AS ids, shared
WITH c, kept, truncated, [s IN shared | {innovation: s.innovation, members: [m IN s.members WHERE m.id IN ids]}] AS candidates
WITH c, kept, truncated, [s IN candidates WHERE size(s.members) > 1] AS tying

CALL (tying) {
  UNWIND tying AS s
  WITH s.innovation AS i, s.members AS members
  UNWIND members AS a
  UNWIND members AS b
  WITH i, a, b
  WHERE a.id < b.id AND (a.part OR b.part)
  WITH a.id AS source, b.id AS target, CASE WHEN a.part AND b.part THEN 'PARTNERSHIP' ELSE 'ADOPTION' END AS kind, i
  ORDER BY i.title, i.id
  WITH source, target, kind, collect(i) AS innovations
  ORDER BY source, target, kind
  RETURN collect({
    source: source, target: target, kind: kind, weight: size(innovations),
    innovationIds: [n IN innovations[..$edgeInnovations] | n.id]
  }) AS edges
}
RETURN [{organisation: ${PROJECT.organisation('c')}, depth: 0}] + kept AS nodes, edges, truncated`;

/** The network around one organisation, or null when there is no organisation with that id. */
export async function findPartnerNetwork(graph: GraphRunner, organisationId: string, bounds: NetworkBounds): Promise<NetworkRecord | null> {
  const [row] = await graph.read<NetworkRecord>(
    NETWORK_QUERY,
    {
      organisationId,
      depth: bounds.depth,
      first: bounds.first,
      unitLimit: UNIT_LIMIT,
      layerLimit: LAYER_LIMIT,
      edgeInnovations: EDGE_INNOVATIONS,
    },
    { tag: 'network.partners' },
  );
  return row ?? null;
}
