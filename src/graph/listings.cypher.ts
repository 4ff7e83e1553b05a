import { toFulltextQuery } from './fulltext.js';
import { analyseQuery, innovationQuery, type CompoundSplitter } from './search-query.js';
import { termStatistics } from './term-statistics.cypher.js';
import { querySplitter } from './text-similarity.js';
import type { GraphRunner } from './graph-runner.js';
import { afterCondition, orderByClause, sortKeyProjection, type SortColumn, type SortValue } from './keyset.js';
import { PROJECT, type InnovationNode, type OrganisationNode } from './records.js';
import { relatedList, type RelatedName } from './lookups.cypher.js';
import { innovationSpreadCypher } from './spread-rules.cypher.js';

/**
 * Filtered, ordered, keyset-paged lists of innovations and organisations. Every condition is a
 * constant Cypher fragment chosen by which filter fields are set; every value is a parameter.
 */

export interface InnovationCriteria {
  text?: string | undefined;
  kinds?: string[] | undefined;
  sectors?: string[] | undefined;
  types?: string[] | undefined;
  regionIds?: string[] | undefined;
  yearFrom?: number | undefined;
  yearTo?: number | undefined;
  awardLevels?: string[] | undefined;
  prizes?: string[] | undefined;
  themeIds?: string[] | undefined;
  coronaRelated?: boolean | undefined;
  /** Innovations this organisation, or any unit below it, nominated, made, partnered in or adopted. */
  organisationId?: string | undefined;
  /** Innovations that spread: adopted or built on by a fact that counts as spread (`spread-rules.cypher.ts`). */
  spread?: boolean | undefined;
  includeRetired?: boolean | undefined;
}

export const INNOVATION_ORDERS = {
  // `score` is the full-text relevance, bound only when a text is given (the resolver falls back
  // to TITLE without one).
  RELEVANCE: [{ expression: 'score', descending: true }, { expression: 'i.id' }],
  TITLE: [{ expression: 'i.title' }, { expression: 'i.id' }],
  YEAR_DESC: [{ expression: 'coalesce(i.year, -1)', descending: true }, { expression: 'i.title' }, { expression: 'i.id' }],
  YEAR_ASC: [{ expression: 'coalesce(i.year, 9999)' }, { expression: 'i.title' }, { expression: 'i.id' }],
} as const satisfies Record<string, readonly SortColumn[]>;
export type InnovationOrder = keyof typeof INNOVATION_ORDERS;

export interface Page<T> {
  rows: { node: T; sortKey: SortValue[] }[];
  hasNextPage: boolean;
}

/** The WHERE conditions over `i` for the criteria other than the text. */
export function innovationConditions(c: InnovationCriteria): string[] {
  const where: string[] = [];
  if (!c.includeRetired) where.push('coalesce(i.retired, false) = false');
  if (c.kinds?.length) where.push('i.kind IN $kinds');
  if (c.sectors?.length) where.push('i.sector IN $sectors');
  if (c.types?.length) where.push('any(t IN i.types WHERE t IN $types)');
  if (c.yearFrom !== undefined) where.push('i.year >= $yearFrom');
  if (c.yearTo !== undefined) where.push('i.year <= $yearTo');
  if (c.coronaRelated !== undefined) where.push('coalesce(i.coronaRelated, false) = $coronaRelated');
  if (c.regionIds?.length) where.push('EXISTS { MATCH (i)<-[:NOMINATED|MADE]-(o:Organisation) WHERE o.region IN $regionIds }');
  if (c.awardLevels?.length || c.prizes?.length) {
    where.push('EXISTS { MATCH (i)-[a:AWARDED]->(z:Prize) WHERE ($awardLevels IS NULL OR a.level IN $awardLevels) AND ($prizes IS NULL OR z.id IN $prizes) }');
  }
  if (c.themeIds?.length) where.push('EXISTS { MATCH (i)-[:ABOUT]->(t:Theme) WHERE t.id IN $themeIds }');
  if (c.organisationId !== undefined) {
    where.push(`EXISTS { MATCH (i)<-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]-(o:Organisation)
      WHERE o.id = $organisationId OR EXISTS { MATCH (o)-[:PART_OF*1..4]->(:Organisation {id: $organisationId}) } }`);
  }
  if (c.spread === true) where.push(innovationSpreadCypher('i'));
  if (c.spread === false) where.push(`NOT ${innovationSpreadCypher('i')}`);
  return where;
}

/** The parameters `innovationConditions` and `innovationSource` read. */
export function innovationParams(c: InnovationCriteria, split: CompoundSplitter | null): Record<string, unknown> {
  return {
    // A text filter narrows the list: every word (or its translation, or a compound's parts) must occur somewhere.
    text: c.text === undefined ? null : innovationQuery(analyseQuery(c.text, split ?? undefined), { mode: 'MATCH_ALL' }),
    kinds: c.kinds ?? null,
    sectors: c.sectors ?? null,
    types: c.types ?? null,
    regionIds: c.regionIds ?? null,
    yearFrom: c.yearFrom ?? null,
    yearTo: c.yearTo ?? null,
    awardLevels: c.awardLevels?.length ? c.awardLevels : null,
    prizes: c.prizes?.length ? c.prizes : null,
    themeIds: c.themeIds ?? null,
    coronaRelated: c.coronaRelated ?? null,
    organisationId: c.organisationId ?? null,
  };
}

/**
 * With a text filter, candidates come from the Danish full-text index, with their relevance as
 * `score`; otherwise from the label.
 */
function innovationSource(c: InnovationCriteria): string {
  return c.text === undefined ? 'MATCH (i:Innovation)' : "CALL db.index.fulltext.queryNodes('innovation_search', $text) YIELD node AS i, score";
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');

/**
 * A page of innovations. `include` names relationship kinds to bring along in the same query
 * (`related` on each row), for requests that will ask for them on every innovation of the page.
 */
export async function listInnovations(
  graph: GraphRunner,
  criteria: InnovationCriteria,
  order: InnovationOrder,
  first: number,
  after: SortValue[] | null,
  include: readonly RelatedName[] = [],
): Promise<Page<InnovationNode> & { related: Partial<Record<RelatedName, unknown[]>>[] }> {
  const params = innovationParams(criteria, criteria.text === undefined ? null : querySplitter(await termStatistics(graph)));
  if (criteria.text !== undefined && params.text === null) return { rows: [], hasNextPage: false, related: [] };
  const columns = INNOVATION_ORDERS[order];
  const conditions = innovationConditions(criteria);
  if (order === 'TITLE' && criteria.text === undefined) conditions.push(...titleSeek(after !== null));
  else if (after) conditions.push(afterCondition(columns));
  const related = include.length ? `{${include.map((name) => `${name}: ${relatedList(name)}`).join(', ')}}` : '{}';
  const rows = await graph.read<{ node: InnovationNode; sortKey: SortValue[]; related: Partial<Record<RelatedName, unknown[]>> }>(
    `${innovationSource(criteria)}
     ${where(conditions)}
     WITH i, ${criteria.text === undefined ? 'null AS score' : 'score'} ORDER BY ${orderByClause(columns)} LIMIT $limit
     WITH i, score, i AS p
     RETURN ${PROJECT.innovation('i')} AS node, ${sortKeyProjection(columns)} AS sortKey, ${related} AS related`,
    { ...params, after, limit: first + 1 },
    { tag: 'innovations.page' },
  );
  const page = rows.slice(0, first);
  return { rows: page, hasNextPage: rows.length > first, related: page.map((row) => row.related) };
}

/**
 * The TITLE order's page conditions in a shape the planner reads from the title index in order,
 * stopping after one page: without them it scans and sorts every innovation for each page (at
 * 50,000 innovations, 200,000 db hits against 208). The keyset condition is the same as
 * afterCondition's, (title > t) OR (title = t AND id > d), written as title >= t AND (title > t
 * OR id > d): the first form makes the planner seek both branches and sort their union. Titles
 * are never null, so `IS NOT NULL` leaves no innovation out.
 */
function titleSeek(hasCursor: boolean): string[] {
  return hasCursor ? ['i.title >= $after[0]', '(i.title > $after[0] OR i.id > $after[1])'] : ['i.title IS NOT NULL'];
}

export async function countInnovations(graph: GraphRunner, criteria: InnovationCriteria): Promise<number> {
  const params = innovationParams(criteria, criteria.text === undefined ? null : querySplitter(await termStatistics(graph)));
  if (criteria.text !== undefined && params.text === null) return 0;
  const [row] = await graph.read<{ n: number }>(
    `${innovationSource(criteria)} ${where(innovationConditions(criteria))} RETURN count(i) AS n`,
    params,
    { tag: 'innovations.count' },
  );
  return row?.n ?? 0;
}

export interface OrganisationCriteria {
  text?: string | undefined;
  kinds?: string[] | undefined;
  regionIds?: string[] | undefined;
  countries?: string[] | undefined;
  /** Direct units of this organisation. */
  parentId?: string | undefined;
  /** Only organisations that nominated, made, partnered in or adopted an innovation. */
  active?: boolean | undefined;
}

export const ORGANISATION_ORDERS = {
  NAME: [{ expression: 'o.name' }, { expression: 'o.id' }],
} as const satisfies Record<string, readonly SortColumn[]>;
export type OrganisationOrder = keyof typeof ORGANISATION_ORDERS;

function organisationConditions(c: OrganisationCriteria): string[] {
  const conditions: string[] = [];
  if (c.kinds?.length) conditions.push('o.kind IN $kinds');
  if (c.regionIds?.length) conditions.push('o.region IN $regionIds');
  if (c.countries?.length) conditions.push('o.country IN $countries');
  if (c.parentId !== undefined) conditions.push('EXISTS { (o)-[:PART_OF]->(:Organisation {id: $parentId}) }');
  if (c.active === true) conditions.push('EXISTS { (o)-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]->(:Innovation) }');
  if (c.active === false) conditions.push('NOT EXISTS { (o)-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]->(:Innovation) }');
  return conditions;
}

function organisationParams(c: OrganisationCriteria): Record<string, unknown> {
  return {
    text: c.text === undefined ? null : toFulltextQuery(c.text),
    kinds: c.kinds ?? null,
    regionIds: c.regionIds ?? null,
    countries: c.countries ?? null,
    parentId: c.parentId ?? null,
  };
}

function organisationSource(c: OrganisationCriteria): string {
  return c.text === undefined ? 'MATCH (o:Organisation)' : "CALL db.index.fulltext.queryNodes('organisation_names', $text) YIELD node AS o";
}

export async function listOrganisations(
  graph: GraphRunner,
  criteria: OrganisationCriteria,
  order: OrganisationOrder,
  first: number,
  after: SortValue[] | null,
): Promise<Page<OrganisationNode>> {
  const params = organisationParams(criteria);
  if (criteria.text !== undefined && params.text === null) return { rows: [], hasNextPage: false };
  const columns = ORGANISATION_ORDERS[order];
  const conditions = organisationConditions(criteria);
  if (after) conditions.push(afterCondition(columns));
  const rows = await graph.read<{ node: OrganisationNode; sortKey: SortValue[] }>(
    `${organisationSource(criteria)}
     ${where(conditions)}
     WITH o ORDER BY ${orderByClause(columns)} LIMIT $limit
     RETURN ${PROJECT.organisation('o')} AS node, ${sortKeyProjection(columns)} AS sortKey`,
    { ...params, after, limit: first + 1 },
    { tag: 'organisations.page' },
  );
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

export async function countOrganisations(graph: GraphRunner, criteria: OrganisationCriteria): Promise<number> {
  const params = organisationParams(criteria);
  if (criteria.text !== undefined && params.text === null) return 0;
  const [row] = await graph.read<{ n: number }>(
    `${organisationSource(criteria)} ${where(organisationConditions(criteria))} RETURN count(o) AS n`,
    params,
    { tag: 'organisations.count' },
  );
  return row?.n ?? 0;
}

/** A request for one page of the innovations around one node: which node, how many, after what. */
export interface PageRequest {
  key: string;
  first: number;
  after: SortValue[] | null;
}

/**
 * One page of innovations (current ones, by title) for each of many requests, in one query.
 * `match` is a constant pattern binding `i` for the request's `request.key`; the batch behind a
 * paged list field such as `Organisation.nominated` or `Theme.innovations`.
 */
async function innovationPagesByKey(graph: GraphRunner, tag: string, match: string, requests: readonly PageRequest[]): Promise<Page<InnovationNode>[]> {
  const columns = INNOVATION_ORDERS.TITLE;
  const rows = await graph.read<{ index: number; items: { node: InnovationNode; sortKey: SortValue[] }[] }>(
    `UNWIND range(0, size($requests) - 1) AS index
     WITH index, $requests[index] AS request
     CALL (request) {
       ${match}
       WITH DISTINCT i, request
       WHERE coalesce(i.retired, false) = false AND (request.after IS NULL OR ${afterCondition(columns, 'request.after')})
       // LIMIT takes parameters but no variables: the batch's largest page bounds every request,
       // and each is cut to its own size below. Requests in one batch share their size as a rule.
       WITH i ORDER BY ${orderByClause(columns)} LIMIT $limit
       RETURN collect({node: ${PROJECT.innovation('i')}, sortKey: ${sortKeyProjection(columns)}}) AS items
     }
     RETURN index, items`,
    { requests: requests.map((r) => ({ key: r.key, first: r.first, after: r.after })), limit: Math.max(...requests.map((r) => r.first)) + 1 },
    { tag },
  );
  const byIndex = new Map(rows.map((r) => [r.index, r.items]));
  return requests.map((request, index) => {
    const items = byIndex.get(index) ?? [];
    return { rows: items.slice(0, request.first), hasNextPage: items.length > request.first };
  });
}

/** How many current innovations `match` finds for each key, in one query. */
async function countInnovationsByKey(graph: GraphRunner, tag: string, match: string, keys: readonly string[]): Promise<number[]> {
  const rows = await graph.read<{ key: string; n: number }>(
    `UNWIND $keys AS key
     WITH {key: key} AS request
     CALL (request) {
       ${match}
       WITH DISTINCT i WHERE coalesce(i.retired, false) = false
       RETURN count(i) AS n
     }
     RETURN request.key AS key, n`,
    { keys },
    { tag },
  );
  const byKey = new Map(rows.map((r) => [r.key, r.n]));
  return keys.map((key) => byKey.get(key) ?? 0);
}

const NOMINATED_BY = `MATCH (i:Innovation)<-[:NOMINATED]-(o:Organisation)
       WHERE o.id = request.key OR EXISTS { MATCH (o)-[:PART_OF*1..4]->(:Organisation {id: request.key}) }`;
const ABOUT_THEME = 'MATCH (:Theme {id: request.key})<-[:ABOUT]-(i:Innovation)';

/** The innovations each organisation nominated (its units' included): the batch behind `Organisation.nominated`. */
export function listNominatedPages(graph: GraphRunner, requests: readonly { organisationId: string; first: number; after: SortValue[] | null }[]): Promise<Page<InnovationNode>[]> {
  return innovationPagesByKey(graph, 'organisation.nominated', NOMINATED_BY, requests.map((r) => ({ key: r.organisationId, first: r.first, after: r.after })));
}

/** How many innovations each organisation nominated (its units' included), in one query. */
export function countNominated(graph: GraphRunner, organisationIds: readonly string[]): Promise<number[]> {
  return countInnovationsByKey(graph, 'organisation.nominated.count', NOMINATED_BY, organisationIds);
}

/** The innovations about each theme or mission: the batch behind `Theme.innovations`. */
export function listThemeInnovationPages(graph: GraphRunner, requests: readonly PageRequest[]): Promise<Page<InnovationNode>[]> {
  return innovationPagesByKey(graph, 'theme.innovations', ABOUT_THEME, requests);
}

/** How many current innovations are about each theme or mission, in one query. */
export function countThemeInnovations(graph: GraphRunner, themeIds: readonly string[]): Promise<number[]> {
  return countInnovationsByKey(graph, 'theme.innovations.count', ABOUT_THEME, themeIds);
}
