import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { useQueryLog } from '../support/query-log.js';
import { bearer } from '../support/tokens.js';

// Findings of an attack on the API, each replayed against the real server and database.

const graph = useTestGraph();
const api = useTestApi(graph);
// A budget no test exhausts: every answer reports what its query cost.
const metered = useTestApi(graph, { security: { rateLimitPointsPerMinute: 10_000_000 } });
const budgeted = useTestApi(graph, { security: { rateLimitPointsPerMinute: 40 } });
const budgetedByCaller = useTestApi(graph, { security: { rateLimitPointsPerMinute: 20, rateLimitPointsPerMinuteAuthenticated: 40 } });
const ns = useNamespace(graph, 'attacks');
const queries = useQueryLog(graph);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
  extensions?: { cost?: { requested: number; limit: number; remaining: number; resetAt: string } };
}

async function post(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as GraphQLBody;
  // Outside production errors carry their stack trace; what a client reads is the rest.
  for (const error of body.errors ?? []) delete error.extensions.stacktrace;
  return { status: response.status, body };
}

/** The cost the server estimates for a query, as it reports it. */
async function costOf(query: string, variables: Record<string, unknown> = {}): Promise<number | undefined> {
  const { body } = await post(metered.baseUrl, query, variables);
  return body.extensions?.cost?.requested ?? (body.errors?.[0]?.extensions.cost as number | undefined);
}

const EXPENSIVE = 'a: innovations(first: 100) { edges { node { nominators { units { units { id } } } } } }';

describe('the cost estimate', () => {
  it('is not cancelled by a negative first elsewhere in the query', async () => {
    const { status, body } = await post(api.baseUrl, `{ ${EXPENSIVE} b: innovations(first: -2000000000) { totalCount } }`);
    expect(status).toBe(400);
    // 111 301 for the page, and the negative first counted as 1: 1 + 1 x totalCount, raised to a root field's 10.
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 111_311 });
    expect(queries.tags).toEqual([]);
  });

  it('is not cancelled by a negative first given as a variable', async () => {
    const { body } = await post(api.baseUrl, `query ($n: Int) { ${EXPENSIVE} b: organisations(first: $n) { totalCount } }`, { n: -2_000_000_000 });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 111_311 });
    expect(queries.tags).toEqual([]);
  });

  it('counts a first above its documented maximum as the maximum', async () => {
    expect(await costOf('{ innovations(first: 1000000) { edges { node { id } } } }')).toBe(await costOf('{ innovations(first: 100) { edges { node { id } } } }'));
    expect(await costOf('{ innovations(first: 100) { edges { node { id } } } }')).toBe(301);
  });

  it('prices partnerNetwork by its depth and first', async () => {
    const network = (depth: number, first: number) =>
      `{ partnerNetwork(organisationId: "aarhus-kommune", depth: ${depth}, first: ${first}) { nodes { id } edges { source innovations { id title } } } }`;
    // 1 + depth x first, plus the selection (nodes 11, edges 221) once per 10 nodes.
    expect(await costOf(network(1, 50))).toBe(1 + 50 + 5 * 232);
    expect(await costOf(network(3, 200))).toBe(1 + 600 + 20 * 232);
    // Out of bounds (1 to 3, 1 to 200) counts as the bound.
    expect(await costOf(network(-50, -5000))).toBe(1 + 1 + 1 * 232);
    expect(await costOf(network(99, 99999))).toBe(1 + 600 + 20 * 232);
  });

  it('prices every root field at 10 at least', async () => {
    expect(await costOf('{ region(id: "syddanmark") { id } }')).toBe(10);
    expect(await costOf('{ a: region(id: "syddanmark") { id } b: region(id: "hovedstaden") { id } }')).toBe(20);
  });
});

describe('the root field limit', () => {
  it('refuses 1 000 aliases of a cheap root field before any Cypher runs, naming the count and the limit', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `s${i}: spreadStats(groupBy: MODE) { groupBy }`).join(' ');
    const { status, body } = await post(api.baseUrl, `{ ${aliases} }`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: 'The query asks for 1000 root fields (aliases included), and the limit is 20. Send several requests, or ask for a list in one field.',
        extensions: { code: 'QUERY_TOO_COMPLEX', rootFields: 1000, maxRootFields: 20 },
      },
    ]);
    expect(queries.tags).toEqual([]);
  });

  it('counts root fields spread in through fragments', async () => {
    const fields = Array.from({ length: 21 }, (_, i) => `r${i}: region(id: "syddanmark") { id }`).join(' ');
    const { body } = await post(api.baseUrl, `query { ...F } fragment F on Query { ${fields} }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', rootFields: 21 });
  });

  it('lets 20 root fields through', async () => {
    const fields = Array.from({ length: 20 }, (_, i) => `r${i}: region(id: "syddanmark") { id }`).join(' ');
    const { status, body } = await post(api.baseUrl, `{ ${fields} }`);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(Object.keys(body.data!)).toHaveLength(20);
  });
});

describe('the budget of cost points', () => {
  const PAGE = '{ innovations(first: 5) { edges { node { id } } } }'; // 1 + 5 x 3 = 16

  it('reports each answer\'s cost and what is left, and refuses with 429 a query the client has no points left for, before it runs', async () => {
    const first = await post(budgeted.baseUrl, PAGE);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.extensions!.cost).toEqual({ requested: 16, limit: 40, remaining: 24, resetAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const resetAt = Date.parse(first.body.extensions!.cost!.resetAt);
    expect(resetAt - Date.now()).toBeGreaterThan(50_000);
    expect(resetAt - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await post(budgeted.baseUrl, PAGE)).body.extensions!.cost).toMatchObject({ requested: 16, remaining: 8 });
    queries.tags.length = 0;

    const refused = await post(budgeted.baseUrl, PAGE);
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors![0]!.message).toMatch(/^Rate limited: the query costs 16 points and this client has 8 of 40 left this minute\. Try again in \d+ s, or ask for less\.$/);
    expect(refused.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(refused.body.extensions!.cost).toMatchObject({ requested: 16, limit: 40, remaining: 8 });
    expect(queries.tags).toEqual([]);

    // What fits in what is left still runs.
    const cheap = await post(budgeted.baseUrl, '{ __typename }');
    expect(cheap.body).toMatchObject({ data: { __typename: 'Query' }, extensions: { cost: { requested: 1, remaining: 7 } } });
  });

  it('charges a signed-in caller by its token\'s subject, with a budget of its own, and anonymous callers by address', async () => {
    const spend = async (headers: Record<string, string>) => (await post(budgetedByCaller.baseUrl, PAGE, {}, headers)).body.extensions?.cost;
    const alice = await bearer('reader', ns('alice'));
    expect(await spend(alice)).toMatchObject({ requested: 16, limit: 40, remaining: 24 });
    // Another token of the same subject draws on the same points; another subject has its own.
    expect(await spend(await bearer('editor', ns('alice')))).toMatchObject({ limit: 40, remaining: 8 });
    expect(await spend(await bearer('reader', ns('bob')))).toMatchObject({ limit: 40, remaining: 24 });
    // Anonymous callers on this address have the smaller budget, untouched by the signed-in ones.
    expect(await spend({})).toMatchObject({ requested: 16, limit: 20, remaining: 4 });
    const refused = await post(budgetedByCaller.baseUrl, PAGE, {}, alice);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toEqual({ code: 'RATE_LIMITED' });
  });
});

describe('variables of the wrong shape', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['a string for an Int', 'query ($n: Int) { innovations(first: $n) { totalCount } }', { n: 'abc' }],
    ['a missing required variable', 'query ($id: ID!) { innovation(id: $id) { id } }', {}],
    ['an unknown input field', 'query ($f: InnovationFilter) { innovations(filter: $f) { totalCount } }', { f: { nosuchfield: 1 } }],
    ['a bad enum value', 'query ($g: SpreadGroupBy!) { spreadStats(groupBy: $g) { groupBy } }', { g: 'NOPE' }],
    ['a list where an object goes', 'query ($f: InnovationFilter) { innovations(filter: $f) { totalCount } }', { f: [1, 2] }],
  ];

  it.each(cases)('answer %s with 400 and BAD_USER_INPUT, running nothing', async (_name, query, variables) => {
    const { status, body } = await post(api.baseUrl, query, variables);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(queries.tags).toEqual([]);
  });
});

describe('concurrent creates of one id', () => {
  it('give one success and ALREADY_EXISTS to the others, and make one node', async () => {
    const id = ns('race');
    const editor = await bearer('editor');
    const create = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message field } } }';
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(api.baseUrl, create, { input: { id, name: 'Kapløbskommune', kind: 'MUNICIPALITY' } }, editor)));
    for (const answer of answers) expect(answer.body.errors).toBeUndefined();
    const payloads = answers.map((a) => a.body.data!.createOrganisation as { organisation: { id: string } | null; problem: unknown });
    expect(payloads.filter((p) => p.organisation !== null)).toEqual([{ organisation: { id }, problem: null }]);
    const problems = payloads.filter((p) => p.organisation === null).map((p) => p.problem);
    expect(problems).toEqual(
      Array.from({ length: 7 }, () => ({ code: 'ALREADY_EXISTS', message: `An organisation with id "${id}" exists already; update it instead, or give another id.`, field: 'input.id' })),
    );
    expect(await graph.read('MATCH (o:Organisation {id: $id}) RETURN count(o) AS n', { id }, { tag: 'test.count' })).toEqual([{ n: 1 }]);
  });
});

describe('names', () => {
  const create = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code } } }';

  it('refuse a name with no letter or digit to make the id from, and write nothing', async () => {
    const { body } = await post(api.baseUrl, create, { input: { name: '😀💩', kind: 'OTHER' } }, await bearer('editor'));
    expect(body.errors![0]).toMatchObject({
      message: 'input.name must hold a letter or digit to make an id from, got "😀💩"; give input.id (a slug such as "aarhus-kommune") as well.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
    expect(await graph.read("MATCH (o:Organisation) WHERE o.id = '' RETURN count(o) AS n", {}, { tag: 'test.count' })).toEqual([{ n: 0 }]);
  });

  it('accept such a name with an id of its own', async () => {
    const { body } = await post(api.baseUrl, create, { input: { id: ns('emoji'), name: '😀💩', kind: 'OTHER' } }, await bearer('editor'));
    expect(body).toEqual({ data: { createOrganisation: { organisation: { id: ns('emoji') }, problem: null } } });
  });

  const refused: [string, string, string][] = [
    ['blank', '   ', 'input.name must hold a visible character, got "   "'],
    ['zero-width only', '\u200B\u200D\uFEFF', 'input.name must hold a visible character, got "\u200B\u200D\uFEFF"'],
    ['with a control character', 'Evil\u0007Corp', 'input.name must not hold control or bidi-control characters, got U+0007 in "Evil\\u0007Corp"'],
    ['with a bidi override', 'Kommune\u202Egnudlof', 'input.name must not hold control or bidi-control characters, got U+202E in "Kommune\u202Egnudlof"'],
  ];

  it.each(refused)('refuse a name %s as BAD_USER_INPUT, and write nothing', async (_name, name, message) => {
    const id = ns(`name-${name.codePointAt(0)!}`);
    const { body } = await post(api.baseUrl, create, { input: { id, name, kind: 'OTHER' } }, await bearer('editor'));
    expect(body.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field: 'input.name' } });
    expect(await graph.read('MATCH (o:Organisation {id: $id}) RETURN count(o) AS n', { id }, { tag: 'test.count' })).toEqual([{ n: 0 }]);
  });
});

describe('an anonymous write', () => {
  const create = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }';
  const UNAUTHENTICATED = {
    message: 'createOrganisation needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
    extensions: { code: 'UNAUTHENTICATED' },
  };

  it.each([
    ['a name too short', { name: 'x', kind: 'OTHER' }],
    ['a bad enum value', { name: 'Testkommune', kind: 'NOPE' }],
    ['an unknown field', { name: 'Testkommune', kind: 'OTHER', nosuchfield: 1 }],
    ['a missing required field', { kind: 'OTHER' }],
  ])('with %s is refused as UNAUTHENTICATED, before its input is checked', async (_name, input) => {
    const { status, body } = await post(api.baseUrl, create, { input });
    expect(status).toBe(401);
    expect(body.errors).toEqual([UNAUTHENTICATED]);
    expect(queries.tags).toEqual([]);
  });

  it('written inline is refused the same way, naming the role the mutation needs', async () => {
    const { body } = await post(api.baseUrl, 'mutation { mergeOrganisations(keepId: "Not A Slug", mergeId: "x") { problem { code } } }');
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/^mergeOrganisations needs a bearer token with the role admin;/) });
  });
});
