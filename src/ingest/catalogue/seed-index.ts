import type { InnovationRecord, OrganisationRecord, PersonRecord, SeedSet } from '../seed-format.js';

/**
 * Look-ups over the current seed set, so that a catalogue draft reuses the ids people already
 * reviewed: the same organisation, person and innovation keep their id from one edition to the
 * next, which is what lets the diff match entries by id.
 */

/** The innovation kinds a catalogue edition prints; REFERENCED ones are written by hand. */
export const CATALOGUE_KINDS = ['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE'] as const;

export interface SeedIndex {
  readonly set: SeedSet;
  readonly organisations: ReadonlyMap<string, OrganisationRecord>;
  readonly people: ReadonlyMap<string, PersonRecord>;
  readonly innovations: ReadonlyMap<string, InnovationRecord>;
  /** An organisation by normalised name or alias; a name two organisations share ("Borgerservice") finds none. */
  organisationByName(name: string): OrganisationRecord | undefined;
  /** A unit of `parentId` (at any depth) by normalised name or alias. */
  unitByName(parentId: string, name: string): OrganisationRecord | undefined;
  personByEmail(email: string): PersonRecord | undefined;
  /** The source record whose `file` is this file name, if the edition is registered in reference.json. */
  sourceForFile(fileName: string): string | undefined;
}

/** Lower case, letters and digits only, single spaces: how names are compared. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Builds the look-ups once per run; the seed set itself is left as it is. */
export function indexSeeds(set: SeedSet): SeedIndex {
  const organisations = new Map(set.organisations.map((o) => [o.id, o]));
  const people = new Map(set.people.map((p) => [p.id, p]));
  const innovations = new Map(set.innovations.map((i) => [i.id, i]));

  const namesOf = (o: OrganisationRecord) => [o.name, ...(o.aliases ?? [])].map(normaliseName);
  // A name two organisations share says nothing about which one is meant.
  const byName = new Map<string, OrganisationRecord | null>();
  for (const org of set.organisations) {
    for (const name of namesOf(org)) byName.set(name, byName.has(name) && byName.get(name)?.id !== org.id ? null : org);
  }
  const ancestorsOf = (org: OrganisationRecord): string[] => {
    const chain: string[] = [];
    for (let p = org.parent; p !== undefined && !chain.includes(p); p = organisations.get(p)?.parent) chain.push(p);
    return chain;
  };
  const byEmail = new Map(set.people.flatMap((p) => (p.email ? [[p.email.toLowerCase(), p] as const] : [])));
  const sourceByFile = new Map(set.sources.flatMap((s) => (s.file ? [[s.file, s.id] as const] : [])));

  return {
    set,
    organisations,
    people,
    innovations,
    organisationByName: (name) => byName.get(normaliseName(name)) ?? undefined,
    unitByName: (parentId, name) => {
      const wanted = normaliseName(name);
      return set.organisations.find((o) => ancestorsOf(o).includes(parentId) && namesOf(o).includes(wanted));
    },
    personByEmail: (email) => byEmail.get(email.toLowerCase()),
    sourceForFile: (fileName) => sourceByFile.get(fileName),
  };
}
