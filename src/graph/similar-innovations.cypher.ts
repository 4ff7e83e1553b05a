import { toFulltextQuery } from './fulltext.js';
import type { GraphRunner } from './graph-runner.js';
import { PROJECT, type InnovationNode } from './records.js';

/**
 * "Is someone already doing this?": innovations that overlap with a given one in themes, wording
 * of title and target group, partners, the kind of organisation behind them, and sector. The
 * similarity is a Cypher subquery so that `who-to-call.cypher.ts` can run it inside its own query.
 */

/** How much each overlap counts; they sum to 1, so a similarity lies in (0, 1]. */
export const SIMILARITY_WEIGHTS = {
  themes: 0.35,
  text: 0.3,
  partners: 0.2,
  originKind: 0.1,
  sector: 0.05,
} as const;

/**
 * Full-text hits weaker than this share of the best hit are noise (one common word in common);
 * they neither count nor make a candidate.
 */
export const TEXT_FLOOR = 0.25;

/** How many full-text hits and how many theme or partner neighbours are looked at, at most. */
const TEXT_HITS = 50;
const NEIGHBOURS = 200;

/** What two innovations have in common; the zero value of a field means no overlap of that kind. */
export interface SimilarityFacts {
  /** English names (Danish where there is none) of the themes both are about. */
  themes: string[];
  /** Shared themes over all themes of either (Jaccard), 0 to 1. */
  themeOverlap: number;
  /** Names of the organisations that are partners in both. */
  partners: string[];
  /** One shared partner counts 0.5, two or more 1. */
  partnerOverlap: number;
  /** Full-text score of the other's title, summary and target group for this one's words, relative to the best other hit: 0 to 1. */
  text: number;
  /** The organisation kind the origins of both share (MUNICIPALITY, HOSPITAL, ...), or null. */
  originKind: string | null;
  /** The sector both belong to, or null. */
  sector: string | null;
}

export interface SimilarInnovationRow {
  innovation: InnovationNode;
  score: number;
  facts: SimilarityFacts;
}

/** What the similarity needs to know about the innovation it starts from. */
export interface SimilaritySubject {
  id: string;
  title: string;
  targetGroup: string | null;
}

/**
 * The kinds of an innovation's origin organisations (its makers if any, else its nominators); a
 * unit counts as the kind of the nearest organisation above it that is not a unit.
 */
const originKinds = (v: string) => `COLLECT {
    MATCH (${v})<-[:MADE|NOMINATED]-(origin:Organisation)
    WHERE NOT EXISTS { (${v})<-[:MADE]-(:Organisation) } OR EXISTS { (${v})<-[:MADE]-(origin) }
    CALL (origin) {
      MATCH up = (origin)-[:PART_OF*0..3]->(above:Organisation) WHERE above.kind <> 'UNIT'
      RETURN above.kind AS kind ORDER BY length(up) LIMIT 1
    }
    RETURN DISTINCT kind
  }`;

/**
 * A subquery body over a bound `i` (use as `CALL (i) { ... }`) that returns the innovations most
 * similar to it as `similar` (the node), `similarity` and `facts`, best first. Parameters:
 * `$text` (from `similarityParams`, only when `hasText`), `$similarLimit`, `$weights`,
 * `$textFloor`, `$textHits`, `$neighbours`.
 */
export function similaritySubquery(hasText: boolean): string {
  const hits = hasText
    ? `CALL db.index.fulltext.queryNodes('innovation_text', $text, {limit: $textHits}) YIELD node, score
       RETURN collect({id: node.id, score: score}) AS hits`
    : 'RETURN [] AS hits';
  return `
    CALL () { ${hits} }
    // Relative to the best other hit: the subject matches all of its own words, so its own score
    // would dwarf every other.
    WITH i, hits, reduce(top = 0.0, h IN hits | CASE WHEN h.id <> i.id AND h.score > top THEN h.score ELSE top END) AS topScore,
      ${originKinds('i')} AS ownKinds
    CALL (i, hits) {
      MATCH (i)-[:ABOUT]->(:Theme)<-[:ABOUT]-(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      MATCH (i)<-[:PARTNER_IN]-(:Organisation)-[:PARTNER_IN]->(j:Innovation) RETURN DISTINCT j LIMIT $neighbours
      UNION
      UNWIND hits AS hit MATCH (j:Innovation {id: hit.id}) RETURN j
    }
    WITH i, j, hits, topScore, ownKinds
    WHERE j <> i AND coalesce(j.retired, false) = false
    WITH i, j, ownKinds,
      COLLECT { MATCH (i)-[:ABOUT]->(t:Theme)<-[:ABOUT]-(j) RETURN DISTINCT coalesce(t.nameEn, t.name) AS name ORDER BY name } AS themes,
      COUNT { (i)-[:ABOUT]->(:Theme) } + COUNT { (j)-[:ABOUT]->(:Theme) } AS themeSum,
      COLLECT { MATCH (i)<-[:PARTNER_IN]-(o:Organisation)-[:PARTNER_IN]->(j) RETURN DISTINCT o.name AS name ORDER BY name } AS partners,
      CASE WHEN topScore > 0 THEN coalesce(head([h IN hits WHERE h.id = j.id | h.score]), 0.0) / topScore ELSE 0.0 END AS rawText
    WITH i, j, themes, partners,
      CASE WHEN size(themes) > 0 THEN toFloat(size(themes)) / (themeSum - size(themes)) ELSE 0.0 END AS themeScore,
      CASE WHEN rawText >= $textFloor THEN CASE WHEN rawText > 1.0 THEN 1.0 ELSE rawText END ELSE 0.0 END AS text,
      CASE WHEN size(partners) >= 2 THEN 1.0 ELSE size(partners) * 0.5 END AS partnerScore,
      head([k IN ${originKinds('j')} WHERE k IN ownKinds AND k <> 'OTHER']) AS originKind,
      CASE WHEN i.sector = j.sector AND i.sector <> 'OTHER' THEN i.sector END AS sector
    // Sharing only a sector or a kind of organisation says nothing about doing the same thing.
    WHERE themeScore > 0 OR text > 0 OR partnerScore > 0
    WITH j, themes, themeScore, partners, partnerScore, text, originKind, sector,
      $weights.themes * themeScore + $weights.text * text + $weights.partners * partnerScore
        + CASE WHEN originKind IS NULL THEN 0.0 ELSE $weights.originKind END
        + CASE WHEN sector IS NULL THEN 0.0 ELSE $weights.sector END AS similarity
    ORDER BY similarity DESC, j.title, j.id
    LIMIT $similarLimit
    RETURN j AS similar, similarity, {themes: themes, themeOverlap: themeScore, partners: partners, partnerOverlap: partnerScore, text: text, originKind: originKind, sector: sector} AS facts`;
}

/** The parameters `similaritySubquery` reads, for the innovation it starts from. */
export function similarityParams(subject: SimilaritySubject, similarLimit: number): { text: string | null; params: Record<string, unknown> } {
  const text = toFulltextQuery([subject.title, subject.targetGroup ?? ''].join(' '));
  return {
    text,
    params: { text, similarLimit, weights: { ...SIMILARITY_WEIGHTS }, textFloor: TEXT_FLOOR, textHits: TEXT_HITS, neighbours: NEIGHBOURS },
  };
}

/** The innovations most similar to `subject`, best first, at most `first`; one query. */
export async function findSimilarInnovations(graph: GraphRunner, subject: SimilaritySubject, first: number): Promise<SimilarInnovationRow[]> {
  const { text, params } = similarityParams(subject, first);
  return graph.read<SimilarInnovationRow>(
    `MATCH (i:Innovation {id: $id})
     CALL (i) { ${similaritySubquery(text !== null)} }
     RETURN ${PROJECT.innovation('similar')} AS innovation, similarity AS score, facts`,
    { ...params, id: subject.id },
    { tag: 'innovation.similar' },
  );
}
