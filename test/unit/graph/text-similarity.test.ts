import { describe, expect, it } from 'vitest';
import { danishStem } from '../../../src/graph/search-query.js';
import { compoundParts, cosine, countTerms, distinctiveWords, idf, querySplitter, sharedStems, termVector } from '../../../src/graph/text-similarity.js';

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

const fillers = ['cykelstier', 'skolemad', 'vejrdata', 'robotter', 'plejehjem', 'biblioteker', 'tandpleje', 'jobcentre', 'havne', 'sprogskoler'];
const corpus = ['fællesskaber for unge', 'fællesskaber i byen', 'affald sorteres', 'affald og genbrug', 'sortering af glas', 'sortering af papir', 'ensomme mænd', ...fillers];
const stats = countTerms(corpus);
const length = (vector: Map<string, number>) => Math.sqrt([...vector.values()].reduce((sum, w) => sum + w * w, 0));

describe('countTerms and idf', () => {
  it('counts a stem once per text it occurs in, however often', () => {
    const counted = countTerms(['affald affald affald', 'affald', 'glas']);
    expect(counted.documents).toBe(3);
    expect(counted.frequencies.get(danishStem('affald'))).toBe(2);
    expect(counted.frequencies.get(danishStem('glas'))).toBe(1);
  });

  it('weighs a stem by log((texts + 1) / texts holding it), an unseen one as rare as one seen once', () => {
    const counted = countTerms(['affald', 'affald', 'glas']);
    expect(idf(counted, danishStem('affald'))).toBeCloseTo(Math.log(4 / 2), 12);
    expect(idf(counted, danishStem('glas'))).toBeCloseTo(Math.log(4), 12);
    expect(idf(counted, 'aldrigset')).toBe(idf(counted, danishStem('glas')));
  });
});

describe('termVector', () => {
  it('has length 1, or is empty when nothing telling is left', () => {
    expect(length(termVector({ title: 'Ensomme mænd', summary: 'fællesskaber i byen' }, stats))).toBeCloseTo(1, 12);
    expect(termVector({ title: 'Andre gør det også', summary: 'hver gang, 2021' }, stats).size).toBe(0);
  });

  it('counts a word of the title or target group above the same word in the summary', () => {
    const vector = termVector({ title: 'glas', summary: 'papir' }, stats);
    // Both occur in one text of the corpus, so only where they stand tells them apart.
    expect(vector.get(danishStem('glas'))!).toBeGreaterThan(vector.get(danishStem('papir'))!);
    expect(termVector({ title: 'x', targetGroup: 'glas', summary: 'papir' }, stats).get(danishStem('glas'))).toBeCloseTo(vector.get(danishStem('glas'))!, 12);
  });

  it('leaves out common words only when there are enough texts to tell (ten or more)', () => {
    const few = countTerms(['borgere', 'borgere', 'glas']);
    expect(termVector({ title: 'borgere' }, few).size).toBe(1);
  });

  it('adds the known parts of a long compound to the vector', () => {
    expect([...termVector({ title: 'Affaldssortering' }, stats).keys()]).toEqual(expect.arrayContaining([danishStem('affald'), danishStem('sortering')]));
  });
});

describe('cosine and sharedStems', () => {
  const a = termVector({ title: 'Ensomme mænd', summary: 'affald og fællesskaber' }, stats);
  const b = termVector({ title: 'Fællesskaber for ensomme', summary: 'glas' }, stats);

  it('is symmetric and between 0 and 1', () => {
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThan(1);
  });

  it('lists the stems both hold, the one adding most to the cosine first', () => {
    const shared = sharedStems(a, b);
    expect([...shared].sort()).toEqual([danishStem('ensomme'), danishStem('fællesskaber')].sort());
    const contribution = (stem: string) => a.get(stem)! * b.get(stem)!;
    expect(contribution(shared[0]!)).toBeGreaterThanOrEqual(contribution(shared[1]!));
  });
});

describe('compoundParts', () => {
  it('drops the joining s of the head: "affaldssortering" is affald and sortering', () => {
    expect(compoundParts('affaldssortering', stats).sort()).toEqual([danishStem('affald'), danishStem('sortering')].sort());
  });

  it('finds nothing in a word made of words the texts do not use', () => {
    expect(compoundParts('zorblatmetoden', stats)).toEqual([]);
  });
});

describe('querySplitter', () => {
  const split = querySplitter(stats);

  it('splits a compound the texts do not use when they use both its head and its tail', () => {
    expect(split('affaldssortering').sort()).toEqual([danishStem('affald'), danishStem('sortering')].sort());
  });

  it('leaves a word the texts use as a word of its own as it is', () => {
    expect(split('fællesskaber')).toEqual([]);
  });

  it('does not split a word with an unknown half, which would make a precise query vague', () => {
    expect(split('zorblataffald')).toEqual([]);
  });
});

describe('distinctiveWords', () => {
  it('gives the most telling words as the text writes them, at most the limit', () => {
    const text = { title: 'Ensomme mænd', summary: 'fællesskaber i byen' };
    const telling = distinctiveWords(text, stats, 2);
    expect(telling).toHaveLength(2);
    expect(telling.every((word) => /^[a-zæøå]+$/.test(word) && `${text.title} ${text.summary}`.toLowerCase().includes(word))).toBe(true);
    expect(distinctiveWords(text, stats, 10).length).toBeGreaterThan(2);
  });
});
