import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Group {
  key: string;
  label: string;
  innovations: number;
  adoptions: number;
  plannedAdoptions: number;
  testedAdoptions: number;
  interestedAdoptions: number;
  reuseShare: number;
  activelySharedShare: number;
  spreadShare: number;
  collaborationShare: number;
}
interface Stats {
  groupBy: string;
  groups: Group[];
  totals: Group;
  reference: { reuseShare: number; activelySharedShare: number; collaborationShare: number; evaluatedShare: number; description: string };
}

const STATS = gql`
  query Stats($groupBy: SpreadGroupBy!) {
    spreadStats(groupBy: $groupBy) {
      groupBy
      groups { ...Measures }
      totals { ...Measures }
      reference { reuseShare activelySharedShare collaborationShare evaluatedShare description }
    }
  }
  fragment Measures on SpreadGroup {
    key label innovations adoptions plannedAdoptions testedAdoptions interestedAdoptions reuseShare activelySharedShare spreadShare collaborationShare
  }
`;

const statsBy = async (groupBy: string) => (await api.client.request<{ spreadStats: Stats }>(STATS, { groupBy })).spreadStats;
const group = (stats: Stats, key: string) => stats.groups.find((g) => g.key === key);

const CATALOGUE = `MATCH (i:Innovation) WHERE i.kind <> 'REFERENCED' AND NOT coalesce(i.retired, false)`;
const PROPER = `['COPY', 'ADAPT', 'INSPIRATION']`;
/** The rule, written out here independently of `spread-rules.cypher.ts`: a fact counts when it is of a proper mode and adopted. */
const COUNTS = (v: string) => `${v}.mode IN ${PROPER} AND ${v}.status = 'ADOPTED'`;
const LINEAGE_COUNTS = (v: string) => `coalesce(${v}.mode, 'INSPIRATION') IN ${PROPER} AND ${v}.status = 'ADOPTED'`;

interface Expected {
  key: string;
  innovations: number;
  adoptions: number;
  spreading: number;
  shared: number;
  collaborating: number;
}

/** Counts per group, written independently of the API's query: `keys` yields the group keys of `i`. */
async function expectedPerGroup(keys: string): Promise<Map<string, Expected>> {
  const rows = await graph.read<Expected>(
    `${CATALOGUE}
     OPTIONAL CALL (i) { ${keys} }
     WITH i, collect(DISTINCT key) AS keys
     UNWIND CASE WHEN size(keys) = 0 THEN ['NONE'] ELSE keys END AS key
     OPTIONAL MATCH (i)<-[a:ADOPTED]-(:Organisation) WHERE ${COUNTS('a')}
     WITH key, i, count(a) AS adoptions
     RETURN key, count(i) AS innovations, sum(adoptions) AS adoptions,
       sum(CASE WHEN adoptions > 0 OR EXISTS { (:Innovation)-[b:BUILDS_ON]->(i) WHERE ${LINEAGE_COUNTS('b')} } THEN 1 ELSE 0 END) AS spreading,
       sum(CASE WHEN EXISTS { (i)<-[:ADOPTED {mode: 'SHARED', status: 'ADOPTED'}]-() } OR EXISTS { (i)-[:HAS_SIGNAL]->({mode: 'SHARED', status: 'ADOPTED', direction: 'OUTGOING'}) } THEN 1 ELSE 0 END) AS shared,
       sum(CASE WHEN EXISTS { (:Organisation)-[:PARTNER_IN]->(i) } THEN 1 ELSE 0 END) AS collaborating`,
    {},
    { tag: 'test' },
  );
  return new Map(rows.map((row) => [row.key, row]));
}

function expectGroupsToMatch(stats: Stats, expected: Map<string, Expected>): void {
  expect(stats.groups.map((g) => g.key).sort()).toEqual([...expected.keys()].sort());
  for (const g of stats.groups) {
    const e = expected.get(g.key)!;
    expect({ key: g.key, innovations: g.innovations, adoptions: g.adoptions }).toEqual({ key: e.key, innovations: e.innovations, adoptions: e.adoptions });
    expect(g.spreadShare).toBeCloseTo(e.spreading / e.innovations, 10);
    expect(g.activelySharedShare).toBeCloseTo(e.shared / e.innovations, 10);
    expect(g.collaborationShare).toBeCloseTo(e.collaborating / e.innovations, 10);
  }
}

describe('spreadStats(groupBy)', () => {
  it('totals the catalogue: adopted spread, planned and tested adoptions apart, and the shares that reuse, share, spread and collaborate', async () => {
    const stats = await statsBy('SECTOR');
    const [expected] = await graph.read<{ innovations: number; adoptions: number; planned: number; tested: number; reusing: number; shared: number; spreading: number; collaborating: number }>(
      `${CATALOGUE}
       RETURN count(i) AS innovations,
         sum(COUNT { (i)<-[a:ADOPTED]-() WHERE ${COUNTS('a')} }) AS adoptions,
         sum(COUNT { (i)<-[a:ADOPTED]-() WHERE a.mode IN ${PROPER} AND a.status = 'PLANNED' }) AS planned,
         sum(COUNT { (i)<-[a:ADOPTED]-() WHERE a.mode IN ${PROPER} AND a.status = 'TESTED' }) AS tested,
         sum(CASE WHEN EXISTS { (i)-[b:BUILDS_ON]->() WHERE ${LINEAGE_COUNTS('b')} } OR EXISTS { (i)-[:HAS_SIGNAL]->(s) WHERE s.direction = 'INCOMING' AND ${COUNTS('s')} } THEN 1 ELSE 0 END) AS reusing,
         sum(CASE WHEN EXISTS { (i)<-[:ADOPTED {mode: 'SHARED', status: 'ADOPTED'}]-() } OR EXISTS { (i)-[:HAS_SIGNAL]->({mode: 'SHARED', status: 'ADOPTED', direction: 'OUTGOING'}) } THEN 1 ELSE 0 END) AS shared,
         sum(CASE WHEN EXISTS { (i)<-[a:ADOPTED]-() WHERE ${COUNTS('a')} } OR EXISTS { (i)<-[b:BUILDS_ON]-() WHERE ${LINEAGE_COUNTS('b')} } THEN 1 ELSE 0 END) AS spreading,
         sum(CASE WHEN EXISTS { (i)<-[:PARTNER_IN]-() } THEN 1 ELSE 0 END) AS collaborating`,
      {},
      { tag: 'test' },
    );
    const e = expected!;
    expect(stats.totals).toMatchObject({ key: 'ALL', label: 'All catalogue innovations', innovations: e.innovations, adoptions: e.adoptions, plannedAdoptions: e.planned, testedAdoptions: e.tested });
    expect(stats.totals.reuseShare).toBeCloseTo(e.reusing / e.innovations, 10);
    expect(stats.totals.activelySharedShare).toBeCloseTo(e.shared / e.innovations, 10);
    expect(stats.totals.spreadShare).toBeCloseTo(e.spreading / e.innovations, 10);
    expect(stats.totals.collaborationShare).toBeCloseTo(e.collaborating / e.innovations, 10);
    // The seed catalogue: 57 main cases, 8 small innovations, 9 on the watch list, 3 procurement cases.
    expect(e.innovations).toBe(77);
    // Adopted: affald-kolding 4, naerklinikken 2, and one each for the intelligent traffic signals (Vejdirektoratet) and os2iot.
    expect(e.adoptions).toBe(8);
    // Planned: the new syringes 4, and one each for naerklinikken, mandefaellesskaber, the check-in system.
    expect(e.planned).toBe(7);
    // Tested: the traffic signals' road tests in Albertslund, Tårnby and on A/S Øresund's motorway.
    expect(e.tested).toBe(3);
  });

  it('gives the national reference figures of Innovationsbarometeret', async () => {
    const stats = await statsBy('YEAR');
    expect(stats.reference).toMatchObject({ reuseShare: 0.72, activelySharedShare: 0.49, collaborationShare: 0.69, evaluatedShare: 0.4 });
    expect(stats.reference.description).toContain('Innovationsbarometeret');
  });

  it('groups by the regions of nominators and makers, counting an innovation in each of its regions', async () => {
    const stats = await statsBy('REGION');
    expect(stats.groupBy).toBe('REGION');
    expectGroupsToMatch(stats, await expectedPerGroup(`OPTIONAL MATCH (i)<-[:NOMINATED|MADE]-(o:Organisation) RETURN o.region AS key`));
    expect(group(stats, 'syddanmark')?.label).toBe('Region Syddanmark');
    // os2iot is nominated by OS2, an association with no region.
    expect(group(stats, 'NONE')).toMatchObject({ label: 'No region' });
    expect(stats.groups.at(-1)!.key).toBe('NONE');
  });

  it('groups by the kind of nominator, a unit counting as the organisation it belongs to', async () => {
    const stats = await statsBy('ORGANISATION_KIND');
    expect(stats.groups.map((g) => g.key)).not.toContain('UNIT');
    const expected = await expectedPerGroup(
      `MATCH (i)<-[:NOMINATED]-(o:Organisation)-[chain:PART_OF*0..4]->(counted:Organisation)
       WHERE counted.kind <> 'UNIT' AND all(r IN chain WHERE startNode(r).kind = 'UNIT')
       RETURN counted.kind AS key`,
    );
    expectGroupsToMatch(stats, expected);
    // min-video was nominated by a unit of Aarhus Kommune.
    expect(group(stats, 'MUNICIPALITY')).toMatchObject({ label: 'Municipality' });
    expect(group(stats, 'STATE_AGENCY')).toMatchObject({ label: 'State agency' });
  });

  it('groups by sector, each innovation in exactly one', async () => {
    const stats = await statsBy('SECTOR');
    expectGroupsToMatch(stats, await expectedPerGroup(`RETURN i.sector AS key`));
    expect(stats.groups.reduce((sum, g) => sum + g.innovations, 0)).toBe(stats.totals.innovations);
    expect(group(stats, 'MUNICIPAL')?.label).toBe('Municipal');
  });

  it('groups by year, oldest first: in 2016 affald-kolding, adapted by four organisations, and rulleboliger', async () => {
    const stats = await statsBy('YEAR');
    expectGroupsToMatch(stats, await expectedPerGroup(`RETURN toString(i.year) AS key`));
    expect(group(stats, '2016')).toMatchObject({ label: '2016', innovations: 2, adoptions: 4, spreadShare: 0.5, collaborationShare: 0.5 });
    const years = stats.groups.filter((g) => g.key !== 'NONE').map((g) => g.key);
    expect(years).toEqual([...years].sort());
  });

  it('groups by the modes of adoptions, signals and lineage, counting innovations with a fact of each mode', async () => {
    const stats = await statsBy('MODE');
    expectGroupsToMatch(
      stats,
      await expectedPerGroup(`
        OPTIONAL MATCH (i)<-[a:ADOPTED]-() WITH i, collect(a.mode) AS adopted
        OPTIONAL MATCH (i)-[:HAS_SIGNAL]->(s) WITH i, adopted, collect(s.mode) AS signalled
        OPTIONAL MATCH (i)-[b:BUILDS_ON]-() WITH adopted, signalled, collect(b.mode) AS lineage
        UNWIND adopted + signalled + lineage AS key
        RETURN key`),
    );
    // Copied: the traffic signals (Vejdirektoratet; 3 more tested), os2iot (Aarhus); planned: the syringes (4), the men's communities (Røde Kors);
    // more only with unnamed audiences, e.g. min-video, hpv-hjemmetest, videokonsultation.
    expect(group(stats, 'COPY')).toMatchObject({ label: 'Copy', innovations: 12, adoptions: 2, plannedAdoptions: 5, testedAdoptions: 3 });
    expect(group(stats, 'NONE')).toMatchObject({ label: 'No spreading fact', adoptions: 0, spreadShare: 0, reuseShare: 0, activelySharedShare: 0 });
  });

  it('answers each call with one query', async () => {
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    try {
      await statsBy('REGION');
    } finally {
      stop();
    }
    expect(tags).toEqual(['spread.stats.region']);
  });

  it('rejects a grouping it does not know', async () => {
    const error = (await api.client.request(STATS, { groupBy: 'COUNTRY' }).catch((e: unknown) => e)) as ClientError;
    expect(error).toBeInstanceOf(ClientError);
    expect(error.response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.response.errors![0]!.message).toContain('Value "COUNTRY" does not exist in "SpreadGroupBy" enum.');
  });
});

describe('spreadStats and innovations(filter: {spread}) apply one rule of what counts as spread', () => {
  const id = useNamespace(graph, 'spread-stats');
  // A year no catalogue innovation has, so that the YEAR group holds these five only.
  const YEAR = 1901;

  beforeAll(async () => {
    // Five catalogue innovations, each with one named fact: shared, sharing planned, planned, tested, adopted.
    await graph.write(
      `UNWIND $facts AS f
       CREATE (i:Innovation {id: f.innovation, title: f.innovation, summary: 'test', kind: 'MAIN_CASE', year: $year, retired: false, types: []})
       CREATE (o:Organisation {id: f.organisation, name: f.organisation, kind: 'MUNICIPALITY', region: 'nordjylland', country: 'DK', aliases: []})
       CREATE (o)-[:ADOPTED {mode: f.mode, status: f.status, year: $year, evidence: 'test', source: 'test:1-1'}]->(i)`,
      {
        year: YEAR,
        facts: [
          ['shared', 'SHARED', 'ADOPTED'],
          ['sharing-planned', 'SHARED', 'PLANNED'],
          ['planned', 'COPY', 'PLANNED'],
          ['tested', 'ADAPT', 'TESTED'],
          ['adopted', 'COPY', 'ADOPTED'],
        ].map(([name, mode, status]) => ({ innovation: id(name!), organisation: id(`${name!}-org`), mode, status })),
      },
      { tag: 'test.fixture' },
    );
  });

  const FILTERED = gql`
    query Filtered($spread: Boolean!, $year: Int!) {
      innovations(filter: { spread: $spread, yearFrom: $year, yearTo: $year }, first: 10) { totalCount edges { node { id } } }
    }
  `;
  const filtered = async (spread: boolean) =>
    (await api.client.request<{ innovations: { totalCount: number; edges: { node: { id: string } }[] } }>(FILTERED, { spread, year: YEAR })).innovations;

  it('counts only the adopted copy as spread, in the filter and in spreadShare alike', async () => {
    const spreading = await filtered(true);
    expect(spreading.edges.map((e) => e.node.id)).toEqual([id('adopted')]);
    expect((await filtered(false)).edges.map((e) => e.node.id).sort()).toEqual([id('planned'), id('shared'), id('sharing-planned'), id('tested')]);
    const year = group(await statsBy('YEAR'), String(YEAR))!;
    expect(year.innovations).toBe(5);
    expect(year.spreadShare).toBe(spreading.totalCount / year.innovations);
  });

  it('counts sharing that took place as a channel only, and the planned and tested adoptions beside the adopted one', async () => {
    const year = group(await statsBy('YEAR'), String(YEAR))!;
    expect(year).toMatchObject({ adoptions: 1, plannedAdoptions: 1, testedAdoptions: 1, interestedAdoptions: 0, activelySharedShare: 0.2, spreadShare: 0.2, reuseShare: 0 });
  });

  it('agrees with the filter over the whole catalogue', async () => {
    const stats = await statsBy('SECTOR');
    const catalogueKinds = ['MAIN_CASE', 'SMALL_INNOVATION', 'WATCH_LIST', 'PROCUREMENT_CASE'];
    const data = await api.client.request<{ innovations: { totalCount: number } }>(
      gql`
        query ($kinds: [InnovationKind!]) {
          innovations(filter: { spread: true, kinds: $kinds }) { totalCount }
        }
      `,
      { kinds: catalogueKinds },
    );
    expect(data.innovations.totalCount).toBe(Math.round(stats.totals.spreadShare * stats.totals.innovations));
  });
});
