import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type OrganisationNode, type PersonNode } from './records.js';
import { findSimilarInnovations, type SimilarityFacts, type SimilaritySubject } from './similar-innovations.cypher.js';

/**
 * "Who do I call about this innovation?": people ranked in three tiers, each a band of scores, so
 * that a later tier never outranks an earlier one:
 *   1. its own contacts (reuse before follow)                                  0.80 to 1.00
 *   2. people tied to its spreading: at an adopter and named in the adoption's
 *      evidence, or contacts of innovations built on it (in use before tested,
 *      planned or interested). Working at an adopter is not enough: a large
 *      organisation's staff mostly work on something else                      0.50 to 0.79
 *   3. contacts of innovations above the similarity threshold, most similar first 0.05 to 0.49
 * Within a tier the link's strength decides, and closeness to the asker (the same organisation,
 * unit or parent > the same region > the same kind of organisation, then fewer steps) breaks ties.
 * An asker that is not in the graph can still say where it is and what it is (region, kind).
 */

/** The score bands of the tiers: `base + span * fit`, where fit lies in [0, 1]. */
export const TIER_BANDS = {
  1: { base: 0.8, span: 0.2 },
  2: { base: 0.5, span: 0.29 },
  3: { base: 0.05, span: 0.44 },
} as const;

/**
 * Strength of a link within its tier. With an asker, fit = 0.6 * strength + 0.4 * closeness: the
 * primary and secondary levels then differ by 0.42, more than closeness can add (0.4), so a reuse
 * contact stays above a follow contact and an adopter above a planner however close they work.
 */
const STRENGTH = {
  /** A reuse contact; an adoption or a building-on that happened. */
  primary: 1.0,
  /** A test run or pilot. */
  tested: 0.5,
  /** A contact to follow a watch-list entry; a planned adoption. */
  secondary: 0.3,
  /** Interest only. */
  tertiary: 0.2,
} as const;

/**
 * Fit = strength alone without an asker; with one, this share comes from closeness: enough to
 * order people whose links are about as strong, too little to lift a weak link over a strong one.
 */
const CLOSENESS_SHARE = 0.15;

/** Closeness classes; hops add at most 0.1, less than the gap between two classes. */
const CLOSENESS = { family: 0.9, region: 0.6, kind: 0.3, perHop: 0.02, maxHops: 4 } as const;

/**
 * How many similar innovations lend their contacts to tier 3 (at least this many, and as many as
 * suggestions asked for, since most innovations have one or two contacts).
 */
const MIN_SIMILAR_FOR_CONTACTS = 10;
/** Candidates per kind of link, at most: far more than any innovation has, but a bound all the same. */
const BRANCH_LIMIT = 200;

export interface WhoToCallStart {
  /** The innovation asked about, or null when there is none with that id. */
  innovation: (SimilaritySubject & { id: string }) | null;
  /** Whether the asking organisation exists (false when none was named). */
  askerFound: boolean;
  /** Whether the asker's region exists (false when none was named). */
  regionFound: boolean;
}

/** The innovation and whether the asking organisation and region exist, in one query. */
export async function findWhoToCallStart(graph: GraphRunner, innovationId: string, askerId: string | null, regionId: string | null): Promise<WhoToCallStart> {
  const [row] = await graph.read<WhoToCallStart>(
    `OPTIONAL MATCH (i:Innovation {id: $id})
     OPTIONAL MATCH (asker:Organisation {id: $askerId})
     OPTIONAL MATCH (region:Region {id: $regionId})
     RETURN CASE WHEN i IS NULL THEN null ELSE i {.id, .title, .summary, .targetGroup} END AS innovation,
       asker IS NOT NULL AS askerFound, region IS NOT NULL AS regionFound`,
    { id: innovationId, askerId, regionId },
    { tag: 'whoToCall.start' },
  );
  return row ?? { innovation: null, askerFound: false, regionFound: false };
}

/** Who is asking: an organisation in the graph, or where it is and what kind it is. */
export interface Asker {
  readonly organisationId: string | null;
  readonly regionId: string | null;
  readonly kind: string | null;
}

/** Why a person is suggested: the link to the innovation. */
export type ContactLinkFacts =
  | { kind: 'CONTACT'; purpose: string }
  | { kind: 'ADOPTER'; organisation: string; mode: string; status: string; year: number | null }
  | { kind: 'BUILDS_ON'; innovation: string; purpose: string; mode: string | null; status: string | null; year: number | null }
  | { kind: 'SIMILAR'; innovation: string; purpose: string; similarity: number; facts: SimilarityFacts };

/** How close the person works to the asking organisation; null without an asker. */
export interface ClosenessFacts {
  family: boolean;
  sameRegion: boolean;
  sameKind: boolean;
  /** Steps between the two organisations (0 when the same), null when more than four. */
  hops: number | null;
}

export interface ContactCandidate {
  person: PersonNode;
  /** The organisation the person works for, if known. */
  organisation: OrganisationNode | null;
  /** Name of the organisation the person works for, if known. */
  organisationName: string | null;
  /** Name of the organisation above it, when that is a unit. */
  parentName: string | null;
  tier: 1 | 2 | 3;
  score: number;
  link: ContactLinkFacts;
  closeness: ClosenessFacts | null;
}

const hasContactDetails = (v: string) => `(${v}.email IS NOT NULL OR ${v}.phone IS NOT NULL)`;

const statusStrength = (v: string) =>
  `CASE ${v}.status WHEN 'ADOPTED' THEN $strength.primary WHEN 'TESTED' THEN $strength.tested WHEN 'PLANNED' THEN $strength.secondary ELSE $strength.tertiary END`;

/** The first organisation kind at or above `v` that is not a unit. */
const effectiveKind = (v: string) =>
  `head(COLLECT { MATCH up = (${v})-[:PART_OF*0..3]->(above:Organisation) WHERE above.kind <> 'UNIT' RETURN above.kind ORDER BY length(up) LIMIT 1 })`;

/** An organisation's region, or its parent's where it has none of its own. */
const effectiveRegion = (v: string) => `coalesce(${v}.region, head([(${v})-[:PART_OF]->(x:Organisation) WHERE x.region IS NOT NULL | x.region]))`;

/**
 * The ranked, de-duplicated suggestions for one innovation, in one query: at most `first`, each
 * person once with their best link.
 */
export async function findContactSuggestions(
  graph: GraphRunner,
  subject: SimilaritySubject & { id: string },
  asker: Asker,
  first: number,
): Promise<ContactCandidate[]> {
  const similar = (await findSimilarInnovations(graph, subject, Math.max(MIN_SIMILAR_FOR_CONTACTS, first))).map((row) => ({
    id: row.innovation.id,
    similarity: row.score,
    facts: row.facts,
  }));
  return graph.read<ContactCandidate>(
    `MATCH (i:Innovation {id: $id})
     OPTIONAL MATCH (asker:Organisation {id: $asker.organisationId})
     WITH i, asker,
       coalesce(${effectiveRegion('asker')}, $asker.regionId) AS askerRegion,
       coalesce(${effectiveKind('asker')}, $asker.kind) AS askerKind
     CALL (i) {
       MATCH (i)<-[c:CONTACT_FOR]-(p:Person)
       RETURN p, 1 AS tier, CASE c.purpose WHEN 'REUSE' THEN $strength.primary ELSE $strength.secondary END AS strength, 0 AS depth,
         {kind: 'CONTACT', purpose: c.purpose} AS link
       LIMIT $branchLimit
       UNION
       // Someone at an adopter counts only where the adoption's evidence names them.
       MATCH (i)<-[a:ADOPTED]-(o:Organisation)
       WHERE a.evidence IS NOT NULL
       MATCH path = (p:Person)-[:WORKS_FOR]->(:Organisation)-[:PART_OF*0..2]->(o)
       WHERE ${hasContactDetails('p')} AND toLower(a.evidence) CONTAINS toLower(p.name)
       RETURN p, 2 AS tier, ${statusStrength('a')} AS strength, length(path) - 1 AS depth,
         {kind: 'ADOPTER', organisation: o.name, mode: a.mode, status: a.status, year: a.year} AS link
       LIMIT $branchLimit
       UNION
       MATCH (i)<-[b:BUILDS_ON]-(j:Innovation)<-[c:CONTACT_FOR]-(p:Person)
       WHERE ${hasContactDetails('p')} AND coalesce(j.retired, false) = false
       RETURN p, 2 AS tier, ${statusStrength('b')} AS strength, 0 AS depth,
         {kind: 'BUILDS_ON', innovation: j.title, purpose: c.purpose, mode: b.mode, status: b.status, year: b.year} AS link
       LIMIT $branchLimit
       UNION
       UNWIND $similar AS s
       MATCH (similar:Innovation {id: s.id})<-[c:CONTACT_FOR]-(p:Person)
       RETURN p, 3 AS tier, s.similarity AS strength, 0 AS depth,
         {kind: 'SIMILAR', innovation: similar.title, purpose: c.purpose, similarity: s.similarity, facts: s.facts} AS link
       LIMIT $branchLimit
     }
     WITH asker, askerRegion, askerKind, p, tier, strength, depth, link,
       head(COLLECT { MATCH (p)-[:WORKS_FOR]->(o:Organisation) RETURN o ORDER BY o.id LIMIT 1 }) AS po
     OPTIONAL CALL (asker, askerRegion, askerKind, po) {
       WITH asker, askerRegion, askerKind, po WHERE po IS NOT NULL AND (asker IS NOT NULL OR askerRegion IS NOT NULL OR askerKind IS NOT NULL)
       OPTIONAL MATCH route = shortestPath((po)-[:PART_OF|PARTNER_IN|NOMINATED|MADE|ADOPTED*1..4]-(asker))
       WHERE asker IS NOT NULL AND po <> asker
       RETURN {
         family: asker IS NOT NULL AND EXISTS { MATCH (po)-[:PART_OF*0..4]->(top:Organisation)<-[:PART_OF*0..4]-(asker) },
         sameRegion: coalesce(${effectiveRegion('po')} = askerRegion, false),
         sameKind: coalesce(${effectiveKind('po')} = askerKind, false),
         hops: CASE WHEN po = asker THEN 0 ELSE length(route) END
       } AS closeness
     }
     WITH p, tier, strength, depth, link, po, closeness,
       CASE WHEN closeness IS NULL THEN 0.0 ELSE
         CASE WHEN closeness.family THEN $closeness.family WHEN closeness.sameRegion THEN $closeness.region WHEN closeness.sameKind THEN $closeness.kind ELSE 0.0 END
         + CASE WHEN closeness.hops IS NULL THEN 0.0 ELSE $closeness.perHop * ($closeness.maxHops + 1 - closeness.hops) END
       END AS nearness
     WITH p, tier, depth, link, po, closeness,
       CASE WHEN closeness IS NULL THEN strength ELSE (1 - $closenessShare) * strength + $closenessShare * nearness END AS fit
     WITH p, tier, depth, link, po, closeness, $bands[toString(tier)].base + $bands[toString(tier)].span * fit AS score
     ORDER BY score DESC, tier, depth, p.id
     WITH p, collect({tier: tier, score: score, depth: depth, link: link, po: po, closeness: closeness})[0] AS best
     ORDER BY best.score DESC, best.tier, best.depth, p.name, p.id
     LIMIT $first
     WITH p, best, best.po AS po
     RETURN ${PROJECT.person('p')} AS person, CASE WHEN po IS NOT NULL THEN ${PROJECT.organisation('po')} END AS organisation, po.name AS organisationName,
       CASE WHEN po.kind = 'UNIT' THEN head([(po)-[:PART_OF]->(x:Organisation) | x.name]) END AS parentName,
       best.tier AS tier, best.score AS score, best.link AS link, best.closeness AS closeness`,
    {
      similar,
      id: subject.id,
      asker: { ...asker },
      first,
      strength: { ...STRENGTH },
      closeness: { ...CLOSENESS },
      closenessShare: CLOSENESS_SHARE,
      bands: Object.fromEntries(Object.entries(TIER_BANDS).map(([tier, band]) => [tier, { ...band }])),
      branchLimit: BRANCH_LIMIT,
    },
    { tag: 'whoToCall.suggestions' },
  );
}
