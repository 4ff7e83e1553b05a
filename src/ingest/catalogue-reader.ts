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

import type { CatalogueReadResult } from './catalogue/draft-types.js';
import { warnAboutMissingContacts } from './catalogue/contacts.js';
import { findLandmarks } from './catalogue/landmarks.js';
import { readMainCases } from './catalogue/main-cases.js';
import { readProcurementCases } from './catalogue/procurement-cases.js';
import { readSmallInnovations } from './catalogue/small-innovations.js';
import { readWatchList } from './catalogue/watch-list.js';

export type { CatalogueReadResult, DraftContact, DraftInnovation } from './catalogue/draft-types.js';

// Each part of the catalogue has a layout of its own, so each has its own reader under catalogue/;
// this module runs them all and puts the entries back in the order they are printed.
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
