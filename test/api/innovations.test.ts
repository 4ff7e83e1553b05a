import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Page {
  innovations: { totalCount: number; edges: { cursor: string; node: { id: string; title: string; year: number | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const LIST = gql`
  query List($filter: InnovationFilter, $first: Int, $after: String, $orderBy: InnovationOrder) {
    innovations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id title year } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const list = (variables: Record<string, unknown>) => api.client.request<Page>(LIST, variables);
const ids = (page: Page) => page.innovations.edges.map((e) => e.node.id);

/** The error a request fails with: its message and code. */
async function failure(document: string, variables: Record<string, unknown> = {}): Promise<{ message: string; code: unknown }> {
  const error = await api.client.request(document, variables).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientError);
  const first = (error as ClientError).response.errors![0]!;
  return { message: first.message, code: first.extensions?.code };
}

describe('innovation(id)', () => {
  it('returns an innovation with its nominators, contacts, awards, effects and source', async () => {
    const data = await api.client.request<{ innovation: Record<string, unknown> }>(gql`
      {
        innovation(id: "bedre-soevn-uden-medicin") {
          title year kind sector coronaRelated targetGroup
          nominators { id name parent { id } region { id } }
          contacts { name email }
          awards { prize level }
          effects { dimension fact }
          source { locator section document { id } }
        }
      }
    `);
    expect(data.innovation).toMatchObject({
      title: 'Bedre søvn uden medicin',
      year: 2019,
      kind: 'MAIN_CASE',
      sector: 'REGIONAL',
      coronaRelated: false,
      nominators: [{ id: 'region-midtjylland-psykiatriens-hus', parent: { id: 'region-midtjylland' }, region: { id: 'midtjylland' } }],
      awards: [{ prize: 'NYT_SAMMEN_BEDRE', level: 'WINNER' }],
      source: { section: 'NYT SAMMEN BEDRE jury-finalister', document: { id: 'lsf2' } },
    });
    expect((data.innovation.contacts as unknown[]).length).toBe(2);
    expect(String((data.innovation.source as { locator: string }).locator)).toMatch(/^lsf2:\d+-\d+$/);
  });

  it('returns null, not an error, for an unknown id', async () => {
    const data = await api.client.request<{ innovation: null }>(gql`{ innovation(id: "no-such-innovation") { id } }`);
    expect(data.innovation).toBeNull();
  });

  it('shows lineage both ways', async () => {
    const data = await api.client.request<{ innovation: { lineage: { buildsOn: { innovation: { id: string; kind: string }; mode: string }[] } } }>(gql`
      { innovation(id: "virk-assistenten") { lineage { buildsOn { mode innovation { id kind } } } } }
    `);
    const link = data.innovation.lineage.buildsOn[0]!;
    expect(link).toEqual({ mode: 'INSPIRATION', innovation: { id: 'gov-uk-spoergetraeer', kind: 'REFERENCED' } });
    const back = await api.client.request<{ innovation: { lineage: { builtOnBy: { innovation: { id: string } }[] } } }>(gql`
      { innovation(id: "gov-uk-spoergetraeer") { lineage { builtOnBy { innovation { id } } } } }
    `);
    expect(back.innovation.lineage.builtOnBy.map((l) => l.innovation.id)).toEqual(['virk-assistenten']);
  });
});

describe('innovations(filter, first, after)', () => {
  it('pages through every innovation by title without gaps or repeats', async () => {
    const [row] = await graph.read<{ n: number }>("MATCH (i:Innovation) WHERE NOT coalesce(i.retired, false) RETURN count(i) AS n", {}, { tag: 'test' });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list({ first: 20, after });
      expect(page.innovations.totalCount).toBe(row!.n);
      seen.push(...ids(page));
      after = page.innovations.pageInfo.hasNextPage ? page.innovations.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toHaveLength(row!.n);
    expect(new Set(seen).size).toBe(row!.n);
    expect(pages).toBe(Math.ceil(row!.n / 20));
    const titles = (await graph.read<{ t: string }>('MATCH (i:Innovation) RETURN i.title AS t ORDER BY i.title, i.id', {}, { tag: 'test' })).map((r) => r.t);
    const page1 = await list({ first: 5 });
    expect(page1.innovations.edges.map((e) => e.node.title)).toEqual(titles.slice(0, 5));
  });

  it('resumes after any edge cursor, not only the end cursor', async () => {
    const page = await list({ first: 10 });
    const third = page.innovations.edges[2]!.cursor;
    const next = await list({ first: 3, after: third });
    expect(ids(next)).toEqual(ids(page).slice(3, 6));
  });

  it('orders newest first with YEAR_DESC, undated last', async () => {
    const page = await list({ first: 100, orderBy: 'YEAR_DESC' });
    const years = page.innovations.edges.map((e) => e.node.year ?? -1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const second = await list({ first: 7, orderBy: 'YEAR_DESC', after: page.innovations.edges[9]!.cursor });
    expect(ids(second)).toEqual(ids(page).slice(10, 17));
  });

  it('filters by year range, corona relation, kind, award and theme', async () => {
    const y2019 = await list({ first: 100, filter: { yearFrom: 2019, yearTo: 2019, kinds: ['MAIN_CASE'] } });
    expect(ids(y2019).sort()).toEqual(['aktivitetsbaseret-kontor', 'anerkendende-paedagogik-reducerer-sygefravaer', 'bedre-soevn-uden-medicin', 'opgang-til-opgang', 'patientcentreret-hofteforloeb', 'personale-goer-hospitalerne-groennere']);
    const corona = await list({ first: 100, filter: { coronaRelated: true } });
    expect(corona.innovations.totalCount).toBe(16);
    expect(ids(corona)).toContain('corona-camino');
    const winners = await list({ filter: { awardLevels: ['WINNER'] } });
    expect(ids(winners)).toEqual(['bedre-soevn-uden-medicin']);
    const finalists = await list({ first: 100, filter: { prizes: ['NYT_SAMMEN_BEDRE'] } });
    expect(finalists.innovations.totalCount).toBe(15);
    const telemedicine = await list({ first: 100, filter: { themeIds: ['telemedicine'] } });
    expect(ids(telemedicine)).toEqual(expect.arrayContaining(['videokonsultation', 'naerklinikken', 'digitalt-intensivbesoeg']));
  });

  it("filters by organisation, counting what its units did", async () => {
    const page = await list({ first: 100, filter: { organisationId: 'aarhus-kommune', kinds: ['MAIN_CASE', 'WATCH_LIST'] } });
    expect(ids(page)).toEqual(expect.arrayContaining(['medborger-guider', 'min-video', 'mira', 'opgang-til-opgang', 'ukhome']));
    const [row] = await graph.read<{ n: number }>(
      `MATCH (i:Innovation)<-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]-(o:Organisation)
       WHERE i.kind IN ['MAIN_CASE', 'WATCH_LIST'] AND (o.id = 'aarhus-kommune' OR (o)-[:PART_OF*]->(:Organisation {id: 'aarhus-kommune'}))
       RETURN count(DISTINCT i) AS n`,
      {},
      { tag: 'test' },
    );
    expect(page.innovations.totalCount).toBe(row!.n);
  });

  it('filters by region of the nominators', async () => {
    const page = await list({ first: 100, filter: { regionIds: ['nordjylland'] } });
    const [row] = await graph.read<{ n: number }>(
      "MATCH (i:Innovation)<-[:NOMINATED|MADE]-(o:Organisation {region: 'nordjylland'}) RETURN count(DISTINCT i) AS n",
      {},
      { tag: 'test' },
    );
    expect(page.innovations.totalCount).toBe(row!.n);
  });

  it('filters to innovations that spread by an adopted copy, adaptation or inspiration, leaving planned, shared and interest out', async () => {
    const spreading = ids(await list({ first: 100, filter: { spread: true } }));
    const notSpreading = ids(await list({ first: 100, filter: { spread: false } }));
    // Adopted by four municipalities; planned by the four other regions only; shared with a university only.
    expect(spreading).toContain('affald-kolding');
    expect(notSpreading).toEqual(expect.arrayContaining(['nye-sproejter-halverer-medicinforbrug', 'komtil']));
    const [row] = await graph.read<{ n: number }>(
      `MATCH (i:Innovation) WHERE NOT coalesce(i.retired, false)
         AND (EXISTS { (i)<-[a:ADOPTED]-() WHERE a.mode IN ['COPY', 'ADAPT', 'INSPIRATION'] AND a.status = 'ADOPTED' }
           OR EXISTS { (i)<-[b:BUILDS_ON]-() WHERE coalesce(b.mode, 'INSPIRATION') IN ['COPY', 'ADAPT', 'INSPIRATION'] AND b.status = 'ADOPTED' })
       RETURN count(i) AS n`,
      {},
      { tag: 'test' },
    );
    expect(spreading).toHaveLength(row!.n);
  });

  it('finds inflected Danish words through the text filter', async () => {
    const page = await list({ first: 10, filter: { text: 'videokonsultationer' } });
    expect(ids(page)).toEqual(expect.arrayContaining(['videokonsultation', 'laeringsplatform-videokonsultationer']));
  });

  it('returns an empty page for text with no searchable word', async () => {
    const page = await list({ filter: { text: '"()/[]' } });
    expect(page.innovations).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

describe('innovations errors', () => {
  it('rejects first above the maximum, stating the rule and the value', async () => {
    expect(await failure(LIST, { first: 500 })).toEqual({ message: 'first must be a whole number from 1 to 100, got 500', code: 'BAD_USER_INPUT' });
    expect(await failure(LIST, { first: 0 })).toEqual({ message: 'first must be a whole number from 1 to 100, got 0', code: 'BAD_USER_INPUT' });
  });

  it('rejects a malformed cursor', async () => {
    expect(await failure(LIST, { after: 'not-a-cursor' })).toEqual({
      message: 'after must be a cursor this connection returned (pageInfo.endCursor or an edge\'s cursor), got "not-a-cursor"',
      code: 'BAD_USER_INPUT',
    });
  });

  it('rejects a cursor from another ordering', async () => {
    const page = await list({ first: 1, orderBy: 'YEAR_DESC' });
    expect(await failure(LIST, { after: page.innovations.pageInfo.endCursor, orderBy: 'TITLE' })).toEqual({
      message: 'after is a cursor for the ordering YEAR_DESC, but this request orders by TITLE; use a cursor from the same ordering',
      code: 'BAD_USER_INPUT',
    });
  });

  it('rejects an unknown enum value', async () => {
    const { message, code } = await failure(LIST, { filter: { kinds: ['BIG_CASE'] } });
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toContain('Value "BIG_CASE" does not exist in "InnovationKind" enum.');
    expect(message).toContain('Allowed values: MAIN_CASE, SMALL_INNOVATION, WATCH_LIST, PROCUREMENT_CASE, REFERENCED.');
  });

  it('rejects a year range that ends before it starts', async () => {
    expect(await failure(LIST, { filter: { yearFrom: 2021, yearTo: 2018 } })).toEqual({
      message: 'filter.yearFrom must not be after filter.yearTo, got yearFrom 2021 and yearTo 2018',
      code: 'BAD_USER_INPUT',
    });
  });
});
