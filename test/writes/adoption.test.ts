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
const ns = useNamespace(graph, 'adopt');

const RECORD = gql`
  mutation ($input: RecordAdoptionInput!) {
    recordAdoption(input: $input) {
      adoption { organisation { id name } innovation { id title } mode status year evidence source from { id } }
      problem { code message field }
    }
  }
`;

const INJECTIONS = ["x' }) MATCH (n) DETACH DELETE n //", '"}) RETURN 1 UNION MATCH (n) RETURN n //', "\u0027; DROP"];

interface Problem {
  code: string;
  message: string;
  field: string | null;
}
interface AdoptionResult {
  recordAdoption: { adoption: Record<string, unknown> | null; problem: Problem | null };
}



async function adoptionsOf(organisationId: string, innovationId: string) {
  return graph.read<{ mode: string; status: string; year: number; evidence: string; source: string; fromId: string | null }>(
    'MATCH (:Organisation {id: $organisationId})-[a:ADOPTED]->(:Innovation {id: $innovationId}) RETURN a.mode AS mode, a.status AS status, a.year AS year, a.evidence AS evidence, a.source AS source, a.fromId AS fromId',
    { organisationId, innovationId },
    { tag: 'test' },
  );
}

async function changesOf(innovationId: string) {
  return graph.read<{ actor: string; action: string; summary: string; before: string | null; after: string }>(
    `MATCH (c:Change)-[:CHANGED]->(:Innovation {id: $innovationId})
     RETURN c.actor AS actor, c.action AS action, c.summary AS summary, c.before AS before, c.after AS after ORDER BY c.at, c.id`,
    { innovationId },
    { tag: 'test' },
  );
}


let editor: { authorization: string };
let baseline: Record<string, number>;
const input = (fields: Record<string, unknown> = {}) => ({
  innovationId: ns('app'),
  organisationId: ns('adopter'),
  mode: 'ADAPT',
  status: 'ADOPTED',
  year: 2020,
  evidence: 'Kommunen tilpassede appen til egne affaldsfraktioner.',
  source: 'lsf2:4432-4435',
  ...fields,
});

beforeAll(async () => {
  baseline = await graphCounts(graph);
  editor = await bearer('editor', ns('editor'));
  await graph.write(
    `CREATE (origin:Organisation {id: $p + 'origin', name: 'Oprindelse Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (maker:Organisation {id: $p + 'maker', name: 'Udvikler ApS', kind: 'COMPANY', aliases: [], aliasText: ''})
     CREATE (:Organisation {id: $p + 'adopter', name: 'Efterfølger Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (:Organisation {id: $p + 'crowd', name: 'Mængde Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (:Organisation {id: $p + 'plain', name: 'Almindelig Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (:Organisation {id: $p + 'helper', name: 'Formidler Region', kind: 'REGION', aliases: [], aliasText: ''})
     CREATE (app:Innovation {id: $p + 'app', title: 'Sorteringsappen', summary: 'En app til affaldssortering.', year: 2018, kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})
     CREATE (origin)-[:NOMINATED]->(app), (maker)-[:MADE]->(app)`,
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

describe('recordAdoption', () => {
  it('records an adoption with its evidence and source, and a change with no before-state', async () => {
    const data = await api.client.request<AdoptionResult>(RECORD, { input: input({ fromOrganisationId: ns('helper') }) }, editor);
    expect(data.recordAdoption).toEqual({
      adoption: {
        organisation: { id: ns('adopter'), name: 'Efterfølger Kommune' },
        innovation: { id: ns('app'), title: 'Sorteringsappen' },
        mode: 'ADAPT',
        status: 'ADOPTED',
        year: 2020,
        evidence: 'Kommunen tilpassede appen til egne affaldsfraktioner.',
        source: 'lsf2:4432-4435',
        from: { id: ns('helper') },
      },
      problem: null,
    });
    expect(await adoptionsOf(ns('adopter'), ns('app'))).toEqual([
      { mode: 'ADAPT', status: 'ADOPTED', year: 2020, evidence: 'Kommunen tilpassede appen til egne affaldsfraktioner.', source: 'lsf2:4432-4435', fromId: ns('helper') },
    ]);
    const [change] = await changesOf(ns('app'));
    expect(change).toMatchObject({
      actor: ns('editor'),
      action: 'recordAdoption',
      summary: 'Recorded the adoption of "Sorteringsappen" by Efterfølger Kommune (ADAPT, ADOPTED, 2020).',
      before: null,
    });
    expect(JSON.parse(change!.after)).toEqual({
      organisationId: ns('adopter'),
      innovationId: ns('app'),
      mode: 'ADAPT',
      status: 'ADOPTED',
      year: 2020,
      evidence: 'Kommunen tilpassede appen til egne affaldsfraktioner.',
      source: 'lsf2:4432-4435',
      fromId: ns('helper'),
    });
    const shown = await api.client.request<{ innovation: { adoptions: { organisation: { id: string }; year: number }[] } }>(
      gql`query ($id: ID!) { innovation(id: $id) { adoptions { organisation { id } year } } }`,
      { id: ns('app') },
    );
    expect(shown.innovation.adoptions).toEqual([{ organisation: { id: ns('adopter') }, year: 2020 }]);
  });

  it('updates the one adoption of a pair when recorded again, and the change keeps what it said before', async () => {
    const before = await graphCounts(graph);
    const data = await api.client.request<AdoptionResult>(RECORD, { input: input({ mode: 'COPY', status: 'PLANNED', year: 2022, source: 'https://example.org/referat' }) }, editor);
    expect(data.recordAdoption.adoption).toMatchObject({ mode: 'COPY', status: 'PLANNED', year: 2022, source: 'https://example.org/referat', from: null });
    expect(await adoptionsOf(ns('adopter'), ns('app'))).toEqual([
      { mode: 'COPY', status: 'PLANNED', year: 2022, evidence: 'Kommunen tilpassede appen til egne affaldsfraktioner.', source: 'https://example.org/referat', fromId: null },
    ]);
    expect(countChanges(before, await graphCounts(graph))).toEqual({ ':Change': 1, CHANGED: 1 });
    const changes = await changesOf(ns('app'));
    const last = changes.at(-1)!;
    expect(last.summary).toBe('Updated the adoption of "Sorteringsappen" by Efterfølger Kommune (COPY, PLANNED, 2022).');
    expect(JSON.parse(last.before!)).toMatchObject({ mode: 'ADAPT', status: 'ADOPTED', year: 2020, source: 'lsf2:4432-4435', fromId: ns('helper') });
    expect(JSON.parse(last.after)).toMatchObject({ mode: 'COPY', status: 'PLANNED', year: 2022, fromId: null });
  });

  it('leaves exactly one adoption and twenty changes after twenty concurrent recordings of the same pair', async () => {
    const calls = Array.from({ length: 20 }, (_, i) =>
      api.client.request<AdoptionResult>(RECORD, { input: input({ organisationId: ns('crowd'), year: 2000 + i, evidence: `Samtidig registrering nummer ${i}.` }) }, editor),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.recordAdoption.problem === null)).toBe(true);
    const [count] = await graph.read<{ n: number }>(
      'MATCH (:Organisation {id: $o})-[a:ADOPTED]->(:Innovation {id: $i}) RETURN count(a) AS n',
      { o: ns('crowd'), i: ns('app') },
      { tag: 'test' },
    );
    expect(count!.n).toBe(1);
    const changes = (await changesOf(ns('app'))).filter((c) => JSON.parse(c.after).organisationId === ns('crowd'));
    expect(changes).toHaveLength(20);
    // The writes queued on the nodes' locks: only the first saw no adoption, and every later one
    // saw exactly what an earlier one wrote.
    expect(changes.filter((c) => c.before === null)).toHaveLength(1);
    const written = new Set(changes.map((c) => JSON.parse(c.after).year as number));
    expect(written.size).toBe(20);
    for (const change of changes.filter((c) => c.before !== null)) expect(written.has(JSON.parse(change.before!).year as number)).toBe(true);
  });

  it('stores Cypher-looking text in the evidence and source verbatim, and changes nothing else', async () => {
    for (const [index, text] of INJECTIONS.entries()) {
      const organisationId = index === 0 ? ns('plain') : ns(`plain-${index}`);
      if (index > 0) {
        await graph.write("CREATE (:Organisation {id: $id, name: 'Kopi Kommune', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})", { id: organisationId }, { tag: 'test' });
      }
      const before = await graphCounts(graph);
      const data = await api.client.request<AdoptionResult>(RECORD, { input: input({ organisationId, evidence: `Bevis: ${text}`, source: text }) }, editor);
      expect(data.recordAdoption.adoption).toMatchObject({ evidence: `Bevis: ${text}`, source: text });
      expect(await adoptionsOf(organisationId, ns('app'))).toEqual([expect.objectContaining({ evidence: `Bevis: ${text}`, source: text })]);
      expect(countChanges(before, await graphCounts(graph))).toEqual({ ADOPTED: 1, ':Change': 1, CHANGED: 1 });
    }
  });

  it('refuses an organisation adopting an innovation it nominated or made itself, as a CONFLICT', async () => {
    const before = await graphCounts(graph);
    for (const [id, name] of [
      [ns('origin'), 'Oprindelse Kommune'],
      [ns('maker'), 'Udvikler ApS'],
    ] as const) {
      const data = await api.client.request<AdoptionResult>(RECORD, { input: input({ organisationId: id }) }, editor);
      expect(data.recordAdoption).toEqual({
        adoption: null,
        problem: { code: 'CONFLICT', message: `${name} nominated or made "Sorteringsappen" itself; an organisation cannot adopt its own innovation.`, field: 'input.organisationId' },
      });
    }
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('reports unknown innovations and organisations as NOT_FOUND, and an adopter spreading to itself as a CONFLICT', async () => {
    const before = await graphCounts(graph);
    const cases: [Record<string, unknown>, Problem][] = [
      [{ innovationId: ns('nothing') }, { code: 'NOT_FOUND', message: `No innovation has the id "${ns('nothing')}".`, field: 'input.innovationId' }],
      [{ organisationId: ns('nobody') }, { code: 'NOT_FOUND', message: `No organisation has the id "${ns('nobody')}".`, field: 'input.organisationId' }],
      [{ fromOrganisationId: ns('nobody') }, { code: 'NOT_FOUND', message: `input.fromOrganisationId names no organisation: "${ns('nobody')}"`, field: 'input.fromOrganisationId' }],
      [{ fromOrganisationId: ns('adopter') }, { code: 'CONFLICT', message: 'input.fromOrganisationId cannot be the adopting organisation itself', field: 'input.fromOrganisationId' }],
    ];
    for (const [fields, problem] of cases) {
      const data = await api.client.request<AdoptionResult>(RECORD, { input: input(fields) }, editor);
      expect(data.recordAdoption).toEqual({ adoption: null, problem });
    }
    expect(await graphCounts(graph)).toEqual(before);
    expect(await adoptionsOf(ns('adopter'), ns('app'))).toEqual([expect.objectContaining({ mode: 'COPY', status: 'PLANNED', year: 2022 })]);
  });

  it('rejects invalid input naming each field and its rule, and writes nothing', async () => {
    const before = await graphCounts(graph);
    const first = await firstError(
      api.client.request(
        RECORD,
        { input: input({ organisationId: 'Not A Slug', year: 1850, evidence: 'kort', source: 'x'.repeat(301), fromOrganisationId: INJECTIONS[0] }) },
        editor,
      ),
    );
    expect(first.extensions?.code).toBe('BAD_USER_INPUT');
    expect(first.message).toContain('organisationId: organisationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got "Not A Slug")');
    expect(first.message).toContain(`year: year must be a whole year from 1900 to ${LATEST_FACT_YEAR} (got 1850)`);
    expect(first.message).toContain('evidence: evidence must be 10 to 1000 characters: what the source says happened, in our words (got "kort")');
    expect(first.message).toContain('source: source must be 1 to 300 characters: where the fact stands, e.g. a URL or "lsf2:123-130"');
    expect(first.message).toContain(`fromOrganisationId: fromOrganisationId must be a slug of lower-case letters, digits and single dashes, such as "aarhus-kommune" (got ${JSON.stringify(INJECTIONS[0])})`);
    const tooLong = await firstError(api.client.request(RECORD, { input: input({ evidence: 'x'.repeat(1001), year: LATEST_FACT_YEAR + 1 }) }, editor));
    expect(tooLong.message).toContain('evidence: evidence must be 10 to 1000 characters');
    expect(tooLong.message).toContain(`year: year must be a whole year from 1900 to ${LATEST_FACT_YEAR} (got ${LATEST_FACT_YEAR + 1})`);
    const mode = await firstError(api.client.request(RECORD, { input: input({ mode: 'STEAL' }) }, editor));
    expect(mode.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mode.message).toContain('Value "STEAL" does not exist in "SpreadMode" enum. Allowed values: COPY, ADAPT, INSPIRATION, SHARED, INTEREST.');
    const status = await firstError(api.client.request(RECORD, { input: input({ status: 'DONE' }) }, editor));
    expect(status.message).toContain('Allowed values: ADOPTED, TESTED, PLANNED, INTERESTED.');
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('is refused without a token, and for a reader, with nothing written', async () => {
    const before = await graphCounts(graph);
    const anonymous = await firstError(api.client.request(RECORD, { input: input({ organisationId: ns('plain') }) }));
    expect(anonymous).toMatchObject({
      message: 'recordAdoption needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const reader = await firstError(api.client.request(RECORD, { input: input({ organisationId: ns('plain') }) }, await bearer('reader', ns('reader'))));
    expect(reader).toMatchObject({ message: 'recordAdoption needs the role editor; your token has reader.', extensions: { code: 'FORBIDDEN' } });
    expect(await graphCounts(graph)).toEqual(before);
  });
});
