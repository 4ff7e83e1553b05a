import { describe, expect, it } from 'vitest';
import { decideRestart, type RestartPolicy } from '../../../src/graph/neo4j-supervisor.js';

const policy: RestartPolicy = { maxRestarts: 5, windowMs: 300_000, initialDelayMs: 1_000, maxDelayMs: 30_000 };
const now = 1_000_000;

describe('decideRestart', () => {
  it('restarts after the first exit in a second, as attempt 1', () => {
    expect(decideRestart(policy, [], now)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
  });

  it('doubles the delay with each restart in the window: 1 s, 2 s, 4 s, 8 s, 16 s', () => {
    const restarts: number[] = [];
    const delays: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const decision = decideRestart(policy, restarts, now + i);
      expect(decision).toMatchObject({ restart: true, attempt: i + 1 });
      if (decision.restart) delays.push(decision.delayMs);
      restarts.push(now + i);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('caps the delay at maxDelayMs', () => {
    const wide = { ...policy, maxRestarts: 20 };
    const restarts = Array.from({ length: 10 }, (_, i) => now - i);
    expect(decideRestart(wide, restarts, now)).toEqual({ restart: true, attempt: 11, delayMs: 30_000 });
  });

  it('gives up once maxRestarts restarts fall within the window', () => {
    const restarts = [now - 240_000, now - 180_000, now - 120_000, now - 60_000, now - 1];
    expect(decideRestart(policy, restarts, now)).toEqual({ restart: false, restartsInWindow: 5 });
  });

  it('forgets restarts older than the window, so the budget and the backoff start over', () => {
    const restarts = [now - 900_000, now - 700_000, now - 500_000, now - 400_000, now - 300_000];
    expect(decideRestart(policy, restarts, now)).toEqual({ restart: true, attempt: 1, delayMs: 1_000 });
    expect(decideRestart(policy, [...restarts, now - 299_999], now)).toEqual({ restart: true, attempt: 2, delayMs: 2_000 });
  });

  it('never restarts when maxRestarts is 0', () => {
    expect(decideRestart({ ...policy, maxRestarts: 0 }, [], now)).toEqual({ restart: false, restartsInWindow: 0 });
  });
});
