import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode } from './records.js';
import { moreLikeThisQuery, stemsOf } from './search-query.js';

/**
 * "Is someone already doing this?": innovations that share the problem, the solution or the
 * target group with a given one (or with a description of a project), judged on content:
 *   - wording: the subject's own words (title, summary, target group) as a query over the others'
 *     titles, summaries, target groups, effects and themes. Lucene's scoring weighs a word by how
 *     rare it is, and the score is taken relative to the subject's score for its own words, so 1
 *     means "says everything the subject says";
 *   - themes and missions, each weighted by how rare it is (a theme half the catalogue shares says
 *     little), as a weighted Jaccard overlap;
 *   - partners, each weighted down by how many innovations it takes part in.
 * Sector and the kind of organisation behind an innovation say nothing about what it does, so they
 * do not count. Below SIMILARITY_THRESHOLD nothing is returned: fewer answers beat padded ones.
 */

/** How much each overlap counts; they sum to 1, so a similarity lies in [0, 1]. */
export const SIMILARITY_WEIGHTS = { text: 0.5, themes: 0.35, partners: 0.15 } as const;

/** The least similarity worth showing. */
export const SIMILARITY_THRESHOLD = 0.15;

/** Fields the wording is compared on, and how much each counts. */
const CONTENT_FIELDS = { title: 2, summary: 1, targetGroup: 1.5, searchEffects: 0.7, searchTopics: 1 } as const;

/** How many full-text hits and how many theme or partner neighbours are looked at, at most. */
const TEXT_HITS = 60;
const NEIGHBOURS = 200;
/** Shared words are told apart from common ones among at least this many candidates. */
const MIN_RANKED = 20;

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

/** The words the subject is compared on. */
const subjectText = (s: SimilaritySubject) => [s.title, s.targetGroup ?? '', s.summary ?? ''].join(' ');

/** The full-text query of a subject's words, over the content fields with their weights. */
function contentQuery(subject: SimilaritySubject): string | null {
  const words = moreLikeThisQuery(subjectText(subject));
  if (words === null) return null;
  return Object.entries(CONTENT_FIELDS)
    .map(([field, boost]) => `${field}:(${words})^${boost}`)
    .join(' ');
}

/**
 * A subquery body that returns the innovations most similar to the subject as `similar` (the
 * node), `similarity` and `facts` (without `words`, which `withSharedWords` adds), best first.
 * With a subject in the graph it reads a bound `i` (use as `CALL (i) { ... }`); for a description
 * `i` is null. Parameters: from `similarityParams`.
 */
export function similaritySubquery(hasText: boolean): string {
  const hits = hasText
    ? `CALL db.index.fulltext.queryNodes('innovation_search', $similarText, {limit: $textHits}) YIELD node, score
       RETURN collect({id: node.id, score: score}) AS hits`
    : 'RETURN [] AS hits';
  return `
    CALL () { ${hits} }
    CALL () { MATCH (x:Innovation) RETURN toFloat(count(x)) AS total }
    // The subject's score for its own words is what a perfect match scores. A description is not
    // in the index: its best hit stands in (describedSubjectScores discounts it).
    WITH i, hits, total,
      coalesce(head([h IN hits WHERE i IS NOT NULL AND h.id = i.id | h.score]), reduce(top = 0.0, h IN hits | CASE WHEN h.score > top THEN h.score ELSE top END)) AS perfect,
      CASE WHEN i IS NULL THEN [] ELSE [(i)-[:ABOUT]->(t:Theme) | {id: t.id, name: t.name, nameEn: t.nameEn, kind: t.kind, weight: log(1.0 + total / COUNT { (t)<-[:ABOUT]-(:Innovation) })}] END AS ownThemes
    CALL (i, hits) {
      WITH i WHERE i IS NOT NULL
      MATCH (i)-[:ABOUT]->(:Theme)<-[:ABOUT]-(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      WITH i WHERE i IS NOT NULL
      MATCH (i)<-[:PARTNER_IN]-(:Organisation)-[:PARTNER_IN]->(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      UNWIND hits AS hit MATCH (j:Innovation {id: hit.id}) RETURN j
    }
    WITH i, j, hits, total, perfect, ownThemes
    WHERE (i IS NULL OR j <> i) AND coalesce(j.retired, false) = false
    WITH i, j, ownThemes,
      [(j)-[:ABOUT]->(t:Theme) | {id: t.id, weight: log(1.0 + total / COUNT { (t)<-[:ABOUT]-(:Innovation) })}] AS otherThemes,
      CASE WHEN i IS NULL THEN [] ELSE COLLECT {
        MATCH (i)<-[:PARTNER_IN]-(o:Organisation)-[:PARTNER_IN]->(j)
        RETURN DISTINCT {name: o.name, weight: 1.0 / sqrt(COUNT { (o)-[:PARTNER_IN|NOMINATED|MADE]->(:Innovation) })}
      } END AS partners,
      CASE WHEN perfect > 0 THEN coalesce(head([h IN hits WHERE h.id = j.id | h.score]), 0.0) / perfect ELSE 0.0 END AS rawText
    WITH j, partners, rawText,
      [t IN ownThemes WHERE any(o IN otherThemes WHERE o.id = t.id)] AS shared,
      reduce(s = 0.0, t IN ownThemes | s + t.weight) + reduce(s = 0.0, o IN [x IN otherThemes WHERE NOT any(t IN ownThemes WHERE t.id = x.id)] | s + o.weight) AS unionWeight
    WITH j, partners, shared,
      CASE WHEN rawText > 1.0 THEN 1.0 ELSE rawText END AS text,
      CASE WHEN unionWeight > 0 THEN reduce(s = 0.0, t IN shared | s + t.weight) / unionWeight ELSE 0.0 END AS themeScore,
      reduce(s = 0.0, p IN partners | s + p.weight) AS partnerWeight
    WITH j, partners, shared, text, themeScore, CASE WHEN partnerWeight > 1.0 THEN 1.0 ELSE partnerWeight END AS partnerScore
    WITH j, partners, shared, text, themeScore, partnerScore,
      $weights.text * text + $weights.themes * themeScore + $weights.partners * partnerScore AS similarity
    WHERE similarity >= $threshold
    ORDER BY similarity DESC, j.title, j.id
    LIMIT $similarLimit
    RETURN j AS similar, similarity, {
      themes: [t IN shared | t {.name, .nameEn, .kind, .weight}],
      themeOverlap: themeScore,
      partners: [p IN partners | p.name],
      partnerOverlap: partnerScore,
      text: text
    } AS facts`;
}

/** The parameters `similaritySubquery` reads. */
export function similarityParams(subject: SimilaritySubject, similarLimit: number): { text: string | null; params: Record<string, unknown> } {
  const text = contentQuery(subject);
  return {
    text,
    params: {
      similarText: text,
      similarLimit,
      // A description has no themes or partners: its wording is all there is to compare.
      weights: subject.id === null ? { text: 1, themes: 0, partners: 0 } : { ...SIMILARITY_WEIGHTS },
      threshold: SIMILARITY_THRESHOLD,
      textHits: TEXT_HITS,
      neighbours: NEIGHBOURS,
    },
  };
}

type RawFacts = Omit<SimilarityFacts, 'themes' | 'words'> & { themes: (SharedTheme & { weight: number })[] };

/**
 * Adds to each row the subject's words it shares, the most telling first: a word that few of the
 * other candidates share says more about this pair than one they all share.
 */
export function withSharedWords<R extends { innovation: Pick<InnovationNode, 'title' | 'summary' | 'targetGroup'>; facts: RawFacts }>(
  subject: SimilaritySubject,
  rows: readonly R[],
): (Omit<R, 'facts'> & { facts: SimilarityFacts })[] {
  const own = stemsOf(subjectText(subject));
  const stemsByRow = rows.map((row) => stemsOf([row.innovation.title, row.innovation.targetGroup ?? '', row.innovation.summary].join(' ')));
  const spread = new Map<string, number>();
  for (const stems of stemsByRow) for (const stem of stems.keys()) if (own.has(stem)) spread.set(stem, (spread.get(stem) ?? 0) + 1);
  return rows.map((row, index) => {
    const shared = [...stemsByRow[index]!.keys()].filter((stem) => own.has(stem) && stem.length >= 4);
    shared.sort((a, b) => spread.get(a)! - spread.get(b)! || b.length - a.length);
    const themes = [...row.facts.themes].sort((a, b) => b.weight - a.weight).map(({ name, nameEn, kind }) => ({ name, nameEn, kind }));
    return { ...row, facts: { ...row.facts, themes, words: shared.slice(0, 5).map((stem) => own.get(stem)!) } };
  });
}

/** The innovations most similar to `subject`, best first, at most `first`; one query. */
export async function findSimilarInnovations(graph: GraphRunner, subject: SimilaritySubject, first: number): Promise<SimilarInnovationRow[]> {
  const { text, params } = similarityParams(subject, Math.max(first, MIN_RANKED));
  if (text === null && subject.id === null) return [];
  const rows = await graph.read<{ innovation: InnovationNode; score: number; facts: RawFacts }>(
    `${subject.id === null ? 'WITH null AS i' : 'MATCH (i:Innovation {id: $id})'}
     CALL (i) { ${similaritySubquery(text !== null)} }
     RETURN ${PROJECT.innovation('similar')} AS innovation, similarity AS score, facts`,
    { ...params, id: subject.id },
    { tag: subject.id === null ? 'innovation.similarToText' : 'innovation.similar' },
  );
  const scored = subject.id === null ? describedSubjectScores(subject, rows) : rows;
  return withSharedWords(subject, scored).slice(0, first);
}

/**
 * For a description, every score is relative to its best hit, which would make the best hit a
 * perfect match however little it shares. Each score is therefore scaled by how much of the
 * description's vocabulary the hit repeats (full weight from COVERAGE_FOR_FULL_WEIGHT on), and
 * what falls below the threshold is dropped.
 */
const COVERAGE_FOR_FULL_WEIGHT = 0.3;
function describedSubjectScores<R extends { innovation: InnovationNode; score: number; facts: RawFacts }>(subject: SimilaritySubject, rows: readonly R[]): R[] {
  const own = stemsOf(subjectText(subject));
  return rows
    .map((row) => {
      const theirs = stemsOf([row.innovation.title, row.innovation.targetGroup ?? '', row.innovation.summary].join(' '));
      const coverage = own.size === 0 ? 0 : [...own.keys()].filter((stem) => theirs.has(stem)).length / own.size;
      const score = row.score * Math.min(1, coverage / COVERAGE_FOR_FULL_WEIGHT);
      return { ...row, score, facts: { ...row.facts, text: score } };
    })
    .filter((row) => row.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.innovation.title.localeCompare(b.innovation.title));
}
