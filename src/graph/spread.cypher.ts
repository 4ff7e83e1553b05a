import type { GraphRunner } from './graph-runner.js';
import type { SignalItem } from './lookups.cypher.js';
import { PROJECT, type InnovationNode, type OrganisationNode, type RegionNode } from './records.js';
import { channelFactCypher, innovationSpreadCypher, spreadFactCypher, spreadLineageCypher, uptakeFactCypher } from './spread-rules.cypher.js';

/**
 * The raw material of the spreading analytics: one query for an innovation's cascade, one for the
 * researchers' aggregates. Nothing here computes a metric; `modules/spread/spread-metrics.ts` does.
 */

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
  /** Shortest distance from the root through lineage that counts as spread: 0 for the root, 1 for what builds on it directly, ... */
  distance: number;
  /** Its makers if it has any, else its nominators. */
  origins: OrganisationNode[];
  adoptions: CascadeAdoption[];
  /** Its lineage links to members of the cascade, counting as spread or not. */
  buildsOn: CascadeLineage[];
  /** Innovations outside the cascade that build on this member by lineage that does not count as spread (planned, tested, ...). */
  pendingDescendants: PendingDescendant[];
}

/** An innovation that builds on a member only by lineage that does not count (yet): its origins are uptake, and the cascade does not go on through it. */
export interface PendingDescendant {
  innovation: InnovationNode;
  origins: OrganisationNode[];
  link: Omit<CascadeLineage, 'innovationId'>;
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
const ORIGINS = (inn: string) => `CASE WHEN EXISTS { (${inn})<-[:MADE]-(:Organisation) }
    THEN [(${inn})<-[:MADE]-(o:Organisation) | ${PROJECT.organisation('o')}]
    ELSE [(${inn})<-[:NOMINATED]-(o:Organisation) | ${PROJECT.organisation('o')}] END`;
const CASCADE = `
MATCH (root:Innovation {id: $id})
CALL (root) {
  OPTIONAL MATCH lineage = SHORTEST 1 (root)<-[link:BUILDS_ON WHERE ${spreadLineageCypher('link')}]-{1,${MAX_LINEAGE_DEPTH}}(d:Innovation)
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
  origins: ${ORIGINS('inn')},
  adoptions: [(inn)<-[a:ADOPTED]-(o:Organisation) | {
    organisation: ${PROJECT.organisation('o')}, mode: a.mode, status: a.status, year: a.year,
    evidence: a.evidence, source: a.source, fromId: a.fromId
  }][..$maxFacts],
  buildsOn: [(inn)-[b:BUILDS_ON]->(x:Innovation) WHERE x.id IN memberIds | {
    innovationId: x.id, mode: b.mode, status: b.status, year: b.year, evidence: b.evidence, source: b.source
  }],
  pendingDescendants: [(inn)<-[b:BUILDS_ON]-(x:Innovation) WHERE NOT x.id IN memberIds AND NOT ${spreadLineageCypher('b')} | {
    innovation: ${PROJECT.innovation('x')}, origins: ${ORIGINS('x')},
    link: {mode: b.mode, status: b.status, year: b.year, evidence: b.evidence, source: b.source}
  }][..$maxFacts]
}) AS members
RETURN members,
  COLLECT {
    UNWIND members AS member
    UNWIND member.origins + [a IN member.adoptions | a.organisation] + reduce(acc = [], pd IN member.pendingDescendants | acc + pd.origins) AS o
    WITH DISTINCT o.regionId AS regionId
    MATCH (r:Region {id: regionId})
    RETURN ${PROJECT.region('r')}
  } AS regions,
  [(root)-[:HAS_SIGNAL]->(sg:SpreadSignal) |
    sg {.id, .direction, .mode, .status, .year, .audience, .expectedCount, .evidence, .source, fromId: head([(sg)-[:FROM]->(f) | f.id])}
  ][..$maxFacts] AS signals`;

/**
 * The cascade of one innovation in one bounded query: the innovation, the innovations that build
 * on it by lineage that counts as spread (up to `MAX_LINEAGE_DEPTH` steps, at most
 * `MAX_DESCENDANTS`), and for each its origin organisations, its adoptions, its lineage links
 * inside the cascade and the innovations that build on it by lineage that does not count (yet);
 * plus the root's signals.
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
  plannedAdoptions: number;
  testedAdoptions: number;
  interestedAdoptions: number;
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

/** The count fields of `SpreadCounts`: what each row of the statistics holds, in this order. */
const COUNT_FIELDS = ['adoptions', 'plannedAdoptions', 'testedAdoptions', 'interestedAdoptions', 'reusing', 'activelyShared', 'spread', 'collaborating'] as const;
const FLAGS: ReadonlySet<string> = new Set(['reusing', 'activelyShared', 'spread', 'collaborating']);
const COUNTS = ['count(*) AS innovations', ...COUNT_FIELDS.map((f) => (FLAGS.has(f) ? `sum(CASE WHEN r.${f} THEN 1 ELSE 0 END) AS ${f}` : `sum(r.${f}) AS ${f}`))].join(', ');
const COUNTS_MAP = ['innovations: innovations', ...COUNT_FIELDS.map((f) => `${f}: coalesce(${f}, 0)`)].join(', ');

const ZERO_COUNTS: SpreadCounts = { innovations: 0, adoptions: 0, plannedAdoptions: 0, testedAdoptions: 0, interestedAdoptions: 0, reusing: 0, activelyShared: 0, spread: 0, collaborating: 0 };

/**
 * The researchers' aggregates over the catalogue (every innovation but REFERENCED ones, retired
 * ones left out), per group and in total, in one query. What counts as spread is
 * `spread-rules.cypher.ts`'s rule; see `SpreadGroup` in `modules/spread/spread-stats.type.ts` for
 * what each count means.
 */
export async function readSpreadStats(graph: GraphRunner, grouping: SpreadGrouping): Promise<{ totals: SpreadCounts; groups: SpreadGroupCounts[] }> {
  const [row] = await graph.read<{ totals: SpreadCounts; groups: SpreadGroupCounts[] }>(
    `MATCH (i:Innovation)
     WHERE i.kind <> 'REFERENCED' AND coalesce(i.retired, false) = false
     WITH i, ${GROUP_KEYS[grouping]} AS groups
     WITH collect({
       groups: groups,
       adoptions: COUNT { (i)<-[a:ADOPTED]-(:Organisation) WHERE ${spreadFactCypher('a')} },
       plannedAdoptions: COUNT { (i)<-[a:ADOPTED]-(:Organisation) WHERE ${uptakeFactCypher('a', 'PLANNED')} },
       testedAdoptions: COUNT { (i)<-[a:ADOPTED]-(:Organisation) WHERE ${uptakeFactCypher('a', 'TESTED')} },
       interestedAdoptions: COUNT { (i)<-[a:ADOPTED]-(:Organisation) WHERE ${uptakeFactCypher('a', 'INTERESTED')} },
       reusing: EXISTS { (i)-[b:BUILDS_ON]->(:Innovation) WHERE ${spreadLineageCypher('b')} }
         OR EXISTS { (i)-[:HAS_SIGNAL]->(sg:SpreadSignal) WHERE sg.direction = 'INCOMING' AND ${spreadFactCypher('sg')} }
         OR EXISTS {
           MATCH (i)<-[a:ADOPTED]-(own:Organisation)
           WHERE ${spreadFactCypher('a')} AND a.fromId IS NOT NULL AND EXISTS { (own)-[:NOMINATED|MADE]->(i) }
             AND NOT EXISTS { (:Organisation {id: a.fromId})-[:NOMINATED|MADE]->(i) }
         },
       activelyShared: EXISTS { (i)<-[a:ADOPTED]-(:Organisation) WHERE ${channelFactCypher('a')} }
         OR EXISTS { (i)-[:HAS_SIGNAL]->(sg:SpreadSignal) WHERE ${channelFactCypher('sg')} AND coalesce(sg.direction, 'OUTGOING') = 'OUTGOING' },
       spread: ${innovationSpreadCypher('i')},
       collaborating: EXISTS { (i)<-[:PARTNER_IN]-(:Organisation) }
     }) AS rows
     CALL (rows) {
       UNWIND rows AS r
       WITH ${COUNTS}
       RETURN {${COUNTS_MAP}} AS totals
     }
     CALL (rows) {
       UNWIND rows AS r
       UNWIND CASE WHEN size(r.groups) = 0 THEN [{key: null, label: null}] ELSE r.groups END AS g
       WITH g.key AS key, g.label AS label, ${COUNTS}
       RETURN collect({key: key, label: label, ${COUNTS_MAP}}) AS groups
     }
     RETURN totals, groups`,
    {},
    { tag: `spread.stats.${grouping.toLowerCase()}` },
  );
  return row ?? { totals: ZERO_COUNTS, groups: [] };
}
