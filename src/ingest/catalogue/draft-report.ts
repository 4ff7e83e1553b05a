import type { SeedProblem } from '../seed-validation.js';
import type { CatalogueReadResult } from './draft-types.js';
import type { DraftNote, DraftSeeds } from './draft-seeds.js';
import type { Landmark } from './landmarks.js';
import { COMPARED_FIELDS, type SeedDiff } from './seed-diff.js';

/**
 * What a reviewer of a catalogue draft needs in one place: what was read, what could not be read
 * (with the catalogue's line numbers), whether the drafts pass the seed validation, and how they
 * differ from the current seeds.
 */

/** Parts of an edition the reader does not read at all; a reviewer writes or checks them by hand. */
export const NOT_READ = [
  'summaries (the product writes its own; each draft carries a placeholder)',
  'FØR/EFTER, key elements, resources and value: effects and their figures',
  'HVEM HAR SAMARBEJDET: partners and their roles',
  'spreading evidence (adoptions, inspiration, interest)',
  'innovation types, themes and corona relation',
  'year and target group of small, watch-list and procurement entries (in their prose, if at all)',
  'overview pages: nominees per sector, the corona list, the statistics of all nominations',
] as const;

export interface CatalogueReport {
  readonly file: string;
  readonly document: string;
  readonly out: string;
  readonly written: string[];
  readonly entries: {
    readonly total: number;
    readonly byKind: Record<string, number>;
    readonly bySection: { section: string; count: number; file: string }[];
    readonly idsFromSeeds: { byTitle: number; byLines: number; new: number };
    readonly summaryPlaceholders: number;
    /** People written (one per person), and organisations the seeds lack that were drafted. */
    readonly people: number;
    readonly draftedOrganisations: number;
  };
  readonly unread: {
    /** The reader's own warnings; most start with "line N:". */
    readonly reader: string[];
    /** What the drafting could not place (organisations, nominators, contacts). */
    readonly drafting: DraftNote[];
    /** Headings found with no entry read under them. */
    readonly emptySections: { section: string; line: number }[];
    readonly notRead: readonly string[];
  };
  readonly validation: { readonly valid: boolean; readonly problems: SeedProblem[]; readonly entriesWithProblems: string[] };
  readonly diff: SeedDiff;
}

/** Gathers the figures of one drafting run into the report the command prints and writes. */
export function buildReport(input: {
  file: string;
  out: string;
  written: string[];
  read: CatalogueReadResult;
  landmarks: Landmark[];
  drafts: DraftSeeds;
  problems: SeedProblem[];
  diff: SeedDiff;
}): CatalogueReport {
  const { drafts, read } = input;
  const count = <T,>(items: readonly T[], key: (item: T) => string) =>
    items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});
  const bySection = Object.entries(count(drafts.entries, (e) => e.draft.section)).map(([section, n]) => ({
    section,
    count: n,
    file: drafts.entries.find((e) => e.draft.section === section)?.file ?? '',
  }));
  const sectionsWithEntries = new Set(bySection.map((s) => s.section));
  const matched = count(drafts.entries, (e) => e.matchedBy);
  // A problem names its record as "innovations[3] (some-id)"; people's problems name the person.
  const problemIds = new Set(input.problems.flatMap((p) => /\(([a-z0-9-]+)\)$/.exec(p.record)?.[1] ?? []));
  const entriesWithProblems = drafts.entries
    .filter((e) => problemIds.has(e.id) || e.record.contacts?.some((c) => problemIds.has(c.person)))
    .map((e) => e.id);
  return {
    file: input.file,
    document: drafts.document,
    out: input.out,
    written: input.written,
    entries: {
      total: drafts.entries.length,
      byKind: count(drafts.entries, (e) => e.record.kind),
      bySection,
      idsFromSeeds: { byTitle: matched.title ?? 0, byLines: matched.lines ?? 0, new: matched.new ?? 0 },
      summaryPlaceholders: drafts.entries.length,
      people: drafts.files.reduce((n, f) => n + (f.data.people?.length ?? 0), 0),
      draftedOrganisations: drafts.draftedOrganisations,
    },
    unread: {
      reader: read.warnings,
      drafting: drafts.notes,
      emptySections: input.landmarks
        .filter((l) => !sectionsWithEntries.has(l.label))
        .map((l) => ({ section: l.label, line: l.line + 1 })),
      notRead: NOT_READ,
    },
    validation: { valid: input.problems.length === 0, problems: input.problems, entriesWithProblems },
    diff: input.diff,
  };
}

/** The report as text for a reviewer: figures first, then every problem with its line. */
export function formatReport(report: CatalogueReport): string {
  const out: string[] = [];
  const { entries, unread, validation, diff } = report;
  out.push(`Catalogue draft of ${report.file} (source "${report.document}") in ${report.out}`);
  out.push('');
  out.push(`Entries read: ${entries.total} (${Object.entries(entries.byKind).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'})`);
  for (const s of entries.bySection) out.push(`  ${s.count} in "${s.section}" -> ${s.file}`);
  out.push(`Ids kept from the seeds: ${entries.idsFromSeeds.byTitle} by title, ${entries.idsFromSeeds.byLines} by lines; ${entries.idsFromSeeds.new} new (slug of the title, to shorten)`);
  out.push(`People: ${entries.people}; organisations the seeds lack, drafted: ${entries.draftedOrganisations}`);
  out.push(`Summaries to write: ${entries.summaryPlaceholders} (placeholder in every draft)`);
  out.push(`Files written: ${report.written.join(', ')}`);
  out.push('');
  out.push(`Could not read (${unread.reader.length} from the reader, ${unread.drafting.length} from drafting, ${unread.emptySections.length} empty sections):`);
  for (const warning of unread.reader) out.push(`  - ${warning}`);
  for (const note of unread.drafting) out.push(`  - ${note.line ? `line ${note.line}: ` : ''}${note.entry ? `"${note.entry}": ` : ''}${note.message}`);
  for (const s of unread.emptySections) out.push(`  - line ${s.line}: section "${s.section}": no entry read`);
  out.push('Never read (write or check by hand):');
  for (const part of unread.notRead) out.push(`  - ${part}`);
  out.push('');
  if (validation.valid) {
    out.push('Validation: the drafts pass the seed validation.');
  } else {
    out.push(`Validation: ${validation.problems.length} problem(s) in ${validation.entriesWithProblems.length} entr${validation.entriesWithProblems.length === 1 ? 'y' : 'ies'}:`);
    for (const p of validation.problems) out.push(`  - ${p.file} ${p.record}: ${p.message}`);
  }
  out.push('');
  out.push(`Diff against ${diff.scope}, matched by id (compared: ${COMPARED_FIELDS.join(', ')}, and contacts' name, role, organisation, phone, e-mail):`);
  out.push(`  ${diff.added.length} new, ${diff.missing.length} missing, ${diff.changed.length} changed, ${diff.unchanged.length} unchanged`);
  for (const a of diff.added) out.push(`  + ${a.id} "${a.title}" (lines ${a.lines[0]}-${a.lines[1]})`);
  for (const m of diff.missing) out.push(`  - ${m.id} "${m.title}" (${m.kind})`);
  for (const c of diff.changed) {
    out.push(`  ~ ${c.id} "${c.title}"`);
    for (const f of c.changes) out.push(`      ${f.field}: ${JSON.stringify(f.current)} -> ${JSON.stringify(f.draft)}`);
  }
  return `${out.join('\n')}\n`;
}
