/** Main cases: every entry with an INDSTILLER line, with its title, fields, contacts and extent. */

import { readContactBlock } from './contacts.js';
import { type DraftInnovation, draft } from './draft-types.js';
import { type Landmark, landmarkAfter, landmarkBefore } from './landmarks.js';
import { FIELD_LABEL, findLine, isBlank, isGenbrugHeading, isLinkLine, isPageNumber, isPageStart, isTitleLine, isWinnerMark, lastNonBlank, previousNonBlank } from './line-tests.js';
import { type TitleRun, joinTitleLines, readLabelledField, readYear } from './titles-and-fields.js';

// The opening pages print the 15 jury finalists (full layout) and the audience-prize nominees
// (short layout) without a heading of their own; later parts have headings (see findLandmarks).
export const FINALISTS_SECTION = 'NYT SAMMEN BEDRE jury-finalister';
export const NOMINEES_SECTION = 'Publikumsprisen, nominerede';

// Only the finalists' full layout has this block, so it tells the two opening groups apart.
const FULL_LAYOUT_HEADING = /^\s*INSPIRATION TIL SAMARBEJDE/;

// Headings inside a main case. When one of them follows the contacts, the extraction has printed a
// column of the entry after its GENBRUG block, and the entry runs on to the next title.
const CASE_BODY_HEADING =
  /^\s*(FRA UDFORDRING|FØR\s*$|EFTER\s*$|DE VIGTIGSTE ELEMENTER|HVILKE RESSOURCER|HVEM HAR SAMARBEJDET|VÆRDIEN, SOM|POLITISKE MÅL|HØJERE KVALITET|ØGET EFFEKTIVITET|STYRKET DEMOKRATI|ØGET INNOVATIONSKAPACITET|INSPIRATION TIL SAMARBEJDE|SPREDNINGSKAPACITET|SAMARBEJDSKAPACITET|EVALUERINGSKAPACITET)/;

// How far above a title a pull quote may start.
const MAX_PULL_QUOTE_LINES = 40;

export function readMainCases(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
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
