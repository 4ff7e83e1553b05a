import { z } from 'zod';
import {
  ALIAS_LENGTH,
  AWARD_LEVELS,
  CONTACT_PURPOSES,
  COUNTRY_PATTERN,
  COUNTRY_RULE,
  EMAIL_PATTERN,
  FIRST_YEAR,
  ID_PATTERN,
  idRule,
  INNOVATION_KINDS,
  INNOVATION_TYPES,
  latestFactYear,
  latestStartYear,
  MAX_ALIASES,
  MAX_EMAIL_LENGTH,
  MAX_ID_LENGTH,
  NAME_LENGTH,
  nameProblem,
  ORGANISATION_KINDS,
  PHONE_PATTERN,
  PHONE_RULE,
  PRIZES,
  SECTORS,
  SPREAD_DIRECTIONS,
  SPREAD_MODES,
  SPREAD_STATUSES,
  THEME_KINDS,
  TITLE_LENGTH,
  VALUE_DIMENSIONS,
} from '../domain/rules.js';

/**
 * The format of the seed data files (documented for people in `seeds/README.md`). Parsing a file
 * with these schemas checks each record on its own; `seed-validation.ts` checks the references
 * between records.
 */

const id = z.string().max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`).regex(ID_PATTERN, idRule());
const text = z.string().trim().min(1, 'must not be empty');
/** A name, title or alias: the length of its kind, and nothing invisible or display-changing (the mutations' rule). */
const named = (length: { readonly min: number; readonly max: number }) =>
  text.min(length.min, `must be from ${length.min} to ${length.max} characters long`).max(length.max, `must be from ${length.min} to ${length.max} characters long`).superRefine((value, ctx) => {
    const problem = nameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const name = named(NAME_LENGTH);
const title = named(TITLE_LENGTH);
const aliases = z.array(named(ALIAS_LENGTH)).max(MAX_ALIASES, `must hold at most ${MAX_ALIASES} names`);
const lines = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([from, to]) => from <= to, 'must be [first, last] with first <= last');
const year = (latest: number) =>
  z
    .number()
    .int('must be a whole year')
    .min(FIRST_YEAR, `must be ${FIRST_YEAR} or later`)
    .max(latest, `must be ${latest} or earlier`);
const startYear = year(latestStartYear());
const factYear = year(latestFactYear());

const sourceRef = z.object({
  document: id,
  lines: lines.optional(),
  section: text.optional(),
  page: z.number().int().positive().nullable().optional(),
});

export const regionSchema = z.object({ id, name, nameEn: name.optional(), country: z.string().regex(COUNTRY_PATTERN, COUNTRY_RULE) });
export const themeSchema = z.object({
  id,
  name,
  nameEn: name.optional(),
  kind: z.enum(THEME_KINDS),
  owner: id.optional(),
  summary: text.optional(),
  sources: z.array(sourceRef).optional(),
});
export const sourceSchema = z.object({
  id,
  title,
  publisher: id.optional(),
  year: startYear.nullable().optional(),
  file: text.optional(),
  /** Where a public list or register was read, for sources that are not a document in ../shared/seeds. */
  url: z.string().url().optional(),
  language: z.string().regex(/^[a-z]{2}$/).optional(),
});

export const organisationSchema = z.object({
  id,
  name,
  kind: z.enum(ORGANISATION_KINDS),
  country: z.string().regex(COUNTRY_PATTERN, COUNTRY_RULE).optional(),
  region: id.optional(),
  parent: id.optional(),
  /** An official code: a Danish municipality's or region's three/four-digit code, a Norwegian organisation number. */
  code: z.string().regex(/^\d{3,9}$/, 'must be an official numeric code such as 751').optional(),
  aliases: aliases.optional(),
  sources: z.array(sourceRef).optional(),
});

export const personSchema = z.object({
  id,
  name,
  role: text.optional(),
  organisation: id.optional(),
  phone: z.string().regex(PHONE_PATTERN, PHONE_RULE).optional(),
  email: z.string().max(MAX_EMAIL_LENGTH, `must be at most ${MAX_EMAIL_LENGTH} characters`).regex(EMAIL_PATTERN, 'must be an e-mail address such as name@example.dk').optional(),
  aliases: aliases.optional(),
  sources: z.array(sourceRef).optional(),
});

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
  year: factYear.optional(),
  evidence: text,
  lines: lines.optional(),
});

export const innovationSchema = z.object({
  id,
  title,
  kind: z.enum(INNOVATION_KINDS),
  sector: z.enum(SECTORS).optional(),
  summary: text,
  year: startYear.nullable().optional(),
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
