import { slugify } from '../../ids.js';
import type { InnovationRecord, OrganisationRecord, PersonRecord, SourceRecord } from '../seed-format.js';
import { IdChooser, type IdMatch } from './draft-ids.js';
import type { DraftInnovation, DraftNote } from './draft-types.js';
import { FINALISTS_SECTION, NOMINEES_SECTION } from './main-cases.js';
import { OrganisationDrafts } from './organisation-drafts.js';
import { PersonDrafts } from './person-drafts.js';
import type { SeedIndex } from './seed-index.js';

export type { DraftNote } from './draft-types.js';

/**
 * Turns what the catalogue reader found into seed data files: the same format as `seeds/`, so a
 * reviewer can check a draft with the seed validation, compare it, and move entries over.
 *
 * Facts come over (titles, years, target groups, organisations, contacts); sentences do not: the
 * reader reads no summary, and the product's summaries are written in its own words, so every
 * draft carries {@link SUMMARY_PLACEHOLDER} until a person writes one.
 */

export const SUMMARY_PLACEHOLDER = 'UDKAST: resumé mangler. Skriv to til fire sætninger med egne ord; kataloget må ikke citeres.';

export interface SeedDataFile {
  sources?: SourceRecord[];
  organisations?: OrganisationRecord[];
  people?: PersonRecord[];
  innovations?: InnovationRecord[];
}

export interface DraftEntry {
  readonly id: string;
  readonly draft: DraftInnovation;
  readonly record: InnovationRecord;
  readonly file: string;
  readonly matchedBy: IdMatch;
}

export interface DraftSeeds {
  /** Seed data files by file name, in the order they are written. */
  readonly files: { readonly name: string; readonly data: SeedDataFile }[];
  readonly entries: DraftEntry[];
  readonly notes: DraftNote[];
  /** The source document the drafts cite: the registered one, or one drafted for the edition. */
  readonly document: string;
  readonly documentRegistered: boolean;
  readonly draftedOrganisations: number;
}

export interface DraftOptions {
  /** File name of the edition (its basename), to find its source record in reference.json. */
  readonly fileName: string;
  /** Id of the source document when the edition is not registered; defaults to a slug of the file name. */
  readonly edition?: string;
}

export const PEOPLE_FILE = '00-organisations-people.json';

/** Drafts one seed record per entry, with the organisations and people they name; nothing is written here. */
export function draftSeeds(drafts: readonly DraftInnovation[], index: SeedIndex, options: DraftOptions): DraftSeeds {
  const notes: DraftNote[] = [];
  const registered = index.sourceForFile(options.fileName);
  const document = registered ?? options.edition ?? slugify(options.fileName.replace(/\.[^.]+$/, ''));
  const organisations = new OrganisationDrafts(index, document, notes);
  const people = new PersonDrafts(index, organisations, document, notes);
  const ids = new IdChooser(index, registered);

  const fileOfSection = new Map<string, string>();
  const entries: DraftEntry[] = [];
  for (const draft of drafts) {
    const { id, matchedBy } = ids.choose(draft);
    const nominators = nominatorIds(draft, organisations, notes);
    const contacts = draft.contacts.map((contact) => ({
      person: people.add(contact, draft),
      purpose: draft.kind === 'WATCH_LIST' ? ('FOLLOW' as const) : ('REUSE' as const),
    }));
    if (draft.kind === 'MAIN_CASE' && !draft.targetGroup) notes.push({ line: draft.lines[0], entry: draft.title, message: 'no MÅLGRUPPE read; the draft has no target group' });
    const sector = sectorOf(draft, nominators, index, organisations);
    const awards = awardsOf(draft);
    const record: InnovationRecord = {
      id,
      title: sentenceCase(draft.title),
      kind: draft.kind,
      ...(sector ? { sector } : {}),
      summary: SUMMARY_PLACEHOLDER,
      ...(draft.year !== undefined ? { year: draft.year } : {}),
      ...(draft.targetGroup ? { targetGroup: draft.targetGroup } : {}),
      ...(awards.length > 0 ? { awards } : {}),
      nominators,
      contacts,
      source: { document, section: draft.section, lines: draft.lines },
    };
    // One file per section, numbered in the order the catalogue prints them (00 holds the people).
    let file = fileOfSection.get(draft.section);
    if (!file) {
      file = `${String(fileOfSection.size + 1).padStart(2, '0')}-${slugify(draft.section) || 'entries'}.json`;
      fileOfSection.set(draft.section, file);
    }
    entries.push({ id, draft, record, file, matchedBy });
  }

  const head: SeedDataFile = {
    ...(registered ? {} : { sources: [{ id: document, title: `Udkast: ${options.fileName} (titel mangler)`, file: options.fileName }] }),
    organisations: organisations.drafted(),
    people: people.all(),
  };
  if (!registered) {
    notes.push({ message: `${options.fileName} is not a source in reference.json; the drafts cite a drafted source "${document}" (add it to reference.json when the edition is taken in)` });
  }
  const files = [
    { name: PEOPLE_FILE, data: head },
    ...[...new Set(entries.map((e) => e.file))].map((name) => ({
      name,
      data: { innovations: entries.filter((e) => e.file === name).map((e) => e.record) },
    })),
  ];
  return { files, entries, notes, document, documentRegistered: registered !== undefined, draftedOrganisations: organisations.drafted().length };
}

function nominatorIds(draft: DraftInnovation, organisations: OrganisationDrafts, notes: DraftNote[]): string[] {
  if (draft.nominator) return organisations.resolve(draft.nominator, draft);
  // Small and watch-list entries print no INDSTILLER: the organisation is named in their prose,
  // and the person to call for reuse works there, so the contacts' organisations stand in.
  const fromContacts = [...new Set(draft.contacts.flatMap((c) => (c.organisation ? (organisations.findOne(c.organisation) ?? []) : [])))];
  const what = draft.kind === 'MAIN_CASE' ? 'no INDSTILLER read' : `a ${draft.kind} entry prints no INDSTILLER`;
  notes.push({
    line: draft.lines[0],
    entry: draft.title,
    message: fromContacts.length > 0 ? `${what}; nominators taken from its contacts' organisations (${fromContacts.join(', ')}), to check` : `${what}, and no contact's organisation is known; the draft names no nominator`,
  });
  return fromContacts;
}

const SECTION_SECTORS: Record<string, InnovationRecord['sector']> = {
  'Kommunale indstillinger': 'MUNICIPAL',
  'Regionale indstillinger': 'REGIONAL',
  'Statslige indstillinger': 'STATE',
};

/** The sector of the section an entry is printed in, or else of its nominator's top organisation. */
function sectorOf(draft: DraftInnovation, nominators: string[], index: SeedIndex, organisations: OrganisationDrafts): InnovationRecord['sector'] | undefined {
  const bySection = SECTION_SECTORS[draft.section];
  if (bySection) return bySection;
  for (let id: string | undefined = nominators[0], hops = 0; id !== undefined && hops < 10; hops += 1) {
    const org = index.organisations.get(id) ?? organisations.known(id);
    if (!org) return undefined;
    if (org.kind === 'MUNICIPALITY') return 'MUNICIPAL';
    if (org.kind === 'REGION' || org.kind === 'HOSPITAL') return 'REGIONAL';
    if (org.kind === 'STATE_AGENCY' || org.kind === 'MINISTRY') return 'STATE';
    id = org.parent;
  }
  return undefined;
}

/** Awards follow from where an entry is printed: the jury finalists, the audience-prize nominees, or the submissions. */
function awardsOf(draft: DraftInnovation): NonNullable<InnovationRecord['awards']> {
  if (draft.section === FINALISTS_SECTION) return [{ prize: 'NYT_SAMMEN_BEDRE', level: draft.winner ? 'WINNER' : 'FINALIST' }];
  if (draft.section === NOMINEES_SECTION) return [{ prize: 'PUBLIKUMSPRISEN', level: 'NOMINEE' }];
  if (SECTION_SECTORS[draft.section] || draft.kind === 'WATCH_LIST') return [{ prize: 'INNOVATIONSPRISERNE', level: 'SUBMITTED' }];
  return [];
}

/** The catalogue prints titles in capitals; a draft starts in sentence case for the reviewer to correct. */
function sentenceCase(title: string): string {
  const lower = title.toLocaleLowerCase('da');
  const at = lower.search(/\p{L}/u);
  return at < 0 ? lower : lower.slice(0, at) + lower.charAt(at).toLocaleUpperCase('da') + lower.slice(at + 1);
}
