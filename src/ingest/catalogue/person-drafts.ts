import { slugify } from '../../ids.js';
import type { PersonRecord } from '../seed-format.js';
import type { DraftContact, DraftInnovation, DraftNote } from './draft-types.js';
import type { OrganisationDrafts } from './organisation-drafts.js';
import type { SeedIndex } from './seed-index.js';

/**
 * People by the id the seeds give them (found by e-mail, else by name), one record per person even
 * when the catalogue prints them for several entries. Where two entries print one person
 * differently, the first print is kept and the other reported.
 */
export class PersonDrafts {
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
