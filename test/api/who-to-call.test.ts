import { ClientError, gql } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';

const graph = useTestGraph();
const api = useTestApi(graph);

interface Suggestion {
  person: { id: string; name: string; email: string | null; phone: string | null };
  reason: string;
  score: number;
}
const WHO_TO_CALL = gql`
  query ($id: ID!, $org: ID, $first: Int) {
    whoToCall(innovationId: $id, forOrganisationId: $org, first: $first) { person { id name email phone } reason score }
  }
`;
const whoToCall = async (id: string, options: { org?: string; first?: number } = {}) =>
  (await api.client.request<{ whoToCall: Suggestion[] }>(WHO_TO_CALL, { id, org: options.org, first: options.first })).whoToCall;
const failure = async (id: string, options: { org?: string; first?: number }) =>
  ((await whoToCall(id, options).catch((e: unknown) => e)) as ClientError).response.errors![0];

const ids = (suggestions: Suggestion[]) => suggestions.map((s) => s.person.id);
const rank = (suggestions: Suggestion[], personId: string) => ids(suggestions).indexOf(personId);

/** The tier a suggestion's reason says it belongs to. */
function tierOf(s: Suggestion): 1 | 2 | 3 {
  if (s.reason.includes(', an innovation similar to "')) return 3;
  if (s.reason.startsWith('Works at ') || s.reason.includes(', which ')) return 2;
  return 1;
}

describe('whoToCall', () => {
  it('suggests the reuse contact of "Min Video" first: Jens Bolwig, with his e-mail', async () => {
    const [first] = await whoToCall('min-video');
    expect(first).toEqual({
      person: { id: 'jens-bolwig', name: 'Jens Bolwig', email: 'jbol@aarhus.dk', phone: '+45 29 20 84 25' },
      reason: 'Listed as the reuse contact for "Min Video" (Aarhus Kommune).',
      score: 1,
    });
  });

  it('puts the own contacts of the waste app first and then, as no adopter has staff with contact details, contacts of similar innovations', async () => {
    const [facts] = await graph.read<{ adopterStaff: number; builtOn: number }>(
      `MATCH (i:Innovation {id: 'affald-kolding'})
       RETURN COUNT { (i)<-[:ADOPTED]-(:Organisation)<-[:PART_OF*0..2]-(:Organisation)<-[:WORKS_FOR]-(p:Person) WHERE p.email IS NOT NULL OR p.phone IS NOT NULL } AS adopterStaff,
              COUNT { (i)<-[:BUILDS_ON]-(:Innovation) } AS builtOn`,
      {},
      { tag: 'test' },
    );
    expect(facts).toEqual({ adopterStaff: 0, builtOn: 0 });

    const suggestions = await whoToCall('affald-kolding');
    expect(suggestions[0]).toMatchObject({
      person: { id: 'tina-johansen' },
      reason: 'Listed as the reuse contact for "Affalds-app giver mere fleksibel service til borgere" (It og data, Kolding Kommune).',
      score: 1,
    });
    expect(suggestions.length).toBe(10);
    for (const s of suggestions.slice(1)) {
      expect(tierOf(s), s.reason).toBe(3);
      expect(s.score).toBeLessThan(0.5);
      expect(s.reason).toMatch(/^Listed as the (reuse contact for|contact to follow) ".+" \(.+\), an innovation similar to "Affalds-app giver mere fleksibel service til borgere": .+\.$/);
    }
  });

  it('follows the own contacts with the staff of organisations that adopted the innovation', async () => {
    const staff = await graph.read<{ id: string }>(
      `MATCH (:Innovation {id: 'intelligent-styring-af-trafiksignaler'})<-[:ADOPTED {status: 'ADOPTED'}]-(o:Organisation)<-[:WORKS_FOR]-(p:Person)
       WHERE p.email IS NOT NULL OR p.phone IS NOT NULL
       RETURN p.id AS id ORDER BY p.name`,
      {},
      { tag: 'test' },
    );
    expect(staff.map((s) => s.id)).toEqual(['anne-mette-holme-bertelsen', 'bo-hammer', 'lars-linneberg']);

    const suggestions = await whoToCall('intelligent-styring-af-trafiksignaler');
    expect(ids(suggestions).slice(0, 5)).toEqual(['johanne-hoegsholm', 'lise-soederberg', 'anne-mette-holme-bertelsen', 'bo-hammer', 'lars-linneberg']);
    expect(suggestions.slice(0, 2).every((s) => s.score >= 0.8)).toBe(true);
    expect(suggestions[3]).toMatchObject({ reason: 'Works at Tårnby Kommune, which copied "Intelligent styring af trafiksignaler".', score: 0.79 });
    expect(suggestions[4]!.reason).toBe('Works at Vejdirektoratet, which copied "Intelligent styring af trafiksignaler".');
  });

  it('suggests the contact of an innovation built on it, naming how it built on it', async () => {
    const [first] = await whoToCall('scanvogns-handicaptoilet');
    expect(first!.person.id).toBe('anne-m-schlunsen');
    expect(first!.reason).toBe(
      'Listed as the reuse contact for "Mobilt handicaptoilet øger frihed, uafhængighed og spontanitet" (Test- og Udviklingscenter for Velfærdsteknologi), which adapted "Scanvogns handicaptoilet".',
    );
    expect(first!.score).toBeGreaterThanOrEqual(0.5);
    expect(first!.score).toBeLessThan(0.8);
  });

  it('says when an adopter only plans to take it up, and names the unit of an adopter\'s staff', async () => {
    const suggestions = await whoToCall('nye-sproejter-halverer-medicinforbrug', { first: 50 });
    expect(suggestions.find((s) => s.person.id === 'soeren-vingtoft')!.reason).toBe('Works at Region Sjælland, which plans to copy "Nye sprøjter halverer medicinforbrug".');
    expect(suggestions.find((s) => s.person.id === 'claus-bogh-juhl')!.reason).toBe(
      'Works at Sydvestjysk Sygehus, part of Region Syddanmark, which plans to copy "Nye sprøjter halverer medicinforbrug".',
    );
  });

  it('lists each person once, with their best link', async () => {
    // Jonas Iversen is both the contact to follow OS2iot and staff of Aarhus Kommune, which copied it.
    const suggestions = await whoToCall('os2iot', { first: 50 });
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
      const suggestions = await whoToCall(id, { org, first: 50 });
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

  it('ranks someone in the asking organisation\'s region above an otherwise equal suggestion', async () => {
    // Region Sjælland and Region Syddanmark both plan to copy the new syringes: without an asker
    // their staff score the same.
    const plain = await whoToCall('nye-sproejter-halverer-medicinforbrug', { first: 50 });
    const score = (list: Suggestion[], id: string) => list.find((s) => s.person.id === id)!.score;
    expect(score(plain, 'soeren-vingtoft')).toBe(score(plain, 'malene-kildemand'));

    const fromZealand = await whoToCall('nye-sproejter-halverer-medicinforbrug', { org: 'holbaek-kommune', first: 50 });
    expect(rank(fromZealand, 'soeren-vingtoft')).toBeLessThan(rank(fromZealand, 'malene-kildemand'));
    expect(fromZealand[1]).toMatchObject({
      person: { id: 'soeren-vingtoft' },
      reason: 'Works at Region Sjælland, which plans to copy "Nye sprøjter halverer medicinforbrug"; same region as you.',
    });

    const fromFunen = await whoToCall('nye-sproejter-halverer-medicinforbrug', { org: 'odense-kommune', first: 50 });
    expect(rank(fromFunen, 'malene-kildemand')).toBeLessThan(rank(fromFunen, 'soeren-vingtoft'));
    expect(fromFunen.find((s) => s.person.id === 'malene-kildemand')!.reason).toMatch(/; same region as you\.$/);
  });

  it('says when the person works in the asking organisation or one of its units', async () => {
    const [same] = await whoToCall('min-video', { org: 'aarhus-kommune' });
    expect(same).toMatchObject({ person: { id: 'jens-bolwig' }, reason: 'Listed as the reuse contact for "Min Video" (Aarhus Kommune); works in your organisation.', score: 1 });

    const [unit] = await whoToCall('min-video', { org: 'aarhus-kommune-sociale-forhold-og-beskaeftigelse' });
    expect(unit!.reason).toBe('Listed as the reuse contact for "Min Video" (Aarhus Kommune); in the same organisation as you.');
    expect(unit!.score).toBeGreaterThan(0.8);
    expect(unit!.score).toBeLessThan(1);
  });

  it('prefers, among adopters\' staff, the asking organisation itself over its region', async () => {
    const suggestions = await whoToCall('intelligent-styring-af-trafiksignaler', { org: 'taarnby-kommune' });
    expect(rank(suggestions, 'bo-hammer')).toBeLessThan(rank(suggestions, 'anne-mette-holme-bertelsen'));
    expect(rank(suggestions, 'anne-mette-holme-bertelsen')).toBeLessThan(rank(suggestions, 'lars-linneberg'));
    expect(suggestions.find((s) => s.person.id === 'bo-hammer')!.reason).toBe(
      'Works at Tårnby Kommune, which copied "Intelligent styring af trafiksignaler"; works in your organisation.',
    );
  });

  it('returns ten by default and as many as first asks for', async () => {
    expect(await whoToCall('affald-kolding')).toHaveLength(10);
    expect(await whoToCall('affald-kolding', { first: 2 })).toHaveLength(2);
    expect(await whoToCall('affald-kolding', { first: 50 })).toHaveLength(50);
  });

  it('answers an unknown innovation with an empty list', async () => {
    expect(await whoToCall('no-such-innovation')).toEqual([]);
  });

  it('rejects an asking organisation that does not exist', async () => {
    expect(await failure('min-video', { org: 'x' })).toMatchObject({
      message: 'forOrganisationId names no organisation: "x"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await failure('no-such-innovation', { org: 'nowhere-kommune' })).toMatchObject({
      message: 'forOrganisationId names no organisation: "nowhere-kommune"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('rejects first outside 1 to 50', async () => {
    for (const first of [0, 51]) {
      expect(await failure('min-video', { first })).toMatchObject({
        message: `first must be a whole number from 1 to 50, got ${first}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('costs two database queries, the people\'s organisations included', async () => {
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
    expect(tags).toEqual(['whoToCall.start', 'whoToCall.suggestions']);
  });
});
