import { isId, MAX_ID_LENGTH, nameProblem } from './domain/rules.js';
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
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
}

export { ID_PATTERN } from './domain/rules.js';

/**
 * The id a new thing is created under: a slug. One made from a name with no letter or digit
 * (e.g. only emoji) would be empty, and is refused with what to do instead.
 */
export function requireId(id: string, madeFrom: { field: string; value: string }): string {
  if (isId(id)) return id;
  throw new BadUserInputError(
    `${madeFrom.field} must hold a letter or digit to make an id from, got ${JSON.stringify(madeFrom.value)}; give input.id (a slug such as "aarhus-kommune") as well.`,
    madeFrom.field,
  );
}

/** Refuses a name that is blank or invisible, or holds control or bidi-control characters (the rule of domain/rules.ts). */
export function requireName(name: string, field: string): string {
  const problem = nameProblem(name);
  if (problem) throw new BadUserInputError(`${field} ${problem}`, field);
  return name;
}

