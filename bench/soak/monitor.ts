import type { HttpFrom } from './http-from.js';

/** What the soak watched while it ran: readiness as a load balancer sees it, and memory. */
export interface MonitorReport {
  readonly readyChecks: number;
  /** `/health/ready` answers other than 200 outside the database outage. */
  readonly notReadyOutsideOutage: number;
  readonly notReadyDuringOutage: number;
  /** Of the soak's own process, which holds the API, its load generator and its attackers. */
  readonly peakRssMb: number;
  readonly peakHeapUsedMb: number;
  readonly endHeapUsedMb: number;
}

/**
 * Polls `/health/ready` (from an address of its own, like a load balancer) and samples memory
 * every `everyMs` until stopped.
 */
export function startMonitor(probe: HttpFrom, inOutage: (at: number) => boolean, everyMs = 250): { stop: () => Promise<MonitorReport> } {
  let readyChecks = 0;
  let notReadyOutsideOutage = 0;
  let notReadyDuringOutage = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rss, heapUsed } = process.memoryUsage();
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
      const asked = Date.now();
      const status = await probe.get('/health/ready').catch(() => 0);
      readyChecks += 1;
      if (status !== 200) {
        if (inOutage(asked) || inOutage(Date.now())) notReadyDuringOutage += 1;
        else notReadyOutsideOutage += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    stop: async () => {
      running = false;
      await loop;
      return { readyChecks, notReadyOutsideOutage, notReadyDuringOutage, peakRssMb: mb(peakRss), peakHeapUsedMb: mb(peakHeap), endHeapUsedMb: mb(process.memoryUsage().heapUsed) };
    },
  };
}
