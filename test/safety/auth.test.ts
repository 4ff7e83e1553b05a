import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/auth/tokens.js';
import { TEST_JWT_SECRET, useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const privateContacts = useTestApi(graph, { security: { contactsRequireAuth: true } });
const ns = useNamespace(graph, 'auth');

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

async function post(baseUrl: string, query: string, variables: Record<string, unknown>, authorization?: string): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

const key = (secret: string) => new TextEncoder().encode(secret);
const now = () => Math.floor(Date.now() / 1000);

/** A token as this service issues them, with one thing about it changed. */
function token(change: { secret?: string; issuer?: string; audience?: string; roles?: unknown[]; expiresAt?: number | null }): Promise<string> {
  const jwt = new SignJWT({ roles: change.roles ?? ['editor'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('mallory')
    .setIssuer(change.issuer ?? TOKEN_ISSUER)
    .setAudience(change.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt(now() - 3_600);
  if (change.expiresAt !== null) jwt.setExpirationTime(change.expiresAt ?? now() + 600);
  return jwt.sign(key(change.secret ?? TEST_JWT_SECRET));
}

const QUERY = '{ innovation(id: "min-video") { id title } }';
const CREATE = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }';

async function writtenCounts(): Promise<{ organisations: number; changes: number }> {
  const [row] = await graph.read<{ organisations: number; changes: number }>(
    'CALL () { MATCH (o:Organisation) RETURN count(o) AS organisations } CALL () { MATCH (c:Change) RETURN count(c) AS changes } RETURN organisations, changes',
    {},
    { tag: 'test.counts' },
  );
  return row!;
}

const refusals: [string, () => Promise<string>, string][] = [
  ['a token signed with another secret', async () => `Bearer ${await token({ secret: 'another-secret-that-is-also-32-characters-long' })}`, 'The access token is not signed by this service.'],
  ['an expired token', async () => `Bearer ${await token({ expiresAt: now() - 60 })}`, 'The access token has expired; ask for a new one.'],
  ['a token that never expires', async () => `Bearer ${await token({ expiresAt: null })}`, 'The access token has no expiry; tokens of this service always expire.'],
  ['a token issued by someone else', async () => `Bearer ${await token({ issuer: 'someone-else' })}`, 'The access token is not for this service (iss claim).'],
  ['a token for another audience', async () => `Bearer ${await token({ audience: 'another-api' })}`, 'The access token is not for this service (aud claim).'],
  ['a token with an unknown role', async () => `Bearer ${await token({ roles: ['superuser'] })}`, 'The access token names no subject or no known role.'],
  ['a Basic header', () => Promise.resolve('Basic x'), 'The Authorization header must be "Bearer <token>".'],
  ['a Bearer header without a token', () => Promise.resolve('Bearer'), 'The Authorization header must be "Bearer <token>".'],
  ['a token that is not a JWT', () => Promise.resolve('Bearer not.a.jwt'), 'The access token is malformed.'],
];

describe('credentials that are wrong', () => {
  it.each(refusals)('%s is refused with 401 for a query, saying why', async (_name, header, message) => {
    const { status, body } = await post(api.baseUrl, QUERY, {}, await header());
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0]!.message).toBe(message);
  });

  it.each(refusals)('%s is refused with 401 for createOrganisation, and nothing is written', async (name, header, message) => {
    const before = await writtenCounts();
    const id = ns(`refused-${refusals.findIndex(([n]) => n === name)}`);
    const { status, body } = await post(api.baseUrl, CREATE, { input: { id, name: 'Uvedkommende', kind: 'OTHER' } }, await header());
    expect(status).toBe(401);
    expect(body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0]!.message).toBe(message);
    expect(await writtenCounts()).toEqual(before);
    expect(await graph.read('MATCH (n {id: $id}) RETURN n', { id }, { tag: 'test.lookup' })).toEqual([]);
  });

  it('a token issued to expire in a second is taken at once and refused once it has expired', async () => {
    const short = `Bearer ${await issueToken({ subject: 'brief', roles: ['reader'], expiresIn: '1s' }, TEST_JWT_SECRET)}`;
    expect((await post(api.baseUrl, QUERY, {}, short)).status).toBe(200);
    // Five seconds of clock tolerance, so expiry shows a little after the second is up.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const { status, body } = await post(api.baseUrl, QUERY, {}, short);
    expect(status).toBe(401);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.errors![0]!.message).toBe('The access token has expired; ask for a new one.');
  }, 20_000);

  it('a valid editor token writes, so the refusals above are about the credentials alone', async () => {
    const id = ns('accepted');
    const { status, body } = await post(api.baseUrl, CREATE, { input: { id, name: 'Vedkommende', kind: 'OTHER' } }, (await bearer('editor', 'alice')).authorization);
    expect(status).toBe(200);
    expect(body.data).toEqual({ createOrganisation: { organisation: { id }, problem: null } });
  });
});

describe('contact details when the deployment keeps them for readers', () => {
  const PERSON = '{ person(id: "jens-bolwig") { id name role email phone organisation { id } } }';

  it('are null for anonymous callers, while the rest of the person is shown', async () => {
    const { status, body } = await post(privateContacts.baseUrl, PERSON, {});
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { person: { id: 'jens-bolwig', name: 'Jens Bolwig', role: 'it-konsulent', email: null, phone: null, organisation: { id: 'aarhus-kommune' } } },
    });
  });

  it('are null on contacts reached through an innovation too', async () => {
    const { body } = await post(privateContacts.baseUrl, '{ innovations(first: 100) { edges { node { contacts { id email phone } } } } }', {});
    const contacts = (body.data!.innovations as { edges: { node: { contacts: { id: string; email: string | null; phone: string | null }[] } }[] }).edges.flatMap((e) => e.node.contacts);
    expect(contacts.find((c) => c.id === 'jens-bolwig')).toEqual({ id: 'jens-bolwig', email: null, phone: null });
    expect(contacts.every((c) => c.email === null && c.phone === null)).toBe(true);
  });

  it('are shown to a caller with a reader token', async () => {
    const { body } = await post(privateContacts.baseUrl, PERSON, {}, (await bearer('reader')).authorization);
    expect(body.data!.person).toMatchObject({ email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25' });
  });

  it('are shown to everyone where the deployment does not keep them back', async () => {
    const { body } = await post(api.baseUrl, PERSON, {});
    expect(body.data!.person).toMatchObject({ email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25' });
  });
});
