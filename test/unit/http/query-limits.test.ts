import { createRequire } from 'node:module';
import { buildSchema, getIntrospectionQuery, GraphQLError, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode, QueryLimitError } from '../../../src/errors.js';
import { complexityLimitPlugin, costEstimator, depthLimitRule, MAX_ROOT_FIELDS, ROOT_FIELD_MIN_COST } from '../../../src/http/query-limits.js';
import { CostBudget } from '../../../src/http/rate-limit.js';

// The CommonJS build, as the module under test loads it: its ES build brings a second graphql.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

const schema = buildSchema(`
  type Query {
    innovations(
      """Page size, 1 to 100. Defaults to 20."""
      first: Int
    ): InnovationConnection
    innovation(id: ID): Innovation
    partnerNetwork(
      """How many hops out from the centre, 1 to 3. Defaults to 1."""
      depth: Int
      """Most nodes to return, the centre included, 1 to 200. Defaults to 50."""
      first: Int
    ): Network
  }
  type InnovationConnection { totalCount: Int edges: [InnovationEdge] }
  type InnovationEdge { cursor: String node: Innovation }
  type Innovation { id: ID title: String themes: [Theme] contacts(first: Int): [Person] }
  type Theme { id: ID }
  type Person { id: ID }
  type Network { nodes: [NetworkNode] edges: [NetworkEdge] }
  type NetworkNode { id: ID }
  type NetworkEdge { source: ID }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) => getComplexity({ schema, query: parse(query), variables, estimators: [costEstimator(schema)] });

// A page item of `{ totalCount edges { cursor node { id title } } }`: node 1 + 2, edges 1 + (1 + 3),
// totalCount 1, so 6 for each item the page size multiplies.
const PAGE = '{ totalCount edges { cursor node { id title } } }';

describe('costEstimator', () => {
  it('multiplies a connection by its first, counting its edges once', () => {
    expect(cost(`{ innovations(first: 5) ${PAGE} }`)).toBe(1 + 5 * 6);
  });

  it('takes the page size a connection documents as its default when first is left out', () => {
    expect(cost(`{ innovations ${PAGE} }`)).toBe(1 + 20 * 6);
  });

  it('clamps first to the bounds the argument documents, so a refused value is not priced as written', () => {
    expect(cost(`{ innovations(first: 100000) ${PAGE} }`)).toBe(1 + 100 * 6);
    expect(cost(`{ innovations(first: -7) ${PAGE} }`)).toBe(ROOT_FIELD_MIN_COST);
  });

  it('reads first from the variables', () => {
    expect(cost(`query ($n: Int) { innovations(first: $n) ${PAGE} }`, { n: 3 })).toBe(1 + 3 * 6);
  });

  it('assumes ten items for a list without first, and for first on a list that documents no default', () => {
    expect(cost('{ innovation(id: "x") { themes { id } } }')).toBe(1 + (1 + 10 * 1));
    expect(cost('{ innovation(id: "x") { contacts { id } } }')).toBe(1 + (1 + 10 * 1));
    expect(cost('{ innovation(id: "x") { contacts(first: 3) { id } } }')).toBe(ROOT_FIELD_MIN_COST);
  });

  it('prices a root field at least ROOT_FIELD_MIN_COST, once for each alias', () => {
    expect(ROOT_FIELD_MIN_COST).toBe(10);
    expect(cost('{ innovation(id: "x") { id } }')).toBe(10);
    expect(cost('{ a: innovation(id: "x") { id } b: innovation(id: "y") { id } c: innovation(id: "z") { id } }')).toBe(30);
  });

  it('grows the partner network with depth times first, clamped to 3 hops and 200 nodes', () => {
    // nodes { id } is a list of ten assumed items: 1 + 10 = 11, counted once per ten nodes asked for.
    expect(cost('{ partnerNetwork { nodes { id } } }')).toBe(1 + 1 * 50 + 5 * 11);
    expect(cost('{ partnerNetwork(depth: 2, first: 100) { nodes { id } } }')).toBe(1 + 2 * 100 + 10 * 11);
    expect(cost('{ partnerNetwork(depth: 9, first: 1000) { nodes { id } } }')).toBe(1 + 3 * 200 + 20 * 11);
  });

  it('multiplies a list named edges outside a connection like any other list', () => {
    expect(cost('{ partnerNetwork(first: 10) { edges { source } } }')).toBe(1 + 1 * 10 + 1 * (1 + 10 * 1));
  });
});

describe('depthLimitRule', () => {
  it('refuses a query nested deeper than the limit with QUERY_TOO_DEEP, the limit and what to do', () => {
    const errors = validate(schema, parse('query Deep { innovations { edges { node { themes { id } } } } }'), [depthLimitRule(3)]);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    // innovations 1 + edges 1 + node 1 + themes 1 (a leaf adds nothing): 4.
    expect(error!.message).toBe('The operation Deep nests selections 4 levels deep, and the limit is 3; split it into several queries.');
    expect(error!.extensions).toEqual({ code: 'QUERY_TOO_DEEP', maxDepth: 3, depth: 4 });
    expect(error!.originalError).toBeInstanceOf(QueryLimitError);
    expect((error!.originalError as QueryLimitError).code).toBe(ErrorCode.QUERY_TOO_DEEP);
  });

  it('says how deep an anonymous query nests, through fragments, and leaves introspection out', () => {
    const query = 'fragment F on Innovation { themes { id } } { innovations { edges { node { ...F } } } __schema { types { fields { type { name } } } } }';
    const [error] = validate(schema, parse(query), [depthLimitRule(3)]);
    expect(error!.message).toBe('The query nests selections 4 levels deep, and the limit is 3; split it into several queries.');
  });

  it('lets a query at the limit through', () => {
    expect(validate(schema, parse('{ innovations { edges { node { id } } } }'), [depthLimitRule(3)])).toEqual([]);
  });
});

/** Runs the plugin's hooks for one request, as Apollo would, and returns what it threw and the response's extensions. */
async function runPlugin(plugin: ReturnType<typeof complexityLimitPlugin>, query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const hooks = (await plugin.requestDidStart!({} as never))!;
  let error: GraphQLError | undefined;
  try {
    await hooks.didResolveOperation!({ request: { query, variables }, document, schema, operation, contextValue: {} } as never);
  } catch (thrown) {
    error = thrown as GraphQLError;
  }
  const response = { body: { kind: 'single', singleResult: { data: {} } } } as { body: { kind: 'single'; singleResult: { data: unknown; extensions?: Record<string, unknown> } } };
  await hooks.willSendResponse!({ response } as never);
  return { error, extensions: response.body.singleResult.extensions };
}

describe('complexityLimitPlugin', () => {
  it('refuses more than MAX_ROOT_FIELDS root fields, aliases and fragments included', async () => {
    const aliases = Array.from({ length: MAX_ROOT_FIELDS }, (_, i) => `a${i}: innovation(id: "${i}") { id }`).join(' ');
    const { error } = await runPlugin(complexityLimitPlugin(1_000_000), `{ ${aliases} ...More } fragment More on Query { extra: innovation(id: "x") { id } }`);
    expect(error!.message).toBe(
      `The query asks for ${MAX_ROOT_FIELDS + 1} root fields (aliases included), and the limit is ${MAX_ROOT_FIELDS}. Send several requests, or ask for a list in one field.`,
    );
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rootFields: 21, maxRootFields: 20 });
  });

  it('counts a response key once however often it is selected', async () => {
    const repeated = Array.from({ length: 30 }, () => 'same: innovation(id: "x") { id }').join(' ');
    expect((await runPlugin(complexityLimitPlugin(1_000_000), `{ ${repeated} }`)).error).toBeUndefined();
  });

  it('refuses an estimated cost above the limit, stating both', async () => {
    const { error } = await runPlugin(complexityLimitPlugin(600), `{ innovations(first: 100) ${PAGE} }`);
    expect(error!.message).toBe('The query is too costly: its estimated cost is 601, and the limit is 600. Ask for fewer items (a smaller first) or fewer nested lists.');
    expect(error!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 601, maxComplexity: 600, http: { status: 400 } });
    expect((await runPlugin(complexityLimitPlugin(601), `{ innovations(first: 100) ${PAGE} }`)).error).toBeUndefined();
  });

  it('leaves variables of the wrong type to execution, which refuses them as bad input', async () => {
    expect((await runPlugin(complexityLimitPlugin(10), `query ($n: Int) { innovations(first: $n) ${PAGE} }`, { n: 'many' })).error).toBeUndefined();
  });

  it('charges the client its cost from the budget, says what is left, and refuses a query it cannot pay for', async () => {
    const budget = new CostBudget(50);
    const plugin = complexityLimitPlugin(1_000, { accountOf: () => ({ budget, client: 'address 192.0.2.1' }) });
    const first = await runPlugin(plugin, `{ innovations(first: 5) ${PAGE} }`);
    expect(first.error).toBeUndefined();
    expect(first.extensions).toMatchObject({ cost: { requested: 31, limit: 50, remaining: 19 } });
    const second = await runPlugin(plugin, `{ innovations(first: 5) ${PAGE} }`);
    expect(second.error!.message).toMatch(/^Rate limited: the query costs 31 points and this client has 19 of 50 left this minute\. Try again in ([1-9]|[1-5]\d|60) s, or ask for less\.$/);
    expect(second.error!.extensions).toMatchObject({ code: 'RATE_LIMITED', http: { status: 429 } });
    expect(second.extensions).toMatchObject({ cost: { requested: 31, remaining: 19 } });
  });

  it('adds no cost to an answer the budget does not meter', async () => {
    const plugin = complexityLimitPlugin(1_000, { accountOf: () => undefined });
    expect((await runPlugin(plugin, `{ innovations(first: 5) ${PAGE} }`)).extensions).toBeUndefined();
  });
});

describe('the price of introspection', () => {
  it('is fixed by the answer, not by its lists: the standard introspection query costs what __schema does', () => {
    expect(cost(getIntrospectionQuery())).toBe(1_000);
    expect(cost(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }))).toBe(1_000);
  });

  it('prices one type at 50, and __typename like any other field', () => {
    expect(cost('{ __type(name: "Innovation") { name fields { name type { name ofType { name } } } } }')).toBe(50);
    expect(cost('{ __typename }')).toBe(1);
  });

  it('still counts every alias of it, so twenty copies stay under the limit and no more fit in one query', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(20_000);
  });
});
