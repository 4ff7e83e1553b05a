import { ClientError, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { countChanges, graphCounts } from '../support/graph-counts.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'personmut');

// useNamespace removes the namespaced nodes; their Change nodes carry random ids, so go here.
afterAll(async () => {
  await graph.write('MATCH (c:Change) WHERE c.entityId STARTS WITH $prefix DETACH DELETE c', { prefix: ns('') }, { tag: 'test.cleanup' });
});

const PERSON_FIELDS = 'id name role email phone organisation { id }';
const CREATE = gql`
  mutation ($input: CreatePersonInput!) {
    createPerson(input: $input) { person { ${PERSON_FIELDS} } problem { code message field } }
  }
`;
const UPDATE = gql`
  mutation ($id: ID!, $input: UpdatePersonInput!) {
    updatePerson(id: $id, input: $input) { person { ${PERSON_FIELDS} } problem { code message field } }
  }
`;

const INJECTIONS = [`x' }) MATCH (n) DETACH DELETE n //`, `"}) RETURN 1 UNION MATCH (n) RETURN n //`, `\u0027; DROP`] as const;

let editor: { authorization: string };
beforeAll(async () => {
  editor = await bearer('editor', 'erik');
});



async function storedPerson(id: string): Promise<Record<string, unknown> | null> {
  const [row] = await graph.read<{ p: Record<string, unknown> }>(
    `MATCH (p:Person {id: $id})
     RETURN p {.id, .name, .role, .email, .phone, aliases: coalesce(p.aliases, []), employers: [(p)-[:WORKS_FOR]->(o) | o.id]} AS p`,
    { id },
    { tag: 'test' },
  );
  return row?.p ?? null;
}

async function refusal(document: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const error = (await api.client.request(document, variables, headers).catch((e: unknown) => e)) as ClientError;
  expect(error).toBeInstanceOf(ClientError);
  return error.response.errors![0]!;
}

describe('createPerson', () => {
  it('adds a person at their organisation, keeps the e-mail in lower case, and records who did it', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createPerson: unknown }>(
      CREATE,
      {
        input: {
          id: ns('anna'),
          name: 'Anna Testesen',
          role: 'projektleder',
          email: 'Anna.Testesen@Aarhus.dk',
          phone: '+45 12 34 56 78',
          organisationId: 'aarhus-kommune',
          aliases: ['A. Testesen'],
        },
      },
      editor,
    );
    expect(data.createPerson).toEqual({
      person: { id: ns('anna'), name: 'Anna Testesen', role: 'projektleder', email: 'anna.testesen@aarhus.dk', phone: '+45 12 34 56 78', organisation: { id: 'aarhus-kommune' } },
      problem: null,
    });
    expect(await storedPerson(ns('anna'))).toEqual({
      id: ns('anna'),
      name: 'Anna Testesen',
      role: 'projektleder',
      email: 'anna.testesen@aarhus.dk',
      phone: '+45 12 34 56 78',
      aliases: ['A. Testesen'],
      employers: ['aarhus-kommune'],
    });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Person': 1, ':Change': 1, WORKS_FOR: 1, CHANGED: 1 });
    const [change] = await graph.read<{ actor: string; action: string; entityType: string; summary: string; before: string | null; after: string }>(
      'MATCH (c:Change)-[:CHANGED]->(:Person {id: $id}) RETURN c.actor AS actor, c.action AS action, c.entityType AS entityType, c.summary AS summary, c.before AS before, c.after AS after',
      { id: ns('anna') },
      { tag: 'test' },
    );
    expect(change).toMatchObject({ actor: 'erik', action: 'createPerson', entityType: 'Person', summary: 'Created Anna Testesen.', before: null });
    expect(JSON.parse(change!.after)).toEqual({
      id: ns('anna'),
      name: 'Anna Testesen',
      role: 'projektleder',
      email: 'anna.testesen@aarhus.dk',
      phone: '+45 12 34 56 78',
      organisationId: 'aarhus-kommune',
      aliases: ['A. Testesen'],
    });
  });

  it('makes the id from the name when none is given, spelling æ, ø and å out', async () => {
    const data = await api.client.request<{ createPerson: { person: { id: string; name: string } } }>(CREATE, { input: { name: `${ns('')}Søren Ærø Ålund` } }, editor);
    expect(data.createPerson.person).toMatchObject({ id: ns('soeren-aeroe-aalund'), name: `${ns('')}Søren Ærø Ålund` });
  });

  it('reports an id that is taken as ALREADY_EXISTS and leaves the person as they were', async () => {
    const before = await graphCounts(graph);
    const jens = await storedPerson('jens-bolwig');
    const data = await api.client.request<{ createPerson: unknown }>(CREATE, { input: { id: 'jens-bolwig', name: 'Jens Bolwig', phone: '+45 11 11 11 11' } }, editor);
    expect(data.createPerson).toEqual({
      person: null,
      problem: { code: 'ALREADY_EXISTS', message: 'A person with id "jens-bolwig" exists already; update them instead, or give another id.', field: 'input.id' },
    });
    expect(await storedPerson('jens-bolwig')).toEqual(jens);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('reports an organisation that does not exist as NOT_FOUND and writes nothing', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createPerson: unknown }>(CREATE, { input: { id: ns('nowhere'), name: 'Ingen Steder', organisationId: 'atlantis-kommune' } }, editor);
    expect(data.createPerson).toEqual({
      person: null,
      problem: { code: 'NOT_FOUND', message: 'input.organisationId names no organisation: "atlantis-kommune"', field: 'input.organisationId' },
    });
    expect(await storedPerson(ns('nowhere'))).toBeNull();
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('rejects a malformed id, name, e-mail, phone and organisation id, naming each field and rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const error = await refusal(
      CREATE,
      { input: { id: 'Not A Slug', name: 'X', email: 'anna(at)aarhus.dk', phone: '12 34 56 78', organisationId: 'Aarhus Kommune', aliases: [''] } },
      editor,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('id: id must be a slug of lower-case letters, digits and single dashes, such as "jens-bolwig" (got "Not A Slug")');
    expect(error.message).toContain('name: name must be longer than or equal to 2 characters (got "X")');
    expect(error.message).toContain('email: email must be an e-mail address such as name@kommune.dk (got "anna(at)aarhus.dk")');
    expect(error.message).toContain(
      'phone: phone must be in international form: "+", the country code, then groups of digits separated by single spaces, such as "+45 12 34 56 78" (got "12 34 56 78")',
    );
    expect(error.message).toContain('organisationId: organisationId must be a slug of lower-case letters, digits and single dashes, such as "jens-bolwig" (got "Aarhus Kommune")');
    expect(error.message).toContain('aliases: each value in aliases must be longer than or equal to 1 and shorter than or equal to 200 characters (got [""])');
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it.each(['+4512345678', '+45-12-34-56-78', '0045 12 34 56 78', '+45 12  34 56 78'])('rejects the phone %s, which is not in international form', async (phone) => {
    const error = await refusal(CREATE, { input: { id: ns('phone'), name: 'Telefon Test', phone } }, editor);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`phone: phone must be in international form`);
    expect(await storedPerson(ns('phone'))).toBeNull();
  });

  it('accepts Norwegian numbers grouped the Norwegian way', async () => {
    const data = await api.client.request<{ createPerson: { person: { phone: string } } }>(CREATE, { input: { id: ns('ola'), name: 'Ola Nordmann', phone: '+47 915 12 345' } }, editor);
    expect(data.createPerson.person.phone).toBe('+47 915 12 345');
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    const before = await graphCounts(graph);
    const input = { id: ns('refused'), name: 'Ikke Tilladt' };
    expect(await refusal(CREATE, { input })).toMatchObject({
      message: 'createPerson needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await refusal(CREATE, { input }, await bearer('reader'))).toMatchObject({
      message: 'createPerson needs the role editor; your token has reader.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await storedPerson(ns('refused'))).toBeNull();
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it.each(INJECTIONS)('stores the Cypher-injection string %j in name, role and aliases as plain text, and changes nothing else', async (text) => {
    const id = ns(`inject-${INJECTIONS.indexOf(text)}`);
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createPerson: { person: { name: string; role: string } } }>(CREATE, { input: { id, name: text, role: text, aliases: [text] } }, editor);
    expect(data.createPerson.person).toMatchObject({ name: text, role: text });
    expect(await storedPerson(id)).toMatchObject({ name: text, role: text, aliases: [text] });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Person': 1, ':Change': 1, CHANGED: 1 });
  });

  it('rejects Cypher-injection strings as e-mail or phone: they are not addresses or numbers', async () => {
    const before = await graphCounts(graph);
    const error = await refusal(CREATE, { input: { id: ns('inject-contact'), name: 'Kontakt Test', email: INJECTIONS[0], phone: INJECTIONS[1] } }, editor);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`email: email must be an e-mail address such as name@kommune.dk (got ${JSON.stringify(INJECTIONS[0])})`);
    expect(error.message).toContain('phone: phone must be in international form');
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });
});

describe('updatePerson', () => {
  it('changes only the fields given, clears what is set to null, and keeps the before and after in the history', async () => {
    await api.client.request(
      CREATE,
      { input: { id: ns('moved'), name: 'Mette Flytter', role: 'konsulent', email: 'mf@aarhus.dk', phone: '+45 87 65 43 21', organisationId: 'aarhus-kommune' } },
      editor,
    );
    const before = await graphCounts(graph);
    const data = await api.client.request<{ updatePerson: unknown }>(
      UPDATE,
      { id: ns('moved'), input: { role: 'chefkonsulent', email: 'MF@Kolding.dk', phone: null, organisationId: 'kolding-kommune', aliases: ['Mette F.'] } },
      editor,
    );
    expect(data.updatePerson).toEqual({
      person: { id: ns('moved'), name: 'Mette Flytter', role: 'chefkonsulent', email: 'mf@kolding.dk', phone: null, organisation: { id: 'kolding-kommune' } },
      problem: null,
    });
    expect(await storedPerson(ns('moved'))).toEqual({
      id: ns('moved'),
      name: 'Mette Flytter',
      role: 'chefkonsulent',
      email: 'mf@kolding.dk',
      phone: null,
      aliases: ['Mette F.'],
      employers: ['kolding-kommune'],
    });
    // The old WORKS_FOR went, a new one came: the count is the same.
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    const [change] = await graph.read<{ actor: string; before: string; after: string }>(
      "MATCH (c:Change {action: 'updatePerson'})-[:CHANGED]->(:Person {id: $id}) RETURN c.actor AS actor, c.before AS before, c.after AS after",
      { id: ns('moved') },
      { tag: 'test' },
    );
    expect(change!.actor).toBe('erik');
    expect(JSON.parse(change!.before)).toMatchObject({ role: 'konsulent', phone: '+45 87 65 43 21', organisationId: 'aarhus-kommune', aliases: [] });
    expect(JSON.parse(change!.after)).toMatchObject({ role: 'chefkonsulent', phone: null, organisationId: 'kolding-kommune', aliases: ['Mette F.'] });
  });

  it('removes the employer when organisationId is null', async () => {
    await api.client.request(CREATE, { input: { id: ns('left'), name: 'Lis Gik', organisationId: 'aarhus-kommune' } }, editor);
    const data = await api.client.request<{ updatePerson: { person: { organisation: unknown } } }>(UPDATE, { id: ns('left'), input: { organisationId: null } }, editor);
    expect(data.updatePerson.person.organisation).toBeNull();
    expect(await storedPerson(ns('left'))).toMatchObject({ employers: [] });
  });

  it('reports an unknown person or organisation as NOT_FOUND and changes nothing', async () => {
    await api.client.request(CREATE, { input: { id: ns('stays'), name: 'Bo Bliver', organisationId: 'aarhus-kommune' } }, editor);
    const person = await storedPerson(ns('stays'));
    const before = await graphCounts(graph);
    const missing = await api.client.request<{ updatePerson: unknown }>(UPDATE, { id: ns('nobody'), input: { name: 'Ingen Her' } }, editor);
    expect(missing.updatePerson).toEqual({ person: null, problem: { code: 'NOT_FOUND', message: `No person has the id "${ns('nobody')}".`, field: 'id' } });
    const organisation = await api.client.request<{ updatePerson: unknown }>(UPDATE, { id: ns('stays'), input: { name: 'Bo Flyttet', organisationId: 'atlantis-kommune' } }, editor);
    expect(organisation.updatePerson).toEqual({
      person: null,
      problem: { code: 'NOT_FOUND', message: 'input.organisationId names no organisation: "atlantis-kommune"', field: 'input.organisationId' },
    });
    expect(await storedPerson(ns('stays'))).toEqual(person);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('rejects invalid changes naming the field and the rule, and changes nothing', async () => {
    await api.client.request(CREATE, { input: { id: ns('valid'), name: 'Vera Gyldig', email: 'vera@aarhus.dk' } }, editor);
    const person = await storedPerson(ns('valid'));
    const before = await graphCounts(graph);
    const error = await refusal(UPDATE, { id: ns('valid'), input: { name: 'V', email: 'vera.aarhus.dk', phone: '+45 1234 5678 9 x' } }, editor);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('name: name must be longer than or equal to 2 characters (got "V")');
    expect(error.message).toContain('email: email must be an e-mail address such as name@kommune.dk (got "vera.aarhus.dk")');
    expect(error.message).toContain('phone: phone must be in international form');
    expect(await storedPerson(ns('valid'))).toEqual(person);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('is refused without a token, and for a reader, with nothing changed', async () => {
    await api.client.request(CREATE, { input: { id: ns('guarded'), name: 'Gurli Vagt' } }, editor);
    const person = await storedPerson(ns('guarded'));
    const before = await graphCounts(graph);
    expect(await refusal(UPDATE, { id: ns('guarded'), input: { name: 'Anden Person' } })).toMatchObject({
      message: 'updatePerson needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await refusal(UPDATE, { id: ns('guarded'), input: { name: 'Anden Person' } }, await bearer('reader'))).toMatchObject({
      message: 'updatePerson needs the role editor; your token has reader.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await storedPerson(ns('guarded'))).toEqual(person);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('stores Cypher-injection strings given as changes verbatim, and changes nothing else', async () => {
    await api.client.request(CREATE, { input: { id: ns('target'), name: 'Tina Mål', organisationId: 'aarhus-kommune' } }, editor);
    for (const text of INJECTIONS) {
      const before = await graphCounts(graph);
      await api.client.request(UPDATE, { id: ns('target'), input: { name: text, role: text, aliases: [text, 'plain'] } }, editor);
      expect(await storedPerson(ns('target'))).toEqual({
        id: ns('target'),
        name: text,
        role: text,
        email: null,
        phone: null,
        aliases: [text, 'plain'],
        employers: ['aarhus-kommune'],
      });
      expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    }
  });
});
