import { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { useTestApi } from '../support/api.js';
import { graphFingerprint } from '../support/graph-fingerprint.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'authz');

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
}

async function post(query: string, variables: Record<string, unknown>, role?: Role): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(role ? await bearer(role) : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const needsToken = (field: string, role: Role) => `${field} needs a bearer token with the role ${role}; send "Authorization: Bearer <token>" (npm run token issues one).`;
const needsRole = (field: string, role: Role, held: Role) => `${field} needs the role ${role}; your token has ${held}.`;

describe('the role is checked before the input', () => {
  const CREATE = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }';
  const MERGE = 'mutation ($keepId: ID!, $mergeId: ID!) { mergeOrganisations(keepId: $keepId, mergeId: $mergeId) { organisation { id } problem { code } } }';
  // A blank name and an id that is no slug: input every rule of a new organisation refuses.
  const blank = () => ({ input: { id: ns('Not A Slug'), name: '', kind: 'OTHER' } });

  it('refuses a reader creating an organisation with a blank name as FORBIDDEN, not as bad input, and writes nothing', async () => {
    const before = await graphFingerprint(graph);
    const { status, body } = await post(CREATE, blank(), 'reader');
    expect(status).toBe(200);
    expect(body.errors).toEqual([expect.objectContaining({ message: needsRole('createOrganisation', 'editor', 'reader'), extensions: { code: 'FORBIDDEN' } })]);
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('refuses an anonymous caller sending the same input with 401 UNAUTHENTICATED, and writes nothing', async () => {
    const before = await graphFingerprint(graph);
    const { status, body } = await post(CREATE, blank());
    expect(status).toBe(401);
    expect(body.errors).toEqual([expect.objectContaining({ message: needsToken('createOrganisation', 'editor'), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(await graphFingerprint(graph)).toEqual(before);
  });

  it('tells an editor what is wrong with the same input, so the refusals above are about the role alone', async () => {
    const { body } = await post(CREATE, blank(), 'editor');
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an editor merging ids that are no slugs as FORBIDDEN: merging needs an admin', async () => {
    const before = await graphFingerprint(graph);
    const { body } = await post(MERGE, { keepId: 'Not A Slug', mergeId: 'neither is this' }, 'editor');
    expect(body.errors).toEqual([expect.objectContaining({ message: needsRole('mergeOrganisations', 'admin', 'editor'), extensions: { code: 'FORBIDDEN' } })]);
    expect(await graphFingerprint(graph)).toEqual(before);
    const admin = await post(MERGE, { keepId: 'Not A Slug', mergeId: 'neither is this' }, 'admin');
    expect(admin.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

// Read from the schema as it stands, so that a mutation added tomorrow is in the list without
// anyone keeping it in step.
const mutations = Object.values((await buildApiSchema()).getMutationType()!.getFields());

/** The role a mutation's description says it needs; the anonymous refusal names it from there. */
function describedRole(field: GraphQLField<unknown, unknown>): Role | undefined {
  const named = /Needs the role (\w+)/.exec(field.description ?? '')?.[1];
  return ROLES.find((role) => role === named);
}

/**
 * A value of the type with only what GraphQL requires: every value has the declared type, so the
 * request reaches the resolver's own checks, which are all the checker has to win against.
 */
function minimalValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(required.map((f) => [f.name, minimalValue(f.type)]));
  }
  switch (type.name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return ns('unused');
  }
}

/** The mutation alone, with every required argument as a variable of a minimal value. */
function minimalCall(field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `mutation${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((a) => [a.name, minimalValue(a.type)])),
  };
}

describe('every mutation', () => {
  it.each(mutations.map((m) => [m.name, m] as const))('%s names the role it needs in its description', (_name, field) => {
    expect(describedRole(field), field.description ?? '').toBeDefined();
  });

  it.each(mutations.map((m) => [m.name, m] as const))('%s refuses an anonymous caller with 401 UNAUTHENTICATED, naming the role', async (name, field) => {
    const { query, variables } = minimalCall(field);
    const { status, body } = await post(query, variables);
    expect(status).toBe(401);
    expect(body.errors).toEqual([expect.objectContaining({ message: needsToken(name, describedRole(field) ?? 'editor'), extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
  });

  // A mutation without @Authorized would run for these callers, and answer with data or with a
  // problem of its input instead.
  it.each(mutations.map((m) => [m.name, m] as const))('%s refuses every role below the one it needs with FORBIDDEN, naming both, and writes nothing', async (name, field) => {
    const needed = describedRole(field) ?? 'editor';
    // Writing needs an editor at least, so every mutation has a reader to refuse.
    const below = ROLES.slice(0, ROLES.indexOf(needed));
    expect(below.length).toBeGreaterThan(0);
    const before = await graphFingerprint(graph);
    const { query, variables } = minimalCall(field);
    for (const held of below) {
      const { body } = await post(query, variables, held);
      expect(body.errors).toEqual([expect.objectContaining({ message: needsRole(name, needed, held), extensions: { code: 'FORBIDDEN' } })]);
    }
    expect(await graphFingerprint(graph)).toEqual(before);
  });
});
