import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import type { HttpRequestSpec } from './operations.js';

/**
 * The load generator: autocannon keeps `connections` requests in flight against one endpoint for
 * a fixed time (after a warm-up whose figures are dropped), all on 127.0.0.1, and stops by itself.
 */

export interface LoadSettings {
  readonly connections: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  /**
   * For operations that take seconds each: a fixed number of requests instead of a duration, so
   * that every request sent is also answered and measured (and none runs on into the next
   * measurement after autocannon stops).
   */
  readonly amount?: number;
}

export interface LoadFigures {
  /** Requests answered per second, averaged over the measured time. */
  readonly rps: number;
  /** Latency percentiles in milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  readonly errors: number;
  /** Peak resident memory of the server process while it was measured, in MiB. */
  readonly rssMb: number;
  /**
   * CPU time per request, in ms, of the server process and of the Neo4j JVM while measured:
   * what a request costs, which holds up on a busy machine better than wall-clock figures do.
   */
  readonly serverCpuMs: number;
  readonly dbCpuMs: number;
}

/** Clock ticks per second of /proc/<pid>/stat on Linux. */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far, in ms (user + system), or 0 where /proc is missing. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function run(url: string, spec: HttpRequestSpec, connections: number, bound: { durationSec: number } | { amount: number }): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}${spec.path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: spec.body,
    connections,
    ...('amount' in bound ? { amount: bound.amount } : { duration: bound.durationSec }),
    timeout: 300,
  });
}

/**
 * Waits until Neo4j has gone quiet (under a tenth of a core for half a second; at most a minute):
 * requests that autocannon stopped waiting for may still run there, and would slow the next
 * measurement down.
 */
export async function waitForQuiet(dbPid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const before = cpuMs(dbPid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuMs(dbPid) - before < 50) return;
  }
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** Sends the operation for a while and drops the figures: JIT compilation and caches, on both sides. */
export async function warmUp(baseUrl: string, spec: HttpRequestSpec, seconds: number, heavy: boolean, dbPid: number): Promise<void> {
  await run(baseUrl, spec, 4, heavy ? { amount: 4 } : { durationSec: seconds });
  await waitForQuiet(dbPid);
}

export async function measure(baseUrl: string, spec: HttpRequestSpec, settings: LoadSettings, serverPid: number, dbPid: number): Promise<LoadFigures> {
  // One answer awaited first: a cache that expired since the warm-up is filled again, so that the
  // measurement sees the steady state rather than one slow first answer shared by every client.
  await checkOnce(baseUrl, spec);
  if (settings.amount !== undefined) await run(baseUrl, spec, settings.connections, { amount: settings.connections });
  else if (settings.warmupSec > 0) await run(baseUrl, spec, settings.connections, { durationSec: settings.warmupSec });
  await waitForQuiet(dbPid);
  let peak = rssMb(serverPid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 250);
  try {
    const serverBefore = cpuMs(serverPid);
    const dbBefore = cpuMs(dbPid);
    const started = performance.now();
    const result = await run(baseUrl, spec, settings.connections, settings.amount !== undefined ? { amount: settings.amount } : { durationSec: settings.durationSec });
    const seconds = (performance.now() - started) / 1000;
    await waitForQuiet(dbPid);
    const perRequest = (before: number, after: number) => Math.round(((after - before) / Math.max(1, result.requests.total)) * 10) / 10;
    return {
      serverCpuMs: perRequest(serverBefore, cpuMs(serverPid)),
      dbCpuMs: perRequest(dbBefore, cpuMs(dbPid)),
      // With a fixed amount, autocannon's per-second average counts seconds in which nothing finished.
      rps: Math.round((settings.amount !== undefined ? result.requests.total / seconds : result.requests.average) * 10) / 10,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.timeouts + result.non2xx,
      rssMb: peak,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** One request, answered with 200 and no GraphQL errors, or an Error that says what came back. */
export async function checkOnce(baseUrl: string, spec: HttpRequestSpec): Promise<{ ms: number; bytes: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${spec.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: spec.body });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: { errors?: unknown[]; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  if (response.status !== 200 || body.errors) {
    throw new Error(`answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 800)}`);
  }
  return { ms, bytes: text.length, body: body.data };
}
