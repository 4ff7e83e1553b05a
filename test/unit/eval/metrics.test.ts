import { describe, expect, it } from 'vitest';
import { dcg, dcgOfGrades, gain, gradesOf, idealDcg, mean, ndcg, precision, recall, relevantInTop } from '../../../eval/metrics.js';

// Judged: a exactly right, b clearly relevant, c partly; anything else 0.
const judged = { a: 3, b: 2, c: 1 };

describe('eval metrics', () => {
  it('gives grade g the gain 2^g - 1', () => {
    expect([0, 1, 2, 3].map(gain)).toEqual([0, 1, 3, 7]);
  });

  it('discounts the gain at rank r by log2(r + 1)', () => {
    // 7/log2(2) + 3/log2(3) + 1/log2(4) = 7 + 1.8928 + 0.5
    expect(dcgOfGrades([3, 2, 1], 3)).toBeCloseTo(9.392789, 5);
    expect(dcgOfGrades([3, 2, 1], 1)).toBe(7);
    expect(dcgOfGrades([], 10)).toBe(0);
  });

  it('computes DCG of a ranking from the judged grades, unjudged ids counting 0', () => {
    // c at rank 1 (gain 1), x at rank 2 (0), a at rank 3 (7 / log2(4) = 3.5)
    expect(dcg(['c', 'x', 'a'], judged, 10)).toBeCloseTo(4.5, 10);
    expect(dcg(['c', 'x', 'a'], judged, 2)).toBe(1);
  });

  it('takes the ideal DCG from the judged grades sorted high to low, cut at k', () => {
    expect(idealDcg(judged, 10)).toBeCloseTo(9.392789, 5);
    expect(idealDcg(judged, 1)).toBe(7);
    expect(idealDcg({}, 10)).toBe(0);
  });

  it('normalises DCG by the ideal', () => {
    expect(ndcg(['a', 'b', 'c'], judged, 10)).toBeCloseTo(1, 10);
    expect(ndcg(['c', 'x', 'a'], judged, 10)).toBeCloseTo(0.479091, 5);
    // k = 2: (3 + 7/log2(3)) / (7 + 3/log2(3)) = 7.41651 / 8.89279
    expect(ndcg(['b', 'a'], judged, 2)).toBeCloseTo(0.833991, 5);
    expect(ndcg([], judged, 10)).toBe(0);
    expect(ndcg(['a'], {}, 10)).toBe(0);
  });

  it('counts a repeated id 0 at its second place', () => {
    expect(gradesOf(['a', 'a', 'b'], judged)).toEqual([3, 0, 2]);
    // 7 + 0 + 3/log2(4) = 8.5
    expect(dcg(['a', 'a', 'b'], judged, 10)).toBeCloseTo(8.5, 10);
    expect(relevantInTop(['a', 'a', 'a'], judged, 3)).toBe(1);
  });

  it('computes recall@k over all judged-relevant ids', () => {
    expect(recall(['c', 'x', 'a'], judged, 2)).toBeCloseTo(1 / 3, 10);
    expect(recall(['c', 'x', 'a'], judged, 3)).toBeCloseTo(2 / 3, 10);
    expect(recall(['a', 'b', 'c', 'd'], judged, 10)).toBe(1);
    expect(recall(['a'], judged, 10, 2)).toBeCloseTo(1 / 2, 10);
    expect(recall(['a'], {}, 10)).toBe(0);
  });

  it('divides precision@k by k, so that missing answers count as not relevant', () => {
    expect(precision(['a'], judged, 3)).toBeCloseTo(1 / 3, 10);
    expect(precision(['a', 'b', 'x'], judged, 5)).toBeCloseTo(2 / 5, 10);
    expect(precision(['x', 'y', 'z'], judged, 3)).toBe(0);
    expect(precision(['a', 'b', 'c', 'x'], judged, 3)).toBe(1);
    expect(precision(['c', 'b'], judged, 3, 2)).toBeCloseTo(1 / 3, 10);
    expect(precision([], judged, 5)).toBe(0);
  });

  it('averages, 0 for nothing', () => {
    expect(mean([1, 0, 0.5])).toBeCloseTo(0.5, 10);
    expect(mean([])).toBe(0);
  });
});
