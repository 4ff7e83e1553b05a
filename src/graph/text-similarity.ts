import { stemsOf, words, danishStem } from './search-query.js';

/**
 * Wording similarity as information retrieval measures it: each text becomes a vector of its
 * stems weighted by tf-idf (a word counts for more the rarer it is among innovations), and two
 * texts are as similar as the cosine of their vectors. Pure: the document frequencies come in as
 * `TermStatistics`, estimated from the graph by `term-statistics.cypher.ts`.
 */

export interface TermStatistics {
  /** How many texts the frequencies were counted over. */
  readonly documents: number;
  /** Stem -> in how many of those texts it occurs. */
  readonly frequencies: ReadonlyMap<string, number>;
}

/** Counts document frequencies of stems over texts. */
export function countTerms(texts: readonly string[]): TermStatistics {
  const frequencies = new Map<string, number>();
  for (const text of texts) for (const stem of stemsOf(text).keys()) frequencies.set(stem, (frequencies.get(stem) ?? 0) + 1);
  return { documents: texts.length, frequencies };
}

/** Inverse document frequency: a stem never seen counts as rare as one seen once. */
export function idf(stats: TermStatistics, stem: string): number {
  return Math.log((stats.documents + 1) / Math.max(1, stats.frequencies.get(stem) ?? 0));
}

/**
 * Stems that occur in more than this share of texts say little about what a text is about
 * ("kommune", "borgere", "løsning" in this domain); they are left out of vectors altogether.
 */
const COMMON_SHARE = 0.15;

/** What a text is compared on: its title and target group count twice, they name the problem. */
export interface ComparableText {
  readonly title: string;
  readonly targetGroup?: string | null;
  readonly summary?: string | null;
}

export type TermVector = Map<string, number>;

/**
 * Danish words that carry no subject (adverbs, pronouns, auxiliaries, numbers in words, and the
 * verbs and adjectives any description uses) beyond the stop words the analyzer removes. A small
 * catalogue cannot tell by counting that "hver" or "skabt" say nothing, so they are listed.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('andre anden andet alle allerede altid bag bare bedre bedst begge blandt bl både cirka dag dage dermed derfor derved desuden ' +
    'eget egen egne ekstra eller endnu enkelte enkelt ens enten flere flest fik fire fem fordi fortsat fx få får gang gange gennem giver give ' +
    'gjort gør gøre går gået godt hele helt hver hvert hvilke hvilket hvordan hvorfor hvis højere imellem ingen inden indtil især kan ' +
    'kun lang langt lave laver lidt lige lille længere mange med mellem men mere mest mindre mod måde måder ny nye nyt nogen nok nu nær ' +
    'næste nemt når omkring opnå opnået ofte også op overalt per pr ret samme samt seks selvom side siden skabe skaber skabt skal skulle slags ' +
    'stadig stor store større største syv så tager tage tale taler tid tidligere tilbage to tre trods uden uge uger ved vil ville vise viser ' +
    'væsentligt år årligt årlige året årene øget øge øger').split(' '),
);

function stemCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    if (word.length < 3 || /^\d+$/.test(word) || FUNCTION_WORDS.has(word)) continue;
    const stem = danishStem(word);
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

/** Parts of a compound shorter than this are not looked for: too many short words are stems of others. */
const MIN_PART = 5;

/**
 * The known words a Danish compound is made of ("mandefællesskaber" holds "fællesskab",
 * "plastaffald" holds "affald", "affaldssortering" holds "affald" and "sortering"): the longest
 * head and the longest tail that occur as words of their own in at least two texts, with the
 * joining "s" or "e" dropped. Danish writes compounds as one word, which no stemmer splits.
 */
export function compoundParts(word: string, stats: TermStatistics): string[] {
  const known = (candidate: string) => candidate.length >= MIN_PART && (stats.frequencies.get(danishStem(candidate)) ?? 0) >= 2;
  const parts: string[] = [];
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut += 1) {
    const tail = word.slice(cut);
    if (known(tail)) {
      parts.push(danishStem(tail));
      break;
    }
  }
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut -= 1) {
    const head = word.slice(0, cut);
    const bare = /[se]$/.test(head) ? head.slice(0, -1) : head;
    if (known(head) || known(bare)) {
      parts.push(danishStem(known(head) ? head : bare));
      break;
    }
  }
  return parts;
}

/** The tf-idf vector of a text, normalised to length 1 (empty when nothing telling is left). */
export function termVector(text: ComparableText, stats: TermStatistics): TermVector {
  const emphasis = [text.title, text.targetGroup ?? ''].join(' ');
  const counts = stemCounts([emphasis, emphasis, text.summary ?? ''].join(' '));
  for (const [stem, count] of [...counts]) {
    if (stem.length < 2 * MIN_PART) continue;
    for (const part of compoundParts(stem, stats)) if (part !== stem && part.length >= MIN_PART) counts.set(part, (counts.get(part) ?? 0) + count);
  }
  const vector: TermVector = new Map();
  const common = COMMON_SHARE * stats.documents;
  for (const [stem, count] of counts) {
    if (stats.documents >= 10 && (stats.frequencies.get(stem) ?? 0) > common) continue;
    vector.set(stem, (1 + Math.log(count)) * idf(stats, stem));
  }
  const length = Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));
  if (length > 0) for (const [stem, w] of vector) vector.set(stem, w / length);
  return vector;
}

/** Cosine of two normalised vectors, 0 to 1. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [stem, w] of small) sum += w * (large.get(stem) ?? 0);
  return Math.min(1, sum);
}

/** The stems both vectors hold, the ones that add most to their cosine first. */
export function sharedStems(a: TermVector, b: TermVector): string[] {
  return [...a.keys()].filter((stem) => b.has(stem)).sort((x, y) => a.get(y)! * b.get(y)! - a.get(x)! * b.get(x)!);
}

/** The `limit` most telling words of a text as they are written there, most telling first. */
export function distinctiveWords(text: ComparableText, stats: TermStatistics, limit: number): string[] {
  const vector = termVector(text, stats);
  const written = stemsOf([text.title, text.targetGroup ?? '', text.summary ?? ''].join(' '));
  return [...vector.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([stem]) => written.get(stem) ?? stem);
}

/**
 * A splitter for queries: a compound the innovations use as a word of its own is searched as it
 * is; one they do not use but whose head and tail they both do ("affaldssortering") also by its
 * parts. A word with an unknown half ("zorblatmetoden") is not split: its known half alone would
 * turn a precise query into a vague one.
 */
export function querySplitter(stats: TermStatistics): (word: string) => string[] {
  return (word) => {
    if ((stats.frequencies.get(danishStem(word)) ?? 0) >= 2) return [];
    const parts = compoundParts(word, stats);
    return parts.length === 2 ? parts : [];
  };
}
