import { slugify } from '../../ids.js';
import type { OrganisationRecord } from '../seed-format.js';
import type { DraftInnovation, DraftNote } from './draft-types.js';
import { splitIntoKnown } from './organisation-names.js';
import type { SeedIndex } from './seed-index.js';

/**
 * Organisations named by the catalogue, resolved to the ids the seeds already use. "Organisation,
 * Unit" resolves the unit under its organisation; a unit or organisation the seeds lack is drafted
 * (a unit under its known parent, with its region) and reported, so a reviewer decides.
 */
export class OrganisationDrafts {
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
