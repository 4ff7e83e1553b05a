import { getIntrospectionQuery, buildClientSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../src/modules/schema.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

// What GraphiQL's Docs panel, code generators and IDE plugins send: the standard introspection
// query, which was refused as too costly when its lists were priced like pages of items.

const graph = useTestGraph();
const development = useTestApi(graph);
const production = useTestApi(graph, { production: true });
const productionOptedIn = useTestApi(graph, { production: true, introspection: true });

async function introspect(baseUrl: string): Promise<{ status: number; body: { data?: IntrospectionQuery; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as never };
}

describe('introspection', () => {
  it('answers the standard introspection query in development, with the whole schema the server runs', async () => {
    const { status, body } = await introspect(development.baseUrl);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(printSchema(buildClientSchema(body.data!))).toBe(printSchema(await buildApiSchema()));
  });

  it('is off in production', async () => {
    const { body } = await introspect(production.baseUrl);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
  });

  it('answers in production when the operator turns it on', async () => {
    const { body } = await introspect(productionOptedIn.baseUrl);
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.queryType?.name).toBe('Query');
  });
});
