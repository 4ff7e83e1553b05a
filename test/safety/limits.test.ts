import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { playgroundExamples } from '../../src/http/playground-examples.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useQueryLog } from '../support/query-log.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const rateLimited = useTestApi(graph, { security: { rateLimitPerMinute: 5 } });
const production = useTestApi(graph, { production: true });

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function send(baseUrl: string, init: { method?: string; headers?: Record<string, string>; body?: string; search?: string }): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${baseUrl}/graphql${init.search ?? ''}`, { method: init.method ?? 'POST', headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

function post(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return send(baseUrl, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

// Every Cypher query the API runs while a test runs, by tag.
const queries = useQueryLog(graph);

function nested(field: string, levels: number, leaf: string): string {
  return levels === 0 ? leaf : `${field} { ${nested(field, levels - 1, leaf)} }`;
}

describe('the depth limit', () => {
  it('refuses a query nested deeper than 12 levels before any Cypher runs', async () => {
    const query = `query Deep { organisation(id: "aarhus-kommune") { ${nested('parent', 13, 'id')} } }`;
    const { status, body } = await post(api.baseUrl, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        // organisation, then 13 parents, each a level above what it selects.
        message: 'The operation Deep nests selections 14 levels deep, and the limit is 12; split it into several queries.',
        locations: [expect.any(Object)],
        extensions: { code: 'QUERY_TOO_DEEP', maxDepth: 12, depth: 14 },
      },
    ]);
    expect(queries.tags).toEqual([]);
  });

  it('lets a query of exactly 12 levels through', async () => {
    const query = `{ organisation(id: "aarhus-kommune") { ${nested('parent', 10, 'id')} } }`;
    const { status, body } = await post(api.baseUrl, query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ organisation: { parent: null } });
  });
});

describe('the cost limit', () => {
  it('refuses a page of 100 innovations with lists of lists inside, with the estimated cost, before any Cypher runs', async () => {
    const query = '{ innovations(first: 100) { edges { node { nominators { units { units { id } } } } } } }';
    const { status, body } = await post(api.baseUrl, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    // 100 items x (edges 1 + node 1 + nominators 1 + 10 x (units 1 + 10 x (units 1 + 10 x id 1))) + 1
    expect(body.errors![0]!.message).toBe(
      'The query is too costly: its estimated cost is 111301, and the limit is 25000. Ask for fewer items (a smaller first) or fewer nested lists.',
    );
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 111301, maxComplexity: 25000 });
    expect(queries.tags).toEqual([]);
  });

  it('counts first given through variables, not only written inline', async () => {
    const query = 'query ($n: Int) { innovations(first: $n) { edges { node { nominators { units { units { id } } } } } } }';
    const { body } = await post(api.baseUrl, query, { n: 100 });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', cost: 111301 });
    const small = await post(api.baseUrl, query, { n: 2 });
    expect(small.body.errors).toBeUndefined();
    expect(queries.tags.length).toBeGreaterThan(0);
  });

  it('refuses a first above 100 as bad input, naming the rule and the value', async () => {
    const { body } = await post(api.baseUrl, '{ innovations(first: 101) { totalCount } }');
    expect(body.errors![0]).toMatchObject({ message: 'first must be a whole number from 1 to 100, got 101', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('the request body limit', () => {
  it('answers a body over 100 kB with 413 and a GraphQL-shaped error, and runs nothing', async () => {
    const body = JSON.stringify({ query: 'query ($s: String!) { search(text: $s) { edges { score } } }', variables: { s: 'a'.repeat(110 * 1024) } });
    const response = await send(api.baseUrl, { headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ errors: [{ message: 'The request body is larger than the limit of 100 kB.', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    expect(queries.tags).toEqual([]);
  });

  it('answers a body that is not JSON with 400 and a GraphQL-shaped error', async () => {
    const response = await send(api.baseUrl, { headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expect(response.body.errors![0]!.extensions.code).toBe('BAD_REQUEST');
    expect(response.body.errors![0]!.message).toMatch(/^The request body is not valid JSON: /);
  });
});

describe('the rate limit', () => {
  it('answers the 6th request within a minute with 429 and RATE_LIMITED when the limit is 5', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await post(rateLimited.baseUrl, '{ __typename }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const response = await fetch(`${rateLimited.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ graphStatistics { innovations } }' }) });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Too many requests: at most 5 a minute from one client. Try again in up to 60 s.', extensions: { code: 'RATE_LIMITED', limitPerMinute: 5 } }],
    });
    expect(response.headers.get('ratelimit-policy')).toContain('q=5');
    expect(queries.tags).toEqual([]);
  });

  it('leaves health checks alone once a client has reached it', async () => {
    expect((await post(rateLimited.baseUrl, '{ __typename }')).status).toBe(429);
    expect((await fetch(`${rateLimited.baseUrl}/health/live`)).status).toBe(200);
  });
});

describe('CSRF prevention', () => {
  const CSRF = /blocked as a potential Cross-Site Request Forgery \(CSRF\)/;

  it('refuses a GET with neither a content type nor a preflight header', async () => {
    const { status, body } = await send(api.baseUrl, { method: 'GET', search: `?query=${encodeURIComponent('{ graphStatistics { innovations } }')}` });
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toMatch(CSRF);
    expect(body.errors![0]!.extensions.code).toBe('BAD_REQUEST');
    expect(queries.tags).toEqual([]);
  });

  it('refuses a POST sent as text/plain, as a cross-site form would send it, even with an editor token, and writes nothing', async () => {
    const before = await graph.read<{ n: number }>('MATCH (n) RETURN count(n) AS n', {}, { tag: 'test.count' });
    const mutation = 'mutation { createOrganisation(input: { id: "csrf-forged", name: "Forged", kind: OTHER }) { organisation { id } } }';
    const { status, body } = await send(api.baseUrl, { headers: { 'content-type': 'text/plain', ...(await bearer('editor')) }, body: JSON.stringify({ query: mutation }) });
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toMatch(CSRF);
    expect(await graph.read('MATCH (n) RETURN count(n) AS n', {}, { tag: 'test.count' })).toEqual(before);
  });

  it('answers the same request sent as application/json, or as a GET that says it is not a simple request', async () => {
    const json = await post(api.baseUrl, '{ graphStatistics { innovations } }');
    expect(json.status).toBe(200);
    expect(json.body.errors).toBeUndefined();
    const get = await send(api.baseUrl, { method: 'GET', headers: { 'apollo-require-preflight': 'true' }, search: `?query=${encodeURIComponent('{ innovation(id: "min-video") { id } }')}` });
    expect(get).toEqual({ status: 200, body: { data: { innovation: { id: 'min-video' } } } });
  });
});

describe('production mode', () => {
  it('refuses introspection', async () => {
    const { status, body } = await post(production.baseUrl, '{ __schema { queryType { name } } }');
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toContain('introspection is not allowed');
    expect(body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' });
  });

  it('sends no stack trace with any kind of error', async () => {
    const bodies = [
      (await post(production.baseUrl, '{ innovations(first: 101) { totalCount } }')).body,
      (await post(production.baseUrl, '{ innovation(id: 1, 2) { id } }')).body,
      (await post(production.baseUrl, '{ nosuchfield }')).body,
      (await post(production.baseUrl, `{ organisation(id: "x") { ${nested('parent', 13, 'id')} } }`)).body,
      (await post(production.baseUrl, '{ innovations(first: 100) { edges { node { nominators { units { units { id } } } } } } }')).body,
      (await post(production.baseUrl, '{ innovation(id: "min-video") { id } }', {}, { authorization: 'Bearer forged' })).body,
      (await post(production.baseUrl, 'mutation { createOrganisation(input: { name: "X y", kind: OTHER }) { problem { code } } }')).body,
    ];
    expect(bodies.map((b) => b.errors![0]!.extensions.code)).toEqual([
      'BAD_USER_INPUT',
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'QUERY_TOO_DEEP',
      'QUERY_TOO_COMPLEX',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    for (const body of bodies) expect(JSON.stringify(body)).not.toMatch(/stacktrace|\/src\/|node_modules/);
  });
});

/** The operations of the README's graphql blocks, as a reader would paste them. */
function readmeExamples(): string[] {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('the documented example queries', () => {
  const examples = [
    ...readmeExamples().map((query, i) => [`README example ${i + 1}`, query] as const),
    ...playgroundExamples.map((example) => [`the ${example.audience} playground tab`, example.query] as const),
  ];

  it('are all found: four in the README and four in the playground', () => {
    expect(examples.map(([name]) => name)).toEqual([
      'README example 1',
      'README example 2',
      'README example 3',
      'README example 4',
      'the analyst playground tab',
      'the front-end playground tab',
      'the researcher playground tab',
      'the newcomer playground tab',
    ]);
    for (const [, query] of examples) expect(() => parse(query)).not.toThrow();
  });

  it.each(examples)('%s stays under the depth and cost limits and runs without errors', async (_name, query) => {
    const { status, body } = await post(api.baseUrl, query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
  });
});
