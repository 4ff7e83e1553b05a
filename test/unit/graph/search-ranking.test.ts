import { describe, expect, it } from 'vitest';
import { KIND_WEIGHTS, rankSearchHits } from '../../../src/graph/search-ranking.js';

describe('rankSearchHits', () => {
  const hit = (type: 'Innovation' | 'Organisation' | 'Person', id: string, score: number, names: string[] = []) => ({ type, id, score, node: { id }, names });

  it('puts an organisation the query names first, whatever the raw scores', () => {
    const ranked = rankSearchHits('Aarhus', [hit('Innovation', 'min-video', 9), hit('Organisation', 'aarhus-kommune', 2, ['Aarhus Kommune', 'Aarhus'])]);
    expect(ranked.map((r) => r.node.id)).toEqual(['aarhus-kommune', 'min-video']);
  });

  it('ranks names that merely contain the words below equally good innovation hits', () => {
    const ranked = rankSearchHits('ældre', [hit('Organisation', 'aeldre-og-sundhed', 5, ['Ældre og Sundhed og Omsorg']), hit('Innovation', 'a', 3), hit('Innovation', 'b', 2.5)]);
    expect(ranked.map((r) => r.node.id)).toEqual(['a', 'b', 'aeldre-og-sundhed']);
  });

  it('takes "Kolding" as naming Kolding Kommune: the form of a name does not count', () => {
    const ranked = rankSearchHits('kolding', [hit('Innovation', 'affald-kolding', 10), hit('Organisation', 'kolding-kommune', 1, ['Kolding Kommune'])]);
    expect(ranked[0]).toMatchObject({ type: 'Organisation', node: { id: 'kolding-kommune' } });
    expect(ranked[0]!.score).toBeGreaterThan(1);
  });

  it('normalises each kind against its own best hit, then weighs the kinds', () => {
    const ranked = rankSearchHits('ældre', [hit('Innovation', 'a', 8), hit('Innovation', 'b', 6), hit('Person', 'p', 50, ['Ældre Person']), hit('Organisation', 'o', 0.5, ['Ældrerådet'])]);
    expect(ranked.map((r) => [r.node.id, r.score])).toEqual([
      ['a', 1],
      ['b', 0.75],
      ['o', KIND_WEIGHTS.Organisation],
      ['p', KIND_WEIGHTS.Person],
    ]);
  });

  it('breaks ties by kind (organisations, people, innovations) and then by id', () => {
    const ranked = rankSearchHits('x', [hit('Innovation', 'b', 1), hit('Innovation', 'a', 1)]);
    expect(ranked.map((r) => r.node.id)).toEqual(['a', 'b']);
    const exact = rankSearchHits('Jens Bolwig', [hit('Person', 'jens-bolwig', 1, ['Jens Bolwig']), hit('Organisation', 'jens-bolwig-aps', 1, ['Jens Bolwig ApS'])]);
    expect(exact.map((r) => r.node.id)).toEqual(['jens-bolwig-aps', 'jens-bolwig']);
  });

  it('recognises no name in a query of form words only', () => {
    const ranked = rankSearchHits('kommune', [hit('Organisation', 'kolding-kommune', 1, ['Kolding Kommune']), hit('Organisation', 'vejle-kommune', 1, ['Vejle Kommune'])]);
    expect(ranked.every((r) => r.score <= 1)).toBe(true);
  });

  it('returns nothing for no candidates', () => {
    expect(rankSearchHits('aarhus', [])).toEqual([]);
  });
});
