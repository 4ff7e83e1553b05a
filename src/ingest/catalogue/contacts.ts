/** The people printed after GENBRUG (or a "... kontakt:" lead-in): name, role, organisation, phone, e-mail. */

import type { DraftContact, DraftInnovation } from './draft-types.js';
import { FIELD_LABEL, cleanPart, collapse, isBlank, isCapitalLine, isContactLeadIn, isPageNumber } from './line-tests.js';
import { joinWrapped } from './titles-and-fields.js';

export interface ContactBlock {
  contacts: DraftContact[];
  /** 0-based index of the last line the block used, or undefined when it used none */
  lastLine: number | undefined;
}

/** What one line holding a phone number and/or an e-mail address says. */
interface ReachLine {
  email?: string;
  phoneDigits?: string;
  /** name or role text printed on the same line, before the e-mail */
  text?: string;
  /** the whole line is `https://e-mail` or `mailto:e-mail`: a hyperlink the extraction repeated */
  linkOnly: boolean;
}

const EMAIL = /(?:(?:https?:\/\/|mailto:)\s*)?([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

// Danish numbers are printed '29 20 84 25', '5184 4338' or '29208425'; seven digits also match so
// that a number that lost a digit in the extraction is reported rather than silently dropped.
const PHONE = /(?<![\d/])(?:\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{1,2}(?!\d)/g;

// Words printed next to a phone number or e-mail that are not part of anyone's name.
const REACH_LABELS = /\b(mail|e-mail|tlf|telefon|mobil|lokal|hjemmearbejde|direkte)\b\.?:?/gi;

// A contact is a name, a role and an organisation over at most this many lines before its phone
// or e-mail line; more lines of text mean the block has ended and prose has begun.
const MAX_CONTACT_TEXT_LINES = 3;

/**
 * Reads the people after a GENBRUG heading (or a "... kontakt:" lead-in) from `from` up to
 * `limit`. Each contact is up to three lines of name, role and organisation followed by a line
 * with a phone number and/or an e-mail address (a phone line may be followed by an e-mail line).
 * The block ends at a capital line (the next title or heading), a labelled field, or a fourth
 * line of text without a phone or e-mail (the next entry's pull quote).
 */
export function readContactBlock(lines: string[], from: number, limit: number, warnings: string[]): ContactBlock {
  const contacts: DraftContact[] = [];
  let pending: string[] = [];
  let danglingHyphen = false;
  let lastLine: number | undefined;
  let current: DraftContact | undefined;

  for (let index = skipLeadIn(lines, from, limit); index < limit; index += 1) {
    const line = (lines[index] ?? '').trim();
    if (!line || isPageNumber(line)) continue;
    if (/^[-–]$/.test(line)) {
      // A hyphen the extraction moved off the end of a wrapped word ("innovations / konsulent").
      danglingHyphen = true;
      continue;
    }
    if (isCapitalLine(line) || FIELD_LABEL.test(line)) break;
    const reach = readReachLine(line);
    if (!reach) {
      if (pending.length >= MAX_CONTACT_TEXT_LINES) break;
      pending.push(line);
      continue;
    }
    if (reach.text) pending.push(reach.text);
    if (pending.length > 0) {
      current = { ...splitContactText(pending, danglingHyphen) };
      contacts.push(current);
      pending = [];
      danglingHyphen = false;
      fillReach(current, reach, warnings);
    } else if (current && !reach.linkOnly && ((reach.email && !current.email) || (reach.phoneDigits && !current.phone))) {
      // The phone and the e-mail of one person printed on separate lines.
      fillReach(current, reach, warnings);
    } else if (!reach.linkOnly) {
      warnings.push(`line ${index + 1}: phone or e-mail "${line}" without a name before it`);
    }
    // A link-only line repeats an address printed before it (sometimes another entry's): skip it.
    lastLine = index;
  }
  return { contacts: dedupeContacts(contacts), lastLine };
}

/** Skips "Hvis du vil genbruge løsningen, så kontakt:" and the like, if present. */
function skipLeadIn(lines: string[], from: number, limit: number): number {
  let seen = 0;
  for (let index = from; index < limit && seen < 3; index += 1) {
    if (isBlank(lines[index])) continue;
    seen += 1;
    if (isContactLeadIn(lines[index] ?? '')) return index + 1;
  }
  return from;
}

function readReachLine(line: string): ReachLine | undefined {
  const emails = [...line.matchAll(EMAIL)].map((match) => match[1] ?? '');
  const withoutEmails = line.replace(EMAIL, ' ');
  const phones = [...withoutEmails.matchAll(PHONE)].map((match) => match[0]);
  if (emails.length === 0 && phones.length === 0) return undefined;
  const residue = withoutEmails.replace(PHONE, ' ').replace(REACH_LABELS, ' ');
  const text = collapse(residue.replace(/^[\s,;:–/-]+|[\s,;:–/-]+$/g, ''));
  const hasText = (text.match(/\p{L}/gu) ?? []).length >= 3;
  // A number inside a sentence is not a contact's phone.
  if (emails.length === 0 && hasText) return undefined;
  const phoneDigits = choosePhone(phones);
  return {
    ...(emails[0] ? { email: emails[0].toLowerCase() } : {}),
    ...(phoneDigits ? { phoneDigits } : {}),
    ...(hasText ? { text } : {}),
    linkOnly: /^(?:https?:\/\/|mailto:)\s*\S+@\S+$/i.test(line),
  };
}

/** Prefers a complete eight-digit number; otherwise returns the first, for the warning. */
function choosePhone(phones: string[]): string | undefined {
  const digits = phones.map((phone) => phone.replace(/\D/g, '').replace(/^45(?=\d{8}$)/, ''));
  return digits.find((d) => d.length === 8) ?? digits[0];
}

function fillReach(contact: DraftContact, reach: ReachLine, warnings: string[]) {
  if (reach.email && !contact.email) contact.email = reach.email;
  if (reach.phoneDigits && !contact.phone) {
    if (reach.phoneDigits.length === 8) contact.phone = `+45 ${reach.phoneDigits.match(/\d\d/g)?.join(' ')}`;
    else warnings.push(`${contact.name}: phone number "${reach.phoneDigits}" has ${reach.phoneDigits.length} digits; left out`);
  }
}

/**
 * Splits "Name, role, Organisation" printed over one to three lines. A first line without a comma
 * holds the name alone; a line ending in a comma ends a part; any other line break continues the
 * part ("teamleder for / Borgerservice"). The role is the first part after the name plus any
 * further parts in lower case; the organisation is the rest.
 */
function splitContactText(textLines: string[], danglingHyphen: boolean): DraftContact {
  let joined = textLines[0] ?? '';
  textLines.slice(1).forEach((next, k) => {
    const previous = joined.trimEnd();
    if (k === 0 && !(textLines[0] ?? '').includes(',')) joined = `${previous}, ${next}`;
    else if (/[,;]$/.test(previous)) joined = `${previous} ${next}`;
    else if (danglingHyphen && /\p{Ll}$/u.test(previous) && /^\p{Ll}/u.test(next)) joined = `${previous}${next}`;
    else joined = joinWrapped(previous, next);
  });
  const parts = joined
    .split(/\s*[,;]\s*/)
    .flatMap((part, k) => (k === 0 ? [part] : part.split(/(?<=\p{Ll}{3})\.\s+(?=\p{Lu}\p{L})/u)))
    .map(cleanPart)
    .filter((part) => part.length > 0);
  const [name = '', ...rest] = parts;
  const roleParts = rest.slice(0, 1);
  let k = 1;
  while (k < rest.length && /^\p{Ll}/u.test(rest[k] ?? '')) roleParts.push(rest[k++] ?? '');
  const organisationParts = rest.slice(k);
  return {
    name,
    ...(roleParts.length ? { role: roleParts.join(', ') } : {}),
    ...(organisationParts.length ? { organisation: organisationParts.join(', ') } : {}),
  };
}

function dedupeContacts(contacts: DraftContact[]): DraftContact[] {
  const seen = new Set<string>();
  return contacts.filter((contact) => {
    const key = contact.email ?? `name:${contact.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function warnAboutMissingContacts(innovation: DraftInnovation, warnings: string[]) {
  if (innovation.contacts.length === 0) {
    warnings.push(`line ${innovation.lines[0]}: no contacts found for "${innovation.title}"`);
  }
  for (const contact of innovation.contacts) {
    if (!contact.email) warnings.push(`line ${innovation.lines[0]}: contact ${contact.name} of "${innovation.title}" has no e-mail`);
  }
}

export function organisationNames(contact: DraftContact): string[] {
  return (contact.organisation ?? '')
    .split(/\s*,\s*/)
    .filter((name) => name.length >= 5);
}

export function mentions(body: string, name: string): boolean {
  return collapse(body).toLowerCase().includes(name.toLowerCase());
}
