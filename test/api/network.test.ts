import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { loadCoParticipation, networkDepths, networkEdges, type CoParticipation } from '../support/co-participation.js';
import { useTestGraph } from '../support/graph.js';
import { useQueryLog } from '../support/query-log.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const queries = useQueryLog(graph);

interface NetworkData {
  nodes: { id: string; label: string; kind: string; depth: number; organisation: { id: string; name: string; kind: string } }[];
  edges: { source: string; target: string; kind: string; weight: number; innovations: { id: string }[] }[];
  truncated: boolean;
}

const NETWORK = gql`
  query Network($id: ID!, $depth: Int, $first: Int) {
    partnerNetwork(organisationId: $id, depth: $depth, first: $first) {
      nodes { id label kind depth organisation { id name kind } }
      edges { source target kind weight innovations { id } }
      truncated
    }
  }
`;

async function networkOf(id: string, depth?: number, first?: number): Promise<NetworkData> {
  const data = await api.client.request<{ partnerNetwork: NetworkData | null }>(NETWORK, { id, depth, first });
  expect(data.partnerNetwork).not.toBeNull();
  return data.partnerNetwork!;
}

async function errorOf(variables: Record<string, unknown>): Promise<unknown> {
  const error = (await api.client.request(NETWORK, variables).catch((e: unknown) => e)) as ClientError;
  expect(error).toBeInstanceOf(ClientError);
  return error.response.errors![0];
}

const edgeKey = (e: { source: string; target: string; kind: string }) => `${e.source}|${e.target}|${e.kind}`;
const depthsOf = (network: NetworkData) => new Map(network.nodes.map((n) => [n.id, n.depth]));

/** What a drawing library needs: unique node ids, edges between them, each undirected pair once per kind. */
function expectDrawable(network: NetworkData): void {
  const ids = network.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const edge of network.edges) {
    expect(ids).toContain(edge.source);
    expect(ids).toContain(edge.target);
    expect(edge.source < edge.target, `${edge.source} < ${edge.target}`).toBe(true);
    expect(edge.weight).toBeGreaterThanOrEqual(1);
    expect(edge.innovations.length).toBe(Math.min(edge.weight, 10));
    expect(new Set(edge.innovations.map((i) => i.id)).size).toBe(edge.innovations.length);
  }
  const keys = network.edges.map(edgeKey);
  expect(new Set(keys).size).toBe(keys.length);
}

let model: CoParticipation;
beforeAll(async () => {
  model = await loadCoParticipation(graph);
});

describe('partnerNetwork', () => {
  it('puts every partner of an innovation one hop from its nominator, tied to it by that innovation', async () => {
    // seeds/catalogue/06-regional-state.json: Danske Regioner nominated VideoKonsultation with 13 partners.
    const partners = await graph.read<{ id: string }>(
      `MATCH (:Organisation {id: 'danske-regioner'})-[:NOMINATED]->(:Innovation {id: 'videokonsultation'})<-[:PARTNER_IN]-(p:Organisation) RETURN p.id AS id`,
      {},
      { tag: 'test' },
    );
    expect(partners.map((p) => p.id)).toEqual(expect.arrayContaining(['region-sjaelland', 'medconnect', 'sundhed-dk', 'sundhedsministeriet', 'danske-tandplejere']));
    expect(partners).toHaveLength(13);

    const network = await networkOf('danske-regioner');
    expect(network.nodes[0]).toMatchObject({ id: 'danske-regioner', label: 'Danske Regioner', kind: 'INTEREST_ORGANISATION', depth: 0 });
    for (const { id } of partners) {
      const node = network.nodes.find((n) => n.id === id);
      expect(node, id).toMatchObject({ depth: 1, organisation: { id } });
      const [source, target] = [id, 'danske-regioner'].sort();
      const edge = network.edges.find((e) => e.source === source && e.target === target && e.kind === 'PARTNERSHIP');
      expect(edge, id).toBeDefined();
      expect(edge!.weight).toBeGreaterThanOrEqual(1);
      expect(edge!.innovations.map((i) => i.id)).toContain('videokonsultation');
    }
    expectDrawable(network);
  });

  it('labels each node with its organisation\'s name and kind', async () => {
    const network = await networkOf('aarhus-kommune');
    const rows = await graph.read<{ id: string; name: string; kind: string }>(
      'UNWIND $ids AS id MATCH (o:Organisation {id: id}) RETURN o.id AS id, o.name AS name, o.kind AS kind',
      { ids: network.nodes.map((n) => n.id) },
      { tag: 'test' },
    );
    expect(rows).toHaveLength(network.nodes.length);
    for (const row of rows) expect(network.nodes.find((n) => n.id === row.id)).toMatchObject({ label: row.name, kind: row.kind, organisation: row });
  });

  it('counts what the centre\'s units took part in as the centre\'s, and keeps the units as nodes of their own', async () => {
    // MIRA was nominated by Sociallægeinstitutionen, a unit of Aarhus Kommune, with OS2, Occasio and DEFACTUM as partners.
    const network = await networkOf('aarhus-kommune', 1, 200);
    const depths = depthsOf(network);
    for (const id of ['aarhus-kommune-sociallaegeinstitutionen', 'occasio', 'os2', 'region-midtjylland-defactum', 'aarhus-kommune-center-for-mestring']) {
      expect(depths.get(id), id).toBe(1);
    }
    const tie = network.edges.find((e) => e.source === 'aarhus-kommune' && e.target === 'occasio');
    expect(tie).toMatchObject({ kind: 'PARTNERSHIP', innovations: [{ id: 'mira' }] });
    expect(network.truncated).toBe(false);
  });

  it('gives a unit as the centre only its own ties, not its parent\'s', async () => {
    const network = await networkOf('aarhus-kommune-sociallaegeinstitutionen', 1, 200);
    const expected = networkDepths(model, 'aarhus-kommune-sociallaegeinstitutionen', 1);
    expect(depthsOf(network)).toEqual(expected);
    expect(depthsOf(network).has('aarhus-kommune')).toBe(false);
  });

  it.each([
    ['aarhus-kommune', 1],
    ['aarhus-kommune', 2],
    ['danske-regioner', 2],
    ['kolding-kommune', 3],
    ['vejdirektoratet', 2],
    ['region-syddanmark', 1],
  ])('matches a breadth-first search of the seed graph around %s at depth %i, node for node and edge for edge', async (centre, depth) => {
    const expected = networkDepths(model, centre, depth);
    expect(expected.size).toBeLessThanOrEqual(200);
    const network = await networkOf(centre, depth, 200);
    expect(depthsOf(network)).toEqual(expected);
    expect(network.truncated).toBe(false);
    const edges = new Map(network.edges.map((e) => [edgeKey(e), e.weight]));
    expect(edges).toEqual(networkEdges(model, centre, [...expected.keys()]));
    expectDrawable(network);
  });

  it('ties the maker to the adopters of its innovation, but not the adopters to each other', async () => {
    // seeds/catalogue/01-finalists-a.json: Vallensbæk Kommune's traffic signals were taken up by Vejdirektoratet, Albertslund, Tårnby and Øresund.
    const network = await networkOf('vallensbaek-kommune', 1, 200);
    const adopters = ['albertslund-kommune', 'oeresund', 'taarnby-kommune', 'vejdirektoratet'];
    for (const adopter of adopters) {
      const [source, target] = [adopter, 'vallensbaek-kommune'].sort();
      const edge = network.edges.find((e) => e.source === source && e.target === target && e.kind === 'ADOPTION');
      expect(edge?.innovations.map((i) => i.id), adopter).toContain('intelligent-styring-af-trafiksignaler');
    }
    const betweenAdopters = network.edges.filter((e) => adopters.includes(e.source) && adopters.includes(e.target));
    for (const edge of betweenAdopters) expect(edge.innovations.map((i) => i.id)).not.toContain('intelligent-styring-af-trafiksignaler');
  });

  it('puts another adopter of the same innovation two hops away, through its makers', async () => {
    const network = await networkOf('vejdirektoratet', 2, 200);
    const depths = depthsOf(network);
    expect(depths.get('vallensbaek-kommune')).toBe(1);
    expect(depths.get('albertslund-kommune')).toBe(2);
  });

  it('counts an organisation that partnered in and adopted an innovation as a partner only', async () => {
    // Thisted Kommune is both a partner in and an adopter of Kolding's waste sorting (affald-kolding).
    const network = await networkOf('kolding-kommune', 1, 200);
    const ties = network.edges.filter((e) => e.source === 'kolding-kommune' && e.target === 'thisted-kommune');
    expect(ties.map((e) => e.kind)).toEqual(['PARTNERSHIP']);
    expect(ties[0]!.innovations.map((i) => i.id)).toContain('affald-kolding');
  });

  it('orders nodes nearest first, then by the weight of their ties to the centre', async () => {
    const network = await networkOf('aarhus-kommune', 2, 200);
    const depths = network.nodes.map((n) => n.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    const weightToCentre = (id: string) =>
      network.edges.filter((e) => (e.source === id && e.target === 'aarhus-kommune') || (e.target === id && e.source === 'aarhus-kommune')).reduce((sum, e) => sum + e.weight, 0);
    const firstLayer = network.nodes.filter((n) => n.depth === 1).map((n) => weightToCentre(n.id));
    expect(firstLayer).toEqual([...firstLayer].sort((a, b) => b - a));
    // Sociale Forhold og Beskæftigelse nominated four of Aarhus's innovations: the strongest tie.
    expect(network.nodes[1]).toMatchObject({ id: 'aarhus-kommune-sociale-forhold-og-beskaeftigelse', depth: 1 });
    expect(weightToCentre('aarhus-kommune-sociale-forhold-og-beskaeftigelse')).toBe(4);
  });

  it('keeps the first nodes in order and says so when first cuts the network', async () => {
    const whole = await networkOf('aarhus-kommune', 2, 200);
    expect(whole.truncated).toBe(false);
    const cut = await networkOf('aarhus-kommune', 2, 10);
    expect(cut.truncated).toBe(true);
    expect(cut.nodes.map((n) => n.id)).toEqual(whole.nodes.slice(0, 10).map((n) => n.id));
    const kept = new Set(cut.nodes.map((n) => n.id));
    expect(cut.edges).toEqual(whole.edges.filter((e) => kept.has(e.source) && kept.has(e.target)));
    expectDrawable(cut);
  });

  it('is not truncated when first is exactly the number of organisations within the depth', async () => {
    const size = networkDepths(model, 'thisted-kommune', 1).size;
    expect((await networkOf('thisted-kommune', 1, size)).truncated).toBe(false);
    expect((await networkOf('thisted-kommune', 1, size - 1)).truncated).toBe(true);
  });

  it('returns only the centre when first is 1', async () => {
    const network = await networkOf('danske-regioner', 1, 1);
    expect(network).toEqual({
      nodes: [{ id: 'danske-regioner', label: 'Danske Regioner', kind: 'INTEREST_ORGANISATION', depth: 0, organisation: { id: 'danske-regioner', name: 'Danske Regioner', kind: 'INTEREST_ORGANISATION' } }],
      edges: [],
      truncated: true,
    });
  });

  it('defaults to depth 1 and 50 nodes', async () => {
    const network = await networkOf('region-hovedstaden');
    expect(Math.max(...network.nodes.map((n) => n.depth))).toBe(1);
    expect(network.nodes).toHaveLength(50);
    expect(network.truncated).toBe(networkDepths(model, 'region-hovedstaden', 1).size > 50);
  });

  it('returns a lone centre with no edges for an organisation that shares no innovation', async () => {
    const [lone] = await graph.read<{ id: string }>(
      'MATCH (o:Organisation) WHERE NOT EXISTS { (o)-[:NOMINATED|MADE|PARTNER_IN|ADOPTED]->() } AND NOT EXISTS { (o)<-[:PART_OF]-() } RETURN o.id AS id ORDER BY o.id LIMIT 1',
      {},
      { tag: 'test' },
    );
    const network = await networkOf(lone!.id, 3);
    expect(network.nodes.map((n) => n.id)).toEqual([lone!.id]);
    expect(network.edges).toEqual([]);
    expect(network.truncated).toBe(false);
  });

  it('returns null for an unknown organisation', async () => {
    const data = await api.client.request<{ partnerNetwork: NetworkData | null }>(NETWORK, { id: 'no-such-organisation' });
    expect(data.partnerNetwork).toBeNull();
  });

  it.each([
    [{ depth: 0 }, 'depth must be a whole number from 1 to 3, got 0', 'depth'],
    [{ depth: 4 }, 'depth must be a whole number from 1 to 3, got 4', 'depth'],
    [{ first: 0 }, 'first must be a whole number from 1 to 200, got 0', 'first'],
    [{ first: 201 }, 'first must be a whole number from 1 to 200, got 201', 'first'],
  ])('rejects %o with a message that states the rule', async (bounds, message, field) => {
    expect(await errorOf({ id: 'aarhus-kommune', ...bounds })).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });
});

describe('partnerNetwork round trips', () => {
  it('costs one query for the network, one batch for the innovations its edges name, none when they are not asked for', async () => {
    const network = await networkOf('kolding-kommune', 2, 30);
    expect(network.edges.some((e) => e.innovations.length > 0)).toBe(true);
    expect(queries.tags).toEqual(['network.partners', 'innovation.byId']);

    queries.tags.length = 0;
    await api.client.request(gql`{ partnerNetwork(organisationId: "kolding-kommune", depth: 2, first: 30) { nodes { id } edges { source target weight } } }`);
    expect(queries.tags).toEqual(['network.partners']);
  });
});
