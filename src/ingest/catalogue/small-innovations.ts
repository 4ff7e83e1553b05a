/** Small innovations: the entries of the INNOVATIVER section, whose contacts are printed in groups. */

import { mentions, organisationNames, readContactBlock } from './contacts.js';
import { type DraftInnovation, draft } from './draft-types.js';
import { type Landmark, sectionRanges } from './landmarks.js';
import { findLine, isGenbrugHeading, isTitleLine, lastNonBlank } from './line-tests.js';
import { readTitleRun } from './titles-and-fields.js';

/**
 * Contact assignment: the extraction prints the GENBRUG blocks of consecutive entries together
 * after the last of them. Entries and blocks therefore come in groups (entries, then blocks); the
 * k-th block of a group belongs to the k-th entry of that group, which is the order the pages are
 * laid out in. As a check, a block whose organisation is named in another entry of the group but
 * not in its own is reported in the warnings.
 */
export function readSmallInnovations(lines: string[], landmarks: Landmark[], warnings: string[]): DraftInnovation[] {
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
