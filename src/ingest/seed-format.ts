import { z } from 'zod';

/**
 * The format of the seed data files (documented for people in `seeds/README.md`). Parsing a file
 * with these schemas checks each record on its own; `seed-validation.ts` checks the references
 * between records.
 */

export const ORGANISATION_KINDS = [
  'MUNICIPALITY',
  'REGION',
  'HOSPITAL',
  'STATE_AGENCY',
  'MINISTRY',
  'UNIT',
  'COMPANY',
  'UNIVERSITY',
  'SCHOOL',
  'FOUNDATION',
  'ASSOCIATION',
  'UNION',
  'INTEREST_ORGANISATION',
  'REGIONAL_HEALTH_AUTHORITY',
  'HEALTH_TRUST',
  'PROGRAMME',
  'OTHER',
] as const;
export const INNOVATION_KINDS = ['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE', 'REFERENCED'] as const;
export const SECTORS = ['MUNICIPAL', 'REGIONAL', 'STATE', 'OTHER'] as const;
export const INNOVATION_TYPES = ['PRODUCT', 'SERVICE', 'PROCESS', 'COMMUNICATION'] as const;
export const PRIZES = ['NYT_SAMMEN_BEDRE', 'PUBLIKUMSPRISEN', 'INNOVATIONSPRISERNE'] as const;
export const AWARD_LEVELS = ['WINNER', 'FINALIST', 'NOMINEE', 'SUBMITTED'] as const;
export const VALUE_DIMENSIONS = ['POLITICAL_GOALS', 'QUALITY', 'EFFICIENCY', 'DEMOCRACY', 'INNOVATION_CAPACITY'] as const;
export const CONTACT_PURPOSES = ['REUSE', 'FOLLOW'] as const;
export const SPREAD_MODES = ['COPY', 'ADAPT', 'INSPIRATION', 'SHARED', 'INTEREST'] as const;
/** ADOPTED: in use at the adopter. TESTED: tried out (a pilot or test run), not taken into use. PLANNED: decided or expected. INTERESTED: asked about it. */
export const SPREAD_STATUSES = ['ADOPTED', 'TESTED', 'PLANNED', 'INTERESTED'] as const;
export const THEME_KINDS = ['THEME', 'MISSION'] as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const PHONE = /^\+\d{2,3}(?: ?\d{1,4})+$/;
const CURRENT_YEAR = new Date().getFullYear();

const id = z.string().regex(ID, 'must be a slug of lower-case letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
const lines = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([from, to]) => from <= to, 'must be [first, last] with first <= last');
const year = z
  .number()
  .int('must be a whole year')
  .min(1900, 'must be 1900 or later')
  .max(CURRENT_YEAR + 5, `must be ${CURRENT_YEAR + 5} or earlier`);

const sourceRef = z.object({
  document: id,
  lines: lines.optional(),
  section: text.optional(),
  page: z.number().int().positive().nullable().optional(),
});

export const regionSchema = z.object({ id, name: text, nameEn: text.optional(), country: z.string().regex(/^[A-Z]{2}$/) });
export const themeSchema = z.object({
  id,
  name: text,
  nameEn: text.optional(),
  kind: z.enum(THEME_KINDS),
  owner: id.optional(),
  summary: text.optional(),
  sources: z.array(sourceRef).optional(),
});
export const sourceSchema = z.object({
  id,
  title: text,
  publisher: id.optional(),
  year: year.nullable().optional(),
  file: text.optional(),
  /** Where a public list or register was read, for sources that are not a document in ../shared/seeds. */
  url: z.string().url().optional(),
  language: z.string().regex(/^[a-z]{2}$/).optional(),
});

export const organisationSchema = z.object({
  id,
  name: text,
  kind: z.enum(ORGANISATION_KINDS),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as DK or NO').optional(),
  region: id.optional(),
  parent: id.optional(),
  /** An official code: a Danish municipality's or region's three/four-digit code, a Norwegian organisation number. */
  code: z.string().regex(/^\d{3,9}$/, 'must be an official numeric code such as 751').optional(),
  aliases: z.array(text).optional(),
  sources: z.array(sourceRef).optional(),
});

export const personSchema = z.object({
  id,
  name: text,
  role: text.optional(),
  organisation: id.optional(),
  phone: z.string().regex(PHONE, 'must be an international number such as +45 29 20 84 25').optional(),
  email: z.string().regex(EMAIL, 'must be an e-mail address such as name@example.dk').optional(),
  aliases: z.array(text).optional(),
  sources: z.array(sourceRef).optional(),
});

export const SPREAD_DIRECTIONS = ['OUTGOING', 'INCOMING'] as const;

export const spreadFactSchema = z.object({
  /** OUTGOING (default): this innovation spread to others. INCOMING: it took something up from elsewhere. */
  direction: z.enum(SPREAD_DIRECTIONS).optional(),
  mode: z.enum(SPREAD_MODES),
  status: z.enum(SPREAD_STATUSES),
  adopter: id.optional(),
  audience: text.optional(),
  expectedCount: z.number().int().positive().optional(),
  from: id.optional(),
  buildsOn: id.optional(),
  year: year.optional(),
  evidence: text,
  lines: lines.optional(),
});

export const innovationSchema = z.object({
  id,
  title: text,
  kind: z.enum(INNOVATION_KINDS),
  sector: z.enum(SECTORS).optional(),
  summary: text,
  year: year.nullable().optional(),
  targetGroup: text.nullable().optional(),
  types: z.array(z.enum(INNOVATION_TYPES)).optional(),
  themes: z.array(id).optional(),
  awards: z.array(z.object({ prize: z.enum(PRIZES), level: z.enum(AWARD_LEVELS) })).optional(),
  coronaRelated: z.boolean().optional(),
  effects: z.array(z.object({ dimension: z.enum(VALUE_DIMENSIONS), fact: text })).optional(),
  nominators: z.array(id).optional(),
  makers: z.array(id).optional(),
  partners: z.array(z.object({ organisation: id, role: text.optional() })).optional(),
  contacts: z.array(z.object({ person: id, purpose: z.enum(CONTACT_PURPOSES) })).optional(),
  spreading: z.array(spreadFactSchema).optional(),
  source: sourceRef,
});

export const dataFileSchema = z
  .object({
    regions: z.array(z.unknown()).optional(),
    themes: z.array(z.unknown()).optional(),
    sources: z.array(z.unknown()).optional(),
    organisations: z.array(z.unknown()).optional(),
    people: z.array(z.unknown()).optional(),
    innovations: z.array(z.unknown()).optional(),
  })
  .strict();

export type RegionRecord = z.infer<typeof regionSchema>;
export type ThemeRecord = z.infer<typeof themeSchema>;
export type SourceRecord = z.infer<typeof sourceSchema>;
export type OrganisationRecord = z.infer<typeof organisationSchema>;
export type PersonRecord = z.infer<typeof personSchema>;
export type InnovationRecord = z.infer<typeof innovationSchema>;
export type SpreadFactRecord = z.infer<typeof spreadFactSchema>;
export type SourceRef = z.infer<typeof sourceRef>;

/** The record kinds of a data file, in the order they are read and written. */
export const SECTIONS = ['regions', 'sources', 'organisations', 'themes', 'people', 'innovations'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_SCHEMAS = {
  regions: regionSchema,
  sources: sourceSchema,
  organisations: organisationSchema,
  themes: themeSchema,
  people: personSchema,
  innovations: innovationSchema,
} as const;

export interface SeedSet {
  regions: RegionRecord[];
  sources: SourceRecord[];
  organisations: OrganisationRecord[];
  themes: ThemeRecord[];
  people: PersonRecord[];
  innovations: InnovationRecord[];
}
