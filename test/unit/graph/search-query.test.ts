import { describe, expect, it } from 'vitest';
import { ENGLISH_TO_DANISH } from '../../../src/graph/glossary.js';
import { analyseQuery, danishStem, danishSynonyms, DANISH_STOPWORDS, INNOVATION_FIELD_BOOSTS, innovationQuery, nameQuery, stemsOf, towardsDanish, words } from '../../../src/graph/search-query.js';

describe('words', () => {
  it('keeps letters and digits only, lower-cased, without Danish stop words or Lucene keywords', () => {
    expect(words('Ensomhed og ÆLDRE: "mænd" (AND) 2021/22 OR not')).toEqual(['ensomhed', 'ældre', 'mænd', '2021', '22']);
  });
});

describe('analyseQuery', () => {
  it('gives each word a concept whose prefix is its Danish stem, so compounds match', () => {
    const [klima] = analyseQuery('klima');
    expect(klima).toMatchObject({ text: 'klima', alternatives: ['klima'], prefixes: ['klima'] });
    expect(danishStem('velfærdsteknologiske')).toBe('velfærdsteknologisk');
  });

  it('translates English words into the Danish words the content uses', () => {
    const [loneliness, elderly] = analyseQuery('loneliness of the elderly');
    expect(loneliness!.alternatives).toContain('ensomhed');
    expect(elderly!.alternatives).toContain('ældre');
    expect(analyseQuery('loneliness of the elderly')).toHaveLength(2);
  });

  it('returns nothing for text without a searchable word', () => {
    expect(analyseQuery('  "" () og i ')).toEqual([]);
    expect(innovationQuery(analyseQuery('og'), { mode: 'RANK' })).toBeNull();
  });

  it('never lets Lucene syntax through', () => {
    const query = innovationQuery(analyseQuery('title:foo* AND "bar" -baz~2 [a TO b] \\'), { mode: 'RANK' })!;
    expect(query).not.toMatch(/["~\\[\]-]/);
    expect(query).not.toContain('title:foo');
  });
});

describe('innovationQuery', () => {
  it('weighs the title above the summary and ranks hits with every concept first', () => {
    const query = innovationQuery(analyseQuery('ensomhed mænd'), { mode: 'RANK' })!;
    expect(query).toMatch(/^\(\+\(title:\(ensomhed ensom\*\^0\.25[^)]*\)\^4 .*\) \+\(title:\(mænd mænd\*\^0\.25[^)]*\)\^4/);
    expect(query).toMatch(/summary:\(ensomhed ensom\*\^0\.25[^)]*\)\^1\.5/);
  });

  it('adds a compound\'s parts and a Danish word\'s glossary synonyms as weaker alternatives', () => {
    const [waste] = analyseQuery('affaldssortering', (word) => (word === 'affaldssortering' ? ['affald', 'sortering'] : []));
    expect(waste!.parts).toEqual(expect.arrayContaining(['affald', 'sortering']));
    expect(innovationQuery([waste!], { mode: 'RANK' })).toMatch(/title:\(affaldssortering affaldssortering\*\^0\.25 affald\^0\.5 sortering\^0\.5[^)]*\)\^4/);
    const [sick] = analyseQuery('sygedage');
    expect(sick!.parts).toContain('sygefravær');
  });

  it('requires every concept in MATCH_ALL mode', () => {
    const query = innovationQuery(analyseQuery('ensomhed mænd'), { mode: 'MATCH_ALL' })!;
    expect(query.startsWith('+(title:(ensomhed')).toBe(true);
    expect(query).toContain(' +(title:(mænd');
  });
});

describe('nameQuery', () => {
  it('requires every word in the name and reads the last one as a prefix', () => {
    expect(nameQuery(analyseQuery('Aarhus Kom'))).toMatch(/^\+\(aarhus[^)]*\) \+\(kom kom\*\)$/);
  });
});

describe('towardsDanish', () => {
  it('turns English words into the Danish ones and leaves Danish text as it is', () => {
    expect(towardsDanish('groups for lonely older men')).toContain('ensomme');
    expect(towardsDanish('groups for lonely older men')).not.toContain(' for ');
    expect(towardsDanish('Ensomme mænd mødes')).toBe('Ensomme mænd mødes');
  });
});


/** The terms of a Lucene query, each `word`, `stem*^b` or `part^b` inside a `field:( ... )`. */
function luceneTerms(query: string): string[] {
  return [...query.matchAll(/\w+:\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(' '));
}

describe('analyseQuery, further', () => {
  it('reads a Danish stop word that is also English as English only among other English words', () => {
    expect(analyseQuery('lonely men').map((c) => c.alternatives)).toEqual([
      ['lonely', 'ensomme'],
      ['mænd', 'mand'],
    ]);
    expect(analyseQuery('ensomhed men ældre').map((c) => c.text)).toEqual(['ensomhed', 'ældre']);
  });

  it('takes a two-word English term the glossary knows as one concept', () => {
    const concepts = analyseQuery('sick leave');
    expect(concepts).toHaveLength(1);
    expect(concepts[0]!.text).toBe('sick leave');
    expect(concepts[0]!.alternatives).toEqual(ENGLISH_TO_DANISH['sick leave']!.slice(0, 4));
  });

  it('keeps at most six concepts and four alternatives each', () => {
    expect(analyseQuery('ensomhed ældre mænd affald klima skole trafik cykel').map((c) => c.text)).toEqual(['ensomhed', 'ældre', 'mænd', 'affald', 'klima', 'skole']);
    // "waste" has five Danish translations; with the word itself, six candidates.
    expect(ENGLISH_TO_DANISH.waste!.length).toBeGreaterThanOrEqual(4);
    expect(analyseQuery('waste')[0]!.alternatives).toEqual(['waste', ...ENGLISH_TO_DANISH.waste!].slice(0, 4));
  });

  it('makes no prefix of a stem shorter than four letters, which would match too much', () => {
    expect(analyseQuery('bo')).toEqual([{ text: 'bo', alternatives: ['bo'], prefixes: [], parts: [] }]);
  });

  it('splits only words of ten letters or more, and lets no Lucene keyword in through a part', () => {
    const split = () => ['skole', 'not'];
    expect(analyseQuery('skolemad', split)[0]!.parts).toEqual([]);
    expect(analyseQuery('skolemadsordning', split)[0]!.parts).toEqual(['skole']);
  });
});

describe('innovationQuery, further', () => {
  it('stays within the 1,024 clauses Lucene accepts for six concepts with the most alternatives', () => {
    const widest = Object.entries(ENGLISH_TO_DANISH)
      .filter(([key]) => key.length >= 10 && !key.includes(' ') && !DANISH_STOPWORDS.has(key))
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, 6)
      .map(([key]) => key);
    const concepts = analyseQuery(widest.join(' '), (word) => [`${word}del`, `${word}ende`, `${word}ing`, `${word}hed`]);
    expect(concepts).toHaveLength(6);
    const terms = luceneTerms(innovationQuery(concepts, { mode: 'RANK' })!).length;
    // Near the worst case of 1,008 (2 x 6 x 7 x 12), or the test would prove nothing.
    expect(terms).toBeGreaterThan(900);
    expect(terms).toBeLessThanOrEqual(1_024);
  });

  it('weighs each field as given, and only the given fields', () => {
    const query = innovationQuery(analyseQuery('zorblatmetode'), { mode: 'RANK', boosts: { title: 3 } });
    expect(query).toBe(`(title:(zorblatmetode ${danishStem('zorblatmetode')}*^0.25)^3)`);
    expect(Object.keys(INNOVATION_FIELD_BOOSTS).every((field) => innovationQuery(analyseQuery('klima'), { mode: 'MATCH_ALL' })!.includes(`${field}:(`))).toBe(true);
  });

  it('needs no all-concepts clause for a single concept', () => {
    expect(innovationQuery(analyseQuery('klima'), { mode: 'RANK' })).not.toMatch(/\^3$|\)\^3 /);
    expect(innovationQuery(analyseQuery('klima affald'), { mode: 'RANK' })).toMatch(/^\(\+\(.*\) \+\(.*\)\)\^3 \(/);
  });
});

describe('nameQuery, further', () => {
  it('reads no prefix into a last word shorter than three letters or a two-word term', () => {
    expect(nameQuery(analyseQuery('Aarhus ko'))).toBe('+(aarhus århus) +(ko)');
    expect(nameQuery(analyseQuery('sick leave'))).toBe(`+(${ENGLISH_TO_DANISH['sick leave']!.slice(0, 4).join(' ')})`);
    expect(nameQuery([])).toBeNull();
  });
});

describe('stemsOf', () => {
  it('maps each stem to the first way the text writes it, leaving out short words, numbers and stop words', () => {
    expect([...stemsOf('Ensomme mænd, ensomhed og 2021 i by')]).toEqual([
      [danishStem('ensomme'), 'ensomme'],
      [danishStem('mænd'), 'mænd'],
    ]);
    expect(danishStem('ensomhed')).toBe(danishStem('ensomme'));
  });
});

describe('danishSynonyms', () => {
  it('gives at most two other Danish words that translate the same English word', () => {
    expect(danishSynonyms('sygedage')).toEqual(['sygefravær', 'sygemelding']);
    expect(danishSynonyms('qwxz')).toEqual([]);
    for (const [, values] of Object.entries(ENGLISH_TO_DANISH).slice(0, 200)) for (const value of values) expect(danishSynonyms(value).length).toBeLessThanOrEqual(2);
  });
});

describe('towardsDanish, further', () => {
  it('translates a two-word term as one and drops English stop words', () => {
    expect(towardsDanish('sick leave among nurses')).toBe(`${ENGLISH_TO_DANISH['sick leave']!.join(' ')} ${ENGLISH_TO_DANISH.nurses!.join(' ')}`);
  });
});
