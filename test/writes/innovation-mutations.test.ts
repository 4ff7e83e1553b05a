import { ClientError, gql } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { countChanges, graphCounts } from '../support/graph-counts.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'innomut');

// useNamespace removes the namespaced nodes; their Change nodes carry random ids, so go here.
afterAll(async () => {
  await graph.write('MATCH (c:Change) WHERE c.entityId STARTS WITH $prefix DETACH DELETE c', { prefix: ns('') }, { tag: 'test.cleanup' });
});

const INNOVATION_FIELDS = `id title summary year targetGroup kind sector types coronaRelated retired
  nominators { id } makers { id } themes { id } source { document { id } section page lines locator }`;
const CREATE = gql`
  mutation ($input: CreateInnovationInput!) {
    createInnovation(input: $input) { innovation { ${INNOVATION_FIELDS} } problem { code message field } }
  }
`;
const UPDATE = gql`
  mutation ($id: ID!, $input: UpdateInnovationInput!) {
    updateInnovation(id: $id, input: $input) { innovation { ${INNOVATION_FIELDS} } problem { code message field } }
  }
`;
const RETIRE = gql`
  mutation ($id: ID!, $reason: String!) {
    retireInnovation(id: $id, reason: $reason) { innovation { id retired } problem { code message field } }
  }
`;

const INJECTIONS = [`x' }) MATCH (n) DETACH DELETE n //`, `"}) RETURN 1 UNION MATCH (n) RETURN n //`, `\u0027; DROP`] as const;
const SUMMARY = 'En testinnovation, som kun findes i denne testfil.';
const NEXT_YEAR = new Date().getFullYear() + 1;

let editor: { authorization: string };
let admin: { authorization: string };
beforeAll(async () => {
  editor = await bearer('editor', 'ida');
  admin = await bearer('admin', 'anders');
});



/** The innovation as stored, with the relationships the mutations set. */
async function stored(id: string): Promise<Record<string, unknown> | null> {
  const [row] = await graph.read<{ i: Record<string, unknown> }>(
    `MATCH (i:Innovation {id: $id})
     RETURN i {.id, .title, .summary, .year, .targetGroup, .kind, .sector, .types, .coronaRelated, .retired, .retiredReason,
               .sourceSection, .sourceLines, .sourcePage, retiredAt: toString(i.retiredAt),
               nominators: COLLECT { MATCH (i)<-[:NOMINATED]-(o) RETURN o.id ORDER BY o.id },
               makers: COLLECT { MATCH (i)<-[:MADE]-(o) RETURN o.id ORDER BY o.id },
               themes: COLLECT { MATCH (i)-[:ABOUT]->(t) RETURN t.id ORDER BY t.id },
               documents: COLLECT { MATCH (i)-[:DESCRIBED_IN]->(s) RETURN s.id }} AS i`,
    { id },
    { tag: 'test' },
  );
  return row?.i ?? null;
}

async function refusal(document: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const error = (await api.client.request(document, variables, headers).catch((e: unknown) => e)) as ClientError;
  expect(error).toBeInstanceOf(ClientError);
  return error.response.errors![0]!;
}

/** A minimal valid innovation, nominated by a seed municipality. */
async function createMinimal(key: string, extra: Record<string, unknown> = {}): Promise<void> {
  const data = await api.client.request<{ createInnovation: { problem: unknown } }>(
    CREATE,
    { input: { id: ns(key), title: `Test ${key}`, summary: SUMMARY, kind: 'MAIN_CASE', nominatorIds: ['aarhus-kommune'], ...extra } },
    editor,
  );
  expect(data.createInnovation.problem).toBeNull();
}

describe('createInnovation', () => {
  it('adds an innovation with its nominators, makers, themes and source, and records who did it', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createInnovation: unknown }>(
      CREATE,
      {
        input: {
          id: ns('full'),
          title: 'Affaldssortering med app',
          summary: SUMMARY,
          year: 2020,
          targetGroup: 'Borgere',
          kind: 'MAIN_CASE',
          sector: 'MUNICIPAL',
          types: ['SERVICE', 'PRODUCT'],
          coronaRelated: true,
          themeIds: ['climate-environment', 'digital-welfare'],
          nominatorIds: ['kolding-kommune'],
          makerIds: ['aarhus-kommune'],
          source: { documentId: 'lsf2', section: 'Kommunale indstillinger', page: 40, lines: [100, 120] },
        },
      },
      editor,
    );
    expect(data.createInnovation).toEqual({
      innovation: {
        id: ns('full'),
        title: 'Affaldssortering med app',
        summary: SUMMARY,
        year: 2020,
        targetGroup: 'Borgere',
        kind: 'MAIN_CASE',
        sector: 'MUNICIPAL',
        types: ['SERVICE', 'PRODUCT'],
        coronaRelated: true,
        retired: false,
        nominators: [{ id: 'kolding-kommune' }],
        makers: [{ id: 'aarhus-kommune' }],
        themes: expect.arrayContaining([{ id: 'climate-environment' }, { id: 'digital-welfare' }]),
        source: { document: { id: 'lsf2' }, section: 'Kommunale indstillinger', page: 40, lines: [100, 120], locator: 'lsf2:100-120' },
      },
      problem: null,
    });
    expect(await stored(ns('full'))).toMatchObject({
      retired: false,
      nominators: ['kolding-kommune'],
      makers: ['aarhus-kommune'],
      themes: ['climate-environment', 'digital-welfare'],
      documents: ['lsf2'],
      sourceLines: [100, 120],
      sourcePage: 40,
    });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Innovation': 1, ':Change': 1, NOMINATED: 1, MADE: 1, ABOUT: 2, DESCRIBED_IN: 1, CHANGED: 1 });
    const [change] = await graph.read<{ actor: string; action: string; summary: string; after: string }>(
      'MATCH (c:Change)-[:CHANGED]->(:Innovation {id: $id}) RETURN c.actor AS actor, c.action AS action, c.summary AS summary, c.after AS after',
      { id: ns('full') },
      { tag: 'test' },
    );
    expect(change).toMatchObject({ actor: 'ida', action: 'createInnovation', summary: 'Created Affaldssortering med app.' });
    expect(JSON.parse(change!.after)).toMatchObject({ nominatorIds: ['kolding-kommune'], makerIds: ['aarhus-kommune'], themeIds: ['climate-environment', 'digital-welfare'] });
  });

  it('makes the id from the title when none is given', async () => {
    const data = await api.client.request<{ createInnovation: { innovation: { id: string } } }>(
      CREATE,
      { input: { title: `${ns('')}Bedre søvn på plejehjem`, summary: SUMMARY, kind: 'SMALL_INNOVATION', makerIds: ['aarhus-kommune'] } },
      editor,
    );
    expect(data.createInnovation.innovation.id).toBe(ns('bedre-soevn-paa-plejehjem'));
  });

  it('reports an id that is taken as ALREADY_EXISTS and leaves the seed innovation as it was', async () => {
    const before = await graphCounts(graph);
    const minVideo = await stored('min-video');
    const data = await api.client.request<{ createInnovation: unknown }>(
      CREATE,
      { input: { id: 'min-video', title: 'Min Video', summary: SUMMARY, kind: 'MAIN_CASE', nominatorIds: ['aarhus-kommune'] } },
      editor,
    );
    expect(data.createInnovation).toEqual({
      innovation: null,
      problem: { code: 'ALREADY_EXISTS', message: 'An innovation with id "min-video" exists already; update it instead, or give another id.', field: 'input.id' },
    });
    expect(await stored('min-video')).toEqual(minVideo);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it.each([
    [{ nominatorIds: ['atlantis-kommune', 'aarhus-kommune'] }, { message: 'input.nominatorIds names no organisation: "atlantis-kommune"', field: 'input.nominatorIds' }],
    [{ makerIds: ['atlantis-kommune', 'lemuria-kommune'] }, { message: 'input.makerIds names no organisation: "atlantis-kommune", "lemuria-kommune"', field: 'input.makerIds' }],
    [{ themeIds: ['alchemy'] }, { message: 'input.themeIds names no theme: "alchemy"', field: 'input.themeIds' }],
    [{ source: { documentId: 'necronomicon' } }, { message: 'input.source.documentId names no source document: "necronomicon"', field: 'input.source.documentId' }],
  ])('reports what does not exist in %j as NOT_FOUND and writes nothing', async (fields, problem) => {
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createInnovation: unknown }>(
      CREATE,
      { input: { id: ns('missing'), title: 'Mangler noget', summary: SUMMARY, kind: 'MAIN_CASE', nominatorIds: ['aarhus-kommune'], ...fields } },
      editor,
    );
    expect(data.createInnovation).toEqual({ innovation: null, problem: { code: 'NOT_FOUND', ...problem } });
    expect(await stored(ns('missing'))).toBeNull();
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('needs at least one nominator or maker', async () => {
    const before = await graphCounts(graph);
    for (const origin of [{}, { nominatorIds: [], makerIds: [] }]) {
      const error = await refusal(CREATE, { input: { id: ns('orphan'), title: 'Forældreløs', summary: SUMMARY, kind: 'MAIN_CASE', ...origin } }, editor);
      expect(error).toMatchObject({
        message: "input.nominatorIds or input.makerIds must name at least one organisation (the innovation's origin), got none",
        extensions: { code: 'BAD_USER_INPUT', field: 'input.nominatorIds' },
      });
    }
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('rejects a malformed id, title, summary, year, ids and source, naming each field and rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const error = await refusal(
      CREATE,
      {
        input: {
          id: 'Min Video',
          title: 'X',
          summary: 'For kort resumé.',
          year: 1899,
          kind: 'MAIN_CASE',
          nominatorIds: ['Aarhus Kommune'],
          themeIds: ['Klima'],
          source: { documentId: 'LSF 2', page: 0, lines: [300, 110] },
        },
      },
      editor,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    for (const text of [
      'id: id must be a slug of lower-case letters, digits and single dashes, such as "min-video" (got "Min Video")',
      'title: title must be from 2 to 300 characters long (got "X")',
      'summary: summary must be from 20 to 2000 characters long (got "For kort resumé.")',
      `year: year must be a whole year from 1900 to ${NEXT_YEAR} (got 1899)`,
      'nominatorIds: nominatorIds must hold slugs of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ["Aarhus Kommune"])',
      'themeIds: themeIds must hold slugs of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ["Klima"])',
      'source.documentId: documentId must be a slug of lower-case letters, digits and single dashes, such as "min-video" (got "LSF 2")',
      'source.page: page must be a page number of 1 or more (got 0)',
      'source.lines: lines must be [first, last]: two line numbers of 1 or more, first <= last (got [300,110])',
    ]) {
      expect(error.message).toContain(text);
    }
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('accepts next year but not the year after, and no unknown kind', async () => {
    await createMinimal('next-year', { year: NEXT_YEAR });
    expect(await stored(ns('next-year'))).toMatchObject({ year: NEXT_YEAR });
    const before = await graphCounts(graph);
    const late = await refusal(CREATE, { input: { id: ns('too-late'), title: 'For sent', summary: SUMMARY, year: NEXT_YEAR + 1, kind: 'MAIN_CASE', nominatorIds: ['aarhus-kommune'] } }, editor);
    expect(late.extensions?.code).toBe('BAD_USER_INPUT');
    expect(late.message).toContain(`year: year must be a whole year from 1900 to ${NEXT_YEAR} (got ${NEXT_YEAR + 1})`);
    const kind = await refusal(CREATE, { input: { id: ns('odd-kind'), title: 'Forkert slags', summary: SUMMARY, kind: 'INVENTION', nominatorIds: ['aarhus-kommune'] } }, editor);
    expect(kind.extensions?.code).toBe('BAD_USER_INPUT');
    expect(kind.message).toContain('Allowed values: MAIN_CASE, SMALL_INNOVATION, WATCH_LIST, PROCUREMENT_CASE, REFERENCED.');
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    const before = await graphCounts(graph);
    const input = { id: ns('refused'), title: 'Ikke tilladt', summary: SUMMARY, kind: 'MAIN_CASE', nominatorIds: ['aarhus-kommune'] };
    expect(await refusal(CREATE, { input })).toMatchObject({
      message: 'createInnovation needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await refusal(CREATE, { input }, await bearer('reader'))).toMatchObject({
      message: 'createInnovation needs the role editor; your token has reader.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await stored(ns('refused'))).toBeNull();
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it.each(INJECTIONS)('stores the Cypher-injection string %j in every text field as plain text, and changes nothing else', async (text) => {
    const id = ns(`inject-${INJECTIONS.indexOf(text)}`);
    const summary = `${text} ${'.'.repeat(20)}`;
    const before = await graphCounts(graph);
    const data = await api.client.request<{ createInnovation: { innovation: Record<string, unknown> } }>(
      CREATE,
      { input: { id, title: text, summary, targetGroup: text, kind: 'WATCH_LIST', nominatorIds: ['aarhus-kommune'], source: { documentId: 'lsf2', section: text } } },
      editor,
    );
    expect(data.createInnovation.innovation).toMatchObject({ title: text, summary, targetGroup: text, source: { section: text } });
    expect(await stored(id)).toMatchObject({ title: text, summary, targetGroup: text, sourceSection: text, nominators: ['aarhus-kommune'] });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Innovation': 1, ':Change': 1, NOMINATED: 1, DESCRIBED_IN: 1, CHANGED: 1 });
  });
});

describe('updateInnovation', () => {
  it('replaces the nominators, makers and themes given, keeps the rest, and keeps the before-state in the history', async () => {
    await createMinimal('changed', { year: 2018, targetGroup: 'Ældre', sector: 'MUNICIPAL', themeIds: ['elderly-care'], makerIds: ['kolding-kommune'] });
    const before = await graphCounts(graph);
    const data = await api.client.request<{ updateInnovation: { innovation: Record<string, unknown>; problem: null } }>(
      UPDATE,
      { id: ns('changed'), input: { title: 'Nyt navn', nominatorIds: ['kolding-kommune', 'aarhus-kommune'], makerIds: [], themeIds: ['health', 'workforce'] } },
      editor,
    );
    expect(data.updateInnovation.problem).toBeNull();
    expect(data.updateInnovation.innovation).toMatchObject({ title: 'Nyt navn', summary: SUMMARY, year: 2018, targetGroup: 'Ældre', sector: 'MUNICIPAL', makers: [] });
    expect(await stored(ns('changed'))).toMatchObject({
      title: 'Nyt navn',
      year: 2018,
      nominators: ['aarhus-kommune', 'kolding-kommune'],
      makers: [],
      themes: ['health', 'workforce'],
    });
    // +1 nominator, -1 maker, two themes for one; no node but the Change.
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, NOMINATED: 1, MADE: -1, ABOUT: 1, CHANGED: 1 });
    const [change] = await graph.read<{ actor: string; before: string; after: string }>(
      "MATCH (c:Change {action: 'updateInnovation'})-[:CHANGED]->(:Innovation {id: $id}) RETURN c.actor AS actor, c.before AS before, c.after AS after",
      { id: ns('changed') },
      { tag: 'test' },
    );
    expect(change!.actor).toBe('ida');
    expect(JSON.parse(change!.before)).toMatchObject({ title: `Test changed`, nominatorIds: ['aarhus-kommune'], makerIds: ['kolding-kommune'], themeIds: ['elderly-care'] });
    expect(JSON.parse(change!.after)).toMatchObject({ title: 'Nyt navn', nominatorIds: ['aarhus-kommune', 'kolding-kommune'], makerIds: [], themeIds: ['health', 'workforce'] });
  });

  it('leaves relationships alone when their field is absent, and clears what is set to null', async () => {
    await createMinimal('cleared', { year: 2019, targetGroup: 'Unge', sector: 'REGIONAL', themeIds: ['education'], source: { documentId: 'lsf2', lines: [5, 9] } });
    const data = await api.client.request<{ updateInnovation: { innovation: Record<string, unknown> } }>(
      UPDATE,
      { id: ns('cleared'), input: { year: null, targetGroup: null, sector: null, source: null, types: ['PROCESS'] } },
      editor,
    );
    expect(data.updateInnovation.innovation).toMatchObject({ year: null, targetGroup: null, sector: null, types: ['PROCESS'], nominators: [{ id: 'aarhus-kommune' }], themes: [{ id: 'education' }] });
    expect(await stored(ns('cleared'))).toMatchObject({ year: null, targetGroup: null, sector: null, documents: [], sourceLines: null, themes: ['education'], nominators: ['aarhus-kommune'] });
  });

  it('refuses to leave an innovation without nominator or maker, as a CONFLICT that changes nothing', async () => {
    await createMinimal('origin');
    const innovation = await stored(ns('origin'));
    const before = await graphCounts(graph);
    const data = await api.client.request<{ updateInnovation: unknown }>(UPDATE, { id: ns('origin'), input: { title: 'Uden ophav', nominatorIds: [] } }, editor);
    expect(data.updateInnovation).toEqual({
      innovation: null,
      problem: { code: 'CONFLICT', message: 'An innovation needs at least one nominator or maker; input.nominatorIds and input.makerIds would leave it with none', field: 'input.nominatorIds' },
    });
    expect(await stored(ns('origin'))).toEqual(innovation);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('reports an unknown innovation, organisation, theme or document as NOT_FOUND and changes nothing', async () => {
    await createMinimal('stays');
    const innovation = await stored(ns('stays'));
    const before = await graphCounts(graph);
    const missing = await api.client.request<{ updateInnovation: unknown }>(UPDATE, { id: ns('nothing'), input: { title: 'Ingen' } }, editor);
    expect(missing.updateInnovation).toEqual({ innovation: null, problem: { code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'id' } });
    for (const [input, message] of [
      [{ nominatorIds: ['atlantis-kommune'] }, 'input.nominatorIds names no organisation: "atlantis-kommune"'],
      [{ makerIds: ['atlantis-kommune'] }, 'input.makerIds names no organisation: "atlantis-kommune"'],
      [{ themeIds: ['alchemy'] }, 'input.themeIds names no theme: "alchemy"'],
      [{ source: { documentId: 'necronomicon' } }, 'input.source.documentId names no source document: "necronomicon"'],
    ] as const) {
      const data = await api.client.request<{ updateInnovation: { problem: { code: string; message: string } } }>(UPDATE, { id: ns('stays'), input: { title: 'Ændret', ...input } }, editor);
      expect(data.updateInnovation.problem).toMatchObject({ code: 'NOT_FOUND', message });
    }
    expect(await stored(ns('stays'))).toEqual(innovation);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('rejects invalid changes naming the field and the rule, and changes nothing', async () => {
    await createMinimal('valid');
    const innovation = await stored(ns('valid'));
    const before = await graphCounts(graph);
    const error = await refusal(UPDATE, { id: ns('valid'), input: { summary: 'x'.repeat(2001), year: 1850, makerIds: ['Not Valid'], source: { documentId: 'lsf2', lines: [7] } } }, editor);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('summary: summary must be from 20 to 2000 characters long');
    expect(error.message).toContain(`year: year must be a whole year from 1900 to ${NEXT_YEAR} (got 1850)`);
    expect(error.message).toContain('makerIds: makerIds must hold slugs of lower-case letters, digits and single dashes');
    expect(error.message).toContain('source.lines: lines must be [first, last]: two line numbers of 1 or more, first <= last (got [7])');
    expect(await stored(ns('valid'))).toEqual(innovation);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('is refused without a token, and for a reader, with nothing changed', async () => {
    await createMinimal('guarded');
    const innovation = await stored(ns('guarded'));
    const before = await graphCounts(graph);
    expect(await refusal(UPDATE, { id: ns('guarded'), input: { title: 'Overtaget' } })).toMatchObject({
      message: 'updateInnovation needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await refusal(UPDATE, { id: ns('guarded'), input: { title: 'Overtaget' } }, await bearer('reader'))).toMatchObject({
      message: 'updateInnovation needs the role editor; your token has reader.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await stored(ns('guarded'))).toEqual(innovation);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('stores Cypher-injection strings given as changes verbatim, and changes nothing else', async () => {
    await createMinimal('target', { source: { documentId: 'lsf2' } });
    for (const text of INJECTIONS) {
      const summary = `${text} ${'-'.repeat(20)}`;
      const before = await graphCounts(graph);
      await api.client.request(UPDATE, { id: ns('target'), input: { title: text, summary, targetGroup: text, source: { documentId: 'lsf2', section: text } } }, editor);
      expect(await stored(ns('target'))).toMatchObject({ title: text, summary, targetGroup: text, sourceSection: text, nominators: ['aarhus-kommune'], documents: ['lsf2'] });
      expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    }
  });
});

describe('retireInnovation', () => {
  const WORD = 'zorblatmetoden';
  const LISTED = gql`
    query ($text: String!) {
      innovations(filter: { text: $text }) { totalCount edges { node { id } } }
      everything: innovations(filter: { text: $text, includeRetired: true }) { totalCount }
      search(text: $text) { edges { node { __typename ... on Innovation { id } } } }
      spreadStats(groupBy: YEAR) { totals { innovations } }
    }
  `;
  type Listed = {
    innovations: { totalCount: number; edges: { node: { id: string } }[] };
    everything: { totalCount: number };
    search: { edges: { node: { id?: string } }[] };
    spreadStats: { totals: { innovations: number } };
  };

  it('keeps the innovation readable by id but leaves it out of lists, search and spread statistics', async () => {
    const initial = await api.client.request<Listed>(LISTED, { text: WORD });
    expect(initial.innovations.totalCount).toBe(0);
    await createMinimal('retired', { title: `Zorblatmetoden til test`, year: 2020 });
    const active = await api.client.request<Listed>(LISTED, { text: WORD });
    expect(active.innovations.edges).toEqual([{ node: { id: ns('retired') } }]);
    expect(active.search.edges).toEqual([{ node: { __typename: 'Innovation', id: ns('retired') } }]);
    expect(active.spreadStats.totals.innovations).toBe(initial.spreadStats.totals.innovations + 1);

    const before = await graphCounts(graph);
    const data = await api.client.request<{ retireInnovation: unknown }>(RETIRE, { id: ns('retired'), reason: 'Dublet af en anden innovation.' }, admin);
    expect(data.retireInnovation).toEqual({ innovation: { id: ns('retired'), retired: true }, problem: null });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    const row = await stored(ns('retired'));
    expect(row).toMatchObject({ retired: true, retiredReason: 'Dublet af en anden innovation.', nominators: ['aarhus-kommune'] });
    expect(Date.parse(row!.retiredAt as string)).toBeGreaterThan(Date.now() - 60_000);

    const retired = await api.client.request<Listed>(LISTED, { text: WORD });
    expect(retired.innovations).toEqual({ totalCount: 0, edges: [] });
    expect(retired.everything.totalCount).toBe(1);
    expect(retired.search.edges).toEqual([]);
    expect(retired.spreadStats.totals.innovations).toBe(initial.spreadStats.totals.innovations);
    const byId = await api.client.request<{ innovation: { id: string; retired: boolean; title: string } }>(gql`{ innovation(id: "${ns('retired')}") { id retired title } }`);
    expect(byId.innovation).toEqual({ id: ns('retired'), retired: true, title: 'Zorblatmetoden til test' });

    const [change] = await graph.read<{ actor: string; summary: string; before: string; after: string }>(
      "MATCH (c:Change {action: 'retireInnovation'})-[:CHANGED]->(:Innovation {id: $id}) RETURN c.actor AS actor, c.summary AS summary, c.before AS before, c.after AS after",
      { id: ns('retired') },
      { tag: 'test' },
    );
    expect(change).toMatchObject({ actor: 'anders', summary: 'Retired Zorblatmetoden til test: Dublet af en anden innovation.' });
    expect(JSON.parse(change!.before)).toMatchObject({ retired: false, retiredReason: null });
    expect(JSON.parse(change!.after)).toMatchObject({ retired: true, retiredReason: 'Dublet af en anden innovation.' });
  });

  it('reports retiring twice as a CONFLICT that changes nothing', async () => {
    await createMinimal('twice');
    await api.client.request(RETIRE, { id: ns('twice'), reason: 'Første gang.' }, admin);
    const innovation = await stored(ns('twice'));
    const before = await graphCounts(graph);
    const data = await api.client.request<{ retireInnovation: { innovation: null; problem: { code: string; message: string; field: string } } }>(
      RETIRE,
      { id: ns('twice'), reason: 'Anden gang.' },
      admin,
    );
    expect(data.retireInnovation.innovation).toBeNull();
    expect(data.retireInnovation.problem).toEqual({
      code: 'CONFLICT',
      message: `The innovation "${ns('twice')}" was retired already at ${innovation!.retiredAt as string}; nothing was changed.`,
      field: 'id',
    });
    expect(await stored(ns('twice'))).toEqual(innovation);
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('reports an unknown innovation as NOT_FOUND', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<{ retireInnovation: unknown }>(RETIRE, { id: ns('ghost'), reason: 'Findes ikke.' }, admin);
    expect(data.retireInnovation).toEqual({ innovation: null, problem: { code: 'NOT_FOUND', message: `No innovation has the id "${ns('ghost')}".`, field: 'id' } });
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('needs a reason of 3 to 1000 characters', async () => {
    await createMinimal('no-reason');
    const before = await graphCounts(graph);
    for (const reason of ['', 'x'.repeat(1001)]) {
      const error = await refusal(RETIRE, { id: ns('no-reason'), reason }, admin);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(`reason: reason must be from 3 to 1000 characters long (got ${JSON.stringify(reason).slice(0, 80)})`);
    }
    expect(await stored(ns('no-reason'))).toMatchObject({ retired: false });
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it('is for admins only: refused without a token, and for an editor', async () => {
    await createMinimal('protected');
    const before = await graphCounts(graph);
    expect(await refusal(RETIRE, { id: ns('protected'), reason: 'Vil ikke.' })).toMatchObject({
      message: 'retireInnovation needs a bearer token with the role admin; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(await refusal(RETIRE, { id: ns('protected'), reason: 'Vil ikke.' }, editor)).toMatchObject({
      message: 'retireInnovation needs the role admin; your token has editor.',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await stored(ns('protected'))).toMatchObject({ retired: false, retiredAt: null });
    expect(countChanges(before, await graphCounts(graph))).toEqual({});
  });

  it.each(INJECTIONS)('stores the Cypher-injection string %j as the reason verbatim, and changes nothing else', async (text) => {
    const key = `retire-inject-${INJECTIONS.indexOf(text)}`;
    await createMinimal(key);
    const before = await graphCounts(graph);
    await api.client.request(RETIRE, { id: ns(key), reason: text }, admin);
    expect(await stored(ns(key))).toMatchObject({ retired: true, retiredReason: text, title: `Test ${key}`, nominators: ['aarhus-kommune'] });
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
  });
});
