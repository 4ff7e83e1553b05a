import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Group {
  key: string;
  label: string;
  innovations: number;
  adoptions: number;
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
      groups { key label innovations adoptions reuseShare activelySharedShare spreadShare collaborationShare }
      totals { key label innovations adoptions reuseShare activelySharedShare spreadShare collaborationShare }
      reference { reuseShare activelySharedShare collaborationShare evaluatedShare description }
    }
  }
`;

const statsBy = async (groupBy: string) => (await api.client.request<{ spreadStats: Stats }>(STATS, { groupBy })).spreadStats;
const group = (stats: Stats, key: string) => stats.groups.find((g) => g.key === key);

const CATALOGUE = `MATCH (i:Innovation) WHERE i.kind <> 'REFERENCED' AND NOT coalesce(i.retired, false)`;
const PROPER = `['COPY', 'ADAPT', 'INSPIRATION']`;

interface Expected {
  key: string;
  innovations: number;
  adoptions: number;
  spreading: number;
  collaborating: number;
}

/** Counts per group, written independently of the API's query: `keys` yields the group keys of `i`. */
async function expectedPerGroup(keys: string): Promise<Map<string, Expected>> {
  const rows = await graph.read<Expected>(
    `${CATALOGUE}
     OPTIONAL CALL (i) { ${keys} }
     WITH i, collect(DISTINCT key) AS keys
     UNWIND CASE WHEN size(keys) = 0 THEN ['NONE'] ELSE keys END AS key
     OPTIONAL MATCH (i)<-[a:ADOPTED]-(:Organisation) WHERE a.mode IN ${PROPER}
     WITH key, i, count(a) AS adoptions
     RETURN key, count(i) AS innovations, sum(adoptions) AS adoptions,
       sum(CASE WHEN adoptions > 0 OR EXISTS { (:Innovation)-[:BUILDS_ON]->(i) } THEN 1 ELSE 0 END) AS spreading,
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
    expect(g.collaborationShare).toBeCloseTo(e.collaborating / e.innovations, 10);
  }
}

describe('spreadStats(groupBy)', () => {
  it('totals the catalogue: adoptions of spread proper, and the shares that reuse, share, spread and collaborate', async () => {
    const stats = await statsBy('SECTOR');
    const [expected] = await graph.read<{ innovations: number; adoptions: number; reusing: number; shared: number; spreading: number; collaborating: number }>(
      `${CATALOGUE}
       RETURN count(i) AS innovations,
         sum(COUNT { (i)<-[a:ADOPTED]-() WHERE a.mode IN ${PROPER} }) AS adoptions,
         sum(CASE WHEN EXISTS { (i)-[:BUILDS_ON]->() } OR EXISTS { (i)-[:HAS_SIGNAL]->(s) WHERE s.direction = 'INCOMING' AND s.mode IN ${PROPER} } THEN 1 ELSE 0 END) AS reusing,
         sum(CASE WHEN EXISTS { (i)<-[:ADOPTED {mode: 'SHARED'}]-() } OR EXISTS { (i)-[:HAS_SIGNAL]->({mode: 'SHARED', direction: 'OUTGOING'}) } THEN 1 ELSE 0 END) AS shared,
         sum(CASE WHEN EXISTS { (i)<-[a:ADOPTED]-() WHERE a.mode IN ${PROPER} } OR EXISTS { (i)<-[:BUILDS_ON]-() } THEN 1 ELSE 0 END) AS spreading,
         sum(CASE WHEN EXISTS { (i)<-[:PARTNER_IN]-() } THEN 1 ELSE 0 END) AS collaborating`,
      {},
      { tag: 'test' },
    );
    const e = expected!;
    expect(stats.totals).toMatchObject({ key: 'ALL', label: 'All catalogue innovations', innovations: e.innovations, adoptions: e.adoptions });
    expect(stats.totals.reuseShare).toBeCloseTo(e.reusing / e.innovations, 10);
    expect(stats.totals.activelySharedShare).toBeCloseTo(e.shared / e.innovations, 10);
    expect(stats.totals.spreadShare).toBeCloseTo(e.spreading / e.innovations, 10);
    expect(stats.totals.collaborationShare).toBeCloseTo(e.collaborating / e.innovations, 10);
    // The seed catalogue: 57 main cases, 8 small innovations, 9 on the watch list, 3 procurement cases.
    expect(e.innovations).toBe(77);
    // affald-kolding 4, intelligent traffic signals 4, the new syringes 4 (planned), naerklinikken 3, and one each for os2iot, mandefaellesskaber, the check-in system.
    expect(e.adoptions).toBe(18);
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
    // Copied: the traffic signals (4 adopters), the syringes (4 planned), os2iot (Aarhus), the men's communities (Røde Kors, planned);
    // eight more only with unnamed audiences, e.g. min-video, hpv-hjemmetest, videokonsultation.
    expect(group(stats, 'COPY')).toMatchObject({ label: 'Copy', innovations: 12, adoptions: 10 });
    expect(group(stats, 'NONE')).toMatchObject({ label: 'No spreading fact', adoptions: 0, spreadShare: 0, reuseShare: 0, activelySharedShare: 0 });
    expect(group(stats, 'SHARED')!.activelySharedShare).toBe(1);
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
