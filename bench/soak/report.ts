import type { AttackRecord } from './attack-runner.js';
import type { Finding } from './consistency.js';
import type { MonitorReport } from './monitor.js';
import type { Tally } from './tally.js';

/** Everything a soak run measured; printed as text and, with --report, written as JSON. */
export interface SoakSummary {
  readonly seconds: number;
  readonly connections: number;
  readonly attackLoops: number;
  readonly url: string;
  readonly normal: {
    readonly served: number;
    readonly perSecond: number;
    readonly connectionErrors: number;
    readonly timeouts: number;
    /** autocannon's, over every request, the outage's included. */
    readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
    /** Of requests sent and answered outside the outage. */
    readonly latencyOutsideOutageMs: { readonly requests: number; readonly p50: number; readonly p99: number; readonly max: number };
    readonly byStatus: Record<string, number>;
    readonly errorsByCode: Record<string, number>;
    readonly failedOutsideOutage: Record<string, number>;
    readonly operations: Record<string, { ok: number; failed: number }>;
  };
  readonly attacks: Record<string, { rounds: number; setupFailed: number; outcomes: Record<string, number>; unexpected: Record<string, number>; broken: string[]; answeredMs: { p50: number; max: number } }>;
  readonly outage: string;
  readonly monitor: MonitorReport;
  readonly findings: readonly Finding[];
  /** Why the run failed; empty when it passed. */
  readonly failures: readonly string[];
}

export function summarise(parts: {
  seconds: number;
  connections: number;
  attackLoops: number;
  url: string;
  load: { duration: number; errors: number; timeouts: number; latency: { p50: number; p99: number; max: number } };
  tally: Tally;
  attacks: Map<string, AttackRecord>;
  outage: string;
  monitor: MonitorReport;
  findings: Finding[];
}): SoakSummary {
  const { tally, attacks, monitor, findings } = parts;
  const served = [...tally.byStatus.values()].reduce((a, b) => a + b, 0);
  const failures: string[] = [];
  for (const f of findings) if (!f.ok) failures.push(`graph: ${f.check}: ${f.detail}`);
  for (const [name, record] of attacks) {
    for (const [outcome, n] of record.unexpected) failures.push(`attack "${name}": ${n} x ${outcome}`);
    for (const rule of new Set(record.broken)) failures.push(`attack "${name}": ${rule}`);
  }
  for (const [outcome, n] of tally.failedOutsideOutage) failures.push(`normal traffic outside the outage: ${n} x ${outcome}`);
  if (monitor.notReadyOutsideOutage > 0) failures.push(`/health/ready was not 200 ${monitor.notReadyOutsideOutage} times outside the outage`);
  return {
    seconds: parts.seconds,
    connections: parts.connections,
    attackLoops: parts.attackLoops,
    url: parts.url,
    normal: {
      served,
      perSecond: Math.round(served / parts.load.duration),
      connectionErrors: parts.load.errors,
      timeouts: parts.load.timeouts,
      latencyMs: { p50: parts.load.latency.p50, p99: parts.load.latency.p99, max: parts.load.latency.max },
      latencyOutsideOutageMs: { requests: tally.latenciesOutsideOutage.length, p50: tally.percentileOutsideOutage(50), p99: tally.percentileOutsideOutage(99), max: tally.percentileOutsideOutage(100) },
      byStatus: Object.fromEntries(tally.byStatus),
      errorsByCode: Object.fromEntries(tally.errorsByCode),
      failedOutsideOutage: Object.fromEntries(tally.failedOutsideOutage),
      operations: Object.fromEntries(tally.operations),
    },
    attacks: Object.fromEntries(
      [...attacks].map(([name, r]) => [name, { rounds: r.rounds, setupFailed: r.setupFailed, outcomes: Object.fromEntries(r.outcomes), unexpected: Object.fromEntries(r.unexpected), broken: [...new Set(r.broken)], answeredMs: { p50: median(r.roundMs), max: Math.max(0, ...r.roundMs) } }]),
    ),
    outage: parts.outage,
    monitor,
    findings,
    failures,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function table(counts: Record<string, number>, width = 28): string[] {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? ['  (none)'] : entries.map(([key, n]) => `  ${key.padEnd(width)} ${String(n).padStart(8)}`);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0 %' : `${((100 * part) / whole).toFixed(1)} %`;
}

export function formatSummary(s: SoakSummary): string {
  const attackRequests = Object.values(s.attacks).reduce((sum, a) => sum + Object.values(a.outcomes).reduce((x, y) => x + y, 0), 0);
  const refusedByCode: Record<string, number> = {};
  for (const attack of Object.values(s.attacks)) for (const [outcome, n] of Object.entries(attack.outcomes)) refusedByCode[outcome] = (refusedByCode[outcome] ?? 0) + n;
  const lines = [
    '',
    `Soak: ${s.seconds} s, ${s.connections} connections of normal traffic, ${s.attackLoops} attack loops, on ${s.url} (Neo4j restarted half way)`,
    '',
    'normal traffic',
    `  served                     ${s.normal.served} (${s.normal.perSecond}/s); ${s.normal.connectionErrors} connection errors, ${s.normal.timeouts} timeouts`,
    `  latency outside the outage p50 ${s.normal.latencyOutsideOutageMs.p50} ms, p99 ${s.normal.latencyOutsideOutageMs.p99} ms, max ${s.normal.latencyOutsideOutageMs.max} ms (${s.normal.latencyOutsideOutageMs.requests} requests)`,
    `  latency, all requests      p50 ${s.normal.latencyMs.p50} ms, p99 ${s.normal.latencyMs.p99} ms, max ${s.normal.latencyMs.max} ms`,
    `  database outage            ${s.outage}`,
    '  by HTTP status',
    ...table(s.normal.byStatus).map((l) => `  ${l}`),
    '  GraphQL errors by code',
    ...table(s.normal.errorsByCode).map((l) => `  ${l}`),
    '  failed outside the outage',
    ...table(s.normal.failedOutsideOutage).map((l) => `  ${l}`),
    '  operations (ok / failed)',
    ...Object.entries(s.normal.operations)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { ok, failed }]) => `    ${name.padEnd(24)} ${String(ok).padStart(8)} / ${String(failed).padStart(5)}  (${percent(failed, ok + failed)} failed)`),
    '',
    `attacks: ${attackRequests} requests`,
    ...Object.entries(s.attacks).flatMap(([name, a]) => [
      `  ${name}: ${a.rounds} rounds${a.setupFailed ? `, ${a.setupFailed} not set up` : ''}; answered in ${a.answeredMs.p50} ms (median), ${a.answeredMs.max} ms (max)`,
      ...Object.entries(a.outcomes)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([outcome, n]) => `    ${outcome.padEnd(30)} ${String(n).padStart(7)}${a.unexpected[outcome] ? `  (${a.unexpected[outcome]} UNEXPECTED)` : ''}`),
      ...a.broken.map((rule) => `    BROKEN: ${rule}`),
    ]),
    '  all attacking requests by answer',
    ...table(refusedByCode, 30).map((l) => `  ${l}`),
    '',
    'watched while it ran',
    `  /health/ready              ${s.monitor.readyChecks} checks; not ready ${s.monitor.notReadyDuringOutage} times during the outage, ${s.monitor.notReadyOutsideOutage} outside it`,
    `  memory (API + load + attackers in one process)  peak RSS ${s.monitor.peakRssMb} MB, peak heap ${s.monitor.peakHeapUsedMb} MB, heap at the end ${s.monitor.endHeapUsedMb} MB`,
    '',
    'consistency',
    ...s.findings.map((f) => `  ${f.ok ? 'ok  ' : 'FAIL'} ${f.check}: ${f.detail}`),
    '',
    s.failures.length === 0 ? 'Held: every attack refused or kept the rules, normal traffic unharmed outside the outage, and the graph is consistent.' : `NOT held:\n${s.failures.map((f) => `  ${f}`).join('\n')}`,
    '',
  ];
  return lines.join('\n');
}
