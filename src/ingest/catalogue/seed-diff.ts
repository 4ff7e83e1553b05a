import type { InnovationRecord, PersonRecord } from '../seed-format.js';
import type { DraftSeeds } from './draft-seeds.js';
import { CATALOGUE_KINDS, normaliseName, type SeedIndex } from './seed-index.js';

/**
 * Compares the drafts with the current seeds, entry by entry matched by id, so that a new edition
 * is reviewed as what changed rather than read again in full.
 *
 * Only fields the reader reads are compared. Summaries, effects, partners, spreading, themes and
 * types are written by people and do not appear in a draft, so their absence is no change.
 */

/** The fields compared, for the report to say so. */
export const COMPARED_FIELDS = ['title', 'kind', 'sector', 'year', 'targetGroup', 'nominators', 'contacts', 'awards', 'source.section', 'source.lines'] as const;
export const COMPARED_PERSON_FIELDS = ['name', 'role', 'organisation', 'phone', 'email'] as const;

export interface FieldChange {
  readonly field: string;
  readonly current: unknown;
  readonly draft: unknown;
}

export interface SeedDiff {
  /** What the drafts were compared with. */
  readonly scope: string;
  readonly currentCount: number;
  readonly draftCount: number;
  readonly added: { id: string; title: string; lines: [number, number] }[];
  readonly missing: { id: string; title: string; kind: string }[];
  readonly changed: { id: string; title: string; changes: FieldChange[] }[];
  readonly unchanged: string[];
}

/** Entries new, missing and changed (field by field) in the drafts against the current seeds, matched by id. */
export function diffAgainstSeeds(drafts: DraftSeeds, index: SeedIndex): SeedDiff {
  const isCatalogueKind = (i: InnovationRecord) => (CATALOGUE_KINDS as readonly string[]).includes(i.kind);
  // An edition already registered is compared with the entries citing it; a new one with every
  // catalogue entry of the seeds, so "missing" reads as "not printed again in this edition".
  const current = index.set.innovations.filter(
    (i) => isCatalogueKind(i) && (!drafts.documentRegistered || i.source.document === drafts.document),
  );
  const currentIds = new Set(current.map((i) => i.id));
  const draftIds = new Set(drafts.entries.map((e) => e.id));
  const draftPeople = new Map((drafts.files.flatMap((f) => f.data.people ?? [])).map((p) => [p.id, p]));

  const changed: SeedDiff['changed'] = [];
  const unchanged: string[] = [];
  for (const entry of drafts.entries) {
    const seed = index.innovations.get(entry.id);
    if (!seed || !currentIds.has(entry.id)) continue;
    const changes = [
      ...innovationChanges(seed, entry.record),
      ...contactChanges(entry.record, index.people, draftPeople),
    ];
    if (changes.length > 0) changed.push({ id: entry.id, title: seed.title, changes });
    else unchanged.push(entry.id);
  }
  return {
    scope: drafts.documentRegistered
      ? `the ${current.length} catalogue entries of the seeds that cite "${drafts.document}"`
      : `all ${current.length} catalogue entries of the seeds (any edition)`,
    currentCount: current.length,
    draftCount: drafts.entries.length,
    added: drafts.entries
      .filter((e) => !currentIds.has(e.id))
      .map((e) => ({ id: e.id, title: e.record.title, lines: e.draft.lines })),
    missing: current.filter((i) => !draftIds.has(i.id)).map((i) => ({ id: i.id, title: i.title, kind: i.kind })),
    changed,
    unchanged,
  };
}

function innovationChanges(seed: InnovationRecord, draft: InnovationRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, current: unknown, next: unknown, same = sameValue) => {
    if (!same(current, next)) changes.push({ field, current: current ?? null, draft: next ?? null });
  };
  // The catalogue prints titles in capitals and the seeds write them as sentences: case and
  // punctuation are no change, words are.
  compare('title', seed.title, draft.title, (a, b) => normaliseName(String(a)) === normaliseName(String(b)));
  compare('kind', seed.kind, draft.kind);
  compare('sector', seed.sector, draft.sector);
  compare('year', seed.year, draft.year);
  compare('targetGroup', seed.targetGroup, draft.targetGroup, (a, b) => normaliseName(String(a ?? '')) === normaliseName(String(b ?? '')));
  compare('nominators', sorted(seed.nominators), sorted(draft.nominators));
  compare('contacts', sorted(seed.contacts?.map((c) => `${c.person} (${c.purpose})`)), sorted(draft.contacts?.map((c) => `${c.person} (${c.purpose})`)));
  compare('awards', sorted(seed.awards?.map((a) => `${a.prize} ${a.level}`)), sorted(draft.awards?.map((a) => `${a.prize} ${a.level}`)));
  compare('source.section', seed.source.section, draft.source.section);
  compare('source.lines', seed.source.lines, draft.source.lines);
  return changes;
}

/** For each contact person the seeds already hold, what the edition prints differently. */
function contactChanges(draft: InnovationRecord, seedPeople: ReadonlyMap<string, PersonRecord>, draftPeople: ReadonlyMap<string, PersonRecord>): FieldChange[] {
  return (draft.contacts ?? []).flatMap(({ person }) => {
    const seed = seedPeople.get(person);
    const next = draftPeople.get(person);
    if (!seed || !next) return [];
    return COMPARED_PERSON_FIELDS.flatMap((field) =>
      next[field] !== undefined && !sameValue(normalised(seed[field]), normalised(next[field]))
        ? [{ field: `contact ${person}.${field}`, current: seed[field] ?? null, draft: next[field] }]
        : [],
    );
  });
}

function normalised(value: string | undefined): string | undefined {
  return value?.trim().toLowerCase();
}

function sorted(values: readonly string[] | undefined): string[] {
  return [...(values ?? [])].sort();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
