import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'names');

describe('organisation(id)', () => {
  it('returns an organisation with its kind, region, parent, units and aliases', async () => {
    const data = await api.client.request<{ organisation: Record<string, unknown> }>(gql`
      {
        organisation(id: "odense-universitetshospital") { name kind country aliases region { id } parent { id kind } units { id } }
      }
    `);
    expect(data.organisation).toMatchObject({ name: 'Odense Universitetshospital', kind: 'HOSPITAL', country: 'DK', region: { id: 'syddanmark' }, parent: { id: 'region-syddanmark', kind: 'REGION' } });
    expect(data.organisation.aliases).toContain('OUH');
    const [row] = await graph.read<{ n: number }>("MATCH (:Organisation {id: 'odense-universitetshospital'})<-[:PART_OF]-(u) RETURN count(u) AS n", {}, { tag: 'test' });
    expect((data.organisation.units as unknown[]).length).toBe(row!.n);
  });

  it('returns null for an unknown id', async () => {
    expect(await api.client.request(gql`{ organisation(id: "atlantis-kommune") { id } }`)).toEqual({ organisation: null });
  });

  it("pages through what it and its units nominated", async () => {
    type Nominated = { organisation: { nominated: { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const query = gql`
      query ($after: String) { organisation(id: "aarhus-kommune") { nominated(first: 2, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }
    `;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const data: Nominated = await api.client.request<Nominated>(query, { after });
      total = data.organisation.nominated.totalCount;
      seen.push(...data.organisation.nominated.edges.map((e) => e.node.id));
      after = data.organisation.nominated.pageInfo.hasNextPage ? data.organisation.nominated.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(['medborger-guider', 'min-video', 'mira', 'opgang-til-opgang', 'ukhome']);
    expect(total).toBe(5);
  });

  it('lists its people, adoptions and partnerships', async () => {
    const data = await api.client.request<{ organisation: { adopted: { innovation: { id: string }; mode: string; status: string }[] } }>(gql`
      { organisation(id: "thisted-kommune") { adopted { mode status innovation { id } } } }
    `);
    expect(data.organisation.adopted).toEqual([{ mode: 'ADAPT', status: 'ADOPTED', innovation: { id: 'affald-kolding' } }]);
  });
});

describe('organisations(filter)', () => {
  it('finds an organisation by an alias', async () => {
    const data = await api.client.request<{ organisations: { edges: { node: { id: string } }[] } }>(gql`
      { organisations(filter: { text: "OUH" }, first: 3) { edges { node { id } } } }
    `);
    expect(data.organisations.edges[0]!.node.id).toBe('odense-universitetshospital');
  });

  it('lists the municipalities of a region in name order, a page at a time', async () => {
    const query = gql`
      query ($after: String) {
        organisations(filter: { kinds: [MUNICIPALITY], regionIds: ["hovedstaden"] }, first: 4, after: $after) {
          totalCount edges { node { name } } pageInfo { hasNextPage endCursor }
        }
      }
    `;
    const expected = (await graph.read<{ name: string }>(
      "MATCH (o:Organisation {kind: 'MUNICIPALITY', region: 'hovedstaden'}) RETURN o.name AS name ORDER BY o.name, o.id",
      {},
      { tag: 'test' },
    )).map((r) => r.name);
    type Result = { organisations: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const names: string[] = [];
    let after: string | null = null;
    do {
      const data: Result = await api.client.request<Result>(query, { after });
      expect(data.organisations.totalCount).toBe(expected.length);
      names.push(...data.organisations.edges.map((e) => e.node.name));
      after = data.organisations.pageInfo.hasNextPage ? data.organisations.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(expected);
    expect(names).toContain('Københavns Kommune');
  });

  it('lists the units of a parent', async () => {
    const data = await api.client.request<{ organisations: { edges: { node: { id: string } }[] } }>(gql`
      { organisations(filter: { parentId: "aarhus-kommune" }, first: 50) { edges { node { id } } } }
    `);
    expect(data.organisations.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining(['aarhus-kommune-sociale-forhold-og-beskaeftigelse', 'aarhus-kommune-sociallaegeinstitutionen']));
  });

  it('rejects an unknown organisation kind written in the query, listing the allowed values', async () => {
    const error = (await api.client.request(gql`{ organisations(filter: { kinds: [CASTLE] }) { totalCount } }`).catch((e: unknown) => e)) as ClientError;
    expect(error.response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.response.errors![0]!.message).toMatch(/^Value "CASTLE" does not exist in "OrganisationKind" enum\. Allowed values: MUNICIPALITY, REGION, HOSPITAL, .*, OTHER\.$/);
  });
});

describe('Organisation.qualifiedName and code', () => {
  it('names a unit after its chain of parents from the top down, and a top-level organisation by its name', async () => {
    const data = await api.client.request<Record<string, { qualifiedName: string }>>(gql`
      {
        unit: organisation(id: "aarhus-kommune-sociale-forhold-og-beskaeftigelse") { qualifiedName }
        ward: organisation(id: "odense-universitetshospital-radiologisk-afdeling") { qualifiedName }
        top: organisation(id: "aarhus-kommune") { qualifiedName }
      }
    `);
    expect(data).toEqual({
      unit: { qualifiedName: 'Aarhus Kommune › Sociale Forhold og Beskæftigelse' },
      ward: { qualifiedName: 'Region Syddanmark › Odense Universitetshospital › Radiologisk Afdeling' },
      top: { qualifiedName: 'Aarhus Kommune' },
    });
  });

  it('reaches at most five parents up', async () => {
    const levels = [0, 1, 2, 3, 4, 5, 6].map((n) => ({ id: ns(`level-${n}`), name: `Niveau ${n}`, parent: n === 0 ? null : ns(`level-${n - 1}`) }));
    await graph.write(
      `UNWIND $levels AS level CREATE (:Organisation {id: level.id, name: level.name, kind: 'UNIT', country: 'DK'})
       WITH level WHERE level.parent IS NOT NULL
       MATCH (o:Organisation {id: level.id}), (p:Organisation {id: level.parent}) CREATE (o)-[:PART_OF]->(p)`,
      { levels },
      { tag: 'test.setup' },
    );
    const data = await api.client.request<{ organisation: { qualifiedName: string } }>(gql`query ($id: ID!) { organisation(id: $id) { qualifiedName } }`, { id: ns('level-6') });
    expect(data.organisation.qualifiedName).toBe('Niveau 1 › Niveau 2 › Niveau 3 › Niveau 4 › Niveau 5 › Niveau 6');
  });

  it('gives the official code where one is recorded, and null where none is', async () => {
    await graph.write(`CREATE (:Organisation {id: $id, name: 'Prøve Kommune', kind: 'MUNICIPALITY', country: 'DK', code: '999'})`, { id: ns('coded') }, { tag: 'test.setup' });
    const data = await api.client.request<Record<string, { code: string | null }>>(gql`query ($id: ID!) { coded: organisation(id: $id) { code } unit: organisation(id: "aarhus-kommune-sociale-forhold-og-beskaeftigelse") { code } }`, {
      id: ns('coded'),
    });
    expect(data).toEqual({ coded: { code: '999' }, unit: { code: null } });
  });
});

describe('person(id)', () => {
  it('returns a person with role, contact details, organisation and the innovations they answer for', async () => {
    const data = await api.client.request<{ person: { name: string; email: string; phone: string; organisation: { id: string }; innovations: { id: string }[] } }>(gql`
      { person(id: "maria-gaden") { name role email phone organisation { id } innovations { id } } }
    `);
    expect(data.person).toMatchObject({ name: 'Maria Gaden', email: 'maria.gaden@rm.dk' });
    expect(data.person.innovations.map((i) => i.id).sort()).toEqual(['nye-moebler-af-plastaffald', 'svanemaerket-hospitalsrengoering']);
  });

  it('returns null for an unknown id', async () => {
    expect(await api.client.request(gql`{ person(id: "nobody") { id } }`)).toEqual({ person: null });
  });
});
