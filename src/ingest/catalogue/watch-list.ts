/** Watch list: the entries of the HOLD ØJE MED section, with the people to follow them. */

import { readContactBlock } from './contacts.js';
import { type DraftInnovation, draft } from './draft-types.js';
import { type Landmark, sectionRanges } from './landmarks.js';
import { findLine, isContactLeadIn, lastNonBlank } from './line-tests.js';
import { findTitleRuns } from './titles-and-fields.js';

export function readWatchList(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
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
