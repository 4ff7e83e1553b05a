import { describe, expect, it } from 'vitest';
import { CostBudget } from '../../../src/http/rate-limit.js';

/** A budget on a clock the test moves. */
function budgetAt(start: number, points: number) {
  const clock = { now: start };
  return { budget: new CostBudget(points, () => clock.now), clock };
}

describe('CostBudget', () => {
  it('grants charges while the client has points left, and says how many remain', () => {
    const { budget } = budgetAt(1_000, 100);
    expect(budget.charge('a', 30)).toEqual({ granted: true, limit: 100, remaining: 70, resetAt: 61_000 });
    expect(budget.charge('a', 70)).toEqual({ granted: true, limit: 100, remaining: 0, resetAt: 61_000 });
  });

  it('refuses a query the client cannot pay for in full, and charges it nothing', () => {
    const { budget } = budgetAt(0, 100);
    budget.charge('a', 90);
    expect(budget.charge('a', 11)).toEqual({ granted: false, limit: 100, remaining: 10, resetAt: 60_000 });
    expect(budget.charge('a', 10)).toMatchObject({ granted: true, remaining: 0 });
  });

  it('refuses a query costing more than a whole minute of points, even to a fresh client', () => {
    const { budget } = budgetAt(0, 100);
    expect(budget.charge('a', 101)).toEqual({ granted: false, limit: 100, remaining: 100, resetAt: 60_000 });
  });

  it('keeps each client to its own points', () => {
    const { budget } = budgetAt(0, 100);
    budget.charge('a', 100);
    expect(budget.charge('a', 1).granted).toBe(false);
    expect(budget.charge('b', 1)).toMatchObject({ granted: true, remaining: 99 });
  });

  it("starts a client's minute at its first query and fills its points again when the minute ends", () => {
    const { budget, clock } = budgetAt(0, 100);
    budget.charge('a', 100);
    clock.now = 59_999;
    expect(budget.charge('a', 1)).toMatchObject({ granted: false, resetAt: 60_000 });
    clock.now = 60_000;
    expect(budget.charge('a', 1)).toEqual({ granted: true, limit: 100, remaining: 99, resetAt: 120_000 });
  });

  it('forgets the clients whose minute has ended once it holds a thousand, so memory stays bounded', () => {
    const { budget, clock } = budgetAt(0, 100);
    for (let i = 0; i < 1_000; i += 1) budget.charge(`old-${i}`, 1);
    clock.now = 60_000;
    budget.charge('new', 1);
    // The windows are private; their count is what this behaviour is about.
    expect((budget as unknown as { windows: Map<string, unknown> }).windows.size).toBe(1);
  });
});
