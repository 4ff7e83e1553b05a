import { describe, expect, it } from 'vitest';
import { useTestGraph } from '../support/graph.js';

/**
 * Corrections to the curated seed graph after a careful read of "LÆS STJÆL FORTÆL 2" (lsf2) and
 * the four strategy documents. Every expectation is a fact of the source text, with its lines.
 */
const graph = useTestGraph({ timeoutMs: 60_000 });

async function rows<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return graph.read<T>(cypher, params, { tag: 'test' });
}

async function one<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  const result = await rows<T>(cypher, params);
  expect(result).toHaveLength(1);
  return result[0]!;
}

describe('test runs and plans', () => {
  it("records Gate 21's road tests of the traffic signals as TESTED, not ADOPTED (lsf2:922-924)", async () => {
    const adoptions = await rows<{ adopter: string; status: string; source: string }>(
      `MATCH (o:Organisation)-[a:ADOPTED]->(:Innovation {id: 'intelligent-styring-af-trafiksignaler'})
       RETURN o.id AS adopter, a.status AS status, a.source AS source ORDER BY adopter`,
    );
    const status = Object.fromEntries(adoptions.map((a) => [a.adopter, a.status]));
    expect(status).toEqual({ 'albertslund-kommune': 'TESTED', oeresund: 'TESTED', 'taarnby-kommune': 'TESTED', vejdirektoratet: 'ADOPTED' });
    for (const a of adoptions.filter((x) => x.status === 'TESTED')) expect(a.source).toMatch(/^lsf2:922-92[34]$/);
  });

  it('records the autumn 2020 pilot of Fif for unge at four vocational schools as a test (lsf2:8043-8046)', async () => {
    const signal = await one<{ status: string; year: number; source: string }>(
      `MATCH (:Innovation {id: 'fif-for-unge'})-[:HAS_SIGNAL]->(s:SpreadSignal {status: 'TESTED'})
       RETURN s.status AS status, s.year AS year, s.source AS source`,
    );
    expect(signal).toEqual({ status: 'TESTED', year: 2020, source: 'lsf2:8043-8046' });
  });

  it('keeps no plan where the text only names a possibility', async () => {
    const speculative = await rows<{ id: string; source: string }>(
      `MATCH (i:Innovation)-[:HAS_SIGNAL]->(s:SpreadSignal {status: 'PLANNED'})
       WHERE i.id IN ['virk-assistenten', 'tvaerfaglig-onlinekonference-mup', 'ny-adgang-til-frie-vejrdata', 'svanemaerket-hospitalsrengoering']
          OR s.source IN ['lsf2:8378-8381', 'lsf2:8383-8385']
       RETURN i.id AS id, s.source AS source`,
    );
    expect(speculative).toEqual([]);
    const svanemaerket = await one<{ mode: string; status: string }>(
      "MATCH (:Innovation {id: 'svanemaerket-hospitalsrengoering'})-[:HAS_SIGNAL]->(s:SpreadSignal {source: 'lsf2:1340-1341'}) RETURN s.mode AS mode, s.status AS status",
    );
    expect(svanemaerket).toEqual({ mode: 'INTEREST', status: 'INTERESTED' });
  });

  it('still holds the plans the text does state, such as about 30 municipalities taking up OS2iot in 2021', async () => {
    const plan = await one<{ expected: number; year: number }>(
      "MATCH (:Innovation {id: 'os2iot'})-[:HAS_SIGNAL]->(s:SpreadSignal {status: 'PLANNED', mode: 'COPY'}) RETURN s.expectedCount AS expected, s.year AS year",
    );
    expect(plan).toEqual({ expected: 30, year: 2021 });
  });

  it("dates Ligevægt's scaling to the whole health area to its January 2021 decision (lsf2:2095-2099)", async () => {
    const signal = await one<{ year: number; source: string }>(
      "MATCH (:Innovation {id: 'ligevaegt'})-[:HAS_SIGNAL]->(s:SpreadSignal {mode: 'ADAPT'}) RETURN s.year AS year, s.source AS source",
    );
    expect(signal).toEqual({ year: 2021, source: 'lsf2:2095-2099' });
  });
});

describe('incoming reuse', () => {
  it('names the inspirations the catalogue states: Norwegian hospitals, airport check-in, existing evidence, existing platforms', async () => {
    const incoming = await rows<{ id: string; mode: string; audience: string; source: string }>(
      `MATCH (i:Innovation)-[:HAS_SIGNAL]->(s:SpreadSignal {direction: 'INCOMING'})
       WHERE i.id IN ['nye-sproejter-halverer-medicinforbrug', 'check-in-system-forbedrer-patientflowet', 'komtil', 'videokonsultation', 'min-video', 'livsmestring-mindsker-selvskadende-adfaerd']
       RETURN i.id AS id, s.mode AS mode, s.audience AS audience, s.source AS source ORDER BY id`,
    );
    expect(incoming.map((r) => [r.id, r.mode, r.source])).toEqual([
      ['check-in-system-forbedrer-patientflowet', 'INSPIRATION', 'lsf2:6364-6372'],
      ['komtil', 'ADAPT', 'lsf2:6172-6173'],
      ['livsmestring-mindsker-selvskadende-adfaerd', 'ADAPT', 'lsf2:6262-6273'],
      ['min-video', 'ADAPT', 'lsf2:195-197'],
      ['nye-sproejter-halverer-medicinforbrug', 'INSPIRATION', 'lsf2:6123-6123'],
      ['videokonsultation', 'ADAPT', 'lsf2:6499-6501'],
    ]);
    expect(incoming.find((r) => r.id === 'nye-sproejter-halverer-medicinforbrug')!.audience).toContain('Norge');
    expect(incoming.find((r) => r.id === 'check-in-system-forbedrer-patientflowet')!.audience).toContain('lufthavn');
  });

  it('names the company whose existing platform Min Video was developed from (lsf2:195-197)', async () => {
    const from = await one<{ from: string }>(
      "MATCH (:Innovation {id: 'min-video'})-[:HAS_SIGNAL]->(:SpreadSignal {direction: 'INCOMING'})-[:FROM]->(o:Organisation) RETURN o.id AS from",
    );
    expect(from.from).toBe('nntv');
  });

  it('records the infusion pumps as taken over from haematology since April 2020 (lsf2:5610-5636)', async () => {
    const signal = await one<{ direction: string; mode: string; year: number }>(
      "MATCH (:Innovation {id: 'infusionspumper-frigiver-plads'})-[:HAS_SIGNAL]->(s:SpreadSignal) RETURN s.direction AS direction, s.mode AS mode, s.year AS year",
    );
    expect(signal).toEqual({ direction: 'INCOMING', mode: 'ADAPT', year: 2020 });
  });

  it('holds Sani Nudge, a 2019 nominee being developed further for contact tracing, as a referenced innovation with its maker (lsf2:3684-3696)', async () => {
    const row = await one<{ kind: string; year: number; maker: string; mode: string; status: string; source: string }>(
      `MATCH (m:Organisation)-[:MADE]->(i:Innovation {id: 'sani-nudge-haandhygiejne'})-[:HAS_SIGNAL]->(s:SpreadSignal)
       RETURN i.kind AS kind, i.year AS year, m.id AS maker, s.mode AS mode, s.status AS status, s.source AS source`,
    );
    expect(row).toEqual({ kind: 'REFERENCED', year: 2015, maker: 'sani-nudge', mode: 'ADAPT', status: 'PLANNED', source: 'lsf2:3684-3690' });
  });

  it('gives every spreading fact a line locator in its source', async () => {
    const unlocated = await rows<{ id: string }>(
      `MATCH (i:Innovation)-[r:HAS_SIGNAL|ADOPTED|BUILDS_ON]-(x)
       WITH i, CASE WHEN type(r) = 'HAS_SIGNAL' THEN x.source ELSE r.source END AS source
       WHERE source IS NULL OR NOT source =~ '[a-z0-9-]+:\\d+-\\d+'
       RETURN DISTINCT i.id AS id`,
    );
    expect(unlocated).toEqual([]);
  });
});

describe('awards', () => {
  it('marks the nine watch-list entries as submitted to Innovationspriserne (lsf2:7813-7814)', async () => {
    const row = await one<{ n: number; levels: string[] }>(
      `MATCH (i:Innovation {kind: 'WATCH_LIST'})-[a:AWARDED]->(:Prize {id: 'INNOVATIONSPRISERNE'})
       RETURN count(DISTINCT i) AS n, collect(DISTINCT a.level) AS levels`,
    );
    expect(row).toEqual({ n: 9, levels: ['SUBMITTED'] });
  });
});

describe('strategy missions', () => {
  it('links each of the 19 missions of the four strategy organisations to at least one catalogue innovation', async () => {
    const missions = await rows<{ owner: string; mission: string; innovations: number }>(
      `MATCH (m:Theme {kind: 'MISSION'})-[:OWNED_BY]->(o:Organisation)
       RETURN o.id AS owner, m.id AS mission, COUNT { (i:Innovation)-[:ABOUT]->(m) WHERE i.kind <> 'REFERENCED' } AS innovations`,
    );
    expect(missions).toHaveLength(19);
    expect(new Set(missions.map((m) => m.owner))).toEqual(new Set(['region-syddanmark', 'region-hovedstaden', 'helse-soer-oest', 'region-midtjylland']));
    expect(missions.filter((m) => m.innovations === 0)).toEqual([]);
  });

  it("links Region Syddanmark's sustainable health service to the green hospital work, also outside the region", async () => {
    const linked = await rows<{ id: string }>(
      "MATCH (i:Innovation)-[:ABOUT]->(:Theme {id: 'region-syddanmark-baeredygtigt-sundhedsvaesen'}) RETURN i.id AS id",
    );
    expect(linked.map((r) => r.id)).toEqual(
      expect.arrayContaining(['nye-moebler-af-plastaffald', 'svanemaerket-hospitalsrengoering', 'personale-goer-hospitalerne-groennere']),
    );
  });

  it("links Helse Sør-Øst's international impulses to the syringes inspired by Norwegian hospitals", async () => {
    const linked = await one<{ n: number }>(
      "MATCH (:Innovation {id: 'nye-sproejter-halverer-medicinforbrug'})-[:ABOUT]->(m:Theme {id: 'helse-soer-oest-internasjonale-impulser'}) RETURN count(m) AS n",
    );
    expect(linked.n).toBe(1);
  });
});

describe('strategy organisations', () => {
  it("holds Helse Sør-Øst's innovation network as a programme it runs, and the network's partners (hso-innovation:14-17)", async () => {
    const network = await one<{ kind: string; parent: string; refs: string[] }>(
      "MATCH (n:Organisation {id: 'helse-soer-oest-innovasjonsnettverk-for-innovasjonsansvarlige'})-[:PART_OF]->(p) RETURN n.kind AS kind, p.id AS parent, n.sourceRefs AS refs",
    );
    expect(network).toMatchObject({ kind: 'PROGRAMME', parent: 'helse-soer-oest' });
    expect(network.refs).toContain('hso-innovation:14-17');
    const partners = await rows<{ id: string; country: string; refs: string[] }>(
      "MATCH (o:Organisation) WHERE o.id IN ['norges-forskningsraad', 'innovasjon-norge', 'inven2'] RETURN o.id AS id, o.country AS country, o.sourceRefs AS refs",
    );
    expect(partners).toHaveLength(3);
    for (const p of partners) expect(p).toMatchObject({ country: 'NO', refs: expect.arrayContaining(['hso-innovation:14-17']) });
  });

  it("holds Region Syddanmark's innovation bodies under the region, each with its lines in the strategy", async () => {
    const bodies = await rows<{ id: string; kind: string; parent: string; refs: string[] }>(
      `MATCH (o:Organisation)-[:PART_OF]->(p:Organisation)
       WHERE o.id IN ['region-syddanmark-syddansk-sundhedsinnovation', 'region-syddanmark-styregruppe-for-innovation', 'region-syddanmark-innovationsforum',
                      'region-syddanmark-innovationspulje', 'region-syddanmark-koncernledelsesforum', 'region-syddanmark-innovationsdag-og-innovationspris',
                      'region-syddanmark-syddansk-sundhedsinnovation-erfa-gruppe-for-innovationskoordinatorer']
       RETURN o.id AS id, o.kind AS kind, p.id AS parent, o.sourceRefs AS refs`,
    );
    expect(bodies).toHaveLength(7);
    for (const b of bodies) expect(b.refs.some((r) => /^rsd-strategy:\d+-\d+$/.test(r))).toBe(true);
    const kind = Object.fromEntries(bodies.map((b) => [b.id, b.kind]));
    expect(kind['region-syddanmark-innovationsdag-og-innovationspris']).toBe('PROGRAMME');
    expect(kind['region-syddanmark-innovationsforum']).toBe('PROGRAMME');
    expect(bodies.find((b) => b.id.endsWith('erfa-gruppe-for-innovationskoordinatorer'))!.parent).toBe('region-syddanmark-syddansk-sundhedsinnovation');
  });
});

describe('catalogue pages', () => {
  it('gives the pages the corona list states (lsf2:3707-3716)', async () => {
    const pages = await rows<{ id: string; page: number }>(
      `MATCH (i:Innovation)-[d:DESCRIBED_IN]->(:Source {id: 'lsf2'})
       WHERE i.id IN ['ny-model-for-varslingsindsats', 'corona-robot', 'videokonsultation', 'digitalt-intensivbesoeg', 'laeringsplatform-videokonsultationer']
       RETURN i.id AS id, d.page AS page`,
    );
    expect(Object.fromEntries(pages.map((p) => [p.id, p.page]))).toEqual({
      'ny-model-for-varslingsindsats': 66,
      'corona-robot': 104,
      videokonsultation: 148,
      'digitalt-intensivbesoeg': 150,
      'laeringsplatform-videokonsultationer': 152,
    });
  });

  it('places the small innovations on pages 170-173 and KomTil on 142, the first page of its spread', async () => {
    const pages = await rows<{ id: string; page: number }>(
      `MATCH (i:Innovation)-[d:DESCRIBED_IN]->(:Source {id: 'lsf2'}) WHERE i.kind = 'SMALL_INNOVATION' OR i.id = 'komtil' RETURN i.id AS id, d.page AS page`,
    );
    const page = Object.fromEntries(pages.map((p) => [p.id, p.page]));
    expect(page.komtil).toBe(142);
    expect(page['borgerservice-paa-sikker-afstand']).toBe(170);
    expect(page['digitale-booktalks']).toBe(173);
    expect(pages.filter((p) => p.id !== 'komtil').every((p) => p.page >= 170 && p.page <= 173)).toBe(true);
  });

  it('gives a page to most catalogue entries, in the order they are printed', async () => {
    const entries = await rows<{ first: number; page: number | null }>(
      `MATCH (i:Innovation)-[d:DESCRIBED_IN]->(:Source {id: 'lsf2'}) WHERE i.kind <> 'REFERENCED'
       RETURN d.lines[0] AS first, d.page AS page ORDER BY first`,
    );
    expect(entries).toHaveLength(77);
    const paged = entries.filter((e) => e.page !== null).map((e) => e.page!);
    expect(paged.length).toBeGreaterThanOrEqual(54);
    expect(paged).toEqual([...paged].sort((a, b) => a - b));
  });
});
