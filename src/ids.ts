import { BadUserInputError } from './errors.js';

/**
 * Readable, stable ids, by the rules the seed data follows (seeds/README.md): lower case; æ, ø, å
 * spelled ae, oe, aa; other accents dropped; every other run of characters one dash.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The id a new thing is created under: a slug. One made from a name with no letter or digit
 * (e.g. only emoji) would be empty, and is refused with what to do instead.
 */
export function requireId(id: string, madeFrom: { field: string; value: string }): string {
  if (ID_PATTERN.test(id)) return id;
  throw new BadUserInputError(
    `${madeFrom.field} must hold a letter or digit to make an id from, got ${JSON.stringify(madeFrom.value)}; give input.id (a slug such as "aarhus-kommune") as well.`,
    madeFrom.field,
  );
}

// C0 and C1 controls (tabs and line breaks included) and Unicode's bidi embeddings, overrides,
// isolates and marks, which can make a name display as something other than what it is.
const FORBIDDEN_IN_NAMES = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// What shows nothing: spaces, zero-width and other format characters.
const INVISIBLE = /[\p{White_Space}\p{Cf}]/gu;

/** Refuses a name that is blank or invisible, or holds control or bidi-control characters. */
export function requireName(name: string, field: string): string {
  const forbidden = FORBIDDEN_IN_NAMES.exec(name);
  if (forbidden) {
    const codePoint = `U+${forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new BadUserInputError(`${field} must not hold control or bidi-control characters, got ${codePoint} in ${JSON.stringify(name)}`, field);
  }
  if (name.replace(INVISIBLE, '') === '') {
    throw new BadUserInputError(`${field} must hold a visible character, got ${JSON.stringify(name)}`, field);
  }
  return name;
}
