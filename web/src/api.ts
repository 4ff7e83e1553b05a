/**
 * The Explorer's only way to the data: the public GraphQL API at /graphql. Every query the page
 * runs is here, so app builders can read them as examples.
 */

const ENDPOINT = '/graphql';

export class ApiError extends Error {}

/** Sends one operation; throws ApiError with the API's own message when it answers with errors. */
export async function request<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`HTTP ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`HTTP ${response.status}: no data`);
  return body.data;
}

export interface Ref {
  id: string;
  name: string;
}

/** An organisation as a list shows it: `qualifiedName` ("Aarhus Kommune › Sociale Forhold og Beskæftigelse") tells units apart. */
export interface OrganisationRef extends Ref {
  qualifiedName: string;
}

export interface InnovationRef {
  id: string;
  title: string;
  year: number | null;
}

export interface PersonCard {
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  organisation: OrganisationRef | null;
}

// ---------------------------------------------------------------------------------------- search

export type SearchNode =
  | ({ __typename: 'Innovation' } & InnovationRef)
  | { __typename: 'Organisation'; id: string; name: string; qualifiedName: string; kind: string }
  | { __typename: 'Person'; id: string; name: string; role: string | null; organisation: OrganisationRef | null; innovations: InnovationRef[] };

export interface SearchHit {
  score: number;
  node: SearchNode;
}

const SEARCH = `query ExplorerSearch($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    edges { score node {
      __typename
      ... on Innovation { id title year }
      ... on Organisation { id name qualifiedName kind }
      ... on Person { id name role organisation { id name qualifiedName } innovations { id title year } }
    } }
  }
}`;

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  return (await request<{ search: { edges: SearchHit[] } }>(SEARCH, { text, first: 12 }, signal)).search.edges;
}

const ORGANISATIONS_BY_NAME = `query ExplorerOrganisationsByName($text: String!) {
  organisations(filter: { text: $text }, first: 10) { edges { node { id name qualifiedName kind } } }
}`;

export async function organisationsByName(text: string, signal?: AbortSignal): Promise<(OrganisationRef & { kind: string })[]> {
  const data = await request<{ organisations: { edges: { node: OrganisationRef & { kind: string } }[] } }>(ORGANISATIONS_BY_NAME, { text }, signal);
  return data.organisations.edges.map((edge) => edge.node);
}

// ------------------------------------------------------------------------------------------ home

const STATISTICS = `query ExplorerStatistics { graphStatistics { innovations organisations people } }`;

export async function statistics(): Promise<{ innovations: number; organisations: number; people: number }> {
  return (await request<{ graphStatistics: { innovations: number; organisations: number; people: number } }>(STATISTICS)).graphStatistics;
}

// ------------------------------------------------------------------------------------ innovation

export interface SpreadEvent {
  kind: 'ADOPTION' | 'LINEAGE';
  mode: string;
  status: string | null;
  year: number | null;
  generation: number;
  countsAsSpread: boolean;
  evidence: string | null;
  source: string | null;
  from: Ref | null;
  to: Ref & { region: { id: string } | null };
  innovation: InnovationRef;
  descendant: InnovationRef | null;
}

export interface RegionRef {
  id: string;
  name: string;
  nameEn: string | null;
  country: string;
}

/** Take-up short of spread: organisations that tested, plan or asked about it, with the regions of those that tested or plan it. */
export interface SpreadUptake {
  planned: number;
  tested: number;
  interested: number;
  regions: { region: RegionRef; planned: number; tested: number }[];
}

export interface Spread {
  reach: number;
  uptake: SpreadUptake;
  depth: number;
  structuralVirality: number;
  originYear: number | null;
  regionsReached: { region: RegionRef; organisations: number }[];
  events: SpreadEvent[];
  signals: { direction: string; mode: string; status: string; year: number | null; audience: string | null; expectedCount: number | null; evidence: string | null }[];
}

export interface InnovationDetails {
  id: string;
  title: string;
  summary: string;
  year: number | null;
  kind: string;
  sector: string | null;
  targetGroup: string | null;
  coronaRelated: boolean;
  types: string[];
  awards: { level: string; prizeName: string; year: number | null }[];
  nominators: (OrganisationRef & { region: RegionRef | null })[];
  makers: (OrganisationRef & { region: RegionRef | null })[];
  partners: { role: string | null; organisation: OrganisationRef }[];
  regions: RegionRef[];
  themes: { id: string; name: string; nameEn: string | null }[];
  source: { locator: string; page: number | null; section: string | null; lines: number[] | null; document: { id: string; title: string } | null };
}

export interface ContactSuggestion {
  score: number;
  reason: string;
  person: PersonCard;
}

export interface SimilarInnovation {
  score: number;
  reasons: string[];
  innovation: InnovationRef;
}

// The innovation page asks in four requests, run side by side, so that each part shows as soon
// as it is there and a slow or failing one (whoToCall ranks many people) holds up nothing else.
const INNOVATION = `query ExplorerInnovation($id: ID!) {
  innovation(id: $id) {
    id title summary year kind sector targetGroup coronaRelated types
    awards { level prizeName year }
    nominators { id name qualifiedName region { id name nameEn country } }
    makers { id name qualifiedName region { id name nameEn country } }
    partners { role organisation { id name qualifiedName } }
    regions { id name nameEn country }
    themes { id name nameEn }
    source { locator page section lines document { id title } }
  }
}`;

export async function innovation(id: string): Promise<InnovationDetails | null> {
  return (await request<{ innovation: InnovationDetails | null }>(INNOVATION, { id })).innovation;
}

/** The language the API writes its sentences (reasons) in: the page's own. */
export type ApiLanguage = 'DA' | 'EN';

/**
 * Who is asking, for whoToCall: an organisation of the graph, or, for an asker not in it, a
 * region and a kind of organisation (either may be absent).
 */
export interface Asker {
  organisationId?: string;
  regionId?: string;
  kind?: string;
}

const WHO_TO_CALL = `query ExplorerWhoToCall($id: ID!, $forOrganisationId: ID, $forRegionId: ID, $forKind: OrganisationKind, $lang: Language) {
  whoToCall(innovationId: $id, forOrganisationId: $forOrganisationId, forRegionId: $forRegionId, forKind: $forKind, lang: $lang, first: 5) {
    score reason
    person { id name role email phone organisation { id name qualifiedName } }
  }
}`;

export async function whoToCall(id: string, asker: Asker, lang: ApiLanguage): Promise<ContactSuggestion[]> {
  const variables = { id, forOrganisationId: asker.organisationId ?? null, forRegionId: asker.regionId ?? null, forKind: asker.kind ?? null, lang };
  return (await request<{ whoToCall: ContactSuggestion[] }>(WHO_TO_CALL, variables)).whoToCall;
}

const SIMILAR = `query ExplorerSimilar($id: ID!, $lang: Language) {
  similarInnovations(innovationId: $id, lang: $lang, first: 5) {
    score reasons
    innovation { id title year }
  }
}`;

export async function similarInnovations(id: string, lang: ApiLanguage): Promise<SimilarInnovation[]> {
  return (await request<{ similarInnovations: SimilarInnovation[] }>(SIMILAR, { id, lang })).similarInnovations;
}

const SPREAD = `query ExplorerSpread($id: ID!) {
  spread(innovationId: $id) {
    reach depth structuralVirality originYear
    regionsReached { region { id name nameEn country } organisations }
    uptake { planned tested interested regions { region { id name nameEn country } planned tested } }
    events {
      kind mode status year generation countsAsSpread evidence source
      from { id name }
      to { id name region { id } }
      innovation { id title year }
      descendant { id title year }
    }
    signals { direction mode status year audience expectedCount evidence }
  }
}`;

export async function spread(id: string): Promise<Spread | null> {
  return (await request<{ spread: Spread | null }>(SPREAD, { id })).spread;
}

// ---------------------------------------------------------------------------------- organisation

export interface OrganisationDetails {
  id: string;
  name: string;
  qualifiedName: string;
  kind: string;
  country: string | null;
  aliases: string[];
  region: RegionRef | null;
  parent: OrganisationRef | null;
  units: (Ref & { kind: string })[];
  people: Omit<PersonCard, 'organisation'>[];
  partnerIn: InnovationRef[];
  adopted: { mode: string; status: string; year: number | null; innovation: InnovationRef }[];
  nominated: InnovationPage;
}

export interface InnovationPage {
  totalCount: number;
  edges: { node: InnovationRef }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ORGANISATION_PAGE = `query ExplorerOrganisation($id: ID!) {
  organisation(id: $id) {
    id name qualifiedName kind country aliases
    region { id name nameEn country }
    parent { id name qualifiedName }
    units { id name kind }
    people { id name role email phone }
    partnerIn { id title year }
    adopted { mode status year innovation { id title year } }
    nominated(first: 10) { totalCount edges { node { id title year } } pageInfo { hasNextPage endCursor } }
  }
}`;

export async function organisationPage(id: string): Promise<OrganisationDetails | null> {
  return (await request<{ organisation: OrganisationDetails | null }>(ORGANISATION_PAGE, { id })).organisation;
}

const NOMINATED_PAGE = `query ExplorerNominated($id: ID!, $after: String) {
  organisation(id: $id) {
    nominated(first: 20, after: $after) { totalCount edges { node { id title year } } pageInfo { hasNextPage endCursor } }
  }
}`;

export async function nominatedPage(id: string, after: string): Promise<InnovationPage | null> {
  return (await request<{ organisation: { nominated: InnovationPage } | null }>(NOMINATED_PAGE, { id, after })).organisation?.nominated ?? null;
}

export interface Network {
  truncated: boolean;
  nodes: { id: string; label: string; kind: string; depth: number }[];
  edges: { source: string; target: string; kind: 'PARTNERSHIP' | 'ADOPTION'; weight: number; innovations: { id: string; title: string }[] }[];
}

/** Most organisations a drawn network holds: more would be a hairball on a phone. */
export const NETWORK_MAX_NODES = 60;

const NETWORK = `query ExplorerNetwork($id: ID!, $depth: Int!, $first: Int!) {
  partnerNetwork(organisationId: $id, depth: $depth, first: $first) {
    truncated
    nodes { id label kind depth }
    edges { source target kind weight innovations { id title } }
  }
}`;

export async function partnerNetwork(id: string, depth: number): Promise<Network | null> {
  return (await request<{ partnerNetwork: Network | null }>(NETWORK, { id, depth, first: NETWORK_MAX_NODES })).partnerNetwork;
}

export interface OrganisationPath {
  length: number;
  organisations: Ref[];
  steps: { kind: string; description: string; from: OrganisationRef; to: OrganisationRef; innovation: { id: string; title: string } | null }[];
}

const PATH = `query ExplorerPath($from: ID!, $to: ID!) {
  path(fromOrganisationId: $from, toOrganisationId: $to, maxLength: 6) {
    length
    organisations { id name }
    steps { kind description from { id name qualifiedName } to { id name qualifiedName } innovation { id title } }
  }
}`;

export async function path(from: string, to: string): Promise<OrganisationPath | null> {
  return (await request<{ path: OrganisationPath | null }>(PATH, { from, to })).path;
}

// -------------------------------------------------------------------------------------- research

export const GROUPINGS = ['REGION', 'ORGANISATION_KIND', 'SECTOR', 'YEAR', 'MODE'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface SpreadGroup {
  key: string;
  label: string;
  innovations: number;
  adoptions: number;
  plannedAdoptions: number;
  testedAdoptions: number;
  reuseShare: number;
  activelySharedShare: number;
  spreadShare: number;
  collaborationShare: number;
}

export interface SpreadStats {
  groups: SpreadGroup[];
  totals: SpreadGroup;
  reference: { reuseShare: number; activelySharedShare: number; collaborationShare: number; evaluatedShare: number; description: string };
}

const GROUP_FIELDS = 'key label innovations adoptions plannedAdoptions testedAdoptions reuseShare activelySharedShare spreadShare collaborationShare';

// One request for all five groupings: aliases keep them apart.
const RESEARCH = `query ExplorerResearch {
  ${GROUPINGS.map((g) => `${g}: spreadStats(groupBy: ${g}) { ...Stats }`).join('\n  ')}
}
fragment Stats on SpreadStats {
  groups { ${GROUP_FIELDS} }
  totals { ${GROUP_FIELDS} }
  reference { reuseShare activelySharedShare collaborationShare evaluatedShare description }
}`;

export function researchStats(): Promise<Record<Grouping, SpreadStats>> {
  return request<Record<Grouping, SpreadStats>>(RESEARCH);
}

// ---------------------------------------------------------------------------------------- browse

export interface FacetTheme {
  id: string;
  name: string;
  nameEn: string | null;
  innovationCount: number;
}

export interface Facets {
  themes: FacetTheme[];
  regions: (RegionRef & { innovationCount: number })[];
}

const FACETS = `query ExplorerFacets {
  themes(kind: THEME) { id name nameEn innovationCount }
  regions { id name nameEn country innovationCount }
}`;

/** The values the browse page's facets offer: the subject themes and the regions. */
export function facets(): Promise<Facets> {
  return request<Facets>(FACETS);
}

/** The browse page's criteria, as `innovations(filter:)` takes them. */
export interface BrowseFilter {
  text?: string;
  themeIds?: string[];
  regionIds?: string[];
  sectors?: string[];
  kinds?: string[];
  awardLevels?: string[];
  yearFrom?: number;
  yearTo?: number;
}

export interface BrowseItem {
  cursor: string;
  /** Relevance to the text (RELEVANCE order only). */
  score: number | null;
  node: InnovationRef & {
    kind: string;
    nominators: OrganisationRef[];
    themes: { id: string; name: string; nameEn: string | null; kind: string }[];
  };
}

export interface BrowsePage {
  totalCount: number;
  edges: BrowseItem[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** How many innovations the browse page asks for at a time. */
export const BROWSE_PAGE_SIZE = 20;

const BROWSE = `query ExplorerBrowse($filter: InnovationFilter, $orderBy: InnovationOrder, $first: Int, $after: String) {
  innovations(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges {
      cursor score
      node { id title year kind nominators { id name qualifiedName } themes { id name nameEn kind } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** One page of innovations: best match first when there is a text, by title otherwise. */
export async function browseInnovations(filter: BrowseFilter, after: string | null, signal?: AbortSignal): Promise<BrowsePage> {
  const orderBy = filter.text ? 'RELEVANCE' : 'TITLE';
  const variables = { filter, orderBy, first: BROWSE_PAGE_SIZE, after };
  return (await request<{ innovations: BrowsePage }>(BROWSE, variables, signal)).innovations;
}

const SIMILAR_TO_TEXT = `query ExplorerSimilarToText($text: String!, $lang: Language) {
  similarToText(text: $text, lang: $lang, first: 5) {
    score reasons
    innovation { id title year }
  }
}`;

/** "Is someone already doing this?" for a project that is only a description. */
export async function similarToText(text: string, lang: ApiLanguage, signal?: AbortSignal): Promise<SimilarInnovation[]> {
  return (await request<{ similarToText: SimilarInnovation[] }>(SIMILAR_TO_TEXT, { text, lang }, signal)).similarToText;
}
