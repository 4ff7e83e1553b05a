/**
 * The shapes the graph layer returns: plain objects with the properties Cypher projects. The
 * GraphQL layer resolves its types from these and never sees a driver type.
 */

export interface InnovationNode {
  id: string;
  title: string;
  summary: string;
  year: number | null;
  targetGroup: string | null;
  kind: string;
  sector: string | null;
  types: string[];
  coronaRelated: boolean;
  retired: boolean;
  retiredAt: string | null;
  retiredReason: string | null;
  sourceDocument: string | null;
  sourceSection: string | null;
  sourceLines: number[] | null;
  sourcePage: number | null;
}

export interface OrganisationNode {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  regionId: string | null;
  parentId: string | null;
  aliases: string[];
  /** Official code (municipality code, organisation number); optional so that a node built by hand need not name it. */
  code?: string | null;
}

export interface PersonNode {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  organisationId: string | null;
  aliases: string[];
}

export interface RegionNode {
  id: string;
  name: string;
  nameEn: string | null;
  country: string;
}

export interface ThemeNode {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string;
  summary: string | null;
  ownerId: string | null;
}

export interface SourceNode {
  id: string;
  title: string;
  year: number | null;
  file: string | null;
  language: string | null;
  publisherId: string | null;
}

/**
 * Cypher projections shared by every query that returns these nodes. Their inner pattern
 * variables end in `_` so that they never capture a variable of the query they are used in.
 */
export const PROJECT = {
  innovation: (v: string) => `${v} {
    .id, .title, .summary, .year, .targetGroup, .kind, .sector, .coronaRelated, .sourceSection, .sourceLines, .sourcePage,
    types: coalesce(${v}.types, []), retired: coalesce(${v}.retired, false),
    retiredAt: toString(${v}.retiredAt), retiredReason: ${v}.retiredReason,
    sourceDocument: head([(${v})-[:DESCRIBED_IN]->(src_:Source) | src_.id])
  }`,
  organisation: (v: string) => `${v} {
    .id, .name, .kind, .country, .code, regionId: ${v}.region, aliases: coalesce(${v}.aliases, []),
    parentId: head([(${v})-[:PART_OF]->(parent_:Organisation) | parent_.id])
  }`,
  person: (v: string) => `${v} {
    .id, .name, .role, .email, .phone, aliases: coalesce(${v}.aliases, []), organisationId: head([(${v})-[:WORKS_FOR]->(employer_:Organisation) | employer_.id])
  }`,
  region: (v: string) => `${v} { .id, .name, .nameEn, .country }`,
  theme: (v: string) => `${v} { .id, .name, .nameEn, .kind, .summary, ownerId: head([(${v})-[:OWNED_BY]->(owner_:Organisation) | owner_.id]) }`,
  source: (v: string) => `${v} { .id, .title, .year, .file, .language, publisherId: head([(${v})-[:PUBLISHED_BY]->(publisher_:Organisation) | publisher_.id]) }`,
} as const;
