import { slugify } from '../../ids.js';
import type { InnovationRecord } from '../seed-format.js';
import type { DraftInnovation } from './draft-types.js';
import { CATALOGUE_KINDS, normaliseName, type SeedIndex } from './seed-index.js';

/** How a draft's id was found among the current seeds, or 'new' when it was made from the title. */
export type IdMatch = 'title' | 'lines' | 'new';

/**
 * Ids are kept from the current seeds: an entry with the same title (compared without case and
 * punctuation, since the catalogue prints titles in capitals) keeps its id; failing that, an entry
 * of the same kind from the same document whose lines mostly overlap. Anything else gets a slug of
 * its title, which a reviewer shortens (seed ids are short forms of the title).
 */
export class IdChooser {
  private readonly taken = new Set<string>();
  private readonly candidates: InnovationRecord[];

  constructor(index: SeedIndex, private readonly document: string | undefined) {
    this.candidates = index.set.innovations.filter((i) => (CATALOGUE_KINDS as readonly string[]).includes(i.kind));
  }

  choose(draft: DraftInnovation): { id: string; matchedBy: IdMatch } {
    const title = normaliseName(draft.title);
    const sameTitle = this.candidates.filter((i) => normaliseName(i.title) === title && !this.taken.has(i.id));
    if (sameTitle.length === 1) return this.take(sameTitle[0]!.id, 'title');
    const overlapping = this.candidates
      .filter((i) => i.kind === draft.kind && i.source.document === this.document && i.source.lines && !this.taken.has(i.id))
      .map((i) => ({ id: i.id, overlap: overlapShare(i.source.lines!, draft.lines) }))
      .filter((c) => c.overlap >= 0.5)
      .sort((a, b) => b.overlap - a.overlap);
    if (overlapping[0]) return this.take(overlapping[0].id, 'lines');
    const base = slugify(draft.title) || 'innovation';
    let id = base;
    for (let n = 2; this.taken.has(id) || this.candidates.some((i) => i.id === id); n += 1) id = `${base}-${n}`;
    return this.take(id, 'new');
  }

  private take(id: string, matchedBy: IdMatch) {
    this.taken.add(id);
    return { id, matchedBy };
  }
}

/** Shared lines over the lines of the two ranges together (1 = the same range). */
function overlapShare([a1, a2]: readonly [number, number], [b1, b2]: readonly [number, number]): number {
  const shared = Math.min(a2, b2) - Math.max(a1, b1) + 1;
  if (shared <= 0) return 0;
  return shared / (Math.max(a2, b2) - Math.min(a1, b1) + 1);
}
