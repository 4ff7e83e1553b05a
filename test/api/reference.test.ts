import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

type ThemeRow = { id: string; kind: string; name: string; innovationCount: number };

/** What the graph itself says: current innovations about each theme. */
async function innovationsAbout(themeId: string): Promise<string[]> {
  const rows = await graph.read<{ id: string }>(
    `MATCH (:Theme {id: $themeId})<-[:ABOUT]-(i:Innovation) WHERE coalesce(i.retired, false) = false RETURN i.id AS id ORDER BY i.title, i.id`,
    { themeId },
    { tag: 'test' },
  );
  return rows.map((r) => r.id);
}

describe('themes(kind)', () => {
  it('lists every theme and mission, themes first and each kind by name, with the number of innovations about it', async () => {
    const data = await api.client.request<{ themes: ThemeRow[] }>(gql`{ themes { id kind name innovationCount } }`);
    const [{ n }] = (await graph.read<{ n: number }>('MATCH (t:Theme) RETURN count(t) AS n', {}, { tag: 'test' })) as [{ n: number }];
    expect(data.themes).toHaveLength(n);
    const kinds = data.themes.map((t) => t.kind);
    expect(kinds.indexOf('MISSION')).toBe(kinds.lastIndexOf('THEME') + 1);
    for (const kind of ['THEME', 'MISSION']) {
      const names = data.themes.filter((t) => t.kind === kind).map((t) => t.name);
      expect(names).toEqual([...names].sort());
    }
    const climate = data.themes.find((t) => t.id === 'climate-environment');
    expect(climate?.innovationCount).toBeGreaterThan(0);
    expect(climate?.innovationCount).toBe((await innovationsAbout('climate-environment')).length);
  });

  it('lists only the themes of the kind asked for', async () => {
    const data = await api.client.request<{ themes: ThemeRow[] }>(gql`{ themes(kind: MISSION) { id kind name innovationCount } }`);
    expect(data.themes.length).toBe(19);
    expect(new Set(data.themes.map((t) => t.kind))).toEqual(new Set(['MISSION']));
  });
});

describe('theme(id)', () => {
  it('pages through the innovations about a theme by title, and counts them', async () => {
    type Result = { theme: { name: string; innovationCount: number; innovations: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const query = gql`
      query ($after: String) {
        theme(id: "climate-environment") { name innovationCount innovations(first: 3, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }
      }
    `;
    const expected = await innovationsAbout('climate-environment');
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: Result = await api.client.request<Result>(query, { after });
      expect(data.theme.name).toBe('Klima, miljø og bæredygtighed');
      expect(data.theme.innovations.totalCount).toBe(expected.length);
      expect(data.theme.innovationCount).toBe(expected.length);
      seen.push(...data.theme.innovations.edges.map((e) => e.node.id));
      after = data.theme.innovations.pageInfo.hasNextPage ? data.theme.innovations.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('gives a theme neither an owner nor a strategy', async () => {
    const data = await api.client.request(gql`{ theme(id: "climate-environment") { kind owner { id } strategy { id } } }`);
    expect(data).toEqual({ theme: { kind: 'THEME', owner: null, strategy: null } });
  });

  it('returns null for an unknown id', async () => {
    expect(await api.client.request(gql`{ theme(id: "astrology") { id } }`)).toEqual({ theme: null });
  });

  it('rejects a page size over 100, stating the rule and the value', async () => {
    const error = (await api.client.request(gql`{ theme(id: "health") { innovations(first: 500) { totalCount } } }`).catch((e: unknown) => e)) as ClientError;
    expect(error.response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.response.errors![0]!.message).toBe('first must be a whole number from 1 to 100, got 500');
  });
});

describe('regions and region(id)', () => {
  it('lists the regions, Danish ones first, with counts that agree with the organisation and innovation filters', async () => {
    const data = await api.client.request<{ regions: { id: string; country: string; organisationCount: number; innovationCount: number }[] }>(
      gql`{ regions { id country organisationCount innovationCount } }`,
    );
    expect(data.regions.map((r) => r.id)).toEqual(['hovedstaden', 'midtjylland', 'nordjylland', 'sjaelland', 'syddanmark', 'helse-soer-oest']);
    for (const region of data.regions) {
      const filtered = await api.client.request<{ organisations: { totalCount: number }; innovations: { totalCount: number } }>(
        gql`query ($ids: [ID!]) { organisations(filter: { regionIds: $ids }) { totalCount } innovations(filter: { regionIds: $ids }) { totalCount } }`,
        { ids: [region.id] },
      );
      expect(region.organisationCount, region.id).toBe(filtered.organisations.totalCount);
      expect(region.innovationCount, region.id).toBe(filtered.innovations.totalCount);
    }
    const syddanmark = data.regions.find((r) => r.id === 'syddanmark')!;
    expect(syddanmark.organisationCount).toBeGreaterThan(10);
    expect(syddanmark.innovationCount).toBeGreaterThan(5);
  });

  it('returns one region by id, and null for an unknown one', async () => {
    expect(await api.client.request(gql`{ region(id: "syddanmark") { name nameEn country } }`)).toEqual({
      region: { name: 'Region Syddanmark', nameEn: 'Region of Southern Denmark', country: 'DK' },
    });
    expect(await api.client.request(gql`{ region(id: "atlantis") { id } }`)).toEqual({ region: null });
  });
});

describe('missions(ownerId)', () => {
  it('lists the missions Region Syddanmark set, by name, with their owner and the strategy that sets them', async () => {
    const data = await api.client.request<{ missions: { name: string; kind: string; owner: { id: string }; strategy: { id: string; publisher: { id: string } } }[] }>(gql`
      { missions(ownerId: "region-syddanmark") { name kind owner { id } strategy { id publisher { id } } } }
    `);
    expect(data.missions.map((m) => m.name)).toEqual(['Bæredygtigt sundhedsvæsen', 'Patienternes sundhedsvæsen', 'Robust sundhedsvæsen', 'Sundhedsfremmende sundhedsvæsen']);
    for (const mission of data.missions) {
      expect(mission).toMatchObject({ kind: 'MISSION', owner: { id: 'region-syddanmark' }, strategy: { id: 'rsd-strategy', publisher: { id: 'region-syddanmark' } } });
    }
  });

  it('lists every mission without an owner, and none for an organisation that set none', async () => {
    const all = await api.client.request<{ missions: { owner: { name: string } }[] }>(gql`{ missions { owner { name } } }`);
    expect(all.missions).toHaveLength(19);
    const owners = all.missions.map((m) => m.owner.name);
    expect(owners).toEqual([...owners].sort());
    expect(await api.client.request(gql`{ missions(ownerId: "aarhus-kommune") { id } }`)).toEqual({ missions: [] });
  });
});

describe('strategies', () => {
  it('lists the strategy documents with their publishers and missions, and not the award catalogue', async () => {
    const data = await api.client.request<{ strategies: { id: string; title: string; publisher: { id: string }; missions: { id: string; owner: { id: string } }[] }[] }>(gql`
      { strategies { id title publisher { id } missions { id owner { id } } } }
    `);
    expect(data.strategies.map((s) => s.id).sort()).toEqual(['hso-innovation', 'rh-invitation', 'rm-opi', 'rsd-strategy']);
    const titles = data.strategies.map((s) => s.title);
    expect(titles).toEqual([...titles].sort());
    const missions = Object.fromEntries(data.strategies.map((s) => [s.id, s.missions.length]));
    expect(missions).toEqual({ 'rsd-strategy': 4, 'rh-invitation': 3, 'hso-innovation': 7, 'rm-opi': 5 });
    for (const strategy of data.strategies) for (const mission of strategy.missions) expect(mission.owner.id).toBe(strategy.publisher.id);
  });
});
