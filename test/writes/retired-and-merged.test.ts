import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { countChanges, graphCounts } from '../support/graph-counts.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

/**
 * Retired innovations are kept as they were: every write that would change one is refused until
 * an admin restores it. Merged ids keep pointing at the node they were merged into: writes that
 * name one are told where it went, and no new node can take one.
 */

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'retired');

type Problem = { code: string; message: string; field: string | null } | null;
type Payload = { problem: Problem } & Record<string, unknown>;

let editor: { authorization: string };
let admin: { authorization: string };

async function mutate(field: string, declared: string, args: string, variables: Record<string, unknown>, headers = editor): Promise<Payload> {
  const query = `mutation (${declared}) { ${field}(${args}) { problem { code message field } } }`;
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, Payload>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data![field]!;
}

const FACT = { mode: 'ADAPT', status: 'ADOPTED', year: 2023, evidence: 'Noted in a test.', source: 'test' };

beforeAll(async () => {
  editor = await bearer('editor', ns('editor'));
  admin = await bearer('admin', ns('admin'));
  await graph.write(
    `CREATE (maker:Organisation {id: $p + 'maker', name: 'Pensionsby Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (taker:Organisation {id: $p + 'taker', name: 'Arvtagerby Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (partner:Organisation {id: $p + 'partner', name: 'Pensionsby Partner', kind: 'COMPANY', aliases: [], aliasText: ''})
     CREATE (person:Person {id: $p + 'person', name: 'Rita Rettet', aliases: []})
     CREATE (old:Innovation {id: $p + 'old', title: 'Den pensionerede metode', summary: 'Kun til test.', kind: 'MAIN_CASE', types: [], coronaRelated: false,
                             retired: true, retiredAt: datetime(), retiredReason: 'Dublet i testen.'})
     CREATE (current:Innovation {id: $p + 'current', title: 'Den gældende metode', summary: 'Kun til test.', kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})
     CREATE (maker)-[:NOMINATED]->(old), (maker)-[:NOMINATED]->(current)
     CREATE (partner)-[:PARTNER_IN {role: 'partner'}]->(old), (person)-[:CONTACT_FOR {purpose: 'REUSE'}]->(old)
     CREATE (gone:MergedOrganisation {id: $p + 'gone', name: 'Fusioneret Kommune', mergedInto: $p + 'taker'})-[:MERGED_INTO]->(taker)
     CREATE (gonePerson:MergedPerson {id: $p + 'gone-person', name: 'Rita R.', mergedInto: $p + 'person'})-[:MERGED_INTO]->(person)`,
    { p: ns('') },
    { tag: 'test.fixture' },
  );
});

describe('a retired innovation', () => {
  const refused = (field: string) => ({
    code: 'CONFLICT',
    message: `The innovation "${ns('old')}" is retired, and retired innovations are kept as they were; restore it with restoreInnovation first.`,
    field,
  });

  it('refuses every write that would change it, and the graph stays as it was', async () => {
    const before = await graphCounts(graph);
    const writes: [string, string, string, Record<string, unknown>, string][] = [
      ['updateInnovation', '$id: ID!, $input: UpdateInnovationInput!', 'id: $id, input: $input', { id: ns('old'), input: { title: 'Ny titel' } }, 'id'],
      ['addPartnership', '$i: ID!, $o: ID!', 'innovationId: $i, organisationId: $o, role: "partner"', { i: ns('old'), o: ns('taker') }, 'innovationId'],
      ['removePartnership', '$i: ID!, $o: ID!', 'innovationId: $i, organisationId: $o', { i: ns('old'), o: ns('partner') }, 'innovationId'],
      ['addContact', '$i: ID!, $p: ID!', 'innovationId: $i, personId: $p, purpose: FOLLOW', { i: ns('old'), p: ns('person') }, 'innovationId'],
      ['removeContact', '$i: ID!, $p: ID!', 'innovationId: $i, personId: $p', { i: ns('old'), p: ns('person') }, 'innovationId'],
      ['recordAdoption', '$input: RecordAdoptionInput!', 'input: $input', { input: { ...FACT, organisationId: ns('taker'), innovationId: ns('old') } }, 'input.innovationId'],
      ['linkInnovations', '$input: LinkInnovationsInput!', 'input: $input', { input: { ...FACT, innovationId: ns('old'), buildsOnId: ns('current') } }, 'input.innovationId'],
    ];
    for (const [field, declared, args, variables, problemField] of writes) {
      expect((await mutate(field, declared, args, variables)).problem, field).toEqual(refused(problemField));
    }
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('may still be what a current innovation builds on: that link changes the later one', async () => {
    const link = await mutate('linkInnovations', '$input: LinkInnovationsInput!', 'input: $input', { input: { ...FACT, innovationId: ns('current'), buildsOnId: ns('old') } });
    expect(link.problem).toBeNull();
  });

  it('is restored by an admin only, with the restoration in its history, and then takes writes again', async () => {
    const restore = (headers: { authorization: string }, id = ns('old')) =>
      fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: 'mutation ($id: ID!) { restoreInnovation(id: $id, reason: "Ikke længere en dublet.") { innovation { id retired retiredAt retiredReason } problem { code message field } } }',
          variables: { id },
        }),
      }).then((r) => r.json() as Promise<{ data?: { restoreInnovation: Payload }; errors?: { extensions: { code: string } }[] }>);

    expect((await restore(editor)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect((await restore(admin, ns('nothing'))).data!.restoreInnovation.problem).toEqual({ code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'id' });

    const restored = await restore(admin);
    expect(restored.data!.restoreInnovation).toEqual({ innovation: { id: ns('old'), retired: false, retiredAt: null, retiredReason: null }, problem: null });
    const history = await graph.read<{ action: string; summary: string }>(
      'MATCH (c:Change {entityId: $id}) RETURN c.action AS action, c.summary AS summary',
      { id: ns('old') },
      { tag: 'test.history' },
    );
    expect(history).toEqual([{ action: 'restoreInnovation', summary: 'Restored Den pensionerede metode: Ikke længere en dublet.' }]);

    expect((await restore(admin)).data!.restoreInnovation.problem).toEqual({ code: 'CONFLICT', message: `The innovation "${ns('old')}" is not retired; nothing was changed.`, field: 'id' });
    const update = await mutate('updateInnovation', '$id: ID!, $input: UpdateInnovationInput!', 'id: $id, input: $input', { id: ns('old'), input: { title: 'Den genoplivede metode' } });
    expect(update.problem).toBeNull();
  });
});

describe('a merged id', () => {
  it('cannot be given to a new organisation or person', async () => {
    const before = await graphCounts(graph);
    const organisation = await mutate('createOrganisation', '$input: CreateOrganisationInput!', 'input: $input', { input: { id: ns('gone'), name: 'Ny Kommune', kind: 'MUNICIPALITY' } });
    expect(organisation.problem).toEqual({
      code: 'ALREADY_EXISTS',
      message: `The id "${ns('gone')}" belonged to an organisation that was merged into "${ns('taker')}"; merged ids keep pointing there, so give another id.`,
      field: 'input.id',
    });
    const person = await mutate('createPerson', '$input: CreatePersonInput!', 'input: $input', { input: { id: ns('gone-person'), name: 'Ny Person' } });
    expect(person.problem).toEqual({
      code: 'ALREADY_EXISTS',
      message: `The id "${ns('gone-person')}" belonged to a person that was merged into "${ns('person')}"; merged ids keep pointing there, so give another id.`,
      field: 'input.id',
    });
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('named by a write says where the node went', async () => {
    const pointer = (field: string) => ({
      code: 'NOT_FOUND',
      message: `The organisation "${ns('gone')}" was merged into "${ns('taker')}" already; use "${ns('taker')}".`,
      field,
    });
    expect((await mutate('updateOrganisation', '$id: ID!, $input: UpdateOrganisationInput!', 'id: $id, input: $input', { id: ns('gone'), input: { name: 'Omdøbt Kommune' } })).problem).toEqual(pointer('id'));
    expect((await mutate('addPartnership', '$i: ID!, $o: ID!', 'innovationId: $i, organisationId: $o, role: "partner"', { i: ns('current'), o: ns('gone') })).problem).toEqual(pointer('organisationId'));
    const person = await mutate('updatePerson', '$id: ID!, $input: UpdatePersonInput!', 'id: $id, input: $input', { id: ns('gone-person'), input: { name: 'Omdøbt Person' } });
    expect(person.problem).toEqual({ code: 'NOT_FOUND', message: `The person "${ns('gone-person')}" was merged into "${ns('person')}" already; use "${ns('person')}".`, field: 'id' });
  });
});
