import { toFulltextQuery } from './fulltext.js';
import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode, type OrganisationNode, type PersonNode } from './records.js';

export type SearchResult =
  | { type: 'Innovation'; score: number; node: InnovationNode }
  | { type: 'Organisation'; score: number; node: OrganisationNode }
  | { type: 'Person'; score: number; node: PersonNode };

/**
 * Ranked full-text search over innovations, organisations and people at once, with the Danish
 * analyzer. Returns an empty list when the text holds no searchable word.
 */
export async function searchEverything(graph: GraphRunner, text: string, first: number): Promise<SearchResult[]> {
  const query = toFulltextQuery(text);
  if (query === null) return [];
  return graph.read<SearchResult>(
    `CALL () {
       CALL db.index.fulltext.queryNodes('innovation_text', $query, {limit: $first}) YIELD node, score
       WHERE coalesce(node.retired, false) = false
       RETURN 'Innovation' AS type, score, ${PROJECT.innovation('node')} AS node
       UNION ALL
       CALL db.index.fulltext.queryNodes('organisation_names', $query, {limit: $first}) YIELD node, score
       RETURN 'Organisation' AS type, score, ${PROJECT.organisation('node')} AS node
       UNION ALL
       CALL db.index.fulltext.queryNodes('person_names', $query, {limit: $first}) YIELD node, score
       RETURN 'Person' AS type, score, ${PROJECT.person('node')} AS node
     }
     RETURN type, score, node ORDER BY score DESC, node.id LIMIT $first`,
    { query, first },
    { tag: 'search' },
  );
}
