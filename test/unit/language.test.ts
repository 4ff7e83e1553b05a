import { describe, expect, it } from 'vitest';
import { languageFromHeader } from '../../src/language.js';

describe('languageFromHeader', () => {
  it('is Danish without a header, or when neither Danish nor English is named', () => {
    expect(languageFromHeader(undefined)).toBe('DA');
    expect(languageFromHeader('')).toBe('DA');
    expect(languageFromHeader('de-DE,fr;q=0.8')).toBe('DA');
  });

  it('is English for an English tag of any region, in any case', () => {
    expect(languageFromHeader('en')).toBe('EN');
    expect(languageFromHeader('EN-gb')).toBe('EN');
    expect(languageFromHeader('de, en-US;q=0.7')).toBe('EN');
  });

  it('takes the first of the two in the order the caller prefers, q-values before position', () => {
    expect(languageFromHeader('en-GB,en;q=0.9,da;q=0.5')).toBe('EN');
    expect(languageFromHeader('en;q=0.4, da;q=0.8')).toBe('DA');
    expect(languageFromHeader('da, en')).toBe('DA');
    expect(languageFromHeader('en, da')).toBe('EN');
  });

  it('reads Norwegian as Danish', () => {
    expect(languageFromHeader('nb-NO, en;q=0.5')).toBe('DA');
    expect(languageFromHeader('nn,en;q=0.9')).toBe('DA');
  });

  it('ignores languages the caller refuses (q=0) and q-values that are not numbers', () => {
    expect(languageFromHeader('en;q=0, da;q=0.1')).toBe('DA');
    expect(languageFromHeader('da;q=zero, en;q=0.2')).toBe('EN');
  });
});
