import type { GraphRunner } from './graph-runner.js';
import { innovationConditions, innovationParams, type InnovationCriteria } from './listings.cypher.js';
import { PROJECT, type InnovationNode, type OrganisationNode, type PersonNode } from './records.js';
import { analyseQuery, innovationQuery, nameQuery } from './search-query.js';
import { termStatistics } from './term-statistics.cypher.js';
import { querySplitter } from './text-similarity.js';
import { rankSearchHits, type RankedHit, type SearchCandidate } from './search-ranking.js';

export type SearchResult = RankedHit<InnovationNode | OrganisationNode | PersonNode>;

/**
 * How many candidates of each kind a search looks at. The ranking needs them all at once (it
 * normalises each kind against its best hit), so deep pages are bounded by this, not by `first`.
 */
export const SEARCH_CANDIDATES = 300;

export interface SearchOptions {
  /** Innovation criteria besides the text; with any of them, only innovations are searched. */
  readonly filter?: Omit<InnovationCriteria, 'text'> | undefined;
  /** Kinds of node to search; all when absent. */
  readonly types?: readonly SearchCandidate['type'][] | undefined;
}

const hasCriteria = (filter: SearchOptions['filter']) =>
  filter !== undefined && Object.entries(filter).some(([key, value]) => key !== 'includeRetired' && value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0));

/**
 * Every hit for `text`, ranked (see `search-ranking.ts`), at most SEARCH_CANDIDATES of each kind;
 * the caller pages through them. Returns an empty list when the text holds no searchable word.
 */
export async function searchEverything(graph: GraphRunner, text: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const concepts = analyseQuery(text, querySplitter(await termStatistics(graph)));
  const innovationText = innovationQuery(concepts, { mode: 'RANK' });
  const names = nameQuery(concepts);
  if (innovationText === null || names === null) return [];
  const filter = options.filter ?? {};
  const onlyInnovations = hasCriteria(options.filter);
  const wanted = new Set(options.types?.length ? options.types : ['Innovation', 'Organisation', 'Person']);
  if (onlyInnovations) {
    wanted.delete('Organisation');
    wanted.delete('Person');
  }
  const branches: string[] = [];
  if (wanted.has('Innovation')) {
    const conditions = innovationConditions(filter);
    branches.push(`CALL db.index.fulltext.queryNodes('innovation_search', $innovationText, {limit: $candidates}) YIELD node AS i, score
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       RETURN 'Innovation' AS type, score, ${PROJECT.innovation('i')} AS node, [] AS names`);
  }
  if (wanted.has('Organisation')) {
    branches.push(`CALL db.index.fulltext.queryNodes('organisation_names', $names, {limit: $candidates}) YIELD node, score
       RETURN 'Organisation' AS type, score, ${PROJECT.organisation('node')} AS node, [node.name] + coalesce(node.aliases, []) AS names`);
  }
  if (wanted.has('Person')) {
    branches.push(`CALL db.index.fulltext.queryNodes('person_names', $names, {limit: $candidates}) YIELD node, score
       RETURN 'Person' AS type, score, ${PROJECT.person('node')} AS node, [node.name] + coalesce(node.aliases, []) AS names`);
  }
  if (branches.length === 0) return [];
  const candidates = await graph.read<SearchCandidate<InnovationNode | OrganisationNode | PersonNode>>(
    `CALL () { ${branches.join(' UNION ALL ')} } RETURN type, score, node, names`,
    { ...innovationParams(filter, null), innovationText, names, candidates: SEARCH_CANDIDATES },
    { tag: 'search' },
  );
  return rankSearchHits(text, candidates);
}
