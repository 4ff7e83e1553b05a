import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN, FIRST_YEAR, isEmailAddress, isId, isYear, latestFactYear, latestStartYear, MAX_ID_LENGTH, nameProblem, PHONE_PATTERN } from '../../../src/domain/rules.js';
import { innovationSchema, personSchema } from '../../../src/ingest/seed-format.js';

describe('ids', () => {
  it('are slugs of at most 120 characters', () => {
    expect(isId('region-syddanmark')).toBe(true);
    expect(isId('a'.repeat(MAX_ID_LENGTH))).toBe(true);
    expect(isId('a'.repeat(MAX_ID_LENGTH + 1))).toBe(false);
    expect(isId('Aarhus Kommune')).toBe(false);
    expect(isId('double--dash')).toBe(false);
  });
});

describe('e-mail addresses', () => {
  it('take the forms public bodies publish, in either case and with Danish letters', () => {
    for (const address of ['jbol@aarhus.dk', 'anna.testesen@aarhus.dk', 'Jens.Bolwig@Aarhus.DK', 'post+innovation@kl.dk', 'søren@kommune.dk', 'info@kø.dk']) {
      expect(isEmailAddress(address), address).toBe(true);
    }
  });

  it('refuse what only passes for an address: no @, two @, empty labels, quoted parts, spaces, a missing top-level domain', () => {
    for (const text of ['anna(at)aarhus.dk', 'vera.aarhus.dk', 'a@b@aarhus.dk', 'a..b@aarhus.dk', '.a@aarhus.dk', 'a@aarhus..dk', '"a b"@aarhus.dk', 'a b@aarhus.dk', 'a@aarhus', 'a@-aarhus.dk', 'a@aarhus.d']) {
      expect(EMAIL_PATTERN.test(text), text).toBe(false);
    }
    expect(isEmailAddress(`${'a'.repeat(250)}@x.dk`)).toBe(false);
  });
});

describe('phone numbers', () => {
  it('are "+", a country code and groups of digits after single spaces, at most 15 digits', () => {
    for (const phone of ['+45 29 20 84 25', '+47 915 12 345', '+1 202 555 0199']) expect(PHONE_PATTERN.test(phone), phone).toBe(true);
    for (const phone of ['+4512345678', '+45-12-34-56-78', '0045 12 34 56 78', '+45 12  34 56 78', '+45 12 34 56 78 ', '+999 9999 9999 9999 9']) {
      expect(PHONE_PATTERN.test(phone), phone).toBe(false);
    }
  });
});

describe('years', () => {
  it('start in 1900; an innovation may start next year, a fact of spreading be planned five years ahead', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(latestStartYear(now)).toBe(2027);
    expect(latestFactYear(now)).toBe(2031);
    expect(isYear(FIRST_YEAR, 2027)).toBe(true);
    expect(isYear(FIRST_YEAR - 1, 2027)).toBe(false);
    expect(isYear(2027.5, 2031)).toBe(false);
  });
});

describe('names', () => {
  it('must show something and hold no control or bidi-control characters', () => {
    expect(nameProblem('Aarhus Kommune')).toBeUndefined();
    expect(nameProblem('\u200B \u00A0')).toBe('must hold a visible character, got "\u200B \u00A0"');
    expect(nameProblem('Evil\u202Egnp.exe')).toBe('must not hold control or bidi-control characters, got U+202E in "Evil\u202Egnp.exe"');
  });
});

describe('the seed format keeps the same rules as the mutations', () => {
  const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    result.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`) ?? [];

  it('refuses a person with a bidi-control name, a phone without spaces and a one-letter name', () => {
    expect(messages(personSchema.safeParse({ id: 'x', name: 'Evil\u202Eman', phone: '+4512345678' }))).toEqual([
      'name must not hold control or bidi-control characters, got U+202E in "Evil\u202Eman"',
      'phone must be in international form: "+", the country code, then groups of digits separated by single spaces, such as "+45 12 34 56 78"',
    ]);
    expect(messages(personSchema.safeParse({ id: 'x', name: 'X' }))).toEqual(['name must be from 2 to 200 characters long']);
  });

  it('dates an innovation up to next year and a planned take-up up to five years ahead', () => {
    const next = new Date().getFullYear() + 1;
    const base = { id: 'x', title: 'Test', kind: 'MAIN_CASE', summary: 'En test.', source: { document: 'lsf2' } };
    expect(innovationSchema.safeParse({ ...base, year: next }).success).toBe(true);
    expect(messages(innovationSchema.safeParse({ ...base, year: next + 1 }))).toEqual([`year must be ${next} or earlier`]);
    const planned = { mode: 'COPY', status: 'PLANNED', audience: 'andre kommuner', evidence: 'Planlagt.', year: next + 4 };
    expect(innovationSchema.safeParse({ ...base, spreading: [planned] }).success).toBe(true);
    expect(innovationSchema.safeParse({ ...base, spreading: [{ ...planned, year: next + 5 }] }).success).toBe(false);
  });
});
