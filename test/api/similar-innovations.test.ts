import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'similar');

interface Similar {
  innovation: { id: string; title: string; retired: boolean };
  score: number;
  reasons: string[];
}
const SIMILAR = gql`
  query ($id: ID!, $first: Int, $lang: Language) {
    similarInnovations(innovationId: $id, first: $first, lang: $lang) { innovation { id title retired } score reasons }
  }
`;
const TO_TEXT = gql`
  query ($text: String!, $first: Int, $lang: Language) {
    similarToText(text: $text, first: $first, lang: $lang) { innovation { id title retired } score reasons }
  }
`;
const similar = async (id: string, first?: number, lang?: string) =>
  (await api.client.request<{ similarInnovations: Similar[] }>(SIMILAR, { id, first, lang })).similarInnovations;
const toText = async (text: string, first?: number, lang?: string) => (await api.client.request<{ similarToText: Similar[] }>(TO_TEXT, { text, first, lang })).similarToText;
const failure = async (promise: Promise<unknown>) => ((await promise.catch((e: unknown) => e)) as ClientError).response.errors![0];

const VIDEO = ['videokonsultation', 'laeringsplatform-videokonsultationer', 'videokonsultationer-gynaekologisk-ambulatorium-ouh'];

describe('similarInnovations', () => {
  it('finds the video-consultation innovations from each other among the top four', async () => {
    for (const id of VIDEO) {
      const top = (await similar(id, 4)).map((s) => s.innovation.id);
      expect(top, `similar to ${id}`).toEqual(expect.arrayContaining(VIDEO.filter((other) => other !== id)));
    }
  });

  it('puts the other loneliness project first for Mandefællesskaber, not a medicine or a purchase', async () => {
    // Mandefællesskaber: peer groups against loneliness for men over 60; Fif for unge: a toolbox
    // against loneliness among young people.
    const [first] = await similar('mandefaellesskaber', 3);
    expect(first!.innovation.id).toBe('fif-for-unge');
    expect((await similar('mandefaellesskaber', 10)).map((s) => s.innovation.id)).not.toContain('nye-sproejter-halverer-medicinforbrug');
  });

  it('puts the Dutch GPS traffic control first for the intelligent traffic signals it inspired', async () => {
    const [first] = await similar('intelligent-styring-af-trafiksignaler', 1);
    expect(first!.innovation.id).toBe('technolution-gps-trafikstyring-holland');
  });

  it('names what is shared, in Danish by default and in English on request', async () => {
    const danish = (await similar('mandefaellesskaber')).find((s) => s.innovation.id === 'fif-for-unge')!;
    expect(danish.reasons.join(' ')).toMatch(/Begge taler om .*ensomme/);
    expect(danish.reasons.join(' ')).toMatch(/Begge handler om .*"Psykiatri og mental sundhed"/);
    const english = (await similar('mandefaellesskaber', 10, 'EN')).find((s) => s.innovation.id === 'fif-for-unge')!;
    expect(english.reasons.join(' ')).toMatch(/Both are about .*"Mental health"/);
    expect(english.reasons.join(' ')).toMatch(/Both speak of .*ensomme/);
  });

  it('follows Accept-Language when no lang is given', async () => {
    const data = await api.client.request<{ similarInnovations: Similar[] }>(SIMILAR, { id: 'mandefaellesskaber', first: 3 }, { 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' });
    expect(data.similarInnovations[0]!.reasons.join(' ')).toMatch(/^Both /);
  });

  it('names the partners two innovations share', async () => {
    const rows = await similar('intelligent-styring-af-trafiksignaler', 10, 'EN');
    const iot = rows.find((s) => s.innovation.id === 'os2iot');
    expect(iot!.reasons).toContain('Shares the partners Region Hovedstaden and Gate 21');
  });

  it('scores from the threshold to 1, best first, and never lists the innovation itself', async () => {
    for (const id of ['min-video', 'mandefaellesskaber', 'affald-kolding']) {
      const rows = await similar(id, 50);
      const scores = rows.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const row of rows) {
        expect(row.score).toBeGreaterThanOrEqual(0.15);
        expect(row.score).toBeLessThanOrEqual(1);
        expect(row.reasons.length).toBeGreaterThan(0);
      }
      expect(rows.map((r) => r.innovation.id)).not.toContain(id);
      expect(new Set(rows.map((r) => r.innovation.id)).size).toBe(rows.length);
    }
  });

  it('never lists a retired innovation, not even one that would be the best match', async () => {
    // A copy of Mandefællesskaber in this file's namespace: the best match for it and for its
    // own wording until an admin retires it through the API. It stays retired in the namespace,
    // which is removed when the file ends, so no other test sees it.
    const twin = ns('twin');
    const [original] = await graph.read<{ text: string }>(
      "MATCH (m:Innovation {id: 'mandefaellesskaber'}) RETURN m.title + ' ' + coalesce(m.targetGroup, '') + ' ' + m.summary AS text",
      {},
      { tag: 'test' },
    );
    await graph.write(
      `MATCH (m:Innovation {id: 'mandefaellesskaber'})
       CREATE (t:Innovation {id: $id, title: m.title, summary: m.summary, targetGroup: m.targetGroup, kind: 'MAIN_CASE', types: [], coronaRelated: false,
                             searchTopics: '', searchEffects: '', searchSpread: '', searchPartners: ''})
       WITH m, t MATCH (m)-[:ABOUT]->(theme:Theme) CREATE (t)-[:ABOUT]->(theme)`,
      { id: twin },
      { tag: 'test' },
    );
    const description = original!.text.slice(0, 5_000);
    const NEIGHBOURS = ['mandefaellesskaber', 'fif-for-unge'];
    expect((await similar('mandefaellesskaber', 1))[0]!.innovation).toEqual({ id: twin, title: expect.any(String), retired: false });
    for (const id of NEIGHBOURS) expect((await similar(id, 50)).map((s) => s.innovation.id), `similar to ${id}`).toContain(twin);
    expect((await toText(description, 5)).map((s) => s.innovation.id)).toContain(twin);

    const retired = await api.client.request<{ retireInnovation: { innovation: { id: string; retired: boolean } | null; problem: unknown } }>(
      gql`
        mutation ($id: ID!, $reason: String!) {
          retireInnovation(id: $id, reason: $reason) { innovation { id retired } problem { code message } }
        }
      `,
      { id: twin, reason: 'Dublet af Mandefællesskaber.' },
      await bearer('admin', ns('admin')),
    );
    expect(retired.retireInnovation).toEqual({ innovation: { id: twin, retired: true }, problem: null });

    for (const id of NEIGHBOURS) {
      const rows = await similar(id, 50);
      expect(rows.length, `similar to ${id}`).toBeGreaterThan(0);
      expect(rows.map((s) => s.innovation.id), `similar to ${id}`).not.toContain(twin);
      expect(rows.every((s) => !s.innovation.retired)).toBe(true);
    }
    const toDescription = await toText(description, 50);
    expect(toDescription[0]!.innovation.id).toBe('mandefaellesskaber');
    expect(toDescription.map((s) => s.innovation.id)).not.toContain(twin);
  });

  it('returns fewer answers than asked rather than padding the list with weak ones', async () => {
    const rows = await similar('mandefaellesskaber', 50);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(50);
    expect(await similar('videokonsultation', 3)).toHaveLength(3);
  });

  it('answers an unknown innovation with an empty list', async () => {
    expect(await similar('no-such-innovation')).toEqual([]);
  });

  it('rejects first outside 1 to 50', async () => {
    for (const first of [0, 51, -3]) {
      expect(await failure(similar('videokonsultation', first))).toMatchObject({
        message: `first must be a whole number from 1 to 50, got ${first}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('costs at most three database queries', async () => {
    let queries = 0;
    const stop = graph.onQuery(() => {
      queries += 1;
    });
    try {
      await similar('videokonsultation', 50);
    } finally {
      stop();
    }
    // The innovation, its candidates, and (at most once per ten minutes) the word statistics.
    expect(queries).toBeLessThanOrEqual(3);
  });
});

describe('similarToText', () => {
  it('finds the projects a description of a new one resembles ("is someone already doing this?")', async () => {
    const rows = await toText('Vi vil mindske ensomheden blandt ældre mænd gennem faste samtalegrupper', 5, 'EN');
    expect(rows[0]!.innovation.id).toBe('mandefaellesskaber');
    expect(rows[0]!.reasons[0]).toMatch(/^Both speak of /);
  });

  it('compares an English description with the Danish innovations', async () => {
    const rows = await toText('Peer groups for lonely older men', 3, 'EN');
    expect(rows[0]!.innovation.id).toBe('mandefaellesskaber');
  });

  it('gives every answer a reason that names what is shared', async () => {
    for (const text of ['kvantecomputer til skatteberegning', 'app for waste sorting and recycling', 'Samtalegrupper mod ensomhed']) {
      for (const row of await toText(text, 10, 'EN')) expect(row.reasons.length, `${text}: ${row.innovation.id}`).toBeGreaterThan(0);
    }
  });

  it('returns nothing for a text that shares nothing telling with any innovation', async () => {
    expect(await toText('qwxz plorbniks vratagemål')).toEqual([]);
  });

  it('rejects a text that is too short or too long', async () => {
    expect(await failure(toText('a'))).toMatchObject({ message: 'text must be 3 to 5,000 characters, got 1', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await failure(toText("x".repeat(5001)))).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });
});
