import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Similar {
  innovation: { id: string; title: string; retired: boolean };
  score: number;
  reasons: string[];
}
const SIMILAR = gql`
  query ($id: ID!, $first: Int) {
    similarInnovations(innovationId: $id, first: $first) { innovation { id title retired } score reasons }
  }
`;
const similar = async (id: string, first?: number) => (await api.client.request<{ similarInnovations: Similar[] }>(SIMILAR, { id, first })).similarInnovations;
const failure = async (id: string, first?: number) => ((await similar(id, first).catch((e: unknown) => e)) as ClientError).response.errors![0];

const VIDEO = ['videokonsultation', 'laeringsplatform-videokonsultationer', 'videokonsultationer-gynaekologisk-ambulatorium-ouh'];

describe('similarInnovations', () => {
  it('finds the video-consultation innovations from each other among the top three', async () => {
    for (const id of VIDEO) {
      const top = (await similar(id, 3)).map((s) => s.innovation.id);
      expect(top, `similar to ${id}`).toEqual(expect.arrayContaining(VIDEO.filter((other) => other !== id)));
    }
  });

  it('finds every other innovation the full-text index finds for "videokonsultation" among the top ten', async () => {
    const rows = await graph.read<{ id: string }>(
      "CALL db.index.fulltext.queryNodes('innovation_text', 'videokonsultation') YIELD node RETURN node.id AS id",
      {},
      { tag: 'test' },
    );
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([...VIDEO, 'sikker-sundhedsdata-fra-patient-til-personale']));
    const found = (await similar('videokonsultation')).map((s) => s.innovation.id);
    expect(found).toEqual(expect.arrayContaining(ids.filter((id) => id !== 'videokonsultation')));
  });

  it('explains each overlap in English, strongest first', async () => {
    const [first] = await similar('videokonsultation', 1);
    expect(first!.innovation.id).toBe('videokonsultationer-gynaekologisk-ambulatorium-ouh');
    // Both are about health and telemedicine (2 of 3 themes), both mention video consultations,
    // both are regional; Danske Regioner and an OUH ward are not the same kind of organisation.
    expect(first!.reasons).toEqual([
      'Both are about Health and about Telemedicine and remote care',
      'Similar wording in title and target group',
      'Both are in the regional sector',
    ]);

    const learning = (await similar('laeringsplatform-videokonsultationer')).find((s) => s.innovation.id === 'videokonsultationer-gynaekologisk-ambulatorium-ouh');
    // Both come from the gynaecological ward of Odense Universitetshospital.
    expect(learning!.reasons).toContain('Both come from hospitals');
    expect(learning!.reasons).toContain('Both are about Telemedicine and remote care');
  });

  it('names the partners two innovations share', async () => {
    const kolding = (await similar('affald-kolding', 50)).find((s) => s.innovation.id === 'nye-moebler-af-plastaffald');
    expect(kolding!.reasons).toContain('Shares the partner Randers Kommune');

    const traffic = (await similar('intelligent-styring-af-trafiksignaler', 50)).find((s) => s.innovation.id === 'os2iot');
    expect(traffic!.reasons).toContain('Shares the partners Gate 21 and Region Hovedstaden');
  });

  it('scores in (0, 1], best first, and never lists the innovation itself or a retired one', async () => {
    for (const id of ['min-video', 'affald-kolding', 'videokonsultation', 'bedre-soevn-uden-medicin']) {
      const rows = await similar(id, 50);
      expect(rows.length, `similar to ${id}`).toBeGreaterThan(5);
      const scores = rows.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const row of rows) {
        expect(row.score).toBeGreaterThan(0);
        expect(row.score).toBeLessThanOrEqual(1);
        expect(row.reasons.length).toBeGreaterThan(0);
        expect(row.innovation.retired).toBe(false);
      }
      expect(rows.map((r) => r.innovation.id)).not.toContain(id);
      expect(new Set(rows.map((r) => r.innovation.id)).size).toBe(rows.length);
    }
  });

  it('does not call innovations similar only because they share a sector or a kind of organisation', async () => {
    for (const row of await similar('min-video', 50)) {
      const substantive = row.reasons.filter((r) => r.startsWith('Both are about') || r.startsWith('Shares the partner') || r === 'Similar wording in title and target group');
      expect(substantive, row.innovation.id).not.toEqual([]);
    }
  });

  it('returns ten by default and as many as first asks for', async () => {
    expect(await similar('videokonsultation')).toHaveLength(10);
    expect(await similar('videokonsultation', 3)).toHaveLength(3);
  });

  it('answers an unknown innovation with an empty list', async () => {
    expect(await similar('no-such-innovation')).toEqual([]);
  });

  it('rejects first outside 1 to 50', async () => {
    for (const first of [0, 51, -3]) {
      expect(await failure('videokonsultation', first)).toMatchObject({
        message: `first must be a whole number from 1 to 50, got ${first}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('costs at most two database queries', async () => {
    let queries = 0;
    const stop = graph.onQuery(() => {
      queries += 1;
    });
    try {
      await similar('videokonsultation', 50);
    } finally {
      stop();
    }
    expect(queries).toBeLessThanOrEqual(2);
  });
});
