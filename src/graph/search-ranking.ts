import { words } from './search-query.js';

/**
 * One ranking over innovations, organisations and people. Full-text scores from different indexes
 * are not comparable (a name of two words scores higher than a summary of a hundred for the same
 * match), so each kind is normalised against its own best hit, and kinds are then weighed:
 *   1. a name the query spells out ("Aarhus", "Jens Bolwig", "Kolding Kommune"): the user is
 *      looking for that organisation or person, so it comes first;
 *   2. innovations, by relevance: what the product is for;
 *   3. other organisations and people whose names hold every word, below the innovations that
 *      match as well as they do.
 * Pure, so that it is tested without a database.
 */

export interface SearchCandidate<N = unknown> {
  type: 'Innovation' | 'Organisation' | 'Person';
  score: number;
  node: N & { id: string };
  /** For organisations and people: the name and aliases, to recognise a query that names them. */
  names: string[];
}

export interface RankedHit<N = unknown> {
  type: SearchCandidate['type'];
  /** Comparable across kinds within one search: above 1 for an exact name, up to 1 otherwise. */
  score: number;
  node: N & { id: string };
}

/** How much a name match counts against the best innovation hit, per kind. */
export const KIND_WEIGHTS = { Innovation: 1, Organisation: 0.6, Person: 0.5 } as const;
const EXACT_NAME_BONUS = 1;
const KIND_ORDER = { Organisation: 0, Person: 1, Innovation: 2 } as const;

/**
 * Words that make up the form of a name rather than the name itself: "Kolding" names Kolding
 * Kommune as surely as "Kolding Kommune" does.
 */
const NAME_FORM_WORDS = new Set(['kommune', 'kommunes', 'region', 'regionen', 'a', 's', 'aps', 'i', 'p', 'municipality']);

function nameKey(text: string): string {
  return words(text)
    .filter((w) => !NAME_FORM_WORDS.has(w))
    .join(' ');
}

export function rankSearchHits<N>(query: string, candidates: readonly SearchCandidate<N>[]): RankedHit<N>[] {
  const best = new Map<string, number>();
  for (const c of candidates) best.set(c.type, Math.max(best.get(c.type) ?? 0, c.score));
  const queryKey = nameKey(query);
  const ranked = candidates.map((c) => {
    const normalised = c.score / (best.get(c.type) || 1);
    const exact = c.type !== 'Innovation' && queryKey !== '' && c.names.some((name) => nameKey(name) === queryKey);
    return { type: c.type, node: c.node, score: exact ? EXACT_NAME_BONUS + normalised : KIND_WEIGHTS[c.type] * normalised };
  });
  return ranked.sort((a, b) => b.score - a.score || KIND_ORDER[a.type] - KIND_ORDER[b.type] || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
}
