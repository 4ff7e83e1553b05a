import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

/**
 * Strings that would change a query if they were pasted into Cypher or Lucene instead of sent as
 * parameters: closing quotes and maps to append clauses, Cypher's unicode escape of a quote,
 * backticks, comments, parameter names, and Lucene's operators, fields, wildcards, fuzziness,
 * boosts, ranges and regular expressions.
 */
const HOSTILE = [
  "x' }) MATCH (n) DETACH DELETE n //",
  '"}) RETURN 1 UNION MATCH (n) RETURN n //',
  '\\u0027; DROP',
  "'; DROP CONSTRAINT organisation_id //",
  '`) DETACH DELETE n //',
  '$id} MERGE (:Organisation {id: "pwned"}) //',
  '*/ MATCH (n) SET n.id = "x" /*',
  '*:*',
  'title:* OR summary:*',
  'zzq~ AND yyq^10 [a TO z] {a TO z}',
  '"unterminated',
  '/.*/',
  '((( ))) && || ! ? \\',
  '',
  ' ',
];

/** Strings that would match everything if their Lucene syntax took effect; as plain words they match nothing. */
const MATCH_ALL = ['*:*', 'title:* OR summary:*', '/.*/', '((( ))) && || ! ? \\', '"unterminated', '*', '?*'];

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function post(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody> {
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLBody;
}

/**
 * One text argument of the read API: the selection that carries it (given the argument as a
 * variable reference or as an inline literal) and the answer for a value that names nothing.
 */
interface Case {
  readonly argument: string;
  readonly type: 'ID' | 'String';
  readonly field: (value: string) => string;
  readonly empty: Record<string, unknown>;
}

const NO_INNOVATIONS = { innovations: { totalCount: 0, edges: [] } };
const NO_ORGANISATIONS = { organisations: { totalCount: 0, edges: [] } };
const innovations = (filter: string) => `innovations(filter: ${filter}, first: 100) { totalCount edges { node { id } } }`;
const organisations = (filter: string) => `organisations(filter: ${filter}, first: 100) { totalCount edges { node { id } } }`;

const ID_CASES: Case[] = [
  { argument: 'innovations filter.regionIds', type: 'ID', field: (v) => innovations(`{ regionIds: [${v}] }`), empty: NO_INNOVATIONS },
  { argument: 'innovations filter.themeIds', type: 'ID', field: (v) => innovations(`{ themeIds: [${v}] }`), empty: NO_INNOVATIONS },
  { argument: 'innovations filter.organisationId', type: 'ID', field: (v) => innovations(`{ organisationId: ${v} }`), empty: NO_INNOVATIONS },
  { argument: 'organisations filter.parentId', type: 'ID', field: (v) => organisations(`{ parentId: ${v} }`), empty: NO_ORGANISATIONS },
  { argument: 'organisations filter.regionIds', type: 'ID', field: (v) => organisations(`{ regionIds: [${v}] }`), empty: NO_ORGANISATIONS },
  { argument: 'organisations filter.countries', type: 'String', field: (v) => organisations(`{ countries: [${v}] }`), empty: NO_ORGANISATIONS },
  { argument: 'innovation id', type: 'ID', field: (v) => `innovation(id: ${v}) { id }`, empty: { innovation: null } },
  { argument: 'organisation id', type: 'ID', field: (v) => `organisation(id: ${v}) { id }`, empty: { organisation: null } },
  { argument: 'person id', type: 'ID', field: (v) => `person(id: ${v}) { id }`, empty: { person: null } },
  { argument: 'whoToCall innovationId', type: 'ID', field: (v) => `whoToCall(innovationId: ${v}) { score }`, empty: { whoToCall: [] } },
  { argument: 'similarInnovations innovationId', type: 'ID', field: (v) => `similarInnovations(innovationId: ${v}) { score }`, empty: { similarInnovations: [] } },
  { argument: 'spread innovationId', type: 'ID', field: (v) => `spread(innovationId: ${v}) { reach }`, empty: { spread: null } },
  { argument: 'partnerNetwork organisationId', type: 'ID', field: (v) => `partnerNetwork(organisationId: ${v}) { truncated }`, empty: { partnerNetwork: null } },
  { argument: 'path fromOrganisationId', type: 'ID', field: (v) => `path(fromOrganisationId: ${v}, toOrganisationId: "aarhus-kommune") { length }`, empty: { path: null } },
  { argument: 'path toOrganisationId', type: 'ID', field: (v) => `path(fromOrganisationId: "thisted-kommune", toOrganisationId: ${v}) { length }`, empty: { path: null } },
];

const TEXT_CASES: Case[] = [
  { argument: 'search text', type: 'String', field: (v) => `search(text: ${v}, first: 100) { edges { score node { __typename ... on Innovation { id } ... on Organisation { id } ... on Person { id } } } }`, empty: { search: { edges: [] } } },
  { argument: 'innovations filter.text', type: 'String', field: (v) => innovations(`{ text: ${v} }`), empty: NO_INNOVATIONS },
  { argument: 'organisations filter.text', type: 'String', field: (v) => organisations(`{ text: ${v} }`), empty: NO_ORGANISATIONS },
];

/** The value sent as a variable, as clients do, and written inline as a GraphQL string literal. */
async function bothWays(c: Case, value: string): Promise<GraphQLBody[]> {
  return [await post(`query ($v: ${c.type}!) { ${c.field('$v')} }`, { v: value }), await post(`{ ${c.field(JSON.stringify(value))} }`)];
}

/** What the full-text query keeps of a text: its words. */
const plainWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

type Counts = Record<string, number>;

async function graphCounts(): Promise<{ labels: Counts; relationships: Counts; properties: number }> {
  const labels = await graph.read<{ label: string; n: number }>('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n', {}, { tag: 'test.labels' });
  const relationships = await graph.read<{ type: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n', {}, { tag: 'test.relationships' });
  const [properties] = await graph.read<{ n: number }>('MATCH (n) RETURN sum(size(keys(n))) AS n', {}, { tag: 'test.properties' });
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.n])),
    relationships: Object.fromEntries(relationships.map((r) => [r.type, r.n])),
    properties: properties!.n,
  };
}

let before: Awaited<ReturnType<typeof graphCounts>>;
beforeAll(async () => {
  before = await graphCounts();
});

describe('hostile strings in id arguments of the read API', () => {
  it.each(ID_CASES.map((c) => [c.argument, c] as const))('%s: every one answers as a value that names nothing, without an error', async (_name, c) => {
    for (const value of HOSTILE) {
      for (const body of await bothWays(c, value)) expect(body, JSON.stringify(value)).toEqual({ data: c.empty });
    }
  });

  it('whoToCall forOrganisationId: every one is refused as bad input that quotes it back verbatim', async () => {
    for (const value of HOSTILE) {
      for (const body of await bothWays({ argument: 'forOrganisationId', type: 'ID', field: (v) => `whoToCall(innovationId: "affald-kolding", forOrganisationId: ${v}) { score }`, empty: {} }, value)) {
        expect(body.errors, JSON.stringify(value)).toEqual([
          expect.objectContaining({ message: `forOrganisationId names no organisation: "${value}"; an asker not in the graph can give forRegionId and forKind instead`, extensions: { code: 'BAD_USER_INPUT', field: 'forOrganisationId' } }),
        ]);
      }
    }
  });

  it('a page cursor: every one is refused as bad input, not as an internal error', async () => {
    for (const value of HOSTILE.filter((v) => v.trim() !== '')) {
      for (const body of await bothWays({ argument: 'after', type: 'String', field: (v) => `innovations(first: 5, after: ${v}) { totalCount }`, empty: {} }, value)) {
        expect(body.errors?.map((e) => e.extensions.code), JSON.stringify(value)).toEqual(['BAD_USER_INPUT']);
        expect(body.errors![0]!.message).toMatch(/^after /);
      }
    }
  });
});

describe('hostile strings in text arguments of the read API', () => {
  it.each(TEXT_CASES.map((c) => [c.argument, c] as const))('%s: Lucene syntax that would match everything matches nothing', async (_name, c) => {
    for (const value of MATCH_ALL) {
      for (const body of await bothWays(c, value)) expect(body, JSON.stringify(value)).toEqual({ data: c.empty });
    }
  });

  it.each(TEXT_CASES.map((c) => [c.argument, c] as const))('%s: every one finds exactly what its plain words find, without an error', async (_name, c) => {
    for (const value of HOSTILE) {
      const words = await post(`{ ${c.field(JSON.stringify(plainWords(value)))} }`);
      expect(words.errors).toBeUndefined();
      for (const body of await bothWays(c, value)) expect(body, JSON.stringify(value)).toEqual(words);
    }
  });
});

describe('after all of the above', () => {
  it('the graph has the same nodes, relationships and properties as before', async () => {
    expect(await graphCounts()).toEqual(before);
    expect(await graph.read('MATCH (n) WHERE n.id IN ["pwned", "x"] RETURN n.id AS id', {}, { tag: 'test.lookup' })).toEqual([]);
  });
});
