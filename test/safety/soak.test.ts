import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SoakSummary } from '../../bench/soak/report.js';
import { ATTACKS } from '../../bench/soak/attacks.js';
import { killIfAlive, spawnServerProcess, type ServerProcess } from '../support/server-process.js';

/**
 * A short soak run, as `npm run soak` runs it (its own embedded Neo4j, restarted half way, and the
 * attacks of soak/attacks.ts mixed into the normal traffic): it must hold, and must have tried
 * every attack. SOAK_SECONDS sets its length (default 30, to keep CI short; `npm run soak` runs 60).
 */

const SECONDS = Number(process.env.SOAK_SECONDS ?? 30);
const reportFile = path.join(tmpdir(), `soak-report-${process.pid}.json`);
let soak: ServerProcess | undefined;

afterAll(() => {
  killIfAlive(soak?.child.pid, 'SIGTERM');
  rmSync(reportFile, { force: true });
});

describe('a short soak with the attacks mixed in', () => {
  it(
    'refuses every attack or keeps the graph\'s rules, leaves the normal traffic and readiness unharmed outside the outage, and ends consistent',
    async () => {
      soak = spawnServerProcess(process.execPath, ['--import', 'tsx', 'bench/soak.ts', '--seconds', String(SECONDS), '--concurrency', '4', '--attackers', '2', '--report', reportFile], {});
      const exit = await soak.exited;
      const summary = JSON.parse(readFileSync(reportFile, 'utf8')) as SoakSummary;
      console.info(`soak: ${summary.normal.served} normal requests (p99 ${summary.normal.latencyOutsideOutageMs.p99} ms outside the outage), ${Object.values(summary.attacks).reduce((n, a) => n + a.rounds, 0)} attack rounds`);
      expect(summary.failures, soak.lines.slice(-80).join('\n')).toEqual([]);
      expect(exit).toBe(0);

      // Every attack was tried, and the budget of points did stop the costly one.
      for (const attack of ATTACKS) expect(summary.attacks[attack.name]?.rounds, attack.name).toBeGreaterThan(0);
      expect(summary.attacks['the costliest query allowed, again and again']!.outcomes['429 RATE_LIMITED']).toBeGreaterThan(0);
      // The normal traffic was served and was not rate limited: its callers have budgets of their own.
      expect(summary.normal.served).toBeGreaterThan(SECONDS);
      expect(summary.normal.errorsByCode.RATE_LIMITED).toBeUndefined();
      expect(summary.findings.length).toBeGreaterThan(5);
      expect(summary.findings.every((f) => f.ok)).toBe(true);
    },
    (SECONDS + 240) * 1000,
  );
});
