import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import { findPartnerNetwork } from '../../src/graph/network.cypher.js';
import { readCascade, readSpreadStats } from '../../src/graph/spread.cypher.js';
import { findContactSuggestions } from '../../src/graph/who-to-call.cypher.js';
import type { Probes } from '../operations.js';
import { benchDriver, childSettings, serveUntilStdinEnds } from './child.js';

/**
 * The comparison: the same graph served by the official @neo4j/graphql library (7.x), which turns
 * each GraphQL request into one Cypher query, behind the same HTTP stack as ours (express 5 and
 * Apollo Server 5, JSON body parser).
 *
 * Type definitions mirror our schema's nodes and relationships, so paging, nesting and full-text
 * search use the library's generated API. What the library cannot express (a ranked partner
 * network, a cascade bounded by lineage depth, who-to-call's tiers, grouped shares) is written the
 * way its documentation says: `@cypher` fields. Those hold our own graph layer's Cypher, captured
 * from src/graph with its constants written in as literals, so the database does the same work
 * for both servers and the difference is the library's.
 */

interface Captured {
  cypher: string;
  params: Record<string, unknown>;
}

/** Runs a graph-layer function against a runner that only records the query it would run. */
async function capture(run: (graph: GraphRunner) => Promise<unknown>): Promise<Captured> {
  let captured: Captured | undefined;
  const recorder = {
    read: (cypher: string, params: Record<string, unknown>) => {
      captured = { cypher, params };
      return Promise.resolve([]);
    },
  } as unknown as GraphRunner;
  await run(recorder);
  if (!captured) throw new Error('the graph-layer function ran no query');
  return captured;
}

/** A Cypher literal of a JSON-like value (the graph layer's constant parameters). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `\`${k}\`: ${literal(v)}`)
    .join(', ')}}`;
}

/**
 * The captured query as a `@cypher` statement: parameters named in `renamed` become the field's
 * arguments, every other parameter becomes a literal, and the result columns are folded into one.
 */
function asCypherField(query: Captured, renamed: Record<string, string>, columns: string[]): string {
  const body = query.cypher.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
    if (name in renamed) return `$${renamed[name]}`;
    if (!(name in query.params)) throw new Error(`parameter $${name} of the captured query has no value`);
    return literal(query.params[name]);
  });
  return `CALL () {\n${body}\n}\nRETURN {${columns.map((c) => `${c}: ${c}`).join(', ')}} AS result`;
}

/** A GraphQL block string: taken literally (no escapes); Cypher never holds `"""`. */
const sdlString = (text: string) => `"""\n${text}\n"""`;

async function typeDefinitions(probes: Probes): Promise<string> {
  const network = await capture((g) => findPartnerNetwork(g, 'x', { depth: 2, first: 50 }));
  const cascade = await capture((g) => readCascade(g, 'x'));
  const stats = await capture((g) => readSpreadStats(g, 'REGION'));
  // The similarity tier searches for the innovation's own words; our API reads them in a first
  // query, here they are written into the statement for the probe innovation (one query fewer).
  const who = await capture((g) =>
    findContactSuggestions(g, { id: probes.innovationId, title: probes.innovationTitle, targetGroup: probes.innovationTargetGroup }, { organisationId: 'x', regionId: null, kind: null }, 10),
  );

  return `
type Innovation @node @fulltext(indexes: [{ indexName: "innovation_text", queryName: "innovationsText", fields: ["title", "summary", "targetGroup"] }]) {
  id: ID!
  title: String!
  summary: String!
  year: Int
  targetGroup: String
  kind: String!
  sector: String
  types: [String!]
  coronaRelated: Boolean
  retired: Boolean
  nominators: [Organisation!]! @relationship(type: "NOMINATED", direction: IN)
  makers: [Organisation!]! @relationship(type: "MADE", direction: IN)
  partners: [Organisation!]! @relationship(type: "PARTNER_IN", direction: IN, properties: "PartnerIn")
  contacts: [Person!]! @relationship(type: "CONTACT_FOR", direction: IN, properties: "ContactFor")
  adopters: [Organisation!]! @relationship(type: "ADOPTED", direction: IN, properties: "Adopted")
  buildsOn: [Innovation!]! @relationship(type: "BUILDS_ON", direction: OUT, properties: "BuildsOn")
  builtOnBy: [Innovation!]! @relationship(type: "BUILDS_ON", direction: IN, properties: "BuildsOn")
  themes: [Theme!]! @relationship(type: "ABOUT", direction: OUT)
}

type Organisation @node @fulltext(indexes: [{ indexName: "organisation_names", queryName: "organisationsText", fields: ["name", "aliasText"] }]) {
  id: ID!
  name: String!
  kind: String!
  country: String
  region: String
  aliasText: String
  aliases: [String!]
  parents: [Organisation!]! @relationship(type: "PART_OF", direction: OUT)
  units: [Organisation!]! @relationship(type: "PART_OF", direction: IN)
  regions: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT)
  nominated: [Innovation!]! @relationship(type: "NOMINATED", direction: OUT)
  made: [Innovation!]! @relationship(type: "MADE", direction: OUT)
  partnerIn: [Innovation!]! @relationship(type: "PARTNER_IN", direction: OUT, properties: "PartnerIn")
  adopted: [Innovation!]! @relationship(type: "ADOPTED", direction: OUT, properties: "Adopted")
  people: [Person!]! @relationship(type: "WORKS_FOR", direction: IN)
}

type Person @node @fulltext(indexes: [{ indexName: "person_names", queryName: "peopleText", fields: ["name", "role"] }]) {
  id: ID!
  name: String!
  role: String
  email: String
  phone: String
  employers: [Organisation!]! @relationship(type: "WORKS_FOR", direction: OUT)
  innovations: [Innovation!]! @relationship(type: "CONTACT_FOR", direction: OUT, properties: "ContactFor")
}

type Region @node {
  id: ID!
  name: String!
  nameEn: String
  country: String
}

type Theme @node {
  id: ID!
  name: String!
  nameEn: String
  kind: String
}

type PartnerIn @relationshipProperties { role: String }
type ContactFor @relationshipProperties { purpose: String }
type Adopted @relationshipProperties { mode: String, status: String, year: Int, evidence: String, source: String, fromId: String }
type BuildsOn @relationshipProperties { mode: String, status: String, year: Int, evidence: String, source: String }

# Shapes of what the @cypher fields return (maps, not nodes).
type OrganisationInfo { id: ID!, name: String!, kind: String!, regionId: String }
type InnovationInfo { id: ID!, title: String!, year: Int }
type PersonInfo { id: ID!, name: String!, email: String, phone: String }
type NetworkNodeRow { depth: Int!, organisation: OrganisationInfo! }
type NetworkEdgeRow { source: ID!, target: ID!, kind: String!, weight: Int! }
type NetworkResult { nodes: [NetworkNodeRow!]!, edges: [NetworkEdgeRow!]!, truncated: Boolean! }
type CascadeAdoptionRow { organisation: OrganisationInfo!, mode: String!, status: String, year: Int, fromId: String }
type CascadeLineageRow { innovationId: ID!, mode: String, status: String, year: Int }
type CascadeMemberRow { innovation: InnovationInfo!, distance: Int!, origins: [OrganisationInfo!]!, adoptions: [CascadeAdoptionRow!]!, buildsOn: [CascadeLineageRow!]! }
type CascadeSignalRow { id: ID!, mode: String!, status: String }
type CascadeResult { members: [CascadeMemberRow!]!, signals: [CascadeSignalRow!]! }
type ContactRow { person: PersonInfo!, organisationName: String, tier: Int!, score: Float! }
type StatsCounts { key: String, label: String, innovations: Int!, adoptions: Int!, reusing: Int!, activelyShared: Int!, spread: Int!, collaborating: Int! }
type StatsResult { totals: StatsCounts!, groups: [StatsCounts!]! }

type Query {
  partnerNetwork(organisationId: ID!, depth: Int!, first: Int!): NetworkResult
    @cypher(statement: ${sdlString(asCypherField(network, { organisationId: 'organisationId', depth: 'depth', first: 'first' }, ['nodes', 'edges', 'truncated']))}, columnName: "result")
  spreadCascade(innovationId: ID!): CascadeResult
    @cypher(statement: ${sdlString(asCypherField(cascade, { id: 'innovationId' }, ['members', 'signals']))}, columnName: "result")
  whoToCall(innovationId: ID!, forOrganisationId: ID, first: Int!): [ContactRow!]!
    @cypher(statement: ${sdlString(asCypherField(who, { id: 'innovationId', askerId: 'forOrganisationId', first: 'first' }, ['person', 'organisationName', 'tier', 'score']))}, columnName: "result")
  spreadStats: StatsResult
    @cypher(statement: ${sdlString(asCypherField(stats, {}, ['totals', 'groups']))}, columnName: "result")
}
`;
}

await serveUntilStdinEnds(async () => {
  const settings = childSettings();
  const driver = benchDriver(settings);
  const library = new Neo4jGraphQL({ typeDefs: await typeDefinitions(settings.probes), driver });
  const schema = await library.getSchema();
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer({ schema, introspection: false });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: () => Promise.resolve({}) }));
  await new Promise<void>((resolve) => httpServer.listen(settings.port, '127.0.0.1', resolve));
  const address = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    stop: async () => {
      await apollo.stop();
      httpServer.close();
      await driver.close();
    },
  };
});
