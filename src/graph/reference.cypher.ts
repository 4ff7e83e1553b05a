import type { GraphRunner } from './graph-runner.js';
import { readByKeys } from './lookups.cypher.js';
import { PROJECT, type RegionNode, type SourceNode, type ThemeNode } from './records.js';

/**
 * The reference data a user finds things by: themes and missions, regions, and the strategy
 * documents that set the missions. The lists are short (tens of items) and read whole; the
 * counts and links are batched by key for the loaders.
 *
 * A strategy document is a document (a source whose text we hold, `file`; not a register on the
 * web, which has a `url` only) published by an organisation that set missions, and a mission's
 * strategy is the document its owner published. The seeds name no document per mission; of the
 * documents, only the award catalogue's publisher sets none.
 */

const THEME_ORDER = "CASE t.kind WHEN 'THEME' THEN 0 ELSE 1 END, t.name, t.id";

/** Themes and missions, themes first, each by name; only one kind when `kind` is given. */
export async function listThemes(graph: GraphRunner, kind: string | null): Promise<ThemeNode[]> {
  const rows = await graph.read<{ theme: ThemeNode }>(
    `MATCH (t:Theme) WHERE $kind IS NULL OR t.kind = $kind
     WITH t ORDER BY ${THEME_ORDER}
     RETURN ${PROJECT.theme('t')} AS theme`,
    { kind },
    { tag: 'themes.list' },
  );
  return rows.map((row) => row.theme);
}

/** Missions by owner name, then by name; only one organisation's when `ownerId` is given. */
export async function listMissions(graph: GraphRunner, ownerId: string | null): Promise<ThemeNode[]> {
  const rows = await graph.read<{ theme: ThemeNode }>(
    `MATCH (t:Theme {kind: 'MISSION'})
     WHERE $ownerId IS NULL OR EXISTS { (t)-[:OWNED_BY]->(:Organisation {id: $ownerId}) }
     WITH t, head([(t)-[:OWNED_BY]->(owner:Organisation) | owner.name]) AS ownerName
     WITH t ORDER BY ownerName, t.name, t.id
     RETURN ${PROJECT.theme('t')} AS theme`,
    { ownerId },
    { tag: 'missions.list' },
  );
  return rows.map((row) => row.theme);
}

/** Every region, Danish ones first, each by name. */
export async function listRegions(graph: GraphRunner): Promise<RegionNode[]> {
  const rows = await graph.read<{ region: RegionNode }>(
    `MATCH (r:Region) WITH r ORDER BY r.country, r.name, r.id RETURN ${PROJECT.region('r')} AS region`,
    {},
    { tag: 'regions.list' },
  );
  return rows.map((row) => row.region);
}

/** `s` is a document whose text we hold, not a register (a web page a fact was checked against). */
const IS_DOCUMENT = 's.file IS NOT NULL';
const IS_STRATEGY = `${IS_DOCUMENT} AND EXISTS { (s)-[:PUBLISHED_BY]->(:Organisation)<-[:OWNED_BY]-(:Theme {kind: 'MISSION'}) }`;

/** The strategy documents, by title. */
export async function listStrategies(graph: GraphRunner): Promise<SourceNode[]> {
  const rows = await graph.read<{ source: SourceNode }>(
    `MATCH (s:Source) WHERE ${IS_STRATEGY}
     WITH s ORDER BY s.title, s.id
     RETURN ${PROJECT.source('s')} AS source`,
    {},
    { tag: 'strategies.list' },
  );
  return rows.map((row) => row.source);
}

export interface RegionCounts {
  /** Organisations located in the region. */
  organisations: number;
  /** Current innovations nominated or made by an organisation located in the region. */
  innovations: number;
}

/**
 * How many organisations and innovations each region has, in one query. An innovation counts
 * where its nominators and makers are, as the `regionIds` filter of `innovations` does.
 */
export function countRegionContents(graph: GraphRunner, regionIds: readonly string[]): Promise<RegionCounts[]> {
  return readByKeys<RegionCounts>(
    graph,
    'region.counts',
    `UNWIND $keys AS key
     MATCH (r:Region {id: key})
     RETURN key, {
       organisations: COUNT { (r)<-[:LOCATED_IN]-(:Organisation) },
       innovations: COUNT {
         MATCH (r)<-[:LOCATED_IN]-(:Organisation)-[:NOMINATED|MADE]->(i:Innovation)
         WHERE coalesce(i.retired, false) = false
         RETURN DISTINCT i
       }
     } AS value`,
    regionIds,
    { organisations: 0, innovations: 0 },
  );
}

/** The strategy document that sets each mission (null for a theme, or a mission without one), in one query. */
export function findMissionStrategies(graph: GraphRunner, themeIds: readonly string[]): Promise<(SourceNode | null)[]> {
  return readByKeys<SourceNode | null>(
    graph,
    'mission.strategy',
    `UNWIND $keys AS key
     MATCH (t:Theme {id: key, kind: 'MISSION'})-[:OWNED_BY]->(:Organisation)<-[:PUBLISHED_BY]-(s:Source)
     WHERE ${IS_DOCUMENT}
     WITH key, s ORDER BY s.title, s.id
     WITH key, head(collect(s)) AS s
     RETURN key, ${PROJECT.source('s')} AS value`,
    themeIds,
    null,
  );
}

/** The missions each strategy document sets, by name, in one query; [] for any other source. */
export function findStrategyMissions(graph: GraphRunner, sourceIds: readonly string[]): Promise<ThemeNode[][]> {
  return readByKeys<ThemeNode[]>(
    graph,
    'strategy.missions',
    `UNWIND $keys AS key
     MATCH (s:Source {id: key}) WHERE ${IS_DOCUMENT}
     RETURN key, COLLECT {
       MATCH (s)-[:PUBLISHED_BY]->(:Organisation)<-[:OWNED_BY]-(t:Theme {kind: 'MISSION'})
       WITH DISTINCT t ORDER BY t.name, t.id
       RETURN ${PROJECT.theme('t')}
     } AS value`,
    sourceIds,
    [],
  );
}
