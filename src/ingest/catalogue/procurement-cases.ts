/** Procurement cases: the COI-INDSIGTER entries with HVEM / HVOR / HVAD. */

import { readContactBlock } from './contacts.js';
import { type DraftInnovation, draft } from './draft-types.js';
import { type Landmark, sectionRanges } from './landmarks.js';
import { collapse, findLine, isGenbrugHeading, lastNonBlank, nextNonBlank } from './line-tests.js';
import { findTitleRuns } from './titles-and-fields.js';

export function readProcurementCases(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
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
