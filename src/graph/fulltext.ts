/**
 * Turns what a user typed into a safe Lucene query for Neo4j's full-text indexes. Lucene syntax
 * (quotes, slashes, brackets, colons, AND/OR, wildcards) in user text would be parsed as
 * operators or fail as a syntax error, so only words survive: letters and digits, joined by
 * spaces (any word may match; hits with all of them rank first). The last word also matches as a
 * prefix, so that a search box finds "videokonsultation" while the user is still typing "videokon".
 */
export function toFulltextQuery(text: string): string | null {
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => !LUCENE_KEYWORDS.has(w));
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  const clauses = [...words];
  // Prefix terms skip the analyzer (no stemming), so they only widen the match, never replace it.
  if (last.length >= 3) clauses.push(`${last}*`);
  // Hits with every word rank above hits with some of them ("aarhus kommune" puts Aarhus Kommune
  // before every other kommune).
  if (words.length > 1) clauses.unshift(`(${words.map((w) => `+${w}`).join(' ')})^4`);
  return clauses.join(' ');
}

// Lowercased these are plain words to Lucene, but guard anyway in case the parser is configured
// to treat operators case-insensitively.
const LUCENE_KEYWORDS = new Set(['and', 'or', 'not', 'to']);
