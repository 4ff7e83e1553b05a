/**
 * Reads the plain-text extraction of the innovation-award catalogue "LÆS STJÆL FORTÆL" into draft
 * records, so that a later edition can be turned into seed files the same way. The drafts are a
 * starting point for a person to review: the curated JSON in `seeds/` stays the truth. The reader
 * never throws on odd input; whatever it cannot place is reported in `warnings`.
 *
 * How the extracted text looks (see ../shared/DOMAIN.md): each entry has a title in capitals, and
 * labelled fields under it. PDF extraction interleaves columns, hyphenates words at line ends,
 * prints pull quotes before the title, prints the contacts of consecutive small innovations
 * together after the last of them, and puts a stray `https://` or `mailto:` in front of e-mails.
 */

export interface DraftContact {
  name: string;
  role?: string;
  organisation?: string;
  /** normalised '+45 xx xx xx xx' */
  phone?: string;
  /** lower case, no https:// */
  email?: string;
}

export interface DraftInnovation {
  title: string;
  kind: 'MAIN_CASE' | 'SMALL_INNOVATION' | 'WATCH_LIST' | 'PROCUREMENT_CASE';
  /** text after INDSTILLER, raw, trimmed (for procurement cases: HVEM and HVOR) */
  nominator?: string;
  targetGroup?: string;
  year?: number;
  winner: boolean;
  contacts: DraftContact[];
  /** 1-based first and last line of the entry */
  lines: [number, number];
  section: string;
}

export interface CatalogueReadResult {
  innovations: DraftInnovation[];
  warnings: string[];
}

type Kind = DraftInnovation['kind'];

/** A heading that opens a part of the catalogue; `line` is a 0-based index. */
interface Landmark {
  line: number;
  kind: 'MAIN_SECTION' | 'SMALL' | 'WATCH' | 'INSIGHTS';
  label: string;
}

/** A run of capital lines read as one title; `first` and `last` are 0-based indices. */
interface TitleRun {
  first: number;
  last: number;
  text: string;
}

interface ContactBlock {
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

// The opening pages print the 15 jury finalists (full layout) and the audience-prize nominees
// (short layout) without a heading of their own; later parts have headings (see findLandmarks).
const FINALISTS_SECTION = 'NYT SAMMEN BEDRE jury-finalister';
const NOMINEES_SECTION = 'Publikumsprisen, nominerede';

// Only the finalists' full layout has this block, so it tells the two opening groups apart.
const FULL_LAYOUT_HEADING = /^\s*INSPIRATION TIL SAMARBEJDE/;

// Headings inside a main case. When one of them follows the contacts, the extraction has printed a
// column of the entry after its GENBRUG block, and the entry runs on to the next title.
const CASE_BODY_HEADING =
  /^\s*(FRA UDFORDRING|FØR\s*$|EFTER\s*$|DE VIGTIGSTE ELEMENTER|HVILKE RESSOURCER|HVEM HAR SAMARBEJDET|VÆRDIEN, SOM|POLITISKE MÅL|HØJERE KVALITET|ØGET EFFEKTIVITET|STYRKET DEMOKRATI|ØGET INNOVATIONSKAPACITET|INSPIRATION TIL SAMARBEJDE|SPREDNINGSKAPACITET|SAMARBEJDSKAPACITET|EVALUERINGSKAPACITET)/;

// Capital lines that are headings or marks, never titles.
const NON_TITLE_CAPITALS = /^(TIP|GENBRUG|VINDER|RESULTAT|GODE RÅD|HVAD ER DET NYE|INNOVATIVER|COI-INDSIGTER|HOLD ØJE MED.*)$/;

// A labelled field line ("INDSTILLER: ...", "HVEM Kolding Kommune"): ends a contact block or a field.
const FIELD_LABEL = /^\s*(INDSTILLER|MÅLGRUPPE|ÅRSTAL)\s*:|^\s*(HVEM|HVOR|HVAD)\s/;

const EMAIL = /(?:(?:https?:\/\/|mailto:)\s*)?([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

// Danish numbers are printed '29 20 84 25', '5184 4338' or '29208425'; seven digits also match so
// that a number that lost a digit in the extraction is reported rather than silently dropped.
const PHONE = /(?<![\d/])(?:\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{1,2}(?!\d)/g;

// Words printed next to a phone number or e-mail that are not part of anyone's name.
const REACH_LABELS = /\b(mail|e-mail|tlf|telefon|mobil|lokal|hjemmearbejde|direkte)\b\.?:?/gi;

// A contact is a name, a role and an organisation over at most this many lines before its phone
// or e-mail line; more lines of text mean the block has ended and prose has begun.
const MAX_CONTACT_TEXT_LINES = 3;

// How far above a title a pull quote may start.
const MAX_PULL_QUOTE_LINES = 40;

export function readCatalogue(text: string): CatalogueReadResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const warnings: string[] = [];
  const landmarks = findLandmarks(lines);
  const innovations = [
    ...readMainCases(lines, landmarks, warnings),
    ...readSmallInnovations(lines, landmarks, warnings),
    ...readWatchList(lines, landmarks, warnings),
    ...readProcurementCases(lines, landmarks, warnings),
  ];
  innovations.sort((a, b) => a.lines[0] - b.lines[0]);
  for (const innovation of innovations) warnAboutMissingContacts(innovation, warnings);
  return { innovations, warnings };
}

// ---------------------------------------------------------------------------------------------
// Sections

function findLandmarks(lines: string[]): Landmark[] {
  const landmarks: Landmark[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    // "OFFENTLIG INNOVATION / – DET KOMMUNALE LANDSKAB" opens the municipal (regional, state) cases.
    const landscape = /^[–-]\s*DET\s+(\p{Lu}+)\s+LANDSKAB$/u.exec(line);
    if (landscape?.[1]) {
      // The heading's first line, "OFFENTLIG INNOVATION", belongs to the section, not the entry above.
      const above = previousNonBlank(lines, index - 1, Math.max(0, index - 3));
      const first = above !== undefined && /^OFFENTLIG INNOVATION$/.test(collapse(lines[above] ?? '')) ? above : index;
      landmarks.push({ line: first, kind: 'MAIN_SECTION', label: `${sentenceCase(landscape[1])} indstillinger` });
    } else if (line === 'INNOVATIVER') {
      // Exact match: the corona overview also says "INNOVATIVER PÅ SIDE ...".
      landmarks.push({ line: index, kind: 'SMALL', label: 'Innovativer' });
    } else if (/^HOLD ØJE MED\b/.test(line)) {
      landmarks.push({ line: index, kind: 'WATCH', label: sentenceCase(line) });
    } else if (line === 'COI-INDSIGTER') {
      const subtitle = nextNonBlank(lines, index + 1, lines.length);
      const label = subtitle === undefined ? 'COI-indsigter' : `COI-indsigter: ${collapse(lines[subtitle] ?? '')}`;
      landmarks.push({ line: index, kind: 'INSIGHTS', label });
    }
  });
  return landmarks;
}

/** The 0-based [start, end) ranges of the sections of one kind. */
function sectionRanges(landmarks: Landmark[], kind: Landmark['kind'], lineCount: number) {
  return landmarks.flatMap((landmark, index) =>
    landmark.kind === kind
      ? [{ start: landmark.line, end: landmarks[index + 1]?.line ?? lineCount, label: landmark.label }]
      : [],
  );
}

function landmarkBefore(landmarks: Landmark[], line: number): Landmark | undefined {
  let found: Landmark | undefined;
  for (const landmark of landmarks) if (landmark.line < line) found = landmark;
  return found;
}

function landmarkAfter(landmarks: Landmark[], line: number): Landmark | undefined {
  return landmarks.find((landmark) => landmark.line > line);
}

// ---------------------------------------------------------------------------------------------
// Main cases: every entry with an INDSTILLER line

function readMainCases(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
  const anchors = lines.flatMap((line, index) => (/^\s*INDSTILLER\s*:/.test(line) ? [index] : []));
  const titles = anchors.map((anchor) => findTitleAbove(lines, anchor));
  const drafts: DraftInnovation[] = [];
  let previousEnd = -1;

  anchors.forEach((anchor, k) => {
    const found = titles[k];
    if (!found) warnings.push(`line ${anchor + 1}: INDSTILLER without a title in capitals above it`);
    const titleFirst = found?.title.first ?? anchor;
    const nextLandmark = landmarkAfter(landmarks, anchor);
    const nextTitle = titles[k + 1]?.title.first ?? anchors[k + 1];
    const limit = Math.min(nextTitle ?? lines.length, nextLandmark?.line ?? lines.length);
    const landmark = landmarkBefore(landmarks, anchor);

    const genbrug = findLine(lines, anchor + 1, limit, isGenbrugHeading);
    const bodyEnd = genbrug ?? limit;
    const block =
      genbrug === undefined
        ? { contacts: [], lastLine: undefined }
        : readContactBlock(lines, genbrug + 1, limit, warnings);
    if (genbrug === undefined) warnings.push(`line ${anchor + 1}: no GENBRUG block for "${found?.title.text ?? ''}"`);

    const floor = Math.max(previousEnd + 1, (landmark?.line ?? -1) + 1);
    const start = findEntryStart(lines, titleFirst, floor);
    const end = findMainCaseEnd(lines, block.lastLine ?? lastNonBlank(lines, anchor, limit), limit);
    previousEnd = end;

    const targetLine = findLine(lines, anchor + 1, bodyEnd, (line) => /^\s*MÅLGRUPPE\s*:/.test(line));
    const yearLine = findLine(lines, anchor + 1, bodyEnd, (line) => /^\s*ÅRSTAL\s*:/.test(line));
    const year = yearLine === undefined ? undefined : readYear(lines[yearLine] ?? '');
    if (year === undefined) warnings.push(`line ${anchor + 1}: no ÅRSTAL year for "${found?.title.text ?? ''}"`);

    const section = landmark?.label ?? openingPagesSection(lines, anchor, bodyEnd);

    drafts.push(
      draft({
        title: found?.title.text ?? '',
        kind: 'MAIN_CASE',
        nominator: readLabelledField(lines, anchor),
        targetGroup: targetLine === undefined ? undefined : readLabelledField(lines, targetLine),
        year,
        winner: found?.winner ?? false,
        contacts: block.contacts,
        lines: [start + 1, end + 1],
        section,
      }),
    );
  });
  return drafts;
}

/** The opening pages have no section headings; the finalists' full layout tells them apart. */
function openingPagesSection(lines: string[], anchor: number, bodyEnd: number): string {
  const fullLayout = findLine(lines, anchor, bodyEnd, (line) => FULL_LAYOUT_HEADING.test(line)) !== undefined;
  return fullLayout ? FINALISTS_SECTION : NOMINEES_SECTION;
}

/**
 * The title is the run of capital lines above INDSTILLER. The winner mark `VINDER` is printed on
 * a line of its own between the title and INDSTILLER, or just above the title.
 */
function findTitleAbove(lines: string[], anchor: number): { title: TitleRun; winner: boolean } | undefined {
  let winner = false;
  let index = anchor - 1;
  while (index >= 0 && (isBlank(lines[index]) || isWinnerMark(lines[index]))) {
    if (isWinnerMark(lines[index])) winner = true;
    index -= 1;
  }
  const last = index;
  while (index >= 0 && isTitleLine(lines[index])) index -= 1;
  const first = index + 1;
  if (first > last) return undefined;
  const above = previousNonBlank(lines, first - 1, Math.max(0, first - 3));
  if (above !== undefined && isWinnerMark(lines[above])) winner = true;
  let text = joinTitleLines(lines.slice(first, last + 1));
  // The mark may also share the title's last line.
  if (/\sVINDER$/.test(text)) {
    text = text.replace(/\s+VINDER$/, '');
    winner = true;
  }
  return { title: { first, last, text }, winner };
}

/**
 * A main case may open with a pull quote printed above its title. The extraction starts each page
 * with a single space, and the quote opens a page, so the entry starts at the nearest such line
 * above the title, unless a statistic, a stray link, a page number or a heading of the entry
 * before comes first (then there is no quote and the entry starts at its title). Capital lines
 * do not stop the search: the quote pages carry graphic labels in capitals ("JOB / CENTER").
 */
function findEntryStart(lines: string[], titleFirst: number, floor: number): number {
  if (isPageStart(lines[titleFirst])) return titleFirst;
  for (let index = titleFirst - 1; index >= floor && titleFirst - index <= MAX_PULL_QUOTE_LINES; index -= 1) {
    const line = lines[index] ?? '';
    if (isBlank(line)) continue;
    if (isPageStart(line)) return index;
    if (line.includes('%') || isLinkLine(line) || isPageNumber(line)) break;
    if (CASE_BODY_HEADING.test(line) || isGenbrugHeading(line) || FIELD_LABEL.test(line)) break;
  }
  return titleFirst;
}

/**
 * A main case ends with its contacts, except where the extraction printed a column of the entry
 * (e.g. SAMARBEJDSKAPACITET) after the GENBRUG block: then it ends where the next entry begins.
 */
function findMainCaseEnd(lines: string[], contactEnd: number, limit: number): number {
  const trailingBody = findLine(lines, contactEnd + 1, limit, (line) => CASE_BODY_HEADING.test(line));
  if (trailingBody === undefined) return contactEnd;
  return lastNonBlank(lines, contactEnd, limit);
}

// ---------------------------------------------------------------------------------------------
// Small innovations: the INNOVATIVER section

/**
 * Contact assignment: the extraction prints the GENBRUG blocks of consecutive entries together
 * after the last of them. Entries and blocks therefore come in groups (entries, then blocks); the
 * k-th block of a group belongs to the k-th entry of that group, which is the order the pages are
 * laid out in. As a check, a block whose organisation is named in another entry of the group but
 * not in its own is reported in the warnings.
 */
function readSmallInnovations(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
  const drafts: DraftInnovation[] = [];
  for (const range of sectionRanges(landmarks, 'SMALL', lines.length)) {
    let group: { draft: DraftInnovation; body: string }[] = [];
    let assigned = 0;
    let index = range.start + 1;
    while (index < range.end) {
      const line = lines[index] ?? '';
      if (isGenbrugHeading(line)) {
        const block = readContactBlock(lines, index + 1, range.end, warnings);
        const owner = group[assigned];
        if (owner) {
          owner.draft.contacts = block.contacts;
          owner.draft.lines[1] = (block.lastLine ?? index) + 1;
          checkContactAffinity(group, assigned, warnings);
          assigned += 1;
        } else {
          warnings.push(`line ${index + 1}: GENBRUG block in ${range.label} with no entry left to take it`);
        }
        index = Math.max(index + 1, (block.lastLine ?? index) + 1);
        continue;
      }
      if (isTitleLine(line)) {
        // A title after the blocks of a group opens the next group.
        if (assigned > 0) {
          warnUnassigned(group.slice(assigned), warnings);
          group = [];
          assigned = 0;
        }
        const title = readTitleRun(lines, index, range.end);
        const bodyEnd = findLine(lines, title.last + 1, range.end, (l) => isGenbrugHeading(l) || isTitleLine(l)) ?? range.end;
        const entry = draft({
          title: title.text,
          kind: 'SMALL_INNOVATION',
          winner: false,
          contacts: [],
          lines: [title.first + 1, Math.max(title.last, lastNonBlank(lines, title.last, bodyEnd)) + 1],
          section: range.label,
        });
        group.push({ draft: entry, body: lines.slice(title.last + 1, bodyEnd).join(' ') });
        drafts.push(entry);
        index = title.last + 1;
        continue;
      }
      index += 1;
    }
    warnUnassigned(group.slice(assigned), warnings);
  }
  return drafts;
}

function checkContactAffinity(group: { draft: DraftInnovation; body: string }[], k: number, warnings: string[]) {
  const own = group[k];
  if (!own || group.length < 2) return;
  for (const contact of own.draft.contacts) {
    const names = organisationNames(contact);
    if (names.length === 0 || names.some((name) => mentions(own.body, name))) continue;
    const other = group.find((entry, j) => j !== k && names.some((name) => mentions(entry.body, name)));
    if (other) {
      warnings.push(
        `"${own.draft.title}": its contact ${contact.name} (${contact.organisation ?? ''}) is named in "${other.draft.title}" instead; check the order of the grouped contacts`,
      );
    }
  }
}

function warnUnassigned(entries: { draft: DraftInnovation }[], warnings: string[]) {
  for (const entry of entries) {
    warnings.push(`line ${entry.draft.lines[0]}: no GENBRUG block left for "${entry.draft.title}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Watch list: the HOLD ØJE MED section

function readWatchList(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
  const drafts: DraftInnovation[] = [];
  for (const range of sectionRanges(landmarks, 'WATCH', lines.length)) {
    const titles = findTitleRuns(lines, range.start + 1, range.end);
    titles.forEach((title, k) => {
      const limit = titles[k + 1]?.first ?? range.end;
      // The contacts follow a sentence ending "... så kontakt:", which may be wrapped over two lines.
      const leadIn = findLine(lines, title.last + 1, limit, isContactLeadIn);
      const block =
        leadIn === undefined ? { contacts: [], lastLine: undefined } : readContactBlock(lines, leadIn + 1, limit, warnings);
      if (leadIn === undefined) warnings.push(`line ${title.first + 1}: no contact lead-in for "${title.text}"`);
      drafts.push(
        draft({
          title: title.text,
          kind: 'WATCH_LIST',
          winner: false,
          contacts: block.contacts,
          lines: [title.first + 1, (block.lastLine ?? lastNonBlank(lines, title.last, limit)) + 1],
          section: range.label,
        }),
      );
    });
  }
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Procurement cases: COI-INDSIGTER entries with HVEM / HVOR / HVAD

function readProcurementCases(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
  const drafts: DraftInnovation[] = [];
  for (const range of sectionRanges(landmarks, 'INSIGHTS', lines.length)) {
    // Only the procurement insight has entries; an entry is a title followed by its HVEM line.
    const titles = findTitleRuns(lines, range.start + 1, range.end).filter((title) => {
      const next = nextNonBlank(lines, title.last + 1, range.end);
      return next !== undefined && /^\s*HVEM\b/.test(lines[next] ?? '');
    });
    titles.forEach((title, k) => {
      const limit = titles[k + 1]?.first ?? range.end;
      const who = readProcurementField(lines, title.last + 1, limit, 'HVEM');
      const where = readProcurementField(lines, title.last + 1, limit, 'HVOR');
      const genbrug = findLine(lines, title.last + 1, limit, isGenbrugHeading);
      const block =
        genbrug === undefined ? { contacts: [], lastLine: undefined } : readContactBlock(lines, genbrug + 1, limit, warnings);
      if (genbrug === undefined) warnings.push(`line ${title.first + 1}: no GENBRUG block for "${title.text}"`);
      drafts.push(
        draft({
          title: title.text,
          kind: 'PROCUREMENT_CASE',
          // HVEM (the buyer) and HVOR (its unit) read like INDSTILLER's "Organisation, Unit".
          nominator: [who, where].filter(Boolean).join(', ') || undefined,
          winner: false,
          contacts: block.contacts,
          lines: [title.first + 1, (block.lastLine ?? lastNonBlank(lines, title.last, limit)) + 1],
          section: range.label,
        }),
      );
    });
  }
  return drafts;
}

function readProcurementField(lines: string[], from: number, limit: number, label: string): string | undefined {
  const pattern = new RegExp(`^\\s*${label}\\s+(.+)$`);
  const index = findLine(lines, from, limit, (line) => pattern.test(line));
  if (index === undefined) return undefined;
  return collapse(pattern.exec(lines[index] ?? '')?.[1] ?? '') || undefined;
}

// ---------------------------------------------------------------------------------------------
// Contacts

/**
 * Reads the people after a GENBRUG heading (or a "... kontakt:" lead-in) from `from` up to
 * `limit`. Each contact is up to three lines of name, role and organisation followed by a line
 * with a phone number and/or an e-mail address (a phone line may be followed by an e-mail line).
 * The block ends at a capital line (the next title or heading), a labelled field, or a fourth
 * line of text without a phone or e-mail (the next entry's pull quote).
 */
function readContactBlock(lines: string[], from: number, limit: number, warnings: string[]): ContactBlock {
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

function warnAboutMissingContacts(innovation: DraftInnovation, warnings: string[]) {
  if (innovation.contacts.length === 0) {
    warnings.push(`line ${innovation.lines[0]}: no contacts found for "${innovation.title}"`);
  }
  for (const contact of innovation.contacts) {
    if (!contact.email) warnings.push(`line ${innovation.lines[0]}: contact ${contact.name} of "${innovation.title}" has no e-mail`);
  }
}

function organisationNames(contact: DraftContact): string[] {
  return (contact.organisation ?? '')
    .split(/\s*,\s*/)
    .filter((name) => name.length >= 5);
}

function mentions(body: string, name: string): boolean {
  return collapse(body).toLowerCase().includes(name.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Fields and titles

/** A labelled field ("INDSTILLER: ...") with the lines it wraps onto, up to a blank line or label. */
function readLabelledField(lines: string[], index: number): string | undefined {
  const first = (lines[index] ?? '').replace(/^\s*[^:]*:/, '').trim();
  let text = first;
  for (let next = index + 1; next < lines.length; next += 1) {
    const line = (lines[next] ?? '').trim();
    if (!line || FIELD_LABEL.test(line) || /^\p{Lu}+\s*:/u.test(line) || isCapitalLine(line)) break;
    text = text ? joinWrapped(text, line) : line;
  }
  return collapse(text) || undefined;
}

function readYear(line: string): number | undefined {
  const match = /\b(1[89]\d\d|20\d\d)\b/.exec(line);
  return match?.[1] ? Number(match[1]) : undefined;
}

function findTitleRuns(lines: string[], from: number, limit: number): TitleRun[] {
  const runs: TitleRun[] = [];
  for (let index = from; index < limit; index += 1) {
    if (!isTitleLine(lines[index])) continue;
    const run = readTitleRun(lines, index, limit);
    runs.push(run);
    index = run.last;
  }
  return runs;
}

function readTitleRun(lines: string[], first: number, limit: number): TitleRun {
  let last = first;
  while (last + 1 < limit && isTitleLine(lines[last + 1])) last += 1;
  return { first, last, text: joinTitleLines(lines.slice(first, last + 1)) };
}

/** Joins a title printed over several lines; a hyphen at a line end is a split word, unless "- OG". */
function joinTitleLines(titleLines: string[]): string {
  return collapse(
    titleLines
      .map((line) => line.trim())
      .reduce((joined, line) => {
        if (!joined) return line;
        if (/\p{L}-$/u.test(joined) && !/^(OG|ELLER)\b/i.test(line)) return joined.slice(0, -1) + line;
        return `${joined} ${line}`;
      }, ''),
  );
}

/** Joins a wrapped line onto the text before it, undoing hyphenation ("søvnpro- / blemer"). */
function joinWrapped(previous: string, next: string): string {
  const before = previous.trimEnd();
  const after = next.trim();
  if (/\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after) && !/^(og|eller)\b/.test(after)) {
    return before.slice(0, -1) + after;
  }
  return `${before} ${after}`;
}

// ---------------------------------------------------------------------------------------------
// Line tests and small utilities

function isBlank(line: string | undefined): boolean {
  return (line ?? '').trim() === '';
}

/** Capital letters only (at least three letters): a title, a heading or a graphic label. */
function isCapitalLine(line: string | undefined): boolean {
  const text = line ?? '';
  return (text.match(/\p{L}/gu) ?? []).length >= 3 && !/\p{Ll}/u.test(text);
}

function isTitleLine(line: string | undefined): boolean {
  return isCapitalLine(line) && !NON_TITLE_CAPITALS.test((line ?? '').trim()) && !FIELD_LABEL.test(line ?? '');
}

function isWinnerMark(line: string | undefined): boolean {
  return (line ?? '').trim() === 'VINDER';
}

function isGenbrugHeading(line: string | undefined): boolean {
  return (line ?? '').trim() === 'GENBRUG';
}

function isContactLeadIn(line: string | undefined): boolean {
  return /kontakt\s*:\s*$/i.test((line ?? '').trim());
}

/** The extraction starts each page with a single space. */
function isPageStart(line: string | undefined): boolean {
  return /^ \S/.test(line ?? '');
}

function isPageNumber(line: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(line);
}

/** A hyperlink the extraction printed on a line of its own. */
function isLinkLine(line: string): boolean {
  return /^\s*(?:https?:\/\/|mailto:)/i.test(line);
}

function findLine(
  lines: string[],
  from: number,
  limit: number,
  test: (line: string) => boolean,
): number | undefined {
  for (let index = Math.max(0, from); index < Math.min(limit, lines.length); index += 1) {
    if (test(lines[index] ?? '')) return index;
  }
  return undefined;
}

function nextNonBlank(lines: string[], from: number, limit: number): number | undefined {
  return findLine(lines, from, limit, (line) => !isBlank(line));
}

function previousNonBlank(lines: string[], from: number, floor: number): number | undefined {
  for (let index = from; index >= floor; index -= 1) if (!isBlank(lines[index])) return index;
  return undefined;
}

/** The last non-blank line in (after, limit), or `after` itself when there is none. */
function lastNonBlank(lines: string[], after: number, limit: number): number {
  return previousNonBlank(lines, Math.min(limit, lines.length) - 1, after + 1) ?? after;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cleanPart(part: string): string {
  return collapse(part).replace(/[\s.:]+$/, '');
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** Builds a draft without keys for the optional fields that were not found. */
function draft(fields: {
  title: string;
  kind: Kind;
  nominator?: string | undefined;
  targetGroup?: string | undefined;
  year?: number | undefined;
  winner: boolean;
  contacts: DraftContact[];
  lines: [number, number];
  section: string;
}): DraftInnovation {
  const { nominator, targetGroup, year, ...rest } = fields;
  return {
    ...rest,
    ...(nominator ? { nominator } : {}),
    ...(targetGroup ? { targetGroup } : {}),
    ...(year !== undefined ? { year } : {}),
  };
}
