import { describe, expect, it } from 'vitest';
import { ID_PATTERN, requireId, requireName, slugify } from '../../src/ids.js';
import { thrownBadInput } from '../support/thrown.js';

describe('slugify', () => {
  it('spells æ, ø and å as ae, oe and aa, upper case too, as the seed ids do', () => {
    expect(slugify('Mandefællesskaber')).toBe('mandefaellesskaber');
    expect(slugify('Særlig Støtte på Ærø')).toBe('saerlig-stoette-paa-aeroe');
    expect(slugify('Aabenraa Kommune')).toBe('aabenraa-kommune');
  });

  it('drops other accents and joins every run of other characters with one dash', () => {
    expect(slugify('Café Müller — Næstved (2021)')).toBe('cafe-muller-naestved-2021');
    expect(slugify('  --Region   Syddanmark!!  ')).toBe('region-syddanmark');
  });

  it('keeps ids at most 120 characters, without a dash at the cut', () => {
    const long = slugify(`${'a'.repeat(119)} b`);
    expect(long).toBe('a'.repeat(119));
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(120);
    expect(slugify('word '.repeat(40))).toMatch(ID_PATTERN);
  });

  it('makes an empty slug of a name with no letter or digit', () => {
    expect(slugify('🚲 — !!')).toBe('');
  });
});

describe('ID_PATTERN', () => {
  it('accepts lower-case words of letters and digits joined by single dashes', () => {
    for (const id of ['a', 'aarhus-kommune', 'min-video-2', '004']) expect(ID_PATTERN.test(id), id).toBe(true);
  });

  it('refuses capitals, Danish letters, empty parts, outer dashes and spaces', () => {
    for (const id of ['', 'Aarhus', 'ærø', 'a--b', '-a', 'a-', 'a b', 'a_b']) expect(ID_PATTERN.test(id), id).toBe(false);
  });
});

describe('requireId', () => {
  it('passes a valid id on', () => {
    expect(requireId('aarhus-kommune', { field: 'input.name', value: 'Aarhus Kommune' })).toBe('aarhus-kommune');
  });

  it('refuses an empty slug, quoting the name it was made from and saying to give an id', () => {
    const error = thrownBadInput(() => requireId(slugify('🚲🚲'), { field: 'input.name', value: '🚲🚲' }));
    expect(error.message).toBe('input.name must hold a letter or digit to make an id from, got "🚲🚲"; give input.id (a slug such as "aarhus-kommune") as well.');
    expect(error.details).toEqual({ field: 'input.name' });
  });
});

describe('requireName', () => {
  it('passes an ordinary name on as it is, spaces and accents included', () => {
    expect(requireName('  Ældre Sagen i Århus ', 'input.name')).toBe('  Ældre Sagen i Århus ');
  });

  it.each([
    ['a tab', 'Aarhus\tKommune', 'U+0009'],
    ['a line break', 'Aarhus\nKommune', 'U+000A'],
    ['a C1 control', 'Aarhus\u0085Kommune', 'U+0085'],
    ['a right-to-left override', 'Aarhus \u202Eenummok', 'U+202E'],
    ['a bidi isolate', '\u2066Aarhus', 'U+2066'],
    ['a right-to-left mark', 'Aarhus\u200F', 'U+200F'],
  ])('refuses %s, naming its code point', (_case, name, codePoint) => {
    const error = thrownBadInput(() => requireName(name, 'input.name'));
    expect(error.message).toBe(`input.name must not hold control or bidi-control characters, got ${codePoint} in ${JSON.stringify(name)}`);
    expect(error.details).toEqual({ field: 'input.name' });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['no-break spaces', '\u00A0\u00A0'],
    ['zero-width characters', '\u200B\u200D\uFEFF'],
  ])('refuses a name of %s as invisible', (_case, name) => {
    expect(thrownBadInput(() => requireName(name, 'input.title')).message).toBe(`input.title must hold a visible character, got ${JSON.stringify(name)}`);
  });
});
