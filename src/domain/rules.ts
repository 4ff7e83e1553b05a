/**
 * The domain's rules for ids, names, e-mail addresses, phone numbers and years, and its
 * vocabularies (kinds, modes, statuses). The seed format (zod), the mutation inputs
 * (class-validator) and the filter checks are all built from what is here, so that whatever a seed
 * file may hold a mutation may write, and the other way round. Pure: no GraphQL, no database.
 */

// ---- vocabularies --------------------------------------------------------------------------

export const ORGANISATION_KINDS = [
  'MUNICIPALITY',
  'REGION',
  'HOSPITAL',
  'STATE_AGENCY',
  'MINISTRY',
  'UNIT',
  'COMPANY',
  'UNIVERSITY',
  'SCHOOL',
  'FOUNDATION',
  'ASSOCIATION',
  'UNION',
  'INTEREST_ORGANISATION',
  'REGIONAL_HEALTH_AUTHORITY',
  'HEALTH_TRUST',
  'PROGRAMME',
  'OTHER',
] as const;
export const INNOVATION_KINDS = ['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE', 'REFERENCED'] as const;
export const SECTORS = ['MUNICIPAL', 'REGIONAL', 'STATE', 'OTHER'] as const;
export const INNOVATION_TYPES = ['PRODUCT', 'SERVICE', 'PROCESS', 'COMMUNICATION'] as const;
export const PRIZES = ['NYT_SAMMEN_BEDRE', 'PUBLIKUMSPRISEN', 'INNOVATIONSPRISERNE'] as const;
export const AWARD_LEVELS = ['WINNER', 'FINALIST', 'NOMINEE', 'SUBMITTED'] as const;
export const VALUE_DIMENSIONS = ['POLITICAL_GOALS', 'QUALITY', 'EFFICIENCY', 'DEMOCRACY', 'INNOVATION_CAPACITY'] as const;
export const CONTACT_PURPOSES = ['REUSE', 'FOLLOW'] as const;
/** COI's three modes of spread (copy, adapt, inspiration), and the two that are not spread yet: a channel (shared) and interest. */
export const SPREAD_MODES = ['COPY', 'ADAPT', 'INSPIRATION', 'SHARED', 'INTEREST'] as const;
/** ADOPTED: in use at the adopter. TESTED: tried out (a pilot or test run), not taken into use. PLANNED: decided or expected. INTERESTED: asked about it. */
export const SPREAD_STATUSES = ['ADOPTED', 'TESTED', 'PLANNED', 'INTERESTED'] as const;
export const SPREAD_DIRECTIONS = ['OUTGOING', 'INCOMING'] as const;
export const THEME_KINDS = ['THEME', 'MISSION'] as const;

// ---- ids -----------------------------------------------------------------------------------

/** Slugs as seeds/README.md makes them: runs of lower-case letters and digits joined by single dashes. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * The longest id allowed. Ids made from names are cut here (see slugify), and the longest in the
 * catalogue (a unit's, its parent's id and its own name) is 86 characters.
 */
export const MAX_ID_LENGTH = 120;
const SLUG = 'lower-case letters, digits and single dashes';
/** The rule an id breaks, e.g. `must be a slug ..., such as "aarhus-kommune"`; the example suits the field. */
export function idRule(example?: string): string {
  return `must be a slug of ${SLUG}${example ? `, such as "${example}"` : ''}`;
}
/** The same rule for a list of ids. */
export function idsRule(example: string): string {
  return `must hold slugs of ${SLUG}, such as "${example}"`;
}
export function isId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
}

// ---- names ---------------------------------------------------------------------------------

/**
 * A canonical name or title. The shortest real names are two letters (KL, the Danish municipalities'
 * association), and 200 holds the longest unit name a source prints with room to spare (56 in the
 * catalogue); titles run longer (92 in the catalogue), so they get 300.
 */
export const NAME_LENGTH = { min: 2, max: 200 } as const;
export const TITLE_LENGTH = { min: 2, max: 300 } as const;
/** Another name something goes by: a one-letter short form is a real alias in the catalogue ("R", a hospital's Afdeling R). */
export const ALIAS_LENGTH = { min: 1, max: 200 } as const;
/** At most this many aliases per record, ten times the most any record in the catalogue has (3). */
export const MAX_ALIASES = 30;

// C0 and C1 controls (tabs and line breaks included) and Unicode's bidi embeddings, overrides,
// isolates and marks, which can make a name display as something other than what it is.
const FORBIDDEN_IN_NAMES = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// What shows nothing: spaces, zero-width and other format characters.
const INVISIBLE = /[\p{White_Space}\p{Cf}]/gu;

/** What is wrong with a name (blank or invisible, or holding control or bidi-control characters), or undefined. */
export function nameProblem(name: string): string | undefined {
  const forbidden = FORBIDDEN_IN_NAMES.exec(name);
  if (forbidden) {
    const codePoint = `U+${forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `must not hold control or bidi-control characters, got ${codePoint} in ${JSON.stringify(name)}`;
  }
  if (name.replace(INVISIBLE, '') === '') return `must hold a visible character, got ${JSON.stringify(name)}`;
  return undefined;
}

// ---- places -------------------------------------------------------------------------------

/** A country as ISO 3166-1 alpha-2 writes it (DK, NO), the form the regions in reference.json use. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const COUNTRY_RULE = 'must be a two-letter ISO country code such as DK or NO';

// ---- contact details -----------------------------------------------------------------------

/**
 * An e-mail address as public bodies publish them: a dot-separated local part of letters, digits
 * and the usual symbols, then a domain of dot-separated labels ending in a top-level domain of two
 * or more letters. Letters include æ, ø, å and other scripts, which Danish and Norwegian domains
 * may hold. No quoted local parts or IP literals: no contact in the sources has one, and they are
 * how odd strings pass for addresses. Either case is accepted; writes store it in lower case.
 */
export const EMAIL_PATTERN =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;
/** SMTP's limit on an address (RFC 5321: a 256-character path less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;
export const EMAIL_RULE = 'must be an e-mail address such as name@kommune.dk';
export function isEmailAddress(value: string): boolean {
  return value.length <= MAX_EMAIL_LENGTH && EMAIL_PATTERN.test(value);
}

/**
 * A phone number in the international form the sources print and the graph keeps: "+", a country
 * code of 1 to 3 digits (ITU E.164), then groups of 1 to 4 digits each after one space ("+45 29 20
 * 84 25", "+47 915 12 345"), so every number is written one way and can be compared and dialled.
 * E.164 caps a number at 15 digits.
 */
export const PHONE_PATTERN = /^(?=(?:\D*\d){1,15}$)\+\d{1,3}(?: \d{1,4}){1,6}$/;
export const PHONE_RULE = 'must be in international form: "+", the country code, then groups of digits separated by single spaces, such as "+45 12 34 56 78"';

// ---- years ---------------------------------------------------------------------------------

/**
 * The earliest year anything may be dated. The catalogue's innovations start from 2015; 1900
 * leaves room for the history a source may cite, while a dropped or extra digit (201, 20211) fails.
 */
export const FIRST_YEAR = 1900;
/** An innovation's start, or a source's publication: up to next year, for one announced to start then. */
export function latestStartYear(now = new Date()): number {
  return now.getFullYear() + 1;
}
/** A fact of spreading: planned take-up is dated ahead ("expected in 2023"), but not more than five years. */
export function latestFactYear(now = new Date()): number {
  return now.getFullYear() + 5;
}
export function isYear(value: number, latest: number): boolean {
  return Number.isInteger(value) && value >= FIRST_YEAR && value <= latest;
}

// ---- texts ---------------------------------------------------------------------------------

/** The longest text a search or filter takes: a paragraph describing a project, not a document. */
export const MAX_SEARCH_TEXT_LENGTH = 500;
