import { describe, expect, it } from 'vitest';
import { analyseQuery, danishStem, innovationQuery, nameQuery, towardsDanish, words } from '../../../src/graph/search-query.js';
import { compoundParts, cosine, countTerms, termVector } from '../../../src/graph/text-similarity.js';
import { rankSearchHits } from '../../../src/graph/search-ranking.js';

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

describe('rankSearchHits', () => {
  const hit = (type: 'Innovation' | 'Organisation' | 'Person', id: string, score: number, names: string[] = []) => ({ type, id, score, node: { id }, names });

  it('puts an organisation the query names first, whatever the raw scores', () => {
    const ranked = rankSearchHits('Aarhus', [hit('Innovation', 'min-video', 9), hit('Organisation', 'aarhus-kommune', 2, ['Aarhus Kommune', 'Aarhus'])]);
    expect(ranked.map((r) => r.node.id)).toEqual(['aarhus-kommune', 'min-video']);
  });

  it('ranks names that merely contain the words below equally good innovation hits', () => {
    const ranked = rankSearchHits('ældre', [hit('Organisation', 'aeldre-og-sundhed', 5, ['Ældre og Sundhed og Omsorg']), hit('Innovation', 'a', 3), hit('Innovation', 'b', 2.5)]);
    expect(ranked.map((r) => r.node.id)).toEqual(['a', 'b', 'aeldre-og-sundhed']);
  });
});

describe('text similarity', () => {
  const fillers = ['cykelstier', 'skolemad', 'vejrdata', 'robotter', 'plejehjem', 'biblioteker', 'tandpleje', 'jobcentre', 'havne', 'sprogskoler'];
  const stats = countTerms(['fællesskaber for unge', 'fællesskaber i byen', 'affald sorteres', 'affald og genbrug', 'ensomme mænd', ...Array(6).fill('borgere'), ...fillers]);

  it('splits a compound into the words the texts use on their own', () => {
    expect(compoundParts('mandefællesskaber', stats)).toContain('fællesskab');
    expect(compoundParts('plastaffald', stats)).toContain('affald');
  });

  it('scores identical wording 1, shared rare words above shared common ones, and nothing shared 0', () => {
    const a = termVector({ title: 'Ensomme mænd', summary: 'fællesskaber for borgere' }, stats);
    expect(cosine(a, termVector({ title: 'Ensomme mænd', summary: 'fællesskaber for borgere' }, stats))).toBeCloseTo(1, 6);
    expect(cosine(a, termVector({ title: 'Mandefællesskaber', summary: null }, stats))).toBeGreaterThan(0);
    expect(cosine(a, termVector({ title: 'Affald og genbrug', summary: null }, stats))).toBe(0);
    // "borgere" occurs in 6 of 21 texts, more than 15 %: it says nothing about what a text is about.
    expect(cosine(termVector({ title: 'borgere' }, stats), termVector({ title: 'borgere' }, stats))).toBe(0);
  });
});
