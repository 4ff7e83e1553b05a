import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useQueryLog } from '../support/query-log.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const cached = useTestApi(graph, { responseCache: { maxAgeSeconds: 30, maxSizeMb: 8 } });
const shortLived = useTestApi(graph, { responseCache: { maxAgeSeconds: 1, maxSizeMb: 8 } });
const privateContacts = useTestApi(graph, { responseCache: { maxAgeSeconds: 30, maxSizeMb: 8 }, security: { contactsRequireAuth: true } });
const uncached = useTestApi(graph);
const ns = useNamespace(graph, 'rcache');

/** The fields the queries below ask for, whichever one was sent. */
interface AnswerData {
  spreadStats: unknown;
  organisation: { id: string; name: string; partnerIn: unknown[] };
  person: { id: string; name: string; email: string | null };
  updateOrganisation: unknown;
}

interface Answer {
  status: number;
  age: string | null;
  cacheControl: string | null;
  body: { data?: AnswerData | null; errors?: { extensions: { code: string } }[] };
}

async function post(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, age: response.headers.get('age'), cacheControl: response.headers.get('cache-control'), body: (await response.json()) as Answer['body'] };
}

const ORGANISATION = 'query ($id: ID!) { organisation(id: $id) { id name partnerIn { id } } }';
const PERSON = 'query ($id: ID!) { person(id: $id) { id name email } }';
const RENAME = 'mutation ($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name }) { organisation { name } problem { code } } }';

// Every Cypher query the API runs while a test runs, by tag.
const queries = useQueryLog(graph);

let editor: Record<string, string>;
let reader: Record<string, string>;
beforeAll(async () => {
  editor = await bearer('editor', 'cache-editor');
  reader = await bearer('reader', 'cache-reader');
  await graph.write(
    `CREATE (:Organisation {id: $org, name: 'Cache-kommune', kind: 'MUNICIPALITY', country: 'DK', aliases: []})
     CREATE (:Person {id: $person, name: 'Cache Person', email: 'cache@example.dk', aliases: []})`,
    { org: ns('org'), person: ns('person') },
    { tag: 'test.setup' },
  );
});

describe('response cache', () => {
  it('answers a repeated query from memory, with the same answer and no Cypher', async () => {
    const first = await post(cached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    expect(first.body.errors).toBeUndefined();
    expect(first.age).toBeNull();
    const ranFirst = queries.tags.length;
    expect(ranFirst).toBeGreaterThan(0);

    const second = await post(cached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    expect(second.body).toEqual(first.body);
    expect(second.age).not.toBeNull();
    expect(queries.tags.length).toBe(ranFirst);
  });

  it('keeps answers apart by their variables', async () => {
    const kolding = await post(cached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    const own = await post(cached.baseUrl, ORGANISATION, { id: ns('org') });
    expect(kolding.body.data!.organisation.id).toBe('kolding-kommune');
    expect(own.body.data!.organisation).toEqual({ id: ns('org'), name: 'Cache-kommune', partnerIn: [] });
  });

  it('shows a write made through the API at once, and does not cache the mutation itself', async () => {
    expect((await post(cached.baseUrl, ORGANISATION, { id: ns('org') })).body.data!.organisation.name).toBe('Cache-kommune');
    expect((await post(cached.baseUrl, ORGANISATION, { id: ns('org') })).age).not.toBeNull();

    for (const name of ['Ny Cache-kommune', 'Ny Cache-kommune']) {
      const renamed = await post(cached.baseUrl, RENAME, { id: ns('org'), name }, editor);
      expect(renamed.body.data!.updateOrganisation).toEqual({ organisation: { name }, problem: null });
    }
    const [changes] = await graph.read<{ n: number }>('MATCH (c:Change {entityId: $id, action: "updateOrganisation"}) RETURN count(c) AS n', { id: ns('org') }, { tag: 'test' });
    expect(changes!.n).toBe(2);

    const after = await post(cached.baseUrl, ORGANISATION, { id: ns('org') });
    expect(after.age).toBeNull();
    expect(after.body.data!.organisation.name).toBe('Ny Cache-kommune');
  });

  it('shows a write made behind its back once the answer has expired', async () => {
    await graph.write('MATCH (o:Organisation {id: $id}) SET o.name = "Før"', { id: ns('org') }, { tag: 'test' });
    expect((await post(shortLived.baseUrl, ORGANISATION, { id: ns('org') })).body.data!.organisation.name).toBe('Før');
    await graph.write('MATCH (o:Organisation {id: $id}) SET o.name = "Efter"', { id: ns('org') }, { tag: 'test' });

    const stale = await post(shortLived.baseUrl, ORGANISATION, { id: ns('org') });
    expect(stale.body.data!.organisation.name).toBe('Før');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect((await post(shortLived.baseUrl, ORGANISATION, { id: ns('org') })).body.data!.organisation.name).toBe('Efter');
  });

  it('never gives an anonymous caller an answer cached for a signed-in one, nor the other way round', async () => {
    const signedIn = await post(privateContacts.baseUrl, PERSON, { id: ns('person') }, reader);
    expect(signedIn.body.data!.person.email).toBe('cache@example.dk');

    const anonymous = await post(privateContacts.baseUrl, PERSON, { id: ns('person') });
    expect(anonymous.age).toBeNull();
    expect(anonymous.body.data!.person.email).toBeNull();

    const anonymousAgain = await post(privateContacts.baseUrl, PERSON, { id: ns('person') });
    expect(anonymousAgain.age).not.toBeNull();
    expect(anonymousAgain.body.data!.person.email).toBeNull();
    const signedInAgain = await post(privateContacts.baseUrl, PERSON, { id: ns('person') }, reader);
    expect(signedInAgain.age).not.toBeNull();
    expect(signedInAgain.body.data!.person.email).toBe('cache@example.dk');
  });

  it('runs identical queries that arrive together once, and gives every caller the answer', async () => {
    const query = '{ spreadStats(groupBy: ORGANISATION_KIND) { totals { innovations adoptions } groups { key innovations } } }';
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(cached.baseUrl, query)));
    expect(queries.tags.filter((tag) => tag.startsWith('spread.stats'))).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.data).toBeTruthy();
    // Cache hits carry an age; the first caller and those that waited for it do not.
    expect(answers.filter((answer) => answer.age === null).length).toBeGreaterThan(1);
  });

  it('does not cache answers with errors', async () => {
    const query = '{ innovations(first: 5, after: "not-a-cursor") { totalCount } }';
    for (let i = 0; i < 2; i++) {
      const answer = await post(cached.baseUrl, query);
      expect(answer.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.age).toBeNull();
    }
  });

  it('tells browsers and proxies nothing they could cache, and is off unless configured', async () => {
    const answer = await post(cached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    expect(answer.cacheControl ?? '').not.toMatch(/max-age=[1-9]|public/);

    await post(uncached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    const ran = queries.tags.length;
    const again = await post(uncached.baseUrl, ORGANISATION, { id: 'kolding-kommune' });
    expect(again.age).toBeNull();
    expect(queries.tags.length).toBeGreaterThan(ran);
  });
});
