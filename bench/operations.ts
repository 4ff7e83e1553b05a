import { GraphRunner } from '../src/graph/graph-runner.js';
import { findPartnerNetwork } from '../src/graph/network.cypher.js';
import { searchEverything } from '../src/graph/search.cypher.js';
import { readCascade, readSpreadStats } from '../src/graph/spread.cypher.js';
import { findContactSuggestions, findWhoToCallStart } from '../src/graph/who-to-call.cypher.js';
import { toFulltextQuery } from '../src/graph/fulltext.js';
import { encodeCursor } from '../src/modules/common/pagination.js';

/**
 * The representative operations, each written three ways over the same data: a) the query a
 * client sends to our API, b) the same request in @neo4j/graphql's generated API (or, where that
 * API cannot express the logic, through its `@cypher` fields holding our own Cypher: see
 * bench/servers/neo4j-graphql-server.ts), and c) the hand-written Cypher the floor server runs.
 */

/** The ids and values the operations are aimed at, chosen from the loaded data (see bench/probes.ts). */
export interface Probes {
  /** Centre of the partner network: a busy organisation (the 90th percentile of municipalities by participations). */
  readonly organisationId: string;
  /** Root of the cascade and subject of who-to-call: an innovation that spread widely (95th percentile of those that spread). */
  readonly innovationId: string;
  /** Its title and target group, which who-to-call's similarity tier searches for. */
  readonly innovationTitle: string;
  readonly innovationTargetGroup: string | null;
  readonly searchText: string;
  /** Which page the deep-page operation asks for (1-based), and the sort key of the row before it. */
  readonly deepPage: number;
  readonly deepPageKey: [string, string];
  readonly pageSize: number;
}

export interface HttpRequestSpec {
  readonly path: string;
  readonly body: string;
}

export interface Operation {
  readonly name: string;
  readonly ours: HttpRequestSpec;
  readonly neo4jGraphql: HttpRequestSpec;
  readonly rawCypher: HttpRequestSpec;
}

export const OPERATION_NAMES = ['innovationsPage', 'partnerNetwork', 'spreadCascade', 'whoToCall', 'search', 'spreadStats', 'deepPage'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

const graphqlBody = (query: string, variables: Record<string, unknown> = {}): string => JSON.stringify({ query, variables });
const gql = (query: string, variables?: Record<string, unknown>): HttpRequestSpec => ({ path: '/graphql', body: graphqlBody(query, variables) });
const raw = (name: OperationName, params: Record<string, unknown> = {}): HttpRequestSpec => ({ path: `/op/${name}`, body: JSON.stringify(params) });

const OURS_PAGE = `query Page($first: Int, $after: String) {
  innovations(first: $first, after: $after) {
    totalCount
    edges { cursor node { id title year nominators { id name } partners { role organisation { id name } } contacts { id name email phone } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const NEO4J_GRAPHQL_PAGE = `query Page($first: Int, $after: String) {
  innovationsConnection(first: $first, after: $after, where: { retired: { eq: false } }, sort: [{ title: ASC }, { id: ASC }]) {
    totalCount
    edges { cursor node { id title year nominators { id name } partnersConnection { edges { properties { role } node { id name } } } contacts { id name email phone } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** @neo4j/graphql's connection cursors are offsets: "arrayconnection:N" in base64. */
export const offsetCursor = (offset: number): string => Buffer.from(`arrayconnection:${offset}`).toString('base64');

export function buildOperations(probes: Probes): Operation[] {
  const deepOffset = (probes.deepPage - 1) * probes.pageSize - 1;
  const operations: Record<OperationName, Omit<Operation, 'name'>> = {
    innovationsPage: {
      ours: gql(OURS_PAGE, { first: probes.pageSize }),
      neo4jGraphql: gql(NEO4J_GRAPHQL_PAGE, { first: probes.pageSize }),
      rawCypher: raw('innovationsPage', { first: probes.pageSize, after: null }),
    },
    partnerNetwork: {
      ours: gql(
        `query Network($id: ID!) { partnerNetwork(organisationId: $id, depth: 2, first: 50) { truncated nodes { id label kind depth } edges { source target kind weight } } }`,
        { id: probes.organisationId },
      ),
      neo4jGraphql: gql(
        `query Network($id: ID!) { partnerNetwork(organisationId: $id, depth: 2, first: 50) { truncated nodes { depth organisation { id name kind } } edges { source target kind weight } } }`,
        { id: probes.organisationId },
      ),
      rawCypher: raw('partnerNetwork', { organisationId: probes.organisationId, depth: 2, first: 50 }),
    },
    spreadCascade: {
      ours: gql(
        `query Spread($id: ID!) { spread(innovationId: $id) { reach depth structuralVirality originYear generations { generation breadth }
           regionsReached { region { name } organisations } events { mode status year generation from { name } to { name } } } }`,
        { id: probes.innovationId },
      ),
      neo4jGraphql: gql(
        `query Spread($id: ID!) { spreadCascade(innovationId: $id) { members { distance innovation { id title year } origins { id name regionId }
           adoptions { mode status year fromId organisation { id name regionId kind } } buildsOn { innovationId mode status year } } signals { id mode status } } }`,
        { id: probes.innovationId },
      ),
      rawCypher: raw('spreadCascade', { innovationId: probes.innovationId }),
    },
    whoToCall: {
      ours: gql(
        `query Who($id: ID!, $asker: ID) { whoToCall(innovationId: $id, forOrganisationId: $asker, first: 10) { score reason person { name email phone organisation { name } } } }`,
        { id: probes.innovationId, asker: probes.organisationId },
      ),
      neo4jGraphql: gql(
        `query Who($id: ID!, $asker: ID) { whoToCall(innovationId: $id, forOrganisationId: $asker, first: 10) { score tier organisationName person { name email phone } } }`,
        { id: probes.innovationId, asker: probes.organisationId },
      ),
      rawCypher: raw('whoToCall', { innovationId: probes.innovationId, askerId: probes.organisationId, first: 10 }),
    },
    search: {
      ours: gql(
        `query Search($text: String!) { search(text: $text, first: 20) { edges { score node { __typename ... on Innovation { id title } ... on Organisation { id name } ... on Person { id name } } } } }`,
        { text: probes.searchText },
      ),
      neo4jGraphql: gql(
        `query Search($phrase: String!) {
           innovationsText(phrase: $phrase, first: 20, where: { node: { retired: { eq: false } } }) { edges { score node { id title } } }
           organisationsText(phrase: $phrase, first: 20) { edges { score node { id name } } }
           peopleText(phrase: $phrase, first: 20) { edges { score node { id name } } }
         }`,
        // The same Lucene query our API makes of the text; @neo4j/graphql passes a phrase on as it is.
        { phrase: toFulltextQuery(probes.searchText) },
      ),
      rawCypher: raw('search', { text: probes.searchText, first: 20 }),
    },
    spreadStats: {
      ours: gql(`{ spreadStats(groupBy: REGION) { groups { key label innovations adoptions reuseShare activelySharedShare spreadShare collaborationShare } totals { innovations adoptions } } }`),
      neo4jGraphql: gql(`{ spreadStats { totals { innovations adoptions reusing activelyShared spread collaborating } groups { key label innovations adoptions reusing activelyShared spread collaborating } } }`),
      rawCypher: raw('spreadStats'),
    },
    deepPage: {
      ours: gql(OURS_PAGE, { first: probes.pageSize, after: encodeCursor('TITLE', probes.deepPageKey) }),
      neo4jGraphql: gql(NEO4J_GRAPHQL_PAGE, { first: probes.pageSize, after: offsetCursor(deepOffset) }),
      rawCypher: raw('deepPage', { first: probes.pageSize, after: probes.deepPageKey }),
    },
  };
  return OPERATION_NAMES.map((name) => ({ name, ...operations[name] }));
}

/**
 * The floor: one hand-written Cypher query per operation where the API needs one, sent through
 * the driver with nothing in between. Where our graph layer already is one hand-written query
 * (network, cascade, who-to-call, search, statistics), the floor runs that very query, so the gap
 * to it is what GraphQL, resolvers and loaders cost.
 */
const rawPage = (keyset: string) => `
CALL () { MATCH (i:Innovation) WHERE coalesce(i.retired, false) = false RETURN count(i) AS totalCount }
CALL () {
  MATCH (i:Innovation)
  WHERE coalesce(i.retired, false) = false AND ${keyset}
  WITH i ORDER BY i.title, i.id LIMIT $limit
  RETURN collect(i {
    .id, .title, .year,
    nominators: [(i)<-[:NOMINATED]-(o:Organisation) | o {.id, .name}],
    partners: [(i)<-[r:PARTNER_IN]-(o:Organisation) | {role: r.role, organisation: o {.id, .name}}],
    contacts: [(i)<-[:CONTACT_FOR]-(p:Person) | p {.id, .name, .email, .phone}],
    sortKey: [i.title, i.id]
  }) AS rows
}
RETURN totalCount, rows[..$first] AS rows, size(rows) > $first AS hasNextPage`;
// Written so that the planner reads the title index in order and stops after one page.
const RAW_FIRST_PAGE = rawPage('i.title IS NOT NULL');
const RAW_PAGE_AFTER = rawPage('i.title >= $after[0] AND (i.title > $after[0] OR i.id > $after[1])');

export type RawHandler = (graph: GraphRunner, params: Record<string, unknown>) => Promise<unknown>;

const str = (v: unknown) => String(v);
const num = (v: unknown) => Number(v);

/**
 * Each handler answers with the fields the GraphQL requests select, no more: the graph layer's
 * records carry more (full nodes), and sending them would charge the floor for bytes nobody asked for.
 */
export const RAW_HANDLERS: Record<OperationName, RawHandler> = {
  innovationsPage: (graph, p) => graph.read(RAW_FIRST_PAGE, { first: num(p.first), limit: num(p.first) + 1 }, { tag: 'bench.page' }),
  deepPage: (graph, p) => graph.read(RAW_PAGE_AFTER, { first: num(p.first), limit: num(p.first) + 1, after: p.after }, { tag: 'bench.deepPage' }),
  partnerNetwork: async (graph, p) => {
    const network = await findPartnerNetwork(graph, str(p.organisationId), { depth: num(p.depth), first: num(p.first) });
    return (
      network && {
        truncated: network.truncated,
        nodes: network.nodes.map((n) => ({ id: n.organisation.id, label: n.organisation.name, kind: n.organisation.kind, depth: n.depth })),
        edges: network.edges.map((e) => ({ source: e.source, target: e.target, kind: e.kind, weight: e.weight })),
      }
    );
  },
  spreadCascade: async (graph, p) => {
    const cascade = await readCascade(graph, str(p.innovationId));
    return (
      cascade && {
        members: cascade.members.map((m) => ({
          distance: m.distance,
          innovation: { id: m.innovation.id, title: m.innovation.title, year: m.innovation.year },
          origins: m.origins.map((o) => ({ id: o.id, name: o.name, regionId: o.regionId })),
          adoptions: m.adoptions.map((a) => ({ mode: a.mode, status: a.status, year: a.year, fromId: a.fromId, organisation: { id: a.organisation.id, name: a.organisation.name, regionId: a.organisation.regionId, kind: a.organisation.kind } })),
          buildsOn: m.buildsOn.map((b) => ({ innovationId: b.innovationId, mode: b.mode, status: b.status, year: b.year })),
        })),
        signals: cascade.signals.map((s) => ({ id: s.id, mode: s.mode, status: s.status })),
      }
    );
  },
  whoToCall: async (graph, p) => {
    const start = await findWhoToCallStart(graph, str(p.innovationId), str(p.askerId), null);
    if (!start.innovation) return [];
    const rows = await findContactSuggestions(graph, start.innovation, { organisationId: start.askerFound ? str(p.askerId) : null, regionId: null, kind: null }, num(p.first));
    return rows.map((r) => ({ score: r.score, tier: r.tier, organisationName: r.organisationName, person: { name: r.person.name, email: r.person.email, phone: r.person.phone } }));
  },
  search: async (graph, p) => {
    const hits = (await searchEverything(graph, str(p.text))).slice(0, num(p.first));
    return hits.map((h) => ({ score: h.score, type: h.type, id: h.node.id, label: 'title' in h.node ? h.node.title : h.node.name }));
  },
  spreadStats: (graph) => readSpreadStats(graph, 'REGION'),
};
