import { slugify } from '../../ids.js';
import type { InnovationRecord, OrganisationRecord, PersonRecord, SourceRecord } from '../seed-format.js';
import type { DraftContact, DraftInnovation } from './draft-types.js';
import { FINALISTS_SECTION, NOMINEES_SECTION } from './main-cases.js';
import { splitIntoKnown } from './organisation-names.js';
import { CATALOGUE_KINDS, normaliseName, type SeedIndex } from './seed-index.js';

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

/** Something the drafting could not place, with the catalogue line it concerns where known. */
export interface DraftNote {
  readonly line?: number;
  readonly entry?: string;
  readonly message: string;
}

export interface DraftEntry {
  readonly id: string;
  readonly draft: DraftInnovation;
  readonly record: InnovationRecord;
  readonly file: string;
  /** How the id was found among the current seeds, or 'new' when it was made from the title. */
  readonly matchedBy: 'title' | 'lines' | 'new';
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
  /** First line of the edition's text, used as the title of a drafted source record. */
  readonly firstLine?: string;
}

export const PEOPLE_FILE = '00-organisations-people.json';

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
    ...(registered ? {} : { sources: [{ id: document, title: options.firstLine?.trim() || options.fileName, file: options.fileName }] }),
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

/**
 * Ids are kept from the current seeds: an entry with the same title (compared without case and
 * punctuation, since the catalogue prints titles in capitals) keeps its id; failing that, an entry
 * of the same kind from the same document whose lines mostly overlap. Anything else gets a slug of
 * its title, which a reviewer shortens (seed ids are short forms of the title).
 */
class IdChooser {
  private readonly taken = new Set<string>();
  private readonly candidates: InnovationRecord[];

  constructor(index: SeedIndex, private readonly document: string | undefined) {
    this.candidates = index.set.innovations.filter((i) => (CATALOGUE_KINDS as readonly string[]).includes(i.kind));
  }

  choose(draft: DraftInnovation): { id: string; matchedBy: DraftEntry['matchedBy'] } {
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

  private take(id: string, matchedBy: DraftEntry['matchedBy']) {
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

/**
 * Organisations named by the catalogue, resolved to the ids the seeds already use. "Organisation,
 * Unit" resolves the unit under its organisation; a unit or organisation the seeds lack is drafted
 * (a unit under its known parent, with its region) and reported, so a reviewer decides.
 */
class OrganisationDrafts {
  private readonly draftedById = new Map<string, OrganisationRecord>();

  constructor(private readonly index: SeedIndex, private readonly document: string, private readonly notes: DraftNote[]) {}

  known(id: string): OrganisationRecord | undefined {
    return this.index.organisations.get(id) ?? this.draftedById.get(id);
  }

  /**
   * The known organisations a text names, without drafting any: the whole text as one name; an
   * organisation and its units ("Kolding Kommune, Socialforvaltningen & ..."); or several
   * organisations, where one printed with its region or parent ("Rigshospitalet, Region
   * Hovedstaden") is the more specific one alone.
   */
  find(text: string): string[] {
    const whole = this.index.organisationByName(text);
    if (whole) return [whole.id];
    const [first = '', ...rest] = text.split(/\s*,\s*/);
    const parent = this.index.organisationByName(first);
    if (parent && rest.length > 0) {
      const units = splitIntoKnown(rest.join(', '), (name) => this.index.unitByName(parent.id, name)?.id);
      if (units) return units;
    }
    const several = splitIntoKnown(text, (name) => this.index.organisationByName(name)?.id);
    return several ? this.withoutAncestors(several) : [];
  }

  /** The one organisation a contact works at: as {@link find}, else the one part of the text that is known. */
  findOne(text: string): string | undefined {
    const found = this.find(text)[0];
    if (found) return found;
    const known = text.split(/\s*,\s*/).flatMap((part) => this.index.organisationByName(part)?.id ?? []);
    return this.withoutAncestors(known)[0];
  }

  /** Finds, or drafts, the organisations a nominator text names. */
  resolve(printed: string, draft: DraftInnovation): string[] {
    // "X på vegne af de samarbejdende aktører": X nominated, on behalf of partners named elsewhere.
    const text = printed.replace(/\s+på vegne af\b.*$/i, '');
    const found = this.find(text);
    if (found.length > 0) return found;
    const [first = '', ...rest] = text.split(/\s*,\s*/);
    const parentId = this.index.organisationByName(first)?.id ?? this.draftOrganisation(first, draft);
    if (rest.length === 0) return [parentId];
    return [this.draftUnit(parentId, rest.join(', '), draft)];
  }

  private withoutAncestors(ids: string[]): string[] {
    const ancestors = new Set<string>();
    for (const id of ids) {
      for (let p = this.known(id)?.parent, hops = 0; p !== undefined && hops < 10; p = this.known(p)?.parent, hops += 1) ancestors.add(p);
    }
    return [...new Set(ids.filter((id) => !ancestors.has(id)))];
  }

  drafted(): OrganisationRecord[] {
    return [...this.draftedById.values()];
  }

  private draftOrganisation(name: string, draft: DraftInnovation): string {
    const id = slugify(name) || 'organisation';
    if (!this.draftedById.has(id)) {
      const kind = guessKind(name);
      this.draftedById.set(id, { id, name, kind, sources: [this.sourceOf(draft)] });
      this.notes.push({ line: draft.lines[0], entry: draft.title, message: `organisation "${name}" is not in the seeds; drafted as ${id} (kind ${kind} guessed from the name, no country or region)` });
    }
    return id;
  }

  private draftUnit(parentId: string, name: string, draft: DraftInnovation): string {
    const id = `${parentId}-${slugify(name)}`;
    if (!this.draftedById.has(id)) {
      const parent = this.known(parentId);
      this.draftedById.set(id, {
        id,
        name,
        kind: 'UNIT',
        ...(parent?.country ? { country: parent.country } : {}),
        ...(parent?.region ? { region: parent.region } : {}),
        parent: parentId,
        sources: [this.sourceOf(draft)],
      });
      this.notes.push({ line: draft.lines[0], entry: draft.title, message: `unit "${name}" of ${parentId} is not in the seeds; drafted as ${id}` });
    }
    return id;
  }

  private sourceOf(draft: DraftInnovation) {
    return { document: this.document, lines: draft.lines };
  }
}

function guessKind(name: string): OrganisationRecord['kind'] {
  if (/\bkommune$/i.test(name)) return 'MUNICIPALITY';
  if (/^region\b/i.test(name)) return 'REGION';
  if (/(hospital|sygehus)/i.test(name)) return 'HOSPITAL';
  if (/styrelse/i.test(name)) return 'STATE_AGENCY';
  if (/ministeri/i.test(name)) return 'MINISTRY';
  if (/universitet/i.test(name)) return 'UNIVERSITY';
  if (/\b(a\/s|aps)$/i.test(name)) return 'COMPANY';
  return 'OTHER';
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

/**
 * People by the id the seeds give them (found by e-mail, else by name), one record per person even
 * when the catalogue prints them for several entries. Where two entries print one person
 * differently, the first print is kept and the other reported.
 */
class PersonDrafts {
  private readonly byId = new Map<string, PersonRecord>();

  constructor(
    private readonly index: SeedIndex,
    private readonly organisations: OrganisationDrafts,
    private readonly document: string,
    private readonly notes: DraftNote[],
  ) {}

  add(contact: DraftContact, draft: DraftInnovation): string {
    const id = (contact.email ? this.index.personByEmail(contact.email)?.id : undefined) ?? (slugify(contact.name) || 'person');
    const organisation = contact.organisation ? this.organisations.findOne(contact.organisation) : undefined;
    if (contact.organisation && !organisation) {
      this.notes.push({ line: draft.lines[0], entry: draft.title, message: `organisation "${contact.organisation}" of contact ${contact.name} is not in the seeds; left out of the person` });
    }
    const record: PersonRecord = {
      id,
      name: contact.name,
      ...(contact.role ? { role: contact.role } : {}),
      ...(organisation ? { organisation } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      sources: [{ document: this.document, lines: draft.lines }],
    };
    const earlier = this.byId.get(id);
    if (!earlier) {
      this.byId.set(id, record);
      return id;
    }
    earlier.sources = [...(earlier.sources ?? []), ...(record.sources ?? [])];
    for (const field of ['name', 'role', 'organisation', 'phone', 'email'] as const) {
      if (record[field] !== undefined && earlier[field] !== undefined && record[field] !== earlier[field]) {
        this.notes.push({ line: draft.lines[0], entry: draft.title, message: `contact ${id}: ${field} printed as "${record[field]}" here but "${earlier[field]}" earlier; the draft keeps the earlier` });
      } else if (earlier[field] === undefined && record[field] !== undefined) {
        earlier[field] = record[field];
      }
    }
    return id;
  }

  all(): PersonRecord[] {
    return [...this.byId.values()];
  }
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
