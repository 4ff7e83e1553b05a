import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'orgmut');

const CREATE = gql`
  mutation ($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) { organisation { id name kind country region { id } parent { id } aliases } problem { code message field } }
  }
`;
const UPDATE = gql`
  mutation ($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) { organisation { id name region { id } parent { id } aliases } problem { code message field } }
  }
`;

let editor: { authorization: string };
beforeAll(async () => {
  editor = await bearer('editor', 'alice');
});

async function organisationCount(): Promise<number> {
  const [row] = await graph.read<{ n: number }>('MATCH (o:Organisation) RETURN count(o) AS n', {}, { tag: 'test' });
  return row!.n;
}

describe('createOrganisation', () => {
  it('adds an organisation under its parent and region, and records who did it', async () => {
    const data = await api.client.request<{ createOrganisation: { organisation: Record<string, unknown>; problem: null } }>(
      CREATE,
      { input: { id: ns('unit'), name: 'Test-enhed', kind: 'UNIT', country: 'DK', regionId: 'midtjylland', parentId: 'aarhus-kommune', aliases: ['TE'] } },
      editor,
    );
    expect(data.createOrganisation).toEqual({
      organisation: { id: ns('unit'), name: 'Test-enhed', kind: 'UNIT', country: 'DK', region: { id: 'midtjylland' }, parent: { id: 'aarhus-kommune' }, aliases: ['TE'] },
      problem: null,
    });
    const [change] = await graph.read<{ actor: string; action: string }>(
      'MATCH (c:Change)-[:CHANGED]->(:Organisation {id: $id}) RETURN c.actor AS actor, c.action AS action',
      { id: ns('unit') },
      { tag: 'test' },
    );
    expect(change).toEqual({ actor: 'alice', action: 'createOrganisation' });
  });

  it('reports an id that is taken as a problem and writes nothing', async () => {
    const before = await organisationCount();
    const data = await api.client.request<{ createOrganisation: { organisation: null; problem: Record<string, unknown> } }>(
      CREATE,
      { input: { id: 'aarhus-kommune', name: 'Aarhus Kommune', kind: 'MUNICIPALITY' } },
      editor,
    );
    expect(data.createOrganisation).toEqual({
      organisation: null,
      problem: { code: 'ALREADY_EXISTS', message: 'An organisation with id "aarhus-kommune" exists already; update it instead, or give another id.', field: 'input.id' },
    });
    expect(await organisationCount()).toBe(before);
  });

  it('rejects invalid input naming the field and the rule, and writes nothing', async () => {
    const before = await organisationCount();
    const error = (await api.client.request(CREATE, { input: { id: 'Not A Slug', name: 'X', kind: 'UNIT', country: 'Denmark' } }, editor).catch((e: unknown) => e)) as ClientError;
    const first = error.response.errors![0]!;
    expect(first.extensions?.code).toBe('BAD_USER_INPUT');
    expect(first.message).toContain('id: id must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Not A Slug")');
    expect(first.message).toContain('name: name must be longer than or equal to 2 characters (got "X")');
    expect(first.message).toContain('country: country must be a two-letter ISO country code such as DK or NO (got "Denmark")');
    expect(await organisationCount()).toBe(before);
  });

  it('is refused without a token, and for a reader', async () => {
    const anonymous = (await api.client.request(CREATE, { input: { name: 'Ingen', kind: 'OTHER' } }).catch((e: unknown) => e)) as ClientError;
    expect(anonymous.response.errors![0]).toMatchObject({
      message: 'createOrganisation needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const reader = (await api.client.request(CREATE, { input: { name: 'Ingen', kind: 'OTHER' } }, await bearer('reader')).catch((e: unknown) => e)) as ClientError;
    expect(reader.response.errors![0]).toMatchObject({ message: 'createOrganisation needs the role editor; your token has reader.', extensions: { code: 'FORBIDDEN' } });
  });
});

describe('updateOrganisation', () => {
  it('changes only the fields given, and keeps the before and after in the history', async () => {
    await api.client.request(CREATE, { input: { id: ns('renamed'), name: 'Gammelt navn', kind: 'OTHER', regionId: 'sjaelland' } }, editor);
    const data = await api.client.request<{ updateOrganisation: { organisation: Record<string, unknown> } }>(UPDATE, { id: ns('renamed'), input: { name: 'Nyt navn', aliases: ['Gammelt navn'] } }, editor);
    expect(data.updateOrganisation.organisation).toEqual({ id: ns('renamed'), name: 'Nyt navn', region: { id: 'sjaelland' }, parent: null, aliases: ['Gammelt navn'] });
    const changes = await graph.read<{ before: string; after: string }>(
      "MATCH (c:Change {action: 'updateOrganisation'})-[:CHANGED]->(:Organisation {id: $id}) RETURN c.before AS before, c.after AS after",
      { id: ns('renamed') },
      { tag: 'test' },
    );
    expect(JSON.parse(changes[0]!.before)).toMatchObject({ name: 'Gammelt navn' });
    expect(JSON.parse(changes[0]!.after)).toMatchObject({ name: 'Nyt navn' });
  });

  it('refuses a parent that would make the hierarchy loop', async () => {
    await api.client.request(CREATE, { input: { id: ns('top'), name: 'Top', kind: 'OTHER' } }, editor);
    await api.client.request(CREATE, { input: { id: ns('below'), name: 'Below', kind: 'UNIT', parentId: ns('top') } }, editor);
    const data = await api.client.request<{ updateOrganisation: { problem: Record<string, unknown> } }>(UPDATE, { id: ns('top'), input: { parentId: ns('below') } }, editor);
    expect(data.updateOrganisation.problem).toEqual({ code: 'CONFLICT', message: `input.parentId "${ns('below')}" is itself part of this organisation; the hierarchy cannot loop`, field: 'input.parentId' });
  });

  it('reports an unknown organisation or region as NOT_FOUND', async () => {
    const missing = await api.client.request<{ updateOrganisation: { problem: Record<string, unknown> } }>(UPDATE, { id: ns('nobody'), input: { name: 'X y' } }, editor);
    expect(missing.updateOrganisation.problem).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    await api.client.request(CREATE, { input: { id: ns('placed'), name: 'Placed', kind: 'OTHER' } }, editor);
    const region = await api.client.request<{ updateOrganisation: { problem: Record<string, unknown> } }>(UPDATE, { id: ns('placed'), input: { regionId: 'atlantis' } }, editor);
    expect(region.updateOrganisation.problem).toEqual({ code: 'NOT_FOUND', message: 'input.regionId names no region: "atlantis"', field: 'input.regionId' });
  });
});
