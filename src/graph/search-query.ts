import snowball from 'snowball-stemmers';
import { ENGLISH_STOPWORDS, ENGLISH_TO_DANISH } from './glossary.js';

/**
 * Turns what a user typed into Lucene queries for the innovation search index (see
 * `search-document.cypher.ts` for its fields). Pure: no database, so it is unit-tested on its own.
 *
 * A query is a list of concepts, one per meaningful word the user typed (or per two-word English
 * term the glossary knows). A concept matches when any of its alternatives does: the word itself,
 * its Danish translations when it is English, and the stem of each as a prefix, so that "klima"
 * also finds "klimatilpasning" (Danish writes compounds as one word, which no stemmer splits).
 * Only letters and digits survive, so Lucene syntax in user text is never parsed as operators.
 */

/** Fields of the innovation search index and how much a match in each counts. */
export const INNOVATION_FIELD_BOOSTS = {
  title: 4,
  searchTopics: 2,
  targetGroup: 2,
  summary: 1.5,
  searchEffects: 1,
  searchSpread: 0.7,
  searchPartners: 0.7,
} as const;

/**
 * Prefix alternatives are scored as constants by Lucene (no term frequency, no rarity), so they
 * count for much less than a real match of the word; they exist to reach compounds.
 */
const PREFIX_BOOST = 0.25;
/** Hits that hold every concept count this many times more than the sum of their parts. */
const ALL_CONCEPTS_BOOST = 3;
/** Stems shorter than this make prefixes that match too much ("bo*"). */
const MIN_PREFIX_STEM = 4;
/**
 * Lucene refuses queries of more than 1,024 clauses. A ranked query holds each concept twice (on
 * its own and in the all-concepts clause), over 7 fields, with its alternatives and prefixes:
 * 2 x 6 x 7 x (4 + 4 + 4) = 1,008 at most.
 */
const MAX_CONCEPTS = 6;
const MAX_ALTERNATIVES = 4;

export interface Concept {
  /** What the user wrote for it. */
  readonly text: string;
  /** Words any of which satisfies it, the user's own first. */
  readonly alternatives: readonly string[];
  /** Stems used as prefixes (no duplicates, each at least MIN_PREFIX_STEM letters). */
  readonly prefixes: readonly string[];
  /** Weaker alternatives: the known words a compound is made of, and Danish synonyms. */
  readonly parts: readonly string[];
}

/** Splits a compound into the known words it is made of (see `compoundParts`); none by default. */
export type CompoundSplitter = (word: string) => string[];

/** A compound's parts count for this much of a match of the whole word. */
const PART_BOOST = 0.5;
/** Words shorter than this are not split. */
const MIN_COMPOUND = 10;

const danish = snowball.newStemmer('danish');

/** The Danish Snowball stem, the same algorithm the index's Danish analyzer applies. */
export function danishStem(word: string): string {
  return danish.stem(word);
}

/** Lower-case words of letters and digits, in order, without Lucene keywords. */
function tokens(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !LUCENE_KEYWORDS.has(w));
}

/** Lower-case words of letters and digits, in order, without Danish stop words or Lucene keywords. */
export function words(text: string): string[] {
  return tokens(text).filter((w) => !DANISH_STOPWORDS.has(w));
}

/** The concepts of a query, at most MAX_CONCEPTS. An empty list means nothing searchable. */
export function analyseQuery(text: string, split: CompoundSplitter = () => []): Concept[] {
  const all = tokens(text);
  // A Danish stop word that is also English ("men", "over") counts as English only in a query
  // with other English words in it: "lonely men" asks for mænd, "ensomhed men ældre" does not.
  const glossaryWords = all.filter((w) => ENGLISH_TO_DANISH[w] !== undefined && !DANISH_STOPWORDS.has(w)).length;
  const list = all.filter((w) => !DANISH_STOPWORDS.has(w) || (glossaryWords > 0 && ENGLISH_TO_DANISH[w] !== undefined));
  const concepts: Concept[] = [];
  for (let index = 0; index < list.length && concepts.length < MAX_CONCEPTS; index += 1) {
    const word = list[index]!;
    const next = list[index + 1];
    const pair = next === undefined ? undefined : ENGLISH_TO_DANISH[`${word} ${next}`];
    if (pair) {
      concepts.push(concept(`${word} ${next}`, [...pair], []));
      index += 1;
      continue;
    }
    if (ENGLISH_STOPWORDS.has(word) && !ENGLISH_TO_DANISH[word]) continue;
    // A Danish stop word kept as English stands for its translations only.
    const own = DANISH_STOPWORDS.has(word) ? [] : [word];
    const parts = own.length > 0 && word.length >= MIN_COMPOUND ? split(word) : [];
    const english = ENGLISH_TO_DANISH[word];
    // A Danish word gets the other Danish words the glossary gives for the same English word
    // ("sygedage" and "sygefravær" both translate "sick leave"), weighed like a compound's parts.
    concepts.push(concept(word, [...own, ...(english ?? [])], english ? parts : [...parts, ...danishSynonyms(word)]));
  }
  return concepts.filter((c) => c.alternatives.length > 0);
}

let synonymIndex: Map<string, Set<string>> | undefined;

/**
 * Danish words that translate the same English word as `word`, at most two. Only tight entries
 * count (an English word with at most three Danish words, matched on the word as written, not on
 * its stem: stems collide, "ledige" and "leder" share one).
 */
export function danishSynonyms(word: string): string[] {
  if (!synonymIndex) {
    synonymIndex = new Map();
    for (const values of Object.values(ENGLISH_TO_DANISH)) {
      if (values.length > 3) continue;
      for (const value of values) {
        const others = synonymIndex.get(value) ?? new Set<string>();
        for (const other of values) if (other !== value && danishStem(other) !== danishStem(value)) others.add(other);
        synonymIndex.set(value, others);
      }
    }
  }
  return [...(synonymIndex.get(word) ?? [])].slice(0, 2);
}

function concept(text: string, candidates: string[], parts: string[]): Concept {
  const alternatives = [...new Set(candidates.flatMap((c) => words(c)))].slice(0, MAX_ALTERNATIVES);
  const prefixes = [...new Set(alternatives.map(danishStem).filter((stem) => stem.length >= MIN_PREFIX_STEM))];
  return { text, alternatives, prefixes, parts: [...new Set(parts.flatMap((p) => words(p)))].filter((p) => !alternatives.includes(p)).slice(0, 4) };
}

/** One concept as a clause over every weighted field. */
function conceptClause(c: Concept, boosts: Readonly<Record<string, number>>): string {
  const terms = [...c.alternatives, ...c.prefixes.map((p) => `${p}*^${PREFIX_BOOST}`), ...c.parts.map((p) => `${p}^${PART_BOOST}`)].join(' ');
  return `(${Object.entries(boosts)
    .map(([field, boost]) => `${field}:(${terms})^${boost}`)
    .join(' ')})`;
}

export interface InnovationQueryOptions {
  /**
   * `RANK`: any concept may match, hits with all of them far ahead (search).
   * `MATCH_ALL`: every concept must match somewhere (a filter, whose count means something).
   */
  readonly mode: 'RANK' | 'MATCH_ALL';
  readonly boosts?: Readonly<Record<string, number>>;
}

/** The Lucene query for the innovation search index, or null when the text holds no concept. */
export function innovationQuery(concepts: readonly Concept[], options: InnovationQueryOptions): string | null {
  if (concepts.length === 0) return null;
  const clauses = concepts.map((c) => conceptClause(c, options.boosts ?? INNOVATION_FIELD_BOOSTS));
  if (options.mode === 'MATCH_ALL') return clauses.map((c) => `+${c}`).join(' ');
  if (clauses.length === 1) return clauses[0]!;
  return `(${clauses.map((c) => `+${c}`).join(' ')})^${ALL_CONCEPTS_BOOST} ${clauses.join(' ')}`;
}

/**
 * A query for a name index (organisations, people): every concept must appear in the name, the
 * last one also as a prefix so a search box finds "Aarhus Kommune" while the user types "aarh".
 */
export function nameQuery(concepts: readonly Concept[]): string | null {
  if (concepts.length === 0) return null;
  return concepts
    .map((c, index) => {
      const last = index === concepts.length - 1;
      const typed = last && c.text.length >= 3 && !c.text.includes(' ') ? [`${c.text}*`] : [];
      return `+(${[...c.alternatives, ...typed].join(' ')})`;
    })
    .join(' ');
}

/** Stems of a text's meaningful words, mapped to the first way the text writes each. */
export function stemsOf(text: string): Map<string, string> {
  const stems = new Map<string, string>();
  for (const word of words(text)) {
    if (word.length < 3 || /^\d+$/.test(word)) continue;
    const stem = danishStem(word);
    if (!stems.has(stem)) stems.set(stem, word);
  }
  return stems;
}

// Lowercased these are plain words to Lucene, but guard anyway in case the parser is configured
// to treat operators case-insensitively.
const LUCENE_KEYWORDS = new Set(['and', 'or', 'not', 'to']);

/**
 * Snowball's Danish stop list, which Lucene's Danish analyzer also removes at index time: a
 * required clause made of a stop word alone would otherwise match nothing at all.
 */
export const DANISH_STOPWORDS: ReadonlySet<string> = new Set(
  ('og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud sin dem os op man hans ' +
    'hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende ' +
    'mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan').split(' '),
);

/**
 * A text with its English words replaced by their Danish translations (and the English stop words
 * dropped), for comparing an English description with Danish content. Danish words pass as they are.
 */
export function towardsDanish(text: string): string {
  const all = tokens(text);
  const english = all.filter((w) => ENGLISH_TO_DANISH[w] !== undefined && !DANISH_STOPWORDS.has(w)).length;
  if (english === 0) return text;
  const out: string[] = [];
  for (let index = 0; index < all.length; index += 1) {
    const word = all[index]!;
    const pair = all[index + 1] === undefined ? undefined : ENGLISH_TO_DANISH[`${word} ${all[index + 1]}`];
    if (pair) {
      out.push(...pair);
      index += 1;
    } else if (ENGLISH_TO_DANISH[word]) out.push(...ENGLISH_TO_DANISH[word]!);
    else if (!ENGLISH_STOPWORDS.has(word)) out.push(word);
  }
  return out.join(' ');
}
