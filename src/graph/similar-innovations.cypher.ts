import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode } from './records.js';
import { termStatistics } from './term-statistics.cypher.js';
import { cosine, distinctiveWords, sharedStems, termVector, type TermStatistics } from './text-similarity.js';
import { stemsOf, towardsDanish } from './search-query.js';

/**
 * "Is someone already doing this?": innovations that share the problem, the solution or the
 * target group with a given one (or with a description of a project), judged on content:
 *   - wording: the cosine of tf-idf vectors of title, target group and summary (`text-similarity.ts`):
 *     a word counts for more the rarer it is among innovations, and words most innovations use
 *     count not at all. Candidates come from the full-text index, queried with the subject's most
 *     telling words, and from the innovations sharing a theme or a partner with it;
 *   - themes and missions, each weighted by how rare it is (a theme half the catalogue shares says
 *     little), as a weighted Jaccard overlap;
 *   - partners, each weighted down by how many innovations it takes part in.
 * Sector and the kind of organisation behind an innovation say nothing about what it does, so they
 * do not count. Below SIMILARITY_THRESHOLD nothing is returned: fewer answers beat padded ones.
 */

/** How much each overlap counts; they sum to 1, so a similarity lies in [0, 1]. */
export const SIMILARITY_WEIGHTS = { text: 0.6, themes: 0.3, partners: 0.1 } as const;

/** The least similarity worth showing. */
export const SIMILARITY_THRESHOLD = 0.15;

/**
 * A wording cosine of this much counts as a full match: two summaries of a hundred words about
 * the same thing, in different words, share a handful of rare ones (a cosine of 0.2 to 0.4).
 */
const FULL_TEXT_COSINE = 0.3;

/** Fields the candidates are looked up in, and how much each counts. */
const CONTENT_FIELDS = { title: 2, summary: 1, targetGroup: 1.5, searchEffects: 0.7, searchTopics: 1 } as const;

/** The subject's words the candidate lookup uses, at most. */
const LOOKUP_WORDS = 25;
/** How many full-text hits and how many theme or partner neighbours are looked at, at most. */
const TEXT_HITS = 60;
const NEIGHBOURS = 200;

export interface SharedTheme {
  name: string;
  nameEn: string | null;
  kind: string;
}

/** What two innovations have in common; the zero value of a field means no overlap of that kind. */
export interface SimilarityFacts {
  /** The themes and missions both are about, rarest first. */
  themes: SharedTheme[];
  /** Weighted share of the themes of either that both have, 0 to 1. */
  themeOverlap: number;
  /** Names of the organisations that are partners in both. */
  partners: string[];
  /** Shared partners, weighted by how few innovations each takes part in, 0 to 1. */
  partnerOverlap: number;
  /** How much of the subject's wording the other repeats, 0 to 1. */
  text: number;
  /** The subject's words (as the subject writes them) that the other uses too, most telling first, at most five. */
  words: string[];
}

export interface SimilarInnovationRow {
  innovation: InnovationNode;
  score: number;
  facts: SimilarityFacts;
}

/** What the similarity needs to know about what it starts from. */
export interface SimilaritySubject {
  /** The innovation compared with; null for a description of a project that is not in the graph. */
  id: string | null;
  title: string;
  summary?: string | null;
  targetGroup: string | null;
}

/** The full-text query of a subject's most telling words, over the content fields with their weights. */
function lookupQuery(subject: SimilaritySubject, stats: TermStatistics): string | null {
  const words = distinctiveWords(subject, stats, LOOKUP_WORDS).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
  if (words.length === 0) return null;
  return Object.entries(CONTENT_FIELDS)
    .map(([field, boost]) => `${field}:(${words.join(' ')})^${boost}`)
    .join(' ');
}

/**
 * The candidates for similarity to a subject, with what they share with it in themes and
 * partners; the wording is compared in `scoreCandidates`. Reads a bound `i` (null for a
 * description) and `$lookup`, `$textHits`, `$neighbours`.
 */
const candidatesSubquery = (hasLookup: boolean) => `
    CALL () {
      ${hasLookup ? "CALL db.index.fulltext.queryNodes('innovation_search', $lookup, {limit: $textHits}) YIELD node RETURN collect(node.id) AS hits" : 'RETURN [] AS hits'}
    }
    CALL () { MATCH (x:Innovation) RETURN toFloat(count(x)) AS total }
    // A theme's rarity from its degree (only innovations are ABOUT a theme), which Neo4j reads
    // from the node's relationship count instead of visiting every innovation.
    WITH i, hits, total,
      CASE WHEN i IS NULL THEN [] ELSE [(i)-[:ABOUT]->(t:Theme) | {id: t.id, name: t.name, nameEn: t.nameEn, kind: t.kind, weight: log(1.0 + total / COUNT { (t)<-[:ABOUT]-() })}] END AS ownThemes
    CALL (i, hits) {
      WITH i WHERE i IS NOT NULL
      MATCH (i)-[:ABOUT]->(:Theme)<-[:ABOUT]-(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      WITH i WHERE i IS NOT NULL
      MATCH (i)<-[:PARTNER_IN]-(:Organisation)-[:PARTNER_IN]->(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      UNWIND hits AS hit MATCH (j:Innovation {id: hit}) RETURN j
    }
    WITH i, j, total, ownThemes
    WHERE (i IS NULL OR j <> i) AND coalesce(j.retired, false) = false
    WITH i, j, ownThemes,
      [(j)-[:ABOUT]->(t:Theme) | {id: t.id, weight: log(1.0 + total / COUNT { (t)<-[:ABOUT]-() })}] AS otherThemes,
      CASE WHEN i IS NULL THEN [] ELSE COLLECT {
        MATCH (i)<-[:PARTNER_IN]-(o:Organisation)-[:PARTNER_IN]->(j)
        RETURN DISTINCT {name: o.name, weight: 1.0 / sqrt(COUNT { (o)-[:PARTNER_IN|NOMINATED|MADE]->() })}
      } END AS partners
    WITH j, partners,
      [t IN ownThemes WHERE any(o IN otherThemes WHERE o.id = t.id)] AS shared,
      reduce(s = 0.0, t IN ownThemes | s + t.weight) + reduce(s = 0.0, o IN [x IN otherThemes WHERE NOT any(t IN ownThemes WHERE t.id = x.id)] | s + o.weight) AS unionWeight
    WITH j, partners, shared,
      CASE WHEN unionWeight > 0 THEN reduce(s = 0.0, t IN shared | s + t.weight) / unionWeight ELSE 0.0 END AS themeScore,
      reduce(s = 0.0, p IN partners | s + p.weight) AS partnerWeight
    RETURN j, {
      themes: [t IN shared | t {.name, .nameEn, .kind, .weight}],
      themeOverlap: themeScore,
      partners: [p IN partners | p.name],
      partnerOverlap: CASE WHEN partnerWeight > 1.0 THEN 1.0 ELSE partnerWeight END
    } AS facts`;

type RawFacts = Omit<SimilarityFacts, 'themes' | 'words' | 'text'> & { themes: (SharedTheme & { weight: number })[] };

/**
 * Scores candidates against the subject: wording cosine, theme and partner overlap, weighted;
 * drops what falls below the threshold and returns the rest best first, with the words shared.
 */
export function scoreCandidates(
  subject: SimilaritySubject,
  candidates: readonly { innovation: InnovationNode; facts: RawFacts }[],
  stats: TermStatistics,
): SimilarInnovationRow[] {
  const weights = subject.id === null ? { text: 1, themes: 0, partners: 0 } : SIMILARITY_WEIGHTS;
  const own = termVector(subject, stats);
  const written = stemsOf([subject.title, subject.targetGroup ?? '', subject.summary ?? ''].join(' '));
  return candidates
    .map(({ innovation, facts }) => {
      const theirs = termVector(innovation, stats);
      const text = Math.min(1, cosine(own, theirs) / FULL_TEXT_COSINE);
      const score = weights.text * text + weights.themes * facts.themeOverlap + weights.partners * facts.partnerOverlap;
      const themes = [...facts.themes].sort((a, b) => b.weight - a.weight).map(({ name, nameEn, kind }) => ({ name, nameEn, kind }));
      // Only words the subject writes: a stem or a compound's part reads as a typo.
      const words = sharedStems(own, theirs)
        .filter((stem) => written.has(stem))
        .slice(0, 5)
        .map((stem) => written.get(stem)!);
      return { innovation, score, facts: { ...facts, themes, text, words } };
    })
    // An answer must be able to say what it shares: a match on a compound's part alone cannot.
    .filter((row) => row.score >= SIMILARITY_THRESHOLD && (row.facts.words.length > 0 || row.facts.themes.length > 0 || row.facts.partners.length > 0))
    .sort((a, b) => b.score - a.score || a.innovation.title.localeCompare(b.innovation.title) || (a.innovation.id < b.innovation.id ? -1 : 1));
}

/** The innovations most similar to `subject`, best first, at most `first`: two queries at most. */
export async function findSimilarInnovations(graph: GraphRunner, given: SimilaritySubject, first: number): Promise<SimilarInnovationRow[]> {
  const stats = await termStatistics(graph);
  // A description may be written in English; the innovations are described in Danish.
  const subject = given.id === null ? { ...given, summary: towardsDanish(given.summary ?? '') } : given;
  const lookup = lookupQuery(subject, stats);
  if (lookup === null && subject.id === null) return [];
  const candidates = await graph.read<{ innovation: InnovationNode; facts: RawFacts }>(
    `${subject.id === null ? 'WITH null AS i' : 'MATCH (i:Innovation {id: $id})'}
     CALL (i) { ${candidatesSubquery(lookup !== null)} }
     RETURN ${PROJECT.innovation('j')} AS innovation, facts`,
    { id: subject.id, lookup, textHits: TEXT_HITS, neighbours: NEIGHBOURS },
    { tag: subject.id === null ? 'innovation.similarToText' : 'innovation.similar' },
  );
  return scoreCandidates(subject, candidates, stats).slice(0, first);
}
