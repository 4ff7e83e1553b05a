import { ClientError, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'history');

// useNamespace removes the namespaced nodes; their Change nodes carry random ids, so go here.
afterAll(async () => {
  await graph.write('MATCH (c:Change) WHERE c.entityId STARTS WITH $prefix DETACH DELETE c', { prefix: ns('') }, { tag: 'test.cleanup' });
});

const HISTORY = gql`
  query ($id: ID!, $first: Int) {
    history(entityId: $id, first: $first) { id at actor action entityType entityId summary before after }
  }
`;

interface ChangeView {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: string | null;
  after: string | null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let reader: { authorization: string };
const started = Date.now();

/** Runs a mutation and fails the test setup if it reports a problem. */
async function write(document: string, variables: Record<string, unknown>, headers: { authorization: string }): Promise<void> {
  const data = await api.client.request<Record<string, { problem: unknown }>>(document, variables, headers);
  expect(Object.values(data)[0]!.problem).toBeNull();
}

beforeAll(async () => {
  reader = await bearer('reader', 'rita');
  const hanne = await bearer('editor', 'hanne');
  const henrik = await bearer('editor', 'henrik');
  const ada = await bearer('admin', 'ada');
  const createOrganisation = gql`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { problem { message } } }`;
  const updateOrganisation = gql`mutation ($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { problem { message } } }`;
  const createPerson = gql`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { problem { message } } }`;
  const updatePerson = gql`mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { problem { message } } }`;
  const createInnovation = gql`mutation ($input: CreateInnovationInput!) { createInnovation(input: $input) { problem { message } } }`;
  const retireInnovation = gql`mutation ($id: ID!, $reason: String!) { retireInnovation(id: $id, reason: $reason) { problem { message } } }`;

  await write(createOrganisation, { input: { id: ns('org'), name: 'Navn A', kind: 'OTHER' } }, hanne);
  await write(updateOrganisation, { id: ns('org'), input: { name: 'Navn B' } }, hanne);
  await write(updateOrganisation, { id: ns('org'), input: { name: 'Navn C' } }, henrik);
  await write(createPerson, { input: { id: ns('person'), name: 'Per Historie', organisationId: ns('org') } }, hanne);
  await write(updatePerson, { id: ns('person'), input: { role: 'arkivar' } }, henrik);
  await write(
    createInnovation,
    { input: { id: ns('innovation'), title: 'Historisk innovation', summary: 'En innovation, hvis historie testes her.', kind: 'MAIN_CASE', nominatorIds: [ns('org')] } },
    hanne,
  );
  await write(retireInnovation, { id: ns('innovation'), reason: 'Kun til test.' }, ada);
  // An entity that was never changed through the API.
  await graph.write("CREATE (:Organisation {id: $id, name: 'Stille', kind: 'OTHER'})", { id: ns('quiet') }, { tag: 'test.setup' });
});

async function refusal(document: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const error = (await api.client.request(document, variables, headers).catch((e: unknown) => e)) as ClientError;
  expect(error).toBeInstanceOf(ClientError);
  return error.response.errors![0]!;
}

/** Runs a request and counts the Cypher queries it caused, by tag. */
async function withQueryCount<T>(run: () => Promise<T>): Promise<{ result: T; byTag: Record<string, number> }> {
  const byTag: Record<string, number> = {};
  const stop = graph.onQuery((event) => {
    byTag[event.tag] = (byTag[event.tag] ?? 0) + 1;
  });
  try {
    return { result: await run(), byTag };
  } finally {
    stop();
  }
}

describe('history', () => {
  it('lists the changes of an entity newest first, with who, when, what, and the entity before and after', async () => {
    const { history } = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('org') }, reader);
    expect(history.map((c) => [c.action, c.actor, c.summary])).toEqual([
      ['updateOrganisation', 'henrik', 'Updated Navn C.'],
      ['updateOrganisation', 'hanne', 'Updated Navn B.'],
      ['createOrganisation', 'hanne', 'Created Navn A.'],
    ]);
    for (const change of history) {
      expect(change).toMatchObject({ entityType: 'Organisation', entityId: ns('org') });
      expect(change.at).toMatch(ISO_DATE_TIME);
      expect(Date.parse(change.at)).toBeGreaterThanOrEqual(started - 1_000);
      expect(Date.parse(change.at)).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    const times = history.map((c) => Date.parse(c.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(new Set(history.map((c) => c.id)).size).toBe(3);
    expect(JSON.parse(history[0]!.before!)).toMatchObject({ id: ns('org'), name: 'Navn B' });
    expect(JSON.parse(history[0]!.after!)).toMatchObject({ id: ns('org'), name: 'Navn C' });
    expect(history[2]!.before).toBeNull();
    expect(JSON.parse(history[2]!.after!)).toMatchObject({ name: 'Navn A', kind: 'OTHER' });
  });

  it('keeps the history of people and innovations, retirement included', async () => {
    const person = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('person') }, reader);
    expect(person.history.map((c) => [c.action, c.actor, c.entityType])).toEqual([
      ['updatePerson', 'henrik', 'Person'],
      ['createPerson', 'hanne', 'Person'],
    ]);
    expect(JSON.parse(person.history[0]!.before!)).toMatchObject({ role: null, organisationId: ns('org') });
    expect(JSON.parse(person.history[0]!.after!)).toMatchObject({ role: 'arkivar' });
    const innovation = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('innovation') }, reader);
    expect(innovation.history.map((c) => [c.action, c.actor, c.summary])).toEqual([
      ['retireInnovation', 'ada', 'Retired Historisk innovation: Kun til test.'],
      ['createInnovation', 'hanne', 'Created Historisk innovation.'],
    ]);
    expect(JSON.parse(innovation.history[0]!.after!)).toMatchObject({ retired: true, retiredReason: 'Kun til test.', nominatorIds: [ns('org')] });
  });

  it('returns only the newest changes up to first', async () => {
    const two = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('org'), first: 2 }, reader);
    expect(two.history.map((c) => c.summary)).toEqual(['Updated Navn C.', 'Updated Navn B.']);
    const one = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('org'), first: 1 }, reader);
    expect(one.history.map((c) => c.summary)).toEqual(['Updated Navn C.']);
  });

  it('is empty for an unknown id and for an entity the API never changed', async () => {
    expect(await api.client.request(HISTORY, { id: ns('nobody') }, reader)).toEqual({ history: [] });
    expect(await api.client.request(HISTORY, { id: ns('quiet') }, reader)).toEqual({ history: [] });
  });

  it('keeps apart a person and an organisation that share an id, and still finds a merged duplicate', async () => {
    const editor = await bearer('editor', 'hanne');
    await write(gql`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { problem { message } } }`, { input: { id: ns('twin'), name: 'Tvilling', kind: 'OTHER' } }, editor);
    await write(gql`mutation ($input: CreatePersonInput!) { createPerson(input: $input) { problem { message } } }`, { input: { id: ns('twin'), name: 'Tvilling Person' } }, editor);
    const both = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('twin') }, reader);
    expect(both.history.map((c) => c.action).sort()).toEqual(['createOrganisation', 'createPerson']);
    const apart = await api.client.request<{ organisation: { history: { action: string }[] }; person: { history: { action: string }[] } }>(
      gql`query ($id: ID!) { organisation(id: $id) { history { action } } person(id: $id) { history { action } } }`,
      { id: ns('twin') },
      reader,
    );
    expect(apart).toEqual({ organisation: { history: [{ action: 'createOrganisation' }] }, person: { history: [{ action: 'createPerson' }] } });
    // A merge leaves the duplicate as a tombstone under another label; its history stays readable.
    await graph.write('MATCH (p:Person {id: $id}) REMOVE p:Person SET p:MergedPerson', { id: ns('twin') }, { tag: 'test.setup' });
    const afterMerge = await api.client.request<{ history: ChangeView[] }>(HISTORY, { id: ns('twin') }, reader);
    expect(afterMerge.history.map((c) => c.action).sort()).toEqual(['createOrganisation', 'createPerson']);
  });

  it.each([0, 101, -3])('rejects first = %i: it must be a whole number from 1 to 100', async (first) => {
    expect(await refusal(HISTORY, { id: ns('org'), first }, reader)).toMatchObject({
      message: `first must be a whole number from 1 to 100, got ${first}`,
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });

  it('is refused without a token: it names who changed what', async () => {
    expect(await refusal(HISTORY, { id: ns('org') })).toMatchObject({
      message: 'history needs a bearer token with the role reader; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('the history field of innovations, organisations and people', () => {
  const NESTED = gql`
    query ($org: ID!, $person: ID!, $innovation: ID!) {
      organisation(id: $org) { history { action actor } }
      person(id: $person) { history(first: 1) { action } }
      innovation(id: $innovation) { retired history { action } }
      newest: history(entityId: $org, first: 1) { summary }
    }
  `;

  it('gives each entity its own changes, each as long as its first asks', async () => {
    const result = await api.client.request<Record<string, unknown>>(NESTED, { org: ns('org'), person: ns('person'), innovation: ns('innovation') }, reader);
    expect(result).toEqual({
      organisation: {
        history: [
          { action: 'updateOrganisation', actor: 'henrik' },
          { action: 'updateOrganisation', actor: 'hanne' },
          { action: 'createOrganisation', actor: 'hanne' },
        ],
      },
      person: { history: [{ action: 'updatePerson' }] },
      innovation: { retired: true, history: [{ action: 'retireInnovation' }, { action: 'createInnovation' }] },
      newest: [{ summary: 'Updated Navn C.' }],
    });
  });

  it('batches the history of every item of a list into one query', async () => {
    const { result, byTag } = await withQueryCount(() =>
      api.client.request<{ organisation: { people: { id: string; history: { action: string }[] }[] } }>(
        gql`query ($org: ID!) { organisation(id: $org) { people { id history { action } } } }`,
        { org: ns('org') },
        reader,
      ),
    );
    expect(result.organisation.people).toEqual([{ id: ns('person'), history: [{ action: 'updatePerson' }, { action: 'createPerson' }] }]);
    expect(byTag['history.byEntity']).toBe(1);
    const many = await withQueryCount(() =>
      api.client.request<{ innovations: { edges: { node: { history: unknown[] } }[] } }>(gql`{ innovations(first: 30) { edges { node { history { id } } } } }`, {}, reader),
    );
    expect(many.result.innovations.edges).toHaveLength(30);
    expect(many.byTag['history.byEntity']).toBe(1);
  });

  it('is refused without a token, naming the field', async () => {
    const error = await refusal(gql`query ($org: ID!) { organisation(id: $org) { name history { action } } }`, { org: ns('org') });
    expect(error).toMatchObject({
      message: 'Organisation.history needs a bearer token with the role reader; send "Authorization: Bearer <token>" (npm run token issues one).',
      path: ['organisation', 'history'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('rejects first outside 1 to 100', async () => {
    const error = await refusal(gql`query ($innovation: ID!) { innovation(id: $innovation) { history(first: 500) { action } } }`, { innovation: ns('innovation') }, reader);
    expect(error).toMatchObject({ message: 'first must be a whole number from 1 to 100, got 500', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
