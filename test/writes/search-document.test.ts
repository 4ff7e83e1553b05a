import { gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'searchdoc');

const ADD_PARTNER = gql`
  mutation ($innovationId: ID!, $organisationId: ID!, $role: String!) {
    addPartnership(innovationId: $innovationId, organisationId: $organisationId, role: $role) { problem { code message } }
  }
`;
const RENAME = gql`
  mutation ($id: ID!, $name: String!) { updateOrganisation(id: $id, input: { name: $name }) { problem { code message } } }
`;
const FOUND = gql`
  query ($text: String!) { search(text: $text, first: 50) { edges { node { ... on Innovation { id } } } } }
`;

let editor: { authorization: string };
const found = async (text: string) =>
  (await api.client.request<{ search: { edges: { node: { id?: string } }[] } }>(FOUND, { text })).search.edges.map((e) => e.node.id).filter(Boolean);
const partnersText = async (id: string) =>
  (await graph.read<{ text: string }>('MATCH (i:Innovation {id: $id}) RETURN i.searchPartners AS text', { id }, { tag: 'test' }))[0]!.text;

async function innovationWithPartner(key: string, partnerName: string): Promise<{ innovation: string; partner: string }> {
  const innovation = ns(`${key}-innovation`);
  const partner = ns(`${key}-partner`);
  await graph.write(
    `CREATE (i:Innovation {id: $innovation, title: 'Kvilderhusmodellen', summary: 'En prøve.', kind: 'MAIN_CASE', types: [], coronaRelated: false})
     CREATE (:Organisation {id: $partner, name: $partnerName, kind: 'COMPANY', country: 'DK'})-[:PARTNER_IN {role: 'leverandør'}]->(i)`,
    { innovation, partner, partnerName },
    { tag: 'test' },
  );
  return { innovation, partner };
}

describe('the search document of an innovation', () => {
  beforeAll(async () => {
    editor = await bearer('editor', ns('editor'));
  });

  it('follows every write: a new partner\'s role and a partner\'s new name are found at once', async () => {
    const { innovation, partner } = await innovationWithPartner('follow', 'Plumrevirke');
    const other = ns('follow-other');
    await graph.write("CREATE (:Organisation {id: $id, name: 'Brusketavl', kind: 'COMPANY', country: 'DK'})", { id: other }, { tag: 'test' });
    expect(await found('snurrevaadsrådgiver')).not.toContain(innovation);
    await api.client.request(ADD_PARTNER, { innovationId: innovation, organisationId: other, role: 'snurrevaadsrådgiver' }, editor);
    expect(await found('snurrevaadsrådgiver')).toContain(innovation);
    await api.client.request(RENAME, { id: partner, name: 'Kvabsetømrer' }, editor);
    expect(await found('kvabsetømrer')).toContain(innovation);
    expect(await found('plumrevirke')).not.toContain(innovation);
  });

  it('keeps both changes when a partner is added while another partner is renamed', async () => {
    for (let round = 0; round < 6; round += 1) {
      const { innovation, partner } = await innovationWithPartner(`race${round}`, `Gammelnavn${round}`);
      const added = ns(`race${round}-added`);
      await graph.write("CREATE (:Organisation {id: $id, name: $name, kind: 'COMPANY', country: 'DK'})", { id: added, name: `Tilkommen${round}` }, { tag: 'test' });
      const answers = await Promise.all([
        api.client.request<{ addPartnership: { problem: unknown } }>(ADD_PARTNER, { innovationId: innovation, organisationId: added, role: 'samarbejdspartner' }, editor),
        api.client.request<{ updateOrganisation: { problem: unknown } }>(RENAME, { id: partner, name: `Nytnavn${round}` }, editor),
      ]);
      expect(answers.map((a) => Object.values(a)[0])).toEqual([{ problem: null }, { problem: null }]);
      const text = await partnersText(innovation);
      expect(text, `round ${round}`).toContain(`Nytnavn${round}`);
      expect(text, `round ${round}`).toContain(`Tilkommen${round}`);
      expect(text, `round ${round}`).not.toContain(`Gammelnavn${round}`);
    }
  });
});
