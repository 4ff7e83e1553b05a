import type { Operation } from './workload.js';

/** How the normal traffic was answered: by HTTP status, by error code, and per operation. */
export class Tally {
  readonly byStatus = new Map<string, number>();
  readonly errorsByCode = new Map<string, number>();
  readonly operations = new Map<string, { ok: number; failed: number }>();
  /** Failed answers that the database outage does not explain, by operation, status and first error code. */
  readonly failedOutsideOutage = new Map<string, number>();
  /** Milliseconds from sending to the answer, of requests sent and answered outside the outage. */
  readonly latenciesOutsideOutage: number[] = [];
  unparsable = 0;

  /** The p-th percentile (0 to 100) of the latencies outside the outage, nearest rank. */
  percentileOutsideOutage(p: number): number {
    const sorted = [...this.latenciesOutsideOutage].sort((a, b) => a - b);
    return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }

  record(operation: Operation | undefined, status: number, body: string, latencyMs: number | undefined, duringOutage: boolean): void {
    this.count(this.byStatus, String(status));
    if (latencyMs !== undefined && !duringOutage) this.latenciesOutsideOutage.push(latencyMs);
    let parsed: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      this.unparsable += 1;
      if (!duringOutage) this.count(this.failedOutsideOutage, `${status} not JSON`);
      return;
    }
    for (const error of parsed.errors ?? []) this.count(this.errorsByCode, error.extensions?.code ?? '(no code)');
    if (!operation) return;
    const entry = this.operations.get(operation.name) ?? { ok: 0, failed: 0 };
    const ok = status === 200 && !parsed.errors && parsed.data;
    if (ok) {
      entry.ok += 1;
      operation.acknowledge?.(parsed.data!);
    } else {
      entry.failed += 1;
      if (!duringOutage) this.count(this.failedOutsideOutage, `${operation.name}: ${status} ${parsed.errors?.[0]?.extensions?.code ?? 'no data'}`);
    }
    this.operations.set(operation.name, entry);
  }

  private count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }
}
