/** Tests on single lines of the extracted catalogue text, and the small text helpers they share. */

// Capital lines that are headings or marks, never titles.
const NON_TITLE_CAPITALS = /^(TIP|GENBRUG|VINDER|RESULTAT|GODE RÅD|HVAD ER DET NYE|INNOVATIVER|COI-INDSIGTER|HOLD ØJE MED.*)$/;

// A labelled field line ("INDSTILLER: ...", "HVEM Kolding Kommune"): ends a contact block or a field.
export const FIELD_LABEL = /^\s*(INDSTILLER|MÅLGRUPPE|ÅRSTAL)\s*:|^\s*(HVEM|HVOR|HVAD)\s/;

export function isBlank(line: string | undefined): boolean {
  return (line ?? '').trim() === '';
}

/** Capital letters only (at least three letters): a title, a heading or a graphic label. */
export function isCapitalLine(line: string | undefined): boolean {
  const text = line ?? '';
  return (text.match(/\p{L}/gu) ?? []).length >= 3 && !/\p{Ll}/u.test(text);
}

export function isTitleLine(line: string | undefined): boolean {
  return isCapitalLine(line) && !NON_TITLE_CAPITALS.test((line ?? '').trim()) && !FIELD_LABEL.test(line ?? '');
}

export function isWinnerMark(line: string | undefined): boolean {
  return (line ?? '').trim() === 'VINDER';
}

export function isGenbrugHeading(line: string | undefined): boolean {
  return (line ?? '').trim() === 'GENBRUG';
}

export function isContactLeadIn(line: string | undefined): boolean {
  return /kontakt\s*:\s*$/i.test((line ?? '').trim());
}

/** The extraction starts each page with a single space. */
export function isPageStart(line: string | undefined): boolean {
  return /^ \S/.test(line ?? '');
}

export function isPageNumber(line: string): boolean {
  return /^\s*\d{1,3}\s*$/.test(line);
}

/** A hyperlink the extraction printed on a line of its own. */
export function isLinkLine(line: string): boolean {
  return /^\s*(?:https?:\/\/|mailto:)/i.test(line);
}

export function findLine(
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

export function nextNonBlank(lines: string[], from: number, limit: number): number | undefined {
  return findLine(lines, from, limit, (line) => !isBlank(line));
}

export function previousNonBlank(lines: string[], from: number, floor: number): number | undefined {
  for (let index = from; index >= floor; index -= 1) if (!isBlank(lines[index])) return index;
  return undefined;
}

/** The last non-blank line in (after, limit), or `after` itself when there is none. */
export function lastNonBlank(lines: string[], after: number, limit: number): number {
  return previousNonBlank(lines, Math.min(limit, lines.length) - 1, after + 1) ?? after;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function cleanPart(part: string): string {
  return collapse(part).replace(/[\s.:]+$/, '');
}

export function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
