import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { countChanges, firstError, graphCounts } from '../support/graph-counts.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

// A fact of spreading may be dated up to five years ahead (planned take-up), as in the seed files.
const LATEST_FACT_YEAR = new Date().getFullYear() + 5;

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'relate');

const INJECTIONS = ["x' }) MATCH (n) DETACH DELETE n //", '"}) RETURN 1 UNION MATCH (n) RETURN n //', "\u0027; DROP"];

const ADD_PARTNER = gql`
  mutation ($innovationId: ID!, $organisationId: ID!, $role: String!) {
    addPartnership(innovationId: $innovationId, organisationId: $organisationId, role: $role) {
      innovation { id partners { organisation { id } role } }
      problem { code message field }
    }
  }
`;
const REMOVE_PARTNER = gql`
  mutation ($innovationId: ID!, $organisationId: ID!) {
    removePartnership(innovationId: $innovationId, organisationId: $organisationId) {
      innovation { id partners { organisation { id } role } }
      problem { code message field }
    }
  }
`;
const ADD_CONTACT = gql`
  mutation ($innovationId: ID!, $personId: ID!, $purpose: ContactPurpose!) {
    addContact(innovationId: $innovationId, personId: $personId, purpose: $purpose) {
      innovation { id contactLinks { person { id } purpose } }
      problem { code message field }
    }
  }
`;
const REMOVE_CONTACT = gql`
  mutation ($innovationId: ID!, $personId: ID!) {
    removeContact(innovationId: $innovationId, personId: $personId) {
      innovation { id contactLinks { person { id } purpose } }
      problem { code message field }
    }
  }
`;
const LINK = gql`
  mutation ($input: LinkInnovationsInput!) {
    linkInnovations(input: $input) {
      innovation { id lineage { buildsOn { innovation { id } mode status year evidence source } } }
      problem { code message field }
    }
  }
`;

interface Problem {
  code: string;
  message: string;
  field: string | null;
}
type Payload<K extends string> = Record<K, { innovation: Record<string, unknown> | null; problem: Problem | null }>;



async function lastChange(innovationId: string) {
  const rows = await graph.read<{ actor: string; action: string; summary: string; before: string | null; after: string | null }>(
    `MATCH (c:Change)-[:CHANGED]->(:Innovation {id: $innovationId})
     RETURN c.actor AS actor, c.action AS action, c.summary AS summary, c.before AS before, c.after AS after ORDER BY c.at DESC, c.id DESC LIMIT 1`,
    { innovationId },
    { tag: 'test' },
  );
  const row = rows[0]!;
  return { ...row, before: row.before === null ? null : (JSON.parse(row.before) as unknown), after: row.after === null ? null : (JSON.parse(row.after) as unknown) };
}

async function relationships(type: 'PARTNER_IN' | 'CONTACT_FOR' | 'BUILDS_ON', fromId: string, toId: string) {
  return graph.read<{ props: Record<string, unknown> }>(`MATCH ({id: $fromId})-[r:${type}]->(:Innovation {id: $toId}) RETURN properties(r) AS props`, { fromId, toId }, { tag: 'test' });
}


async function refusedForAnonymousAndReader(document: string, variables: Record<string, unknown>, action: string) {
  const before = await graphCounts(graph);
  const anonymous = await firstError(api.client.request(document, variables));
  expect(anonymous).toMatchObject({
    message: `${action} needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).`,
    extensions: { code: 'UNAUTHENTICATED' },
  });
  const reader = await firstError(api.client.request(document, variables, await bearer('reader', ns('reader'))));
  expect(reader).toMatchObject({ message: `${action} needs the role editor; your token has reader.`, extensions: { code: 'FORBIDDEN' } });
  expect(await graphCounts(graph)).toEqual(before);
}

let editor: { authorization: string };
let baseline: Record<string, number>;

beforeAll(async () => {
  baseline = await graphCounts(graph);
  editor = await bearer('editor', ns('editor'));
  await graph.write(
    `CREATE (:Organisation {id: $p + 'partner', name: 'Partnerskolen', kind: 'SCHOOL', aliases: [], aliasText: ''})
     CREATE (:Organisation {id: $p + 'other', name: 'Anden Partner', kind: 'COMPANY', aliases: [], aliasText: ''})
     CREATE (:Person {id: $p + 'contact', name: 'Karen Kontakt', role: 'projektleder'})
     FOREACH (key IN ['app', 'older', 'oldest', 'newest'] |
       CREATE (:Innovation {id: $p + key, title: 'Test ' + key, summary: 'Et testforløb.', year: 2019, kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false}))`,
    { p: ns('') },
    { tag: 'test' },
  );
});

afterAll(async () => {
  // Changes carry random ids, so they are removed by who made them; then the namespaced nodes.
  await graph.write('MATCH (c:Change) WHERE c.actor STARTS WITH $p OR c.entityId STARTS WITH $p DETACH DELETE c', { p: ns('') }, { tag: 'test.cleanup' });
  await graph.write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: ns('') }, { tag: 'test.cleanup' });
  expect(await graphCounts(graph)).toEqual(baseline);
});

describe('addPartnership and removePartnership', () => {
  it('adds a partner with its role, and records the change', async () => {
    const data = await api.client.request<Payload<'addPartnership'>>(ADD_PARTNER, { innovationId: ns('app'), organisationId: ns('partner'), role: 'faglig sparring' }, editor);
    expect(data.addPartnership).toEqual({ innovation: { id: ns('app'), partners: [{ organisation: { id: ns('partner') }, role: 'faglig sparring' }] }, problem: null });
    expect(await relationships('PARTNER_IN', ns('partner'), ns('app'))).toEqual([{ props: { role: 'faglig sparring' } }]);
    expect(await lastChange(ns('app'))).toEqual({
      actor: ns('editor'),
      action: 'addPartnership',
      summary: 'Added Partnerskolen as partner in "Test app" (faglig sparring).',
      before: null,
      after: { organisationId: ns('partner'), role: 'faglig sparring' },
    });
  });

  it('changes the role of an existing partner instead of adding a second partnership', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<Payload<'addPartnership'>>(ADD_PARTNER, { innovationId: ns('app'), organisationId: ns('partner'), role: 'medudvikler' }, editor);
    expect(data.addPartnership.innovation).toEqual({ id: ns('app'), partners: [{ organisation: { id: ns('partner') }, role: 'medudvikler' }] });
    expect(await relationships('PARTNER_IN', ns('partner'), ns('app'))).toEqual([{ props: { role: 'medudvikler' } }]);
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    expect(await lastChange(ns('app'))).toMatchObject({
      summary: 'Changed the role of Partnerskolen as partner in "Test app" to "medudvikler".',
      before: { organisationId: ns('partner'), role: 'faglig sparring' },
      after: { organisationId: ns('partner'), role: 'medudvikler' },
    });
  });

  it('removes a partnership, and the change keeps the role it had', async () => {
    const data = await api.client.request<Payload<'removePartnership'>>(REMOVE_PARTNER, { innovationId: ns('app'), organisationId: ns('partner') }, editor);
    expect(data.removePartnership).toEqual({ innovation: { id: ns('app'), partners: [] }, problem: null });
    expect(await relationships('PARTNER_IN', ns('partner'), ns('app'))).toEqual([]);
    expect(await lastChange(ns('app'))).toMatchObject({
      action: 'removePartnership',
      summary: 'Removed Partnerskolen as partner in "Test app".',
      before: { organisationId: ns('partner'), role: 'medudvikler' },
      after: null,
    });
    const [organisation] = await graph.read<{ n: number }>('MATCH (o:Organisation {id: $id}) RETURN count(o) AS n', { id: ns('partner') }, { tag: 'test' });
    expect(organisation!.n).toBe(1);
  });

  it('reports a partnership that does not exist, and unknown ids, as NOT_FOUND', async () => {
    const before = await graphCounts(graph);
    const missing = await api.client.request<Payload<'removePartnership'>>(REMOVE_PARTNER, { innovationId: ns('app'), organisationId: ns('other') }, editor);
    expect(missing.removePartnership).toEqual({
      innovation: null,
      problem: { code: 'NOT_FOUND', message: 'Anden Partner is not a partner in "Test app"; there is no partnership to remove.', field: 'organisationId' },
    });
    const noInnovation = await api.client.request<Payload<'addPartnership'>>(ADD_PARTNER, { innovationId: ns('nothing'), organisationId: ns('other'), role: 'rådgiver' }, editor);
    expect(noInnovation.addPartnership.problem).toEqual({ code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'innovationId' });
    const noOrganisation = await api.client.request<Payload<'addPartnership'>>(ADD_PARTNER, { innovationId: ns('app'), organisationId: ns('nobody'), role: 'rådgiver' }, editor);
    expect(noOrganisation.addPartnership.problem).toEqual({ code: 'NOT_FOUND', message: `No organisation has the id "${ns('nobody')}".`, field: 'organisationId' });
    const removeUnknown = await api.client.request<Payload<'removePartnership'>>(REMOVE_PARTNER, { innovationId: ns('app'), organisationId: ns('nobody') }, editor);
    expect(removeUnknown.removePartnership.problem).toEqual({ code: 'NOT_FOUND', message: `No organisation has the id "${ns('nobody')}".`, field: 'organisationId' });
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('rejects invalid arguments naming each one and its rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const add = await firstError(api.client.request(ADD_PARTNER, { innovationId: 'Test App', organisationId: INJECTIONS[0], role: 'x' }, editor));
    expect(add.extensions?.code).toBe('BAD_USER_INPUT');
    expect(add.message).toContain('innovationId: innovationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Test App")');
    expect(add.message).toContain(`organisationId: organisationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[0])})`);
    expect(add.message).toContain('role: role must be 2 to 200 characters: what the partner did, in a few words (got "x")');
    const long = await firstError(api.client.request(ADD_PARTNER, { innovationId: ns('app'), organisationId: ns('other'), role: 'r'.repeat(201) }, editor));
    expect(long.message).toContain('role: role must be 2 to 200 characters');
    const remove = await firstError(api.client.request(REMOVE_PARTNER, { innovationId: ns('app'), organisationId: INJECTIONS[1] }, editor));
    expect(remove.message).toContain(`organisationId: organisationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[1])})`);
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('stores Cypher-looking roles verbatim and changes nothing else', async () => {
    for (const role of INJECTIONS) {
      const before = await graphCounts(graph);
      const data = await api.client.request<Payload<'addPartnership'>>(ADD_PARTNER, { innovationId: ns('older'), organisationId: ns('other'), role }, editor);
      expect(data.addPartnership.innovation).toEqual({ id: ns('older'), partners: [{ organisation: { id: ns('other') }, role }] });
      expect(await relationships('PARTNER_IN', ns('other'), ns('older'))).toEqual([{ props: { role } }]);
      // The first call adds the partnership; the later ones change its role.
      const expected = role === INJECTIONS[0] ? { PARTNER_IN: 1, ':Change': 1, CHANGED: 1 } : { ':Change': 1, CHANGED: 1 };
      expect(countChanges(before, await graphCounts(graph))).toEqual(expected);
    }
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    await refusedForAnonymousAndReader(ADD_PARTNER, { innovationId: ns('app'), organisationId: ns('other'), role: 'rådgiver' }, 'addPartnership');
    await refusedForAnonymousAndReader(REMOVE_PARTNER, { innovationId: ns('older'), organisationId: ns('other') }, 'removePartnership');
  });
});

describe('addContact and removeContact', () => {
  it('adds a contact with its purpose, and changes the purpose instead of adding a second one', async () => {
    const added = await api.client.request<Payload<'addContact'>>(ADD_CONTACT, { innovationId: ns('app'), personId: ns('contact'), purpose: 'REUSE' }, editor);
    expect(added.addContact).toEqual({ innovation: { id: ns('app'), contactLinks: [{ person: { id: ns('contact') }, purpose: 'REUSE' }] }, problem: null });
    expect(await lastChange(ns('app'))).toMatchObject({
      action: 'addContact',
      summary: 'Added Karen Kontakt as REUSE contact for "Test app".',
      before: null,
      after: { personId: ns('contact'), purpose: 'REUSE' },
    });
    const before = await graphCounts(graph);
    const changed = await api.client.request<Payload<'addContact'>>(ADD_CONTACT, { innovationId: ns('app'), personId: ns('contact'), purpose: 'FOLLOW' }, editor);
    expect(changed.addContact.innovation).toEqual({ id: ns('app'), contactLinks: [{ person: { id: ns('contact') }, purpose: 'FOLLOW' }] });
    expect(await relationships('CONTACT_FOR', ns('contact'), ns('app'))).toEqual([{ props: { purpose: 'FOLLOW' } }]);
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    expect(await lastChange(ns('app'))).toMatchObject({ before: { purpose: 'REUSE' }, after: { purpose: 'FOLLOW' } });
  });

  it('removes a contact, and reports removing it again as NOT_FOUND', async () => {
    const removed = await api.client.request<Payload<'removeContact'>>(REMOVE_CONTACT, { innovationId: ns('app'), personId: ns('contact') }, editor);
    expect(removed.removeContact).toEqual({ innovation: { id: ns('app'), contactLinks: [] }, problem: null });
    expect(await relationships('CONTACT_FOR', ns('contact'), ns('app'))).toEqual([]);
    expect(await lastChange(ns('app'))).toMatchObject({ action: 'removeContact', summary: 'Removed Karen Kontakt as contact for "Test app".', before: { personId: ns('contact'), purpose: 'FOLLOW' }, after: null });
    const before = await graphCounts(graph);
    const again = await api.client.request<Payload<'removeContact'>>(REMOVE_CONTACT, { innovationId: ns('app'), personId: ns('contact') }, editor);
    expect(again.removeContact).toEqual({
      innovation: null,
      problem: { code: 'NOT_FOUND', message: 'Karen Kontakt is not a contact for "Test app"; there is no contact to remove.', field: 'personId' },
    });
    const unknown = await api.client.request<Payload<'addContact'>>(ADD_CONTACT, { innovationId: ns('app'), personId: ns('nobody'), purpose: 'REUSE' }, editor);
    expect(unknown.addContact.problem).toEqual({ code: 'NOT_FOUND', message: `No person has the id "${ns('nobody')}".`, field: 'personId' });
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('rejects invalid arguments naming each one and its rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const ids = await firstError(api.client.request(ADD_CONTACT, { innovationId: INJECTIONS[2], personId: 'Karen', purpose: 'REUSE' }, editor));
    expect(ids.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ids.message).toContain(`innovationId: innovationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[2])})`);
    expect(ids.message).toContain('personId: personId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Karen")');
    const purpose = await firstError(api.client.request(ADD_CONTACT, { innovationId: ns('app'), personId: ns('contact'), purpose: 'CALL' }, editor));
    expect(purpose.extensions?.code).toBe('BAD_USER_INPUT');
    expect(purpose.message).toContain('Value "CALL" does not exist in "ContactPurpose" enum. Allowed values: REUSE, FOLLOW.');
    const remove = await firstError(api.client.request(REMOVE_CONTACT, { innovationId: ns('app'), personId: INJECTIONS[0] }, editor));
    expect(remove.message).toContain('personId: personId must be a slug');
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    await refusedForAnonymousAndReader(ADD_CONTACT, { innovationId: ns('app'), personId: ns('contact'), purpose: 'REUSE' }, 'addContact');
    await refusedForAnonymousAndReader(REMOVE_CONTACT, { innovationId: ns('app'), personId: ns('contact') }, 'removeContact');
  });
});

describe('linkInnovations', () => {
  const link = (fields: Record<string, unknown> = {}) => ({
    innovationId: ns('older'),
    buildsOnId: ns('oldest'),
    mode: 'INSPIRATION',
    status: 'ADOPTED',
    year: 2019,
    evidence: 'Forløbet er inspireret af det ældre projekt.',
    source: 'lsf2:100-110',
    ...fields,
  });

  it('links a later innovation to the earlier one it builds on, and records the change', async () => {
    const data = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link() }, editor);
    expect(data.linkInnovations).toEqual({
      innovation: {
        id: ns('older'),
        lineage: { buildsOn: [{ innovation: { id: ns('oldest') }, mode: 'INSPIRATION', status: 'ADOPTED', year: 2019, evidence: 'Forløbet er inspireret af det ældre projekt.', source: 'lsf2:100-110' }] },
      },
      problem: null,
    });
    expect(await relationships('BUILDS_ON', ns('older'), ns('oldest'))).toEqual([
      { props: { mode: 'INSPIRATION', status: 'ADOPTED', year: 2019, evidence: 'Forløbet er inspireret af det ældre projekt.', source: 'lsf2:100-110' } },
    ]);
    expect(await lastChange(ns('older'))).toMatchObject({
      actor: ns('editor'),
      action: 'linkInnovations',
      summary: 'Linked: "Test older" builds on "Test oldest" (INSPIRATION, ADOPTED, 2019).',
      before: null,
      after: { innovationId: ns('older'), buildsOnId: ns('oldest'), mode: 'INSPIRATION', year: 2019 },
    });
  });

  it('updates the one link of a pair when linked again, and the change keeps what it said before', async () => {
    const before = await graphCounts(graph);
    await api.client.request(LINK, { input: link({ mode: 'ADAPT', year: 2020 }) }, editor);
    expect(await relationships('BUILDS_ON', ns('older'), ns('oldest'))).toEqual([{ props: expect.objectContaining({ mode: 'ADAPT', year: 2020 }) }]);
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    expect(await lastChange(ns('older'))).toMatchObject({ before: { mode: 'INSPIRATION', year: 2019 }, after: { mode: 'ADAPT', year: 2020 } });
  });

  it('refuses a link to itself and a link that would close a loop, as a CONFLICT', async () => {
    await api.client.request(LINK, { input: link({ innovationId: ns('newest'), buildsOnId: ns('older') }) }, editor);
    const before = await graphCounts(graph);
    const self = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link({ buildsOnId: ns('older') }) }, editor);
    expect(self.linkInnovations).toEqual({
      innovation: null,
      problem: { code: 'CONFLICT', message: `input.buildsOnId cannot be the innovation itself ("${ns('older')}")`, field: 'input.buildsOnId' },
    });
    // newest -> older -> oldest exists; oldest building on newest would close the loop.
    const loop = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link({ innovationId: ns('oldest'), buildsOnId: ns('newest') }) }, editor);
    expect(loop.linkInnovations).toEqual({
      innovation: null,
      problem: { code: 'CONFLICT', message: `"Test newest" (${ns('newest')}) already builds on "Test oldest" (${ns('oldest')}); lineage cannot loop`, field: 'input.buildsOnId' },
    });
    const reverse = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link({ innovationId: ns('oldest'), buildsOnId: ns('older') }) }, editor);
    expect(reverse.linkInnovations.problem?.code).toBe('CONFLICT');
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('reports unknown innovations as NOT_FOUND', async () => {
    const before = await graphCounts(graph);
    const later = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link({ innovationId: ns('nothing') }) }, editor);
    expect(later.linkInnovations.problem).toEqual({ code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'input.innovationId' });
    const earlier = await api.client.request<Payload<'linkInnovations'>>(LINK, { input: link({ buildsOnId: ns('nothing') }) }, editor);
    expect(earlier.linkInnovations.problem).toEqual({ code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'input.buildsOnId' });
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('rejects invalid input naming each field and its rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const error = await firstError(api.client.request(LINK, { input: link({ innovationId: 'Older', buildsOnId: INJECTIONS[0], year: 0, evidence: 'ja', source: '' }) }, editor));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('innovationId: innovationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Older")');
    expect(error.message).toContain(`buildsOnId: buildsOnId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[0])})`);
    expect(error.message).toContain(`year: year must be a whole year from 1900 to ${LATEST_FACT_YEAR} (got 0)`);
    expect(error.message).toContain('evidence: evidence must be 10 to 1000 characters: what the source says happened, in our words (got "ja")');
    expect(error.message).toContain('source: source must be 1 to 300 characters: where the fact stands, e.g. a URL or "lsf2:123-130" (got "")');
    const mode = await firstError(api.client.request(LINK, { input: link({ mode: 'CLONE' }) }, editor));
    expect(mode.message).toContain('Value "CLONE" does not exist in "SpreadMode" enum. Allowed values: COPY, ADAPT, INSPIRATION, SHARED, INTEREST.');
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('stores Cypher-looking evidence and sources verbatim and changes nothing else', async () => {
    for (const text of INJECTIONS) {
      const before = await graphCounts(graph);
      await api.client.request(LINK, { input: link({ innovationId: ns('app'), buildsOnId: ns('oldest'), evidence: `Bevis: ${text}`, source: text }) }, editor);
      expect(await relationships('BUILDS_ON', ns('app'), ns('oldest'))).toEqual([{ props: expect.objectContaining({ evidence: `Bevis: ${text}`, source: text }) }]);
      const expected = text === INJECTIONS[0] ? { BUILDS_ON: 1, ':Change': 1, CHANGED: 1 } : { ':Change': 1, CHANGED: 1 };
      expect(countChanges(before, await graphCounts(graph))).toEqual(expected);
    }
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    await refusedForAnonymousAndReader(LINK, { input: link({ innovationId: ns('app'), buildsOnId: ns('newest') }) }, 'linkInnovations');
  });
});
