import { gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { firstError, graphCounts } from '../support/graph-counts.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'merge');

const INJECTIONS = ["x' }) MATCH (n) DETACH DELETE n //", '"}) RETURN 1 UNION MATCH (n) RETURN n //', "\u0027; DROP"];

const MERGE_ORGANISATIONS = gql`
  mutation ($keepId: ID!, $mergeId: ID!) {
    mergeOrganisations(keepId: $keepId, mergeId: $mergeId) { organisation { id name aliases } problem { code message field } }
  }
`;
const MERGE_PEOPLE = gql`
  mutation ($keepId: ID!, $mergeId: ID!) {
    mergePeople(keepId: $keepId, mergeId: $mergeId) { person { id name organisation { id } innovations { id } } problem { code message field } }
  }
`;

interface Problem {
  code: string;
  message: string;
  field: string | null;
}


/** A node's relationships other than history links, as `TYPE>other` (outgoing) and `<TYPE:other` (incoming). */
async function relationshipKeys(id: string): Promise<string[]> {
  const rows = await graph.read<{ key: string }>(
    `MATCH (n {id: $id})-[r]-(o) WHERE type(r) <> 'CHANGED'
     RETURN CASE WHEN startNode(r) = n THEN type(r) + '>' + o.id ELSE '<' + type(r) + ':' + o.id END AS key ORDER BY key`,
    { id },
    { tag: 'test' },
  );
  return rows.map((row) => row.key);
}

/** `{"PARTNER_IN>": 2, "<WORKS_FOR": 1, ...}` from relationship keys. */
function typedCounts(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) {
    const typed = key.startsWith('<') ? key.slice(0, key.indexOf(':')) : key.slice(0, key.indexOf('>') + 1);
    counts[typed] = (counts[typed] ?? 0) + 1;
  }
  return counts;
}

async function changesAttachedTo(id: string) {
  return graph.read<{ action: string; entityId: string; summary: string; actor: string }>(
    'MATCH (c:Change)-[:CHANGED]->({id: $id}) RETURN c.action AS action, c.entityId AS entityId, c.summary AS summary, c.actor AS actor ORDER BY c.action, c.entityId',
    { id },
    { tag: 'test' },
  );
}


let admin: { authorization: string };
let editor: { authorization: string };
let baseline: Record<string, number>;

beforeAll(async () => {
  baseline = await graphCounts(graph);
  admin = await bearer('admin', ns('admin'));
  editor = await bearer('editor', ns('editor'));
  await graph.write(
    `MATCH (region:Region {id: 'syddanmark'})
     CREATE (keep:Organisation {id: $p + 'keep', name: 'Kvistrup Kommune', kind: 'MUNICIPALITY', region: 'syddanmark', aliases: ['KK'], aliasText: 'KK'})
     CREATE (dup:Organisation {id: $p + 'dup', name: 'Zulumundo Genbrugscenter', kind: 'OTHER', aliases: ['ZGC'], aliasText: 'ZGC'})
     CREATE (parent:Organisation {id: $p + 'parent', name: 'Moderselskabet', kind: 'OTHER', aliases: [], aliasText: ''})
     CREATE (unit:Organisation {id: $p + 'unit', name: 'Enheden', kind: 'UNIT', aliases: [], aliasText: ''})
     CREATE (other:Organisation {id: $p + 'other', name: 'Spredningsbureauet', kind: 'COMPANY', aliases: [], aliasText: ''})
     CREATE (worker:Person {id: $p + 'worker', name: 'Villy Ansat'})
     CREATE (older:MergedOrganisation {id: $p + 'older', name: 'Gammel Dublet', mergedInto: $p + 'dup'})
     CREATE (signal:SpreadSignal {id: $p + 'signal', direction: 'OUTGOING', mode: 'SHARED', status: 'ADOPTED'})
     CREATE ${['i1', 'i2', 'i3', 'i4', 'i5'].map((key) => `(${key}:Innovation {id: $p + '${key}', title: 'Innovation ${key}', summary: 'Et testforløb.', year: 2019, kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})`).join(', ')}
     CREATE (dup)-[:NOMINATED]->(i1), (keep)-[:NOMINATED]->(i4), (other)-[:MADE]->(i5)
     CREATE (dup)-[:PARTNER_IN {role: 'dublettens rolle'}]->(i2), (keep)-[:PARTNER_IN {role: 'egen rolle'}]->(i2)
     CREATE (dup)-[:ADOPTED {mode: 'COPY', status: 'ADOPTED', year: 2020, evidence: 'Kopierede løsningen.', source: 'lsf2:1-2', fromId: $p + 'other'}]->(i5)
     CREATE (other)-[:ADOPTED {mode: 'ADAPT', status: 'PLANNED', year: 2021, evidence: 'Tilpasser løsningen.', source: 'lsf2:3-4', fromId: $p + 'dup'}]->(i4)
     CREATE (dup)-[:PART_OF]->(parent), (unit)-[:PART_OF]->(dup), (dup)-[:PART_OF]->(keep)
     CREATE (dup)-[:LOCATED_IN]->(region), (keep)-[:LOCATED_IN]->(region)
     CREATE (worker)-[:WORKS_FOR]->(dup), (i1)-[:HAS_SIGNAL]->(signal)-[:FROM]->(dup), (older)-[:MERGED_INTO]->(dup)
     CREATE (anna:Person {id: $p + 'anna', name: 'Anna Andersen', aliases: []}), (annaB:Person {id: $p + 'anna-b', name: 'Anna B. Andersen', aliases: ['AA']})
     CREATE (anna)-[:WORKS_FOR]->(parent), (anna)-[:CONTACT_FOR {purpose: 'FOLLOW'}]->(i1)
     CREATE (annaB)-[:WORKS_FOR]->(other), (annaB)-[:CONTACT_FOR {purpose: 'REUSE'}]->(i1), (annaB)-[:CONTACT_FOR {purpose: 'REUSE'}]->(i3)`,
    { p: ns('') },
    { tag: 'test' },
  );
  // A change made through the API, so that the duplicate has a history of its own.
  await api.client.request(gql`mutation ($id: ID!) { updateOrganisation(id: $id, input: { kind: ASSOCIATION }) { problem { code } } }`, { id: ns('dup') }, editor);
});

afterAll(async () => {
  // Changes carry random ids, so they are removed by who made them; then the namespaced nodes.
  await graph.write('MATCH (c:Change) WHERE c.actor STARTS WITH $p OR c.entityId STARTS WITH $p DETACH DELETE c', { p: ns('') }, { tag: 'test.cleanup' });
  await graph.write('MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n', { p: ns('') }, { tag: 'test.cleanup' });
  expect(await graphCounts(graph)).toEqual(baseline);
});

describe('mergeOrganisations', () => {
  let keptBefore: string[];
  let mergedBefore: string[];
  let result: { mergeOrganisations: { organisation: Record<string, unknown> | null; problem: Problem | null } };

  beforeAll(async () => {
    keptBefore = await relationshipKeys(ns('keep'));
    mergedBefore = await relationshipKeys(ns('dup'));
    result = await api.client.request(MERGE_ORGANISATIONS, { keepId: ns('keep'), mergeId: ns('dup') }, admin);
  });

  it('gives the kept organisation every relationship of both, once each', async () => {
    expect(result.mergeOrganisations.problem).toBeNull();
    // The duplicate was part of the kept one: that link would become a loop, so it goes.
    const moved = mergedBefore.filter((key) => key !== `PART_OF>${ns('keep')}`);
    const kept = keptBefore.filter((key) => key !== `<PART_OF:${ns('dup')}`);
    expect([moved.length, kept.length]).toEqual([mergedBefore.length - 1, keptBefore.length - 1]);
    const expected = [...new Set([...kept, ...moved, `<MERGED_INTO:${ns('dup')}`])].sort();
    const after = await relationshipKeys(ns('keep'));
    expect(after).toEqual(expected);
    expect(typedCounts(after)).toEqual({
      'NOMINATED>': 2,
      'PARTNER_IN>': 1,
      'ADOPTED>': 1,
      'PART_OF>': 1,
      'LOCATED_IN>': 1,
      '<PART_OF': 1,
      '<WORKS_FOR': 1,
      '<FROM': 1,
      '<MERGED_INTO': 2,
    });
    expect(typedCounts(keptBefore)).toEqual({ 'NOMINATED>': 1, 'PARTNER_IN>': 1, 'LOCATED_IN>': 1, '<PART_OF': 1 });
    const [loops] = await graph.read<{ n: number }>('MATCH (k:Organisation {id: $id})-[r]->(k) RETURN count(r) AS n', { id: ns('keep') }, { tag: 'test' });
    expect(loops!.n).toBe(0);
  });

  it('keeps the properties of moved relationships, and the kept one\'s own where both had one', async () => {
    const [row] = await graph.read<{ partnerRole: string; adoption: Record<string, unknown>; fromIds: string[] }>(
      `MATCH (k:Organisation {id: $keep})
       RETURN head([(k)-[r:PARTNER_IN]->(:Innovation {id: $p + 'i2'}) | r.role]) AS partnerRole,
              head([(k)-[a:ADOPTED]->(:Innovation {id: $p + 'i5'}) | properties(a)]) AS adoption,
              [(:Organisation {id: $p + 'other'})-[a:ADOPTED]->() | a.fromId] AS fromIds`,
      { keep: ns('keep'), p: ns('') },
      { tag: 'test' },
    );
    expect(row).toEqual({
      partnerRole: 'egen rolle',
      adoption: { mode: 'COPY', status: 'ADOPTED', year: 2020, evidence: 'Kopierede løsningen.', source: 'lsf2:1-2', fromId: ns('other') },
      fromIds: [ns('keep')],
    });
  });

  it('adds the duplicate\'s name and aliases to the kept one, so that searching the old name finds it', async () => {
    expect(result.mergeOrganisations.organisation).toEqual({ id: ns('keep'), name: 'Kvistrup Kommune', aliases: ['KK', 'Zulumundo Genbrugscenter', 'ZGC'] });
    const [row] = await graph.read<{ aliasText: string }>('MATCH (k:Organisation {id: $id}) RETURN k.aliasText AS aliasText', { id: ns('keep') }, { tag: 'test' });
    expect(row!.aliasText).toBe('KK | Zulumundo Genbrugscenter | ZGC');
    const data = await api.client.request<{ search: { edges: { node: { __typename: string; id: string } }[] }; organisations: { edges: { node: { id: string } }[] } }>(
      gql`{
        search(text: "Zulumundo", first: 10) { edges { node { __typename ... on Organisation { id } } } }
        organisations(filter: { text: "Zulumundo" }) { edges { node { id } } }
      }`,
    );
    expect(data.search.edges.map((hit) => hit.node)).toEqual([{ __typename: 'Organisation', id: ns('keep') }]);
    expect(data.organisations.edges.map((edge) => edge.node.id)).toEqual([ns('keep')]);
  });

  it('leaves the duplicate as a tombstone that points at the kept one and that lookups no longer find', async () => {
    const data = await api.client.request<{ gone: null; unit: { parent: { id: string } }; worker: { organisation: { id: string } } }>(
      gql`query ($dup: ID!, $unit: ID!, $worker: ID!) {
        gone: organisation(id: $dup) { id }
        unit: organisation(id: $unit) { parent { id } }
        worker: person(id: $worker) { organisation { id } }
      }`,
      { dup: ns('dup'), unit: ns('unit'), worker: ns('worker') },
    );
    expect(data).toEqual({ gone: null, unit: { parent: { id: ns('keep') } }, worker: { organisation: { id: ns('keep') } } });
    const rows = await graph.read<{ labels: string[]; mergedInto: string; name: string }>(
      'MATCH (m {id: $id}) RETURN labels(m) AS labels, m.mergedInto AS mergedInto, m.name AS name',
      { id: ns('dup') },
      { tag: 'test' },
    );
    expect(rows).toEqual([{ labels: ['MergedOrganisation'], mergedInto: ns('keep'), name: 'Zulumundo Genbrugscenter' }]);
    expect(await relationshipKeys(ns('dup'))).toEqual([`MERGED_INTO>${ns('keep')}`]);
    // An earlier tombstone of the duplicate now leads straight to the kept organisation.
    const [older] = await graph.read<{ mergedInto: string; target: string }>(
      'MATCH (o:MergedOrganisation {id: $id})-[:MERGED_INTO]->(t) RETURN o.mergedInto AS mergedInto, t.id AS target',
      { id: ns('older') },
      { tag: 'test' },
    );
    expect(older).toEqual({ mergedInto: ns('keep'), target: ns('keep') });
  });

  it('records the merge in the history of both, and the kept one shows the duplicate\'s earlier changes too', async () => {
    const merge = {
      action: 'mergeOrganisations',
      actor: ns('admin'),
    };
    expect(await changesAttachedTo(ns('dup'))).toEqual([
      { ...merge, entityId: ns('dup'), summary: `Merged Zulumundo Genbrugscenter (${ns('dup')}) into Kvistrup Kommune (${ns('keep')}); this id is kept as a pointer to it.` },
      { action: 'updateOrganisation', actor: ns('editor'), entityId: ns('dup'), summary: 'Updated Zulumundo Genbrugscenter.' },
    ]);
    expect(await changesAttachedTo(ns('keep'))).toEqual([
      { ...merge, entityId: ns('keep'), summary: `Took over Zulumundo Genbrugscenter (${ns('dup')}): its relationships, and its names as aliases.` },
      { action: 'updateOrganisation', actor: ns('editor'), entityId: ns('dup'), summary: 'Updated Zulumundo Genbrugscenter.' },
    ]);
    const history = await api.client.request<{ history: { action: string; entityId: string; before: string; after: string }[] }>(
      gql`query ($id: ID!) { history(entityId: $id) { action entityId before after } }`,
      { id: ns('keep') },
      await bearer('reader', ns('reader')),
    );
    expect(history.history.map((c) => [c.action, c.entityId])).toEqual([
      ['mergeOrganisations', ns('keep')],
      ['updateOrganisation', ns('dup')],
    ]);
    const tombstone = await api.client.request<{ history: { action: string; entityId: string }[] }>(
      gql`query ($id: ID!) { history(entityId: $id) { action entityId } }`,
      { id: ns('dup') },
      await bearer('reader', ns('reader')),
    );
    expect(tombstone.history).toEqual([
      { action: 'mergeOrganisations', entityId: ns('dup') },
      { action: 'updateOrganisation', entityId: ns('dup') },
    ]);
    const after = JSON.parse(history.history[0]!.after) as Record<string, unknown>;
    expect(after).toMatchObject({ mergedFrom: ns('dup'), aliases: ['KK', 'Zulumundo Genbrugscenter', 'ZGC'] });
    expect(after.relationshipsTakenOver).toMatchObject({ 'NOMINATED>': 1, 'PARTNER_IN>': 1, 'PART_OF>': 2, '<MERGED_INTO': 1, '<CHANGED': 1 });
    expect(JSON.parse(history.history[0]!.before)).toMatchObject({ id: ns('keep'), aliases: ['KK'] });
  });

  it('reports merging an organisation with itself, an unknown id or an id merged already as a problem, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const cases: [Record<string, string>, Problem][] = [
      [{ keepId: ns('keep'), mergeId: ns('keep') }, { code: 'CONFLICT', message: `keepId and mergeId must name two different organisations, got "${ns('keep')}" for both`, field: 'mergeId' }],
      [{ keepId: ns('nobody'), mergeId: ns('other') }, { code: 'NOT_FOUND', message: `No organisation has the id "${ns('nobody')}".`, field: 'keepId' }],
      [{ keepId: ns('keep'), mergeId: ns('nobody') }, { code: 'NOT_FOUND', message: `No organisation has the id "${ns('nobody')}".`, field: 'mergeId' }],
      [{ keepId: ns('other'), mergeId: ns('dup') }, { code: 'NOT_FOUND', message: `The organisation "${ns('dup')}" was merged into "${ns('keep')}" already; use "${ns('keep')}".`, field: 'mergeId' }],
      [{ keepId: ns('dup'), mergeId: ns('other') }, { code: 'NOT_FOUND', message: `The organisation "${ns('dup')}" was merged into "${ns('keep')}" already; use "${ns('keep')}".`, field: 'keepId' }],
      [{ keepId: ns('keep'), mergeId: 'syddanmark' }, { code: 'NOT_FOUND', message: 'No organisation has the id "syddanmark".', field: 'mergeId' }],
    ];
    for (const [variables, problem] of cases) {
      const data = await api.client.request<typeof result>(MERGE_ORGANISATIONS, variables, admin);
      expect(data.mergeOrganisations).toEqual({ organisation: null, problem });
    }
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('rejects malformed ids, Cypher-looking ones included, naming the argument and the rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    for (const text of INJECTIONS) {
      const error = await firstError(api.client.request(MERGE_ORGANISATIONS, { keepId: ns('keep'), mergeId: text }, admin));
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(`mergeId: mergeId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(text)})`);
    }
    const keep = await firstError(api.client.request(MERGE_ORGANISATIONS, { keepId: 'Kvistrup Kommune', mergeId: ns('other') }, admin));
    expect(keep.message).toContain('keepId: keepId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Kvistrup Kommune")');
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('is refused without a token, and for an editor, with nothing written', async () => {
    const before = await graphCounts(graph);
    const variables = { keepId: ns('parent'), mergeId: ns('other') };
    const anonymous = await firstError(api.client.request(MERGE_ORGANISATIONS, variables));
    expect(anonymous).toMatchObject({
      message: 'mergeOrganisations needs a bearer token with the role admin; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const forbidden = await firstError(api.client.request(MERGE_ORGANISATIONS, variables, editor));
    expect(forbidden).toMatchObject({ message: 'mergeOrganisations needs the role admin; your token has editor.', extensions: { code: 'FORBIDDEN' } });
    expect(await graphCounts(graph)).toEqual(before);
  });
});

describe('mergePeople', () => {
  it('gives the kept person every relationship of both, once each, and the duplicate\'s names as aliases', async () => {
    const keptBefore = await relationshipKeys(ns('anna'));
    const mergedBefore = await relationshipKeys(ns('anna-b'));
    const data = await api.client.request<{ mergePeople: { person: Record<string, unknown>; problem: Problem | null } }>(MERGE_PEOPLE, { keepId: ns('anna'), mergeId: ns('anna-b') }, admin);
    expect(data.mergePeople).toEqual({
      person: { id: ns('anna'), name: 'Anna Andersen', organisation: { id: expect.stringMatching(/parent$|other$/) }, innovations: expect.any(Array) },
      problem: null,
    });
    expect((data.mergePeople.person.innovations as { id: string }[]).map((i) => i.id).sort()).toEqual([ns('i1'), ns('i3')]);
    const after = await relationshipKeys(ns('anna'));
    expect(after).toEqual([...new Set([...keptBefore, ...mergedBefore, `<MERGED_INTO:${ns('anna-b')}`])].sort());
    expect(typedCounts(after)).toEqual({ 'WORKS_FOR>': 2, 'CONTACT_FOR>': 2, '<MERGED_INTO': 1 });
    const [row] = await graph.read<{ aliases: string[]; purpose: string; tombstone: string[] }>(
      `MATCH (a:Person {id: $p + 'anna'})
       RETURN a.aliases AS aliases, head([(a)-[c:CONTACT_FOR]->(:Innovation {id: $p + 'i1'}) | c.purpose]) AS purpose,
              head(COLLECT { MATCH (m {id: $p + 'anna-b'}) RETURN labels(m) }) AS tombstone`,
      { p: ns('') },
      { tag: 'test' },
    );
    expect(row).toEqual({ aliases: ['Anna B. Andersen', 'AA'], purpose: 'FOLLOW', tombstone: ['MergedPerson'] });
    const gone = await api.client.request<{ person: null }>(gql`query ($id: ID!) { person(id: $id) { id } }`, { id: ns('anna-b') });
    expect(gone.person).toBeNull();
    expect((await changesAttachedTo(ns('anna-b'))).map((c) => [c.action, c.entityId])).toEqual([['mergePeople', ns('anna-b')]]);
    expect((await changesAttachedTo(ns('anna'))).map((c) => [c.action, c.entityId, c.summary])).toEqual([
      ['mergePeople', ns('anna'), `Took over Anna B. Andersen (${ns('anna-b')}): its relationships, and its names as aliases.`],
    ]);
  });

  it('reports merging a person with itself, an unknown id or one merged already as a problem, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const cases: [Record<string, string>, Problem][] = [
      [{ keepId: ns('anna'), mergeId: ns('anna') }, { code: 'CONFLICT', message: `keepId and mergeId must name two different people, got "${ns('anna')}" for both`, field: 'mergeId' }],
      [{ keepId: ns('anna'), mergeId: ns('nobody') }, { code: 'NOT_FOUND', message: `No person has the id "${ns('nobody')}".`, field: 'mergeId' }],
      [{ keepId: ns('worker'), mergeId: ns('anna-b') }, { code: 'NOT_FOUND', message: `The person "${ns('anna-b')}" was merged into "${ns('anna')}" already; use "${ns('anna')}".`, field: 'mergeId' }],
      [{ keepId: ns('keep'), mergeId: ns('worker') }, { code: 'NOT_FOUND', message: `No person has the id "${ns('keep')}".`, field: 'keepId' }],
    ];
    for (const [variables, problem] of cases) {
      const data = await api.client.request<{ mergePeople: unknown }>(MERGE_PEOPLE, variables, admin);
      expect(data.mergePeople).toEqual({ person: null, problem });
    }
    const malformed = await firstError(api.client.request(MERGE_PEOPLE, { keepId: INJECTIONS[1], mergeId: ns('worker') }, admin));
    expect(malformed.message).toContain(`keepId: keepId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[1])})`);
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('is refused without a token, and for an editor, with nothing written', async () => {
    const before = await graphCounts(graph);
    const variables = { keepId: ns('anna'), mergeId: ns('worker') };
    const anonymous = await firstError(api.client.request(MERGE_PEOPLE, variables));
    expect(anonymous).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: 'mergePeople needs a bearer token with the role admin; send "Authorization: Bearer <token>" (npm run token issues one).' });
    const forbidden = await firstError(api.client.request(MERGE_PEOPLE, variables, editor));
    expect(forbidden).toMatchObject({ message: 'mergePeople needs the role admin; your token has editor.', extensions: { code: 'FORBIDDEN' } });
    expect(await graphCounts(graph)).toEqual(before);
  });
});
