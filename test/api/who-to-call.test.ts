import { ClientError, gql } from 'graphql-request';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'who');

interface Suggestion {
  person: { id: string; name: string; email: string | null; phone: string | null };
  reason: string;
  score: number;
}
interface Asker {
  org?: string;
  region?: string;
  kind?: string;
  first?: number;
  lang?: string;
}
const WHO_TO_CALL = gql`
  query ($id: ID!, $org: ID, $region: ID, $kind: OrganisationKind, $first: Int, $lang: Language) {
    whoToCall(innovationId: $id, forOrganisationId: $org, forRegionId: $region, forKind: $kind, first: $first, lang: $lang) { person { id name email phone } reason score }
  }
`;
const whoToCall = async (id: string, a: Asker = {}) =>
  (await api.client.request<{ whoToCall: Suggestion[] }>(WHO_TO_CALL, { id, org: a.org, region: a.region, kind: a.kind, first: a.first, lang: a.lang })).whoToCall;
const failure = async (id: string, a: Asker) => ((await whoToCall(id, a).catch((e: unknown) => e)) as ClientError).response.errors![0];

const ids = (suggestions: Suggestion[]) => suggestions.map((s) => s.person.id);

/** The tier a suggestion's (English) reason says it belongs to. */
function tierOf(s: Suggestion): 1 | 2 | 3 {
  if (s.reason.includes(', an innovation similar to "')) return 3;
  if (s.reason.startsWith('Named in the record') || s.reason.includes(', which ')) return 2;
  return 1;
}

describe('whoToCall', () => {
  it('suggests the reuse contact of "Min Video" first, in Danish by default: Jens Bolwig, with his e-mail', async () => {
    const [first] = await whoToCall('min-video');
    expect(first).toEqual({
      person: { id: 'jens-bolwig', name: 'Jens Bolwig', email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25' },
      reason: 'Står som kontakt for genbrug af "Min Video" (Aarhus Kommune).',
      score: 1,
    });
    const [english] = await whoToCall('min-video', { lang: 'EN' });
    expect(english!.reason).toBe('Listed as the reuse contact for "Min Video" (Aarhus Kommune).');
  });

  it('answers any Danish municipality, e.g. Vejle Kommune asking about Mandefællesskaber', async () => {
    const suggestions = await whoToCall('mandefaellesskaber', { org: 'vejle-kommune', lang: 'EN' });
    expect(suggestions[0]).toMatchObject({ person: { id: 'jeanne-schlenzig' } });
    expect(suggestions[0]!.reason).toMatch(/^Listed as the reuse contact for "Mandefællesskaber" \(Roskilde Kommune\); same kind of organisation as you\.$/);
  });

  it('lets an asker outside the graph say its region and kind', async () => {
    const suggestions = await whoToCall('mandefaellesskaber', { region: 'syddanmark', kind: 'MUNICIPALITY', lang: 'EN', first: 20 });
    expect(suggestions[0]!.person.id).toBe('jeanne-schlenzig');
    expect(suggestions[0]!.reason).toMatch(/; same kind of organisation as you\.$/);
    expect(suggestions.some((s) => s.reason.endsWith('; same region as you.'))).toBe(true);
  });

  it('never suggests people only because they work at an adopting organisation', async () => {
    // Tårnby Kommune, Albertslund and Vejdirektoratet took up or tested the traffic signals; their
    // staff in the graph work on other innovations, and no adoption's evidence names them.
    for (const [innovation, staff] of [
      ['intelligent-styring-af-trafiksignaler', ['bo-hammer', 'anne-mette-holme-bertelsen']],
      ['nye-sproejter-halverer-medicinforbrug', ['soeren-vingtoft', 'claus-bogh-juhl']],
    ] as const) {
      const suggestions = await whoToCall(innovation, { first: 50, lang: 'EN' });
      for (const s of suggestions.filter((x) => (staff as readonly string[]).includes(x.person.id))) expect(tierOf(s), s.reason).toBe(3);
      expect(suggestions.filter((s) => s.reason.startsWith('Named in the record')), innovation).toEqual([]);
    }
  });

  describe('with a person the adoption\'s evidence names', () => {
    beforeAll(async () => {
      await graph.write(
        `CREATE (o:Organisation {id: $org, name: 'Testby Kommune', kind: 'MUNICIPALITY', country: 'DK', region: 'nordjylland'})
         CREATE (:Person {id: $named, name: 'Testa Navnesen', email: 'tn@testby.dk'})-[:WORKS_FOR]->(o)
         CREATE (:Person {id: $other, name: 'Anden Ansat', email: 'aa@testby.dk'})-[:WORKS_FOR]->(o)
         WITH o MATCH (i:Innovation {id: 'min-video'})
         CREATE (o)-[:ADOPTED {mode: 'COPY', status: 'ADOPTED', year: 2022, evidence: 'Testa Navnesen har ført Min Video ind i hjemmeplejen.'}]->(i)`,
        { org: ns('testby'), named: ns('named'), other: ns('other') },
        { tag: 'test' },
      );
    });

    it('suggests that person after the own contacts, and nobody else at the adopter', async () => {
      const suggestions = await whoToCall('min-video', { first: 50, lang: 'EN' });
      const named = suggestions.find((s) => s.person.id === ns('named'))!;
      expect(named.reason).toBe('Named in the record of how Testby Kommune copied "Min Video" in 2022.');
      expect(tierOf(named)).toBe(2);
      expect(ids(suggestions)).not.toContain(ns('other'));
    });
  });

  it('suggests the contact of an innovation built on it, naming how it built on it', async () => {
    const [first] = await whoToCall('scanvogns-handicaptoilet', { lang: 'EN' });
    expect(first!.person.id).toBe('anne-m-schlunsen');
    expect(first!.reason).toBe(
      'Listed as the reuse contact for "Mobilt handicaptoilet øger frihed, uafhængighed og spontanitet" (Test- og Udviklingscenter for Velfærdsteknologi), which adapted "Scanvogns handicaptoilet".',
    );
    expect(first!.score).toBeGreaterThanOrEqual(0.5);
    expect(first!.score).toBeLessThan(0.8);
  });

  it('takes the third tier from innovations above the similarity threshold only, with what they share', async () => {
    const suggestions = await whoToCall('mandefaellesskaber', { first: 50, lang: 'EN' });
    const similarTier = suggestions.filter((s) => tierOf(s) === 3);
    expect(similarTier.length).toBeGreaterThan(0);
    for (const s of similarTier) expect(s.reason).toMatch(/, an innovation similar to "Mandefællesskaber": (both are about|both speak of|shares the partner)/);
    // Fif for unge, the other project against loneliness, lends the first similar contact.
    expect(similarTier[0]!.reason).toContain('"Fif for unge');
  });

  it('lists each person once, with their best link', async () => {
    // Jonas Iversen is the contact to follow OS2iot and works for Aarhus Kommune, which copied it.
    const suggestions = await whoToCall('os2iot', { first: 50, lang: 'EN' });
    expect(ids(suggestions).filter((id) => id === 'jonas-iversen')).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({
      person: { id: 'jonas-iversen' },
      reason: 'Listed as the contact to follow "OS2iot – en samlet platform for Internet of Things" (Aarhus Kommune).',
    });
    for (const id of ['min-video', 'affald-kolding', 'nye-sproejter-halverer-medicinforbrug', 'videokonsultation']) {
      const all = ids(await whoToCall(id, { first: 50 }));
      expect(new Set(all).size, id).toBe(all.length);
    }
  });

  it('scores in (0, 1], best first, in bands that never let a later tier outrank an earlier one', async () => {
    const bands = { 1: [0.8, 1], 2: [0.5, 0.8], 3: [0, 0.5] } as const;
    for (const [id, org] of [
      ['os2iot', undefined],
      ['intelligent-styring-af-trafiksignaler', 'taarnby-kommune'],
      ['nye-sproejter-halverer-medicinforbrug', 'odense-kommune'],
      ['scanvogns-handicaptoilet', undefined],
    ] as const) {
      const suggestions = await whoToCall(id, { org, first: 50, lang: 'EN' });
      const scores = suggestions.map((s) => s.score);
      expect(scores, id).toEqual([...scores].sort((a, b) => b - a));
      const tiers = suggestions.map(tierOf);
      expect(tiers, id).toEqual([...tiers].sort());
      for (const s of suggestions) {
        const [low, high] = bands[tierOf(s)];
        expect(s.score, s.reason).toBeGreaterThan(low === 0 ? 0 : low - 1e-9);
        if (high === 1) expect(s.score).toBeLessThanOrEqual(1);
        else expect(s.score, s.reason).toBeLessThan(high);
      }
    }
  });

  it('says when the person works in the asking organisation or one of its units', async () => {
    const [same] = await whoToCall('min-video', { org: 'aarhus-kommune', lang: 'EN' });
    expect(same).toMatchObject({ person: { id: 'jens-bolwig' }, reason: 'Listed as the reuse contact for "Min Video" (Aarhus Kommune); works in your organisation.', score: 1 });

    const [unit] = await whoToCall('min-video', { org: 'aarhus-kommune-sociale-forhold-og-beskaeftigelse' });
    expect(unit!.reason).toBe('Står som kontakt for genbrug af "Min Video" (Aarhus Kommune); i samme organisation som dig.');
    expect(unit!.score).toBeGreaterThan(0.8);
    expect(unit!.score).toBeLessThan(1);
  });

  it('lets closeness order people whose links are equally strong, never a weak link over a strong one', async () => {
    // The traffic signals have two reuse contacts, at Vallensbæk Kommune and at Gate 21.
    const plain = await whoToCall('intelligent-styring-af-trafiksignaler');
    const fromVallensbaek = await whoToCall('intelligent-styring-af-trafiksignaler', { org: 'vallensbaek-kommune' });
    expect(ids(fromVallensbaek)[0]).toBe('johanne-hoegsholm');
    expect(fromVallensbaek[0]!.score).toBeGreaterThan(fromVallensbaek[1]!.score);
    expect(ids(fromVallensbaek).slice(0, 2).sort()).toEqual(ids(plain).slice(0, 2).sort());
    expect(fromVallensbaek.slice(2).every((s) => s.score < 0.8)).toBe(true);
  });

  it('returns at most as many as first asks for, ten by default', async () => {
    expect((await whoToCall('videokonsultation')).length).toBeLessThanOrEqual(10);
    expect(await whoToCall('videokonsultation', { first: 2 })).toHaveLength(2);
  });

  it('answers an unknown innovation with an empty list', async () => {
    expect(await whoToCall('no-such-innovation')).toEqual([]);
  });

  it('rejects an asking organisation or region that does not exist', async () => {
    expect(await failure('min-video', { org: 'x' })).toMatchObject({
      message: 'forOrganisationId names no organisation: "x"; an asker not in the graph can give forRegionId and forKind instead',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await failure('min-video', { region: 'atlantis' })).toMatchObject({ message: 'forRegionId names no region: "atlantis"', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await failure('min-video', { kind: 'CASTLE' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('rejects first outside 1 to 50', async () => {
    for (const first of [0, 51]) {
      expect(await failure('min-video', { first })).toMatchObject({
        message: `first must be a whole number from 1 to 50, got ${first}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('costs three database queries, the people\'s organisations included', async () => {
    await whoToCall('videokonsultation'); // the word statistics are read once, then kept
    const tags: string[] = [];
    const stop = graph.onQuery((event) => tags.push(event.tag));
    let answer: { whoToCall: { person: { organisation: { id: string; name: string } | null } }[] };
    try {
      answer = await api.client.request(
        gql`query ($id: ID!, $org: ID) { whoToCall(innovationId: $id, forOrganisationId: $org, first: 50) { person { id organisation { id name } } } }`,
        { id: 'nye-sproejter-halverer-medicinforbrug', org: 'holbaek-kommune' },
      );
    } finally {
      stop();
    }
    expect(answer.whoToCall.filter((s) => s.person.organisation !== null).length).toBeGreaterThan(0);
    expect(tags).toEqual(['whoToCall.start', 'innovation.similar', 'whoToCall.suggestions']);
  });
});
