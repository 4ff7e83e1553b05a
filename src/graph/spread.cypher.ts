import type { GraphRunner } from './graph-runner.js';
import type { SignalItem } from './lookups.cypher.js';
import { PROJECT, type InnovationNode, type OrganisationNode, type RegionNode } from './records.js';

/**
 * The raw material of the spreading analytics: one query for an innovation's cascade, one for the
 * researchers' aggregates. Nothing here computes a metric; `modules/spread/spread-metrics.ts` does.
 */

/** Modes that count as spread proper (COI); SHARED is a channel and INTEREST not yet spread. */
export const SPREAD_PROPER_MODES = ['COPY', 'ADAPT', 'INSPIRATION'] as const;

/** How far lineage is followed: innovations building on innovations building on ... the root. */
export const MAX_LINEAGE_DEPTH = 5;
/** At most this many descendant innovations, nearest first. */
export const MAX_DESCENDANTS = 100;
/** At most this many adoptions per innovation and signals of the root. */
export const MAX_FACTS_PER_INNOVATION = 200;

export interface CascadeAdoption {
  organisation: OrganisationNode;
  mode: string;
  status: string | null;
  year: number | null;
  evidence: string | null;
  source: string | null;
  fromId: string | null;
}

export interface CascadeLineage {
  /** The innovation (root or another member of the cascade) that this member builds on. */
  innovationId: string;
  mode: string | null;
  status: string | null;
  year: number | null;
  evidence: string | null;
  source: string | null;
}

export interface CascadeMember {
  innovation: InnovationNode;
  /** Shortest lineage distance from the root: 0 for the root, 1 for what builds on it directly, ... */
  distance: number;
  /** Its makers if it has any, else its nominators. */
  origins: OrganisationNode[];
  adoptions: CascadeAdoption[];
  buildsOn: CascadeLineage[];
}

export interface RawCascade {
  innovation: InnovationNode;
  signals: SignalItem[];
  /** The root first (distance 0), then its descendants by distance. */
  members: CascadeMember[];
  /** The regions of every organisation in the cascade, so that answers naming them need no second query. */
  regions: RegionNode[];
}

// Variables `p` and `s` are never bound here: PROJECT's nested patterns use those names.
const CASCADE = `
MATCH (root:Innovation {id: $id})
CALL (root) {
  OPTIONAL MATCH lineage = SHORTEST 1 (root)<-[:BUILDS_ON]-{1,${MAX_LINEAGE_DEPTH}}(d:Innovation)
  WITH d, length(lineage) AS distance
  WHERE d IS NOT NULL AND d <> root
  ORDER BY distance, d.id
  LIMIT $maxDescendants
  RETURN collect({innovation: d, distance: distance}) AS descendants
}
WITH root, [{innovation: root, distance: 0}] + descendants AS members
WITH root, members, [m IN members | m.innovation.id] AS memberIds
UNWIND members AS m
WITH root, memberIds, m.innovation AS inn, m.distance AS distance
WITH root, collect({
  innovation: ${PROJECT.innovation('inn')},
  distance: distance,
  origins: CASE WHEN EXISTS { (inn)<-[:MADE]-(:Organisation) }
    THEN [(inn)<-[:MADE]-(o:Organisation) | ${PROJECT.organisation('o')}]
    ELSE [(inn)<-[:NOMINATED]-(o:Organisation) | ${PROJECT.organisation('o')}] END,
  adoptions: [(inn)<-[a:ADOPTED]-(o:Organisation) | {
    organisation: ${PROJECT.organisation('o')}, mode: a.mode, status: a.status, year: a.year,
    evidence: a.evidence, source: a.source, fromId: a.fromId
  }][..$maxFacts],
  buildsOn: [(inn)-[b:BUILDS_ON]->(x:Innovation) WHERE x.id IN memberIds | {
    innovationId: x.id, mode: b.mode, status: b.status, year: b.year, evidence: b.evidence, source: b.source
  }]
}) AS members
RETURN members,
  COLLECT {
    UNWIND members AS member
    UNWIND member.origins + [a IN member.adoptions | a.organisation] AS o
    WITH DISTINCT o.regionId AS regionId
    MATCH (r:Region {id: regionId})
    RETURN ${PROJECT.region('r')}
  } AS regions,
  [(root)-[:HAS_SIGNAL]->(sg:SpreadSignal) |
    sg {.id, .direction, .mode, .status, .year, .audience, .expectedCount, .evidence, .source, fromId: head([(sg)-[:FROM]->(f) | f.id])}
  ][..$maxFacts] AS signals`;

/**
 * The cascade of one innovation in one bounded query: the innovation, the innovations that build
 * on it (up to `MAX_LINEAGE_DEPTH` steps, at most `MAX_DESCENDANTS`), and for each its origin
 * organisations, its adoptions and its lineage links inside the cascade; plus the root's signals.
 * Null when there is no innovation with that id.
 */
export async function readCascade(graph: GraphRunner, innovationId: string): Promise<RawCascade | null> {
  const [row] = await graph.read<{ members: CascadeMember[]; signals: SignalItem[]; regions: RegionNode[] }>(
    CASCADE,
    { id: innovationId, maxDescendants: MAX_DESCENDANTS, maxFacts: MAX_FACTS_PER_INNOVATION },
    { tag: 'spread.cascade' },
  );
  if (!row) return null;
  const members = [...row.members].sort((a, b) => a.distance - b.distance || a.innovation.id.localeCompare(b.innovation.id));
  const root = members.find((m) => m.distance === 0);
  if (!root) return null;
  return { innovation: root.innovation, signals: [...row.signals].sort((a, b) => a.id.localeCompare(b.id)), members, regions: row.regions };
}

export type SpreadGrouping = 'REGION' | 'ORGANISATION_KIND' | 'SECTOR' | 'YEAR' | 'MODE';

/**
 * The groups one innovation `i` falls in, as a list of `{key, label}` (label null where the
 * caller names the key). Constant fragments chosen by the grouping; no value is spliced in.
 */
const GROUP_KEYS: Record<SpreadGrouping, string> = {
  REGION: `COLLECT {
    MATCH (i)<-[:NOMINATED|MADE]-(:Organisation)-[:LOCATED_IN]->(r:Region)
    RETURN DISTINCT {key: r.id, label: r.name} AS g
  }`,
  // A unit says little about who nominated; it counts as the nearest organisation above it that is not a unit.
  ORGANISATION_KIND: `COLLECT {
    MATCH (i)<-[:NOMINATED]-(o:Organisation)
    CALL (o) {
      OPTIONAL MATCH chain = (o)-[:PART_OF]->{1,4}(up:Organisation WHERE up.kind <> 'UNIT')
      WITH up ORDER BY length(chain) LIMIT 1
      RETURN up.kind AS aboveKind
    }
    WITH CASE WHEN o.kind = 'UNIT' AND aboveKind IS NOT NULL THEN aboveKind ELSE o.kind END AS kind
    RETURN DISTINCT {key: kind, label: null} AS g
  }`,
  SECTOR: `CASE WHEN i.sector IS NULL THEN [] ELSE [{key: i.sector, label: null}] END`,
  YEAR: `CASE WHEN i.year IS NULL THEN [] ELSE [{key: toString(i.year), label: null}] END`,
  MODE: `[mode IN COLLECT {
      MATCH (i)<-[x:ADOPTED]-(:Organisation) RETURN x.mode AS mode
      UNION MATCH (i)-[:HAS_SIGNAL]->(sg:SpreadSignal) RETURN sg.mode AS mode
      UNION MATCH (i)-[b:BUILDS_ON]-(:Innovation) RETURN coalesce(b.mode, 'INSPIRATION') AS mode
    } WHERE mode IS NOT NULL | {key: mode, label: null}]`,
};

/** Counts over a set of innovations; the shares are computed from these by the caller. */
export interface SpreadCounts {
  innovations: number;
  adoptions: number;
  reusing: number;
  activelyShared: number;
  spread: number;
  collaborating: number;
}

export interface SpreadGroupCounts extends SpreadCounts {
  /** Null for the innovations that have no value to group by. */
  key: string | null;
  label: string | null;
}

const sumOf = (flag: string) => `sum(CASE WHEN ${flag} THEN 1 ELSE 0 END)`;
const COUNTS = `count(*) AS innovations, sum(r.adoptions) AS adoptions, ${sumOf('r.reusing')} AS reusing,
  ${sumOf('r.activelyShared')} AS activelyShared, ${sumOf('r.spread')} AS spread, ${sumOf('r.collaborating')} AS collaborating`;

/**
 * The researchers' aggregates over the catalogue (every innovation but REFERENCED ones, retired
 * ones left out), per group and in total, in one query. See `SpreadGroup` in
 * `modules/spread/spread-stats.type.ts` for what each count means.
 */
export async function readSpreadStats(graph: GraphRunner, grouping: SpreadGrouping): Promise<{ totals: SpreadCounts; groups: SpreadGroupCounts[] }> {
  const [row] = await graph.read<{ totals: SpreadCounts; groups: SpreadGroupCounts[] }>(
    `MATCH (i:Innovation)
     WHERE i.kind <> 'REFERENCED' AND coalesce(i.retired, false) = false
     WITH i, ${GROUP_KEYS[grouping]} AS groups
     WITH collect({
       groups: groups,
       adoptions: COUNT { (i)<-[a:ADOPTED]-(:Organisation) WHERE a.mode IN $spreadModes },
       reusing: EXISTS { (i)-[:BUILDS_ON]->(:Innovation) }
         OR EXISTS { (i)-[:HAS_SIGNAL]->(sg:SpreadSignal) WHERE sg.direction = 'INCOMING' AND sg.mode IN $spreadModes }
         OR EXISTS {
           MATCH (i)<-[a:ADOPTED]-(own:Organisation)
           WHERE a.fromId IS NOT NULL AND EXISTS { (own)-[:NOMINATED|MADE]->(i) }
             AND NOT EXISTS { (:Organisation {id: a.fromId})-[:NOMINATED|MADE]->(i) }
         },
       activelyShared: EXISTS { (i)<-[a:ADOPTED]-(:Organisation) WHERE a.mode = 'SHARED' }
         OR EXISTS { (i)-[:HAS_SIGNAL]->(sg:SpreadSignal) WHERE sg.mode = 'SHARED' AND coalesce(sg.direction, 'OUTGOING') = 'OUTGOING' },
       spread: EXISTS { (i)<-[a:ADOPTED]-(:Organisation) WHERE a.mode IN $spreadModes } OR EXISTS { (i)<-[:BUILDS_ON]-(:Innovation) },
       collaborating: EXISTS { (i)<-[:PARTNER_IN]-(:Organisation) }
     }) AS rows
     CALL (rows) {
       UNWIND rows AS r
       WITH ${COUNTS}
       RETURN {innovations: innovations, adoptions: coalesce(adoptions, 0), reusing: reusing, activelyShared: activelyShared,
               spread: spread, collaborating: collaborating} AS totals
     }
     CALL (rows) {
       UNWIND rows AS r
       UNWIND CASE WHEN size(r.groups) = 0 THEN [{key: null, label: null}] ELSE r.groups END AS g
       WITH g.key AS key, g.label AS label, ${COUNTS}
       RETURN collect({key: key, label: label, innovations: innovations, adoptions: adoptions, reusing: reusing,
                       activelyShared: activelyShared, spread: spread, collaborating: collaborating}) AS groups
     }
     RETURN totals, groups`,
    { spreadModes: [...SPREAD_PROPER_MODES] },
    { tag: `spread.stats.${grouping.toLowerCase()}` },
  );
  return row ?? { totals: { innovations: 0, adoptions: 0, reusing: 0, activelyShared: 0, spread: 0, collaborating: 0 }, groups: [] };
}
