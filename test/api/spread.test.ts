import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface OrgRef {
  id: string;
}
interface SpreadData {
  innovation: { id: string };
  reach: number;
  depth: number;
  events: {
    kind: string;
    mode: string;
    status: string | null;
    year: number | null;
    from: OrgRef | null;
    to: OrgRef;
    innovation: OrgRef;
    descendant: OrgRef | null;
    generation: number;
    countsAsSpread: boolean;
    evidence: string | null;
    source: string | null;
  }[];
  signals: { id: string; direction: string; mode: string; status: string; audience: string | null; expectedCount: number | null; year: number | null }[];
  regionsReached: { region: { id: string; name: string }; organisations: number }[];
  kindsReached: { kind: string; organisations: number }[];
  generations: { generation: number; breadth: number }[];
  structuralVirality: number;
  originYear: number | null;
  timeToAdoption: { organisation: OrgRef; years: number }[];
  uptake: { planned: number; tested: number; interested: number; regions: { region: { id: string }; planned: number; tested: number }[] };
}

const SPREAD = gql`
  query Spread($id: ID!) {
    spread(innovationId: $id) {
      innovation { id }
      reach
      depth
      events {
        kind mode status year generation countsAsSpread evidence source
        from { id } to { id } innovation { id } descendant { id }
      }
      signals { id direction mode status audience expectedCount year }
      regionsReached { region { id name } organisations }
      kindsReached { kind organisations }
      generations { generation breadth }
      structuralVirality
      originYear
      timeToAdoption { organisation { id } years }
      uptake { planned tested interested regions { region { id } planned tested } }
    }
  }
`;

async function spreadOf(id: string): Promise<SpreadData> {
  const data = await api.client.request<{ spread: SpreadData | null }>(SPREAD, { id });
  expect(data.spread).not.toBeNull();
  return data.spread!;
}

const eventsBrief = (spread: SpreadData) =>
  spread.events.map((e) => ({ kind: e.kind, mode: e.mode, to: e.to.id, from: e.from?.id ?? null, innovation: e.innovation.id, generation: e.generation, countsAsSpread: e.countsAsSpread }));

const NO_UPTAKE = { planned: 0, tested: 0, interested: 0, regions: [] };

describe('spread(innovationId) on the seed graph', () => {
  it('traces affald-kolding from Kolding Kommune to the four organisations that adapted it', async () => {
    const spread = await spreadOf('affald-kolding');
    const adopters = await graph.read<{ id: string; region: string | null; kind: string }>(
      `MATCH (:Innovation {id: 'affald-kolding'})<-[a:ADOPTED]-(o:Organisation) WHERE a.mode IN ['COPY', 'ADAPT', 'INSPIRATION'] AND a.status = 'ADOPTED'
       RETURN o.id AS id, o.region AS region, o.kind AS kind`,
      {},
      { tag: 'test' },
    );
    expect(adopters.map((a) => a.id)).toEqual(expect.arrayContaining(['thisted-kommune', 'nordfyns-kommune']));
    expect(spread.reach).toBe(adopters.length);
    expect(spread.depth).toBe(1);
    expect(spread.generations).toEqual([
      { generation: 0, breadth: 1 },
      { generation: 1, breadth: adopters.length },
    ]);
    expect(spread.events.map((e) => e.to.id).sort()).toEqual(adopters.map((a) => a.id).sort());
    for (const event of spread.events) {
      expect(event).toMatchObject({ kind: 'ADOPTION', mode: 'ADAPT', status: 'ADOPTED', from: { id: 'kolding-kommune' }, innovation: { id: 'affald-kolding' }, generation: 1, countsAsSpread: true });
      expect(event.source).toMatch(/^lsf2:\d+-\d+$/);
    }
    // A star: the origin and n adopters, mean distance 2(n)^2 / (n(n+1)) = 2n / (n + 1).
    expect(spread.structuralVirality).toBeCloseTo((2 * adopters.length) / (adopters.length + 1), 10);
    expect(spread.originYear).toBe(2016);
    expect(spread.timeToAdoption).toEqual([]);
    expect(spread.uptake).toEqual(NO_UPTAKE);

    const regions = new Map<string, number>();
    for (const a of adopters) if (a.region) regions.set(a.region, (regions.get(a.region) ?? 0) + 1);
    expect(Object.fromEntries(spread.regionsReached.map((r) => [r.region.id, r.organisations]))).toEqual(Object.fromEntries(regions));
    expect(spread.regionsReached.find((r) => r.region.id === 'nordjylland')?.region.name).toBe('Region Nordjylland');
    const kinds = new Map<string, number>();
    for (const a of adopters) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
    expect(Object.fromEntries(spread.kindsReached.map((k) => [k.kind, k.organisations]))).toEqual(Object.fromEntries(kinds));
  });

  it('shows os2iot taken up by Aarhus Kommune, with the signal of about 30 municipalities', async () => {
    const spread = await spreadOf('os2iot');
    expect(spread.reach).toBe(1);
    expect(eventsBrief(spread)).toEqual([{ kind: 'ADOPTION', mode: 'COPY', to: 'aarhus-kommune', from: 'os2', innovation: 'os2iot', generation: 1, countsAsSpread: true }]);
    expect(spread.structuralVirality).toBe(1);
    const [signals] = await graph.read<{ n: number }>(`MATCH (:Innovation {id: 'os2iot'})-[:HAS_SIGNAL]->(s:SpreadSignal) RETURN count(s) AS n`, {}, { tag: 'test' });
    expect(spread.signals).toHaveLength(signals!.n);
    expect(spread.signals).toContainEqual(
      expect.objectContaining({ direction: 'OUTGOING', mode: 'COPY', status: 'PLANNED', audience: 'ca. 30 kommuner', expectedCount: 30, year: 2021 }),
    );
    expect(spread.signals).toContainEqual(expect.objectContaining({ direction: 'INCOMING', mode: 'ADAPT' }));
  });

  it('follows lineage: virk-assistenten, built on GOV.UK\'s question trees, puts Erhvervsstyrelsen in the first generation', async () => {
    const spread = await spreadOf('gov-uk-spoergetraeer');
    expect(eventsBrief(spread)).toEqual([
      { kind: 'LINEAGE', mode: 'INSPIRATION', to: 'erhvervsstyrelsen', from: 'gov-uk', innovation: 'gov-uk-spoergetraeer', generation: 1, countsAsSpread: true },
    ]);
    expect(spread.events[0]!.descendant).toEqual({ id: 'virk-assistenten' });
    expect(spread.reach).toBe(1);
    expect(spread.depth).toBe(1);
  });

  it('reports virk-assistenten\'s own spread as its signals only: no organisation named as taking it up', async () => {
    const spread = await spreadOf('virk-assistenten');
    const [facts] = await graph.read<{ adoptions: number; descendants: number; signals: number }>(
      `MATCH (i:Innovation {id: 'virk-assistenten'})
       RETURN COUNT { (i)<-[:ADOPTED]-() } AS adoptions, COUNT { (i)<-[:BUILDS_ON]-() } AS descendants, COUNT { (i)-[:HAS_SIGNAL]->() } AS signals`,
      {},
      { tag: 'test' },
    );
    expect(facts).toEqual({ adoptions: 0, descendants: 0, signals: 2 });
    expect(spread).toMatchObject({ reach: 0, depth: 0, events: [], structuralVirality: 0, generations: [{ generation: 0, breadth: 1 }], originYear: 2020, uptake: NO_UPTAKE });
    expect(spread.signals.map((s) => s.mode).sort()).toEqual(['INSPIRATION', 'INTEREST']);
  });

  it('counts a lineage step once when the organisation that built on the innovation also recorded adopting it', async () => {
    const spread = await spreadOf('scanvogns-handicaptoilet');
    expect(eventsBrief(spread)).toEqual([
      { kind: 'LINEAGE', mode: 'ADAPT', to: 'test-og-udviklingscenter-for-velfaerdsteknologi', from: 'scanvogn', innovation: 'scanvogns-handicaptoilet', generation: 1, countsAsSpread: true },
      { kind: 'ADOPTION', mode: 'ADAPT', to: 'viborg-kommune', from: 'scanvogn', innovation: 'scanvogns-handicaptoilet', generation: 1, countsAsSpread: true },
    ]);
    expect(spread.reach).toBe(2);
    expect(spread.structuralVirality).toBeCloseTo(4 / 3, 10);
  });

  it('lists sharing as an event that does not count as spread', async () => {
    const spread = await spreadOf('komtil');
    expect(eventsBrief(spread)).toEqual([{ kind: 'ADOPTION', mode: 'SHARED', to: 'syddansk-universitet', from: 'sydvestjysk-sygehus', innovation: 'komtil', generation: 1, countsAsSpread: false }]);
    expect(spread).toMatchObject({ reach: 0, depth: 0, structuralVirality: 0, regionsReached: [], kindsReached: [] });
  });

  it('counts naerklinikken\'s two adopting municipalities as reach, and the e-hospital\'s planned take-up in 2021 as uptake with no time to adoption', async () => {
    const spread = await spreadOf('naerklinikken');
    expect(spread.originYear).toBe(2018);
    expect(spread.generations).toEqual([
      { generation: 0, breadth: 2 },
      { generation: 1, breadth: 2 },
    ]);
    expect(spread.reach).toBe(2);
    // Holbæk and Lejre give no year; the one dated event is planned.
    expect(spread.timeToAdoption).toEqual([]);
    expect(spread.events.find((e) => e.to.id === 'region-sjaelland-e-hospital')).toMatchObject({ mode: 'ADAPT', status: 'PLANNED', year: 2021, countsAsSpread: false });
    expect(spread.uptake).toEqual({ planned: 1, tested: 0, interested: 0, regions: [{ region: { id: 'sjaelland' }, planned: 1, tested: 0 }] });
  });

  it('counts Vejdirektoratet\'s copy of the intelligent traffic signals as reach, and the three road tests as tested uptake', async () => {
    const spread = await spreadOf('intelligent-styring-af-trafiksignaler');
    const adoptions = spread.events.filter((e) => e.kind === 'ADOPTION').map((e) => [e.to.id, e.status, e.countsAsSpread]);
    expect(adoptions.sort()).toEqual([
      ['albertslund-kommune', 'TESTED', false],
      ['oeresund', 'TESTED', false],
      ['taarnby-kommune', 'TESTED', false],
      ['vejdirektoratet', 'ADOPTED', true],
    ]);
    expect(spread.reach).toBe(1);
    expect(spread.uptake).toMatchObject({ planned: 0, tested: 3, interested: 0 });
    expect(spread.uptake.regions.reduce((sum, r) => sum + r.tested, 0)).toBeLessThanOrEqual(3);
  });

  it('gives nye-sproejter reach 0 from its four planned copies, with the four regions as planned uptake', async () => {
    const spread = await spreadOf('nye-sproejter-halverer-medicinforbrug');
    const planned = ['region-midtjylland', 'region-nordjylland', 'region-sjaelland', 'region-syddanmark'];
    expect(spread.events.map((e) => ({ to: e.to.id, mode: e.mode, status: e.status, countsAsSpread: e.countsAsSpread }))).toEqual(
      planned.map((to) => ({ to, mode: 'COPY', status: 'PLANNED', countsAsSpread: false })),
    );
    expect(spread).toMatchObject({ reach: 0, depth: 0, structuralVirality: 0, regionsReached: [], kindsReached: [], timeToAdoption: [], generations: [{ generation: 0, breadth: 1 }] });
    expect(spread.uptake).toMatchObject({ planned: 4, tested: 0, interested: 0 });
    expect(spread.uptake.regions.map((r) => [r.region.id, r.planned, r.tested]).sort()).toEqual([
      ['midtjylland', 1, 0],
      ['nordjylland', 1, 0],
      ['sjaelland', 1, 0],
      ['syddanmark', 1, 0],
    ]);
  });

  it('returns null for an unknown innovation id', async () => {
    expect(await api.client.request(SPREAD, { id: 'no-such-innovation' })).toEqual({ spread: null });
  });

  it('reads the whole cascade, the organisations its events name and the regions reached with one query', async () => {
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    try {
      await spreadOf('affald-kolding');
    } finally {
      stop();
    }
    expect(tags).toEqual(['spread.cascade']);
  });

  it('rejects a call without an innovation id', async () => {
    const error = (await api.client.request(gql`{ spread { reach } }`).catch((e: unknown) => e)) as ClientError;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.response.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.response.errors![0]!.message).toBe('Field "spread" argument "innovationId" of type "ID!" is required, but it was not provided.');
  });
});

describe('spread(innovationId) through several generations of lineage', () => {
  const ns = useNamespace(graph, 'spread');
  const id = (name: string) => ns(name);

  beforeAll(async () => {
    // R is made by A; B copies it and, with E, builds R2 on it; F is inspired by R2; C, which only
    // shared R, builds R3 on R2; R3 <- R4 <- R5 <- R6 <- R7, where G copies R6 (5 steps from R)
    // and H copies R7 (6 steps: beyond the bound). REFERENCED, so the catalogue statistics ignore it.
    await graph.write(
      `UNWIND $orgs AS org CREATE (:Organisation {id: org.id, name: org.name, kind: org.kind, region: org.region, country: 'DK', aliases: []})
       WITH count(*) AS done
       UNWIND $innovations AS inn CREATE (:Innovation {id: inn.id, title: inn.id, summary: 'test', kind: 'REFERENCED', year: inn.year, retired: false, types: []})
       WITH count(*) AS done
       UNWIND $made AS m MATCH (o:Organisation {id: m[0]}), (i:Innovation {id: m[1]}) CREATE (o)-[:MADE]->(i)
       WITH count(*) AS done
       UNWIND $adopted AS a MATCH (o:Organisation {id: a.org}), (i:Innovation {id: a.innovation})
       CREATE (o)-[:ADOPTED {mode: a.mode, status: 'ADOPTED', year: a.year, evidence: 'test', source: 'test:1-1'}]->(i)
       WITH count(*) AS done
       UNWIND $lineage AS l MATCH (later:Innovation {id: l[0]}), (earlier:Innovation {id: l[1]})
       CREATE (later)-[:BUILDS_ON {mode: l[2], status: 'ADOPTED', year: l[3], evidence: 'test', source: 'test:2-2'}]->(earlier)`,
      {
        orgs: [
          { id: id('a'), name: 'Aaa Kommune', kind: 'MUNICIPALITY', region: 'syddanmark' },
          { id: id('b'), name: 'Bbb Kommune', kind: 'MUNICIPALITY', region: 'nordjylland' },
          { id: id('c'), name: 'Ccc', kind: 'COMPANY', region: null },
          { id: id('d'), name: 'Ddd Kommune', kind: 'MUNICIPALITY', region: 'syddanmark' },
          { id: id('e'), name: 'Eee Region', kind: 'REGION', region: 'hovedstaden' },
          { id: id('f'), name: 'Fff Forening', kind: 'ASSOCIATION', region: 'nordjylland' },
          { id: id('g'), name: 'Ggg', kind: 'COMPANY', region: null },
          { id: id('h'), name: 'Hhh', kind: 'COMPANY', region: null },
        ],
        innovations: ['r', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'].map((name) => ({ id: id(name), year: name === 'r' ? 2015 : null })),
        made: [
          [id('a'), id('r')],
          [id('b'), id('r2')],
          [id('e'), id('r2')],
          [id('c'), id('r3')],
        ],
        adopted: [
          { org: id('b'), innovation: id('r'), mode: 'COPY', year: 2017 },
          { org: id('c'), innovation: id('r'), mode: 'SHARED', year: null },
          { org: id('d'), innovation: id('r'), mode: 'INTEREST', year: null },
          { org: id('f'), innovation: id('r2'), mode: 'INSPIRATION', year: 2020 },
          { org: id('g'), innovation: id('r6'), mode: 'COPY', year: null },
          { org: id('h'), innovation: id('r7'), mode: 'COPY', year: null },
        ],
        lineage: [
          [id('r2'), id('r'), 'ADAPT', 2018],
          [id('r3'), id('r2'), 'COPY', null],
          [id('r4'), id('r3'), 'ADAPT', null],
          [id('r5'), id('r4'), 'ADAPT', null],
          [id('r6'), id('r5'), 'ADAPT', null],
          [id('r7'), id('r6'), 'ADAPT', null],
        ],
      },
      { tag: 'test.fixture' },
    );
  });

  it('places each organisation in the generation it was first reached, up to five lineage steps away', async () => {
    const spread = await spreadOf(id('r'));
    expect(eventsBrief(spread)).toEqual([
      { kind: 'ADOPTION', mode: 'COPY', to: id('b'), from: id('a'), innovation: id('r'), generation: 1, countsAsSpread: true },
      { kind: 'LINEAGE', mode: 'ADAPT', to: id('e'), from: id('a'), innovation: id('r'), generation: 1, countsAsSpread: true },
      { kind: 'ADOPTION', mode: 'SHARED', to: id('c'), from: id('a'), innovation: id('r'), generation: 1, countsAsSpread: false },
      { kind: 'ADOPTION', mode: 'INTEREST', to: id('d'), from: id('a'), innovation: id('r'), generation: 1, countsAsSpread: false },
      { kind: 'ADOPTION', mode: 'INSPIRATION', to: id('f'), from: id('b'), innovation: id('r2'), generation: 2, countsAsSpread: true },
      { kind: 'LINEAGE', mode: 'COPY', to: id('c'), from: id('b'), innovation: id('r2'), generation: 2, countsAsSpread: true },
      { kind: 'ADOPTION', mode: 'COPY', to: id('g'), from: null, innovation: id('r6'), generation: 6, countsAsSpread: true },
    ]);
    expect(spread.events.find((e) => e.to.id === id('e'))?.descendant).toEqual({ id: id('r2') });
    expect(spread.events.map((e) => e.to.id)).not.toContain(id('h'));
    expect(spread.reach).toBe(5);
    expect(spread.depth).toBe(6);
    expect(spread.generations.map((g) => g.breadth)).toEqual([1, 2, 2, 0, 0, 0, 1]);
    // D only asked about it; C, which shared R, counts as reached through R2 and not as uptake.
    expect(spread.uptake).toEqual({ planned: 0, tested: 0, interested: 1, regions: [] });
  });

  it('measures the cascade tree, the regions and kinds reached, and the time to each dated adoption', async () => {
    const spread = await spreadOf(id('r'));
    // Tree: origin -> B -> {F, C}; origin -> E; origin -> G. Edges carry 3*3 + 1*5 + 1*5 + 1*5 + 1*5 = 29 of 15 pairs.
    expect(spread.structuralVirality).toBeCloseTo(29 / 15, 10);
    expect(spread.regionsReached.map((r) => [r.region.id, r.organisations])).toEqual([
      ['nordjylland', 2],
      ['hovedstaden', 1],
    ]);
    expect(spread.kindsReached).toEqual([
      { kind: 'COMPANY', organisations: 2 },
      { kind: 'ASSOCIATION', organisations: 1 },
      { kind: 'MUNICIPALITY', organisations: 1 },
      { kind: 'REGION', organisations: 1 },
    ]);
    expect(spread.originYear).toBe(2015);
    expect(spread.timeToAdoption).toEqual([
      { organisation: { id: id('b') }, years: 2 },
      { organisation: { id: id('e') }, years: 3 },
      { organisation: { id: id('f') }, years: 5 },
    ]);
  });

  it('starts a cascade from a descendant too, reaching one step further down the chain', async () => {
    const spread = await spreadOf(id('r2'));
    expect(spread.generations.map((g) => g.breadth)).toEqual([2, 2, 0, 0, 0, 1, 1]);
    expect(spread.events.map((e) => e.to.id)).toContain(id('h'));
  });
});

describe('spread(innovationId) separates what happened from what is tested, planned or asked about', () => {
  const id = useNamespace(graph, 'uptake');

  beforeAll(async () => {
    // R (2015) is made by A. B copied it in 2017. P1 (2016) and P2 plan to; T tested an adaptation
    // in 2016; I asked about it. X planned to copy R but built R2 on it, adopted in 2019. Q plans to
    // build R3 on R, and Z has taken R3 up: R3 is not part of R's spread yet. REFERENCED, so the
    // catalogue statistics ignore it.
    await graph.write(
      `UNWIND $orgs AS org CREATE (:Organisation {id: org.id, name: org.id, kind: 'MUNICIPALITY', region: org.region, country: 'DK', aliases: []})
       WITH count(*) AS done
       UNWIND $innovations AS inn CREATE (:Innovation {id: inn.id, title: inn.id, summary: 'test', kind: 'REFERENCED', year: inn.year, retired: false, types: []})
       WITH count(*) AS done
       UNWIND $made AS m MATCH (o:Organisation {id: m[0]}), (i:Innovation {id: m[1]}) CREATE (o)-[:MADE]->(i)
       WITH count(*) AS done
       UNWIND $adopted AS a MATCH (o:Organisation {id: a[0]}), (i:Innovation {id: a[1]})
       CREATE (o)-[:ADOPTED {mode: a[2], status: a[3], year: a[4], evidence: 'test', source: 'test:1-1'}]->(i)
       WITH count(*) AS done
       UNWIND $lineage AS l MATCH (later:Innovation {id: l[0]}), (earlier:Innovation {id: l[1]})
       CREATE (later)-[:BUILDS_ON {mode: l[2], status: l[3], year: l[4], evidence: 'test', source: 'test:2-2'}]->(earlier)`,
      {
        orgs: [
          ['a', 'syddanmark'],
          ['b', 'nordjylland'],
          ['p1', 'hovedstaden'],
          ['p2', 'hovedstaden'],
          ['t', 'sjaelland'],
          ['i', 'midtjylland'],
          ['x', 'nordjylland'],
          ['q', 'nordjylland'],
          ['z', 'midtjylland'],
        ].map(([name, region]) => ({ id: id(name!), region })),
        innovations: [
          { id: id('r'), year: 2015 },
          { id: id('r2'), year: 2019 },
          { id: id('r3'), year: null },
        ],
        made: [
          [id('a'), id('r')],
          [id('x'), id('r2')],
          [id('q'), id('r3')],
        ],
        adopted: [
          [id('b'), id('r'), 'COPY', 'ADOPTED', 2017],
          [id('p1'), id('r'), 'COPY', 'PLANNED', 2016],
          [id('p2'), id('r'), 'ADAPT', 'PLANNED', null],
          [id('t'), id('r'), 'ADAPT', 'TESTED', 2016],
          [id('i'), id('r'), 'INTEREST', 'INTERESTED', null],
          [id('x'), id('r'), 'COPY', 'PLANNED', 2018],
          [id('z'), id('r3'), 'COPY', 'ADOPTED', 2020],
        ],
        lineage: [
          [id('r2'), id('r'), 'ADAPT', 'ADOPTED', 2019],
          [id('r3'), id('r'), 'INSPIRATION', 'PLANNED', 2021],
        ],
      },
      { tag: 'test.fixture' },
    );
  });

  it('counts only adopted copies, adaptations and inspiration as reach, regions, kinds and generations', async () => {
    const spread = await spreadOf(id('r'));
    expect(spread.reach).toBe(2);
    expect(spread.depth).toBe(1);
    expect(spread.generations).toEqual([
      { generation: 0, breadth: 1 },
      { generation: 1, breadth: 2 },
    ]);
    expect(spread.regionsReached.map((r) => [r.region.id, r.organisations])).toEqual([['nordjylland', 2]]);
    expect(spread.kindsReached).toEqual([{ kind: 'MUNICIPALITY', organisations: 2 }]);
    expect(spread.structuralVirality).toBeCloseTo(4 / 3, 10);
  });

  it('marks exactly the adopted events as counting, and lists tested, planned and interested ones beside them', async () => {
    const spread = await spreadOf(id('r'));
    const brief = spread.events.map((e) => [e.kind, e.to.id, e.status, e.countsAsSpread]);
    expect(brief).toEqual(
      expect.arrayContaining([
        ['ADOPTION', id('b'), 'ADOPTED', true],
        ['ADOPTION', id('p1'), 'PLANNED', false],
        ['ADOPTION', id('p2'), 'PLANNED', false],
        ['ADOPTION', id('t'), 'TESTED', false],
        ['ADOPTION', id('i'), 'INTERESTED', false],
        ['ADOPTION', id('x'), 'PLANNED', false],
        ['LINEAGE', id('x'), 'ADOPTED', true],
        ['LINEAGE', id('q'), 'PLANNED', false],
      ]),
    );
    expect(spread.events).toHaveLength(8);
    expect(spread.events.find((e) => e.to.id === id('q'))?.descendant).toEqual({ id: id('r3') });
    // R3 only plans to build on R, so Z, which took R3 up, is not in R's cascade.
    expect(spread.events.map((e) => e.to.id)).not.toContain(id('z'));
  });

  it('leaves tested and planned take-up out of the time to adoption', async () => {
    const spread = await spreadOf(id('r'));
    expect(spread.timeToAdoption).toEqual([
      { organisation: { id: id('b') }, years: 2 },
      { organisation: { id: id('x') }, years: 4 },
    ]);
  });

  it('counts each organisation short of spread once as uptake, with the regions of the planned and tested ones', async () => {
    const spread = await spreadOf(id('r'));
    // P1, P2 and Q planned; T tested; I asked. X planned too, but its adopted R2 reached it.
    expect(spread.uptake).toEqual({
      planned: 3,
      tested: 1,
      interested: 1,
      regions: [
        { region: { id: 'hovedstaden' }, planned: 2, tested: 0 },
        { region: { id: 'nordjylland' }, planned: 1, tested: 0 },
        { region: { id: 'sjaelland' }, planned: 0, tested: 1 },
      ],
    });
  });

  it('still reads the whole cascade and the regions of its uptake with one query', async () => {
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    try {
      await spreadOf(id('r'));
    } finally {
      stop();
    }
    expect(tags).toEqual(['spread.cascade']);
  });
});
