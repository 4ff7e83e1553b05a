import { describe, expect, it } from 'vitest';
import { ENGLISH_STOPWORDS, ENGLISH_TO_DANISH } from '../../../src/graph/glossary.js';

const entries = Object.entries(ENGLISH_TO_DANISH);
/** One or two words of letters and digits, single-spaced: what the search looks up. */
const KEY = /^[\p{Ll}\p{N}]+( [\p{Ll}\p{N}]+)?$/u;
/** One word of lower-case letters and digits: the search splits values into words as well. */
const WORD = /^[\p{Ll}\p{N}]+$/u;

describe('the English–Danish glossary', () => {
  it('has broad coverage', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
  });

  it('has lower-case, trimmed keys of one or two words', () => {
    const bad = entries.map(([key]) => key).filter((key) => key !== key.trim().toLowerCase() || !KEY.test(key));
    expect(bad).toEqual([]);
  });

  it('maps every key to a non-empty list of distinct, lower-case, single Danish words', () => {
    const bad = entries.filter(
      ([, values]) => values.length === 0 || new Set(values).size !== values.length || values.some((v) => v !== v.trim().toLowerCase() || !WORD.test(v)),
    );
    expect(bad).toEqual([]);
  });

  it('has no key that is a stop word, and no Danish word that is an English stop word', () => {
    expect(entries.map(([key]) => key).filter((key) => ENGLISH_STOPWORDS.has(key))).toEqual([]);
    expect(entries.flatMap(([, values]) => values).filter((value) => ENGLISH_STOPWORDS.has(value))).toEqual([]);
  });

  it('translates the domain', () => {
    expect(ENGLISH_TO_DANISH['loneliness']).toContain('ensomhed');
    expect(ENGLISH_TO_DANISH['elderly']).toContain('ældre');
    expect(ENGLISH_TO_DANISH['climate']).toContain('klima');
    expect(ENGLISH_TO_DANISH['care']).toEqual(expect.arrayContaining(['pleje', 'omsorg']));
    expect(ENGLISH_TO_DANISH['welfare technology']).toContain('velfærdsteknologi');
    expect(ENGLISH_TO_DANISH['video consultation']).toContain('videokonsultation');
    expect(ENGLISH_TO_DANISH['sick leave']).toContain('sygefravær');
    expect(ENGLISH_TO_DANISH['children']).toEqual(expect.arrayContaining(['børn', 'barn']));
  });

  it('knows the Danish regions and neighbouring countries', () => {
    expect(ENGLISH_TO_DANISH['capital region']).toContain('hovedstaden');
    expect(ENGLISH_TO_DANISH['southern denmark']).toContain('syddanmark');
    expect(ENGLISH_TO_DANISH['zealand']).toContain('sjælland');
    expect(ENGLISH_TO_DANISH['norway']).toContain('norge');
  });
});

describe('the English stop words', () => {
  it('are lower-case single words', () => {
    expect([...ENGLISH_STOPWORDS].filter((w) => !WORD.test(w))).toEqual([]);
    expect(ENGLISH_STOPWORDS.has('the')).toBe(true);
    expect(ENGLISH_STOPWORDS.has('without')).toBe(true);
  });

  it('leave out English function words that are Danish content words', () => {
    // "by" is a town and "it" is IT in Danish text.
    for (const word of ['by', 'it']) expect(ENGLISH_STOPWORDS.has(word)).toBe(false);
  });
});
