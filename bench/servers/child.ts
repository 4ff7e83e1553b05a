import { createDriver } from '../../src/graph/driver.js';
import type { Driver } from 'neo4j-driver';
import type { Probes } from '../operations.js';

/**
 * What every benchmark server shares: it runs as a child of bench/run.ts, reads where Neo4j is
 * and where to listen from its environment, prints one `READY <url>` line once it listens, and
 * exits when its standard input closes (so a dead bench leaves no server behind).
 */
export interface ChildSettings {
  readonly neo4jUri: string;
  readonly port: number;
  readonly probes: Probes;
}

/**
 * tsx turns source maps on, and Node then maps every stack trace captured, reading the map
 * files: neo4j-driver captures one for each query result, which cost these servers several ms
 * of CPU per query under load. A built server (node dist/...) does none of that; neither do these.
 */
process.setSourceMapsEnabled(false);

export function childSettings(): ChildSettings {
  const neo4jUri = process.env.BENCH_NEO4J_URI;
  const port = Number(process.env.BENCH_PORT);
  const probes = process.env.BENCH_PROBES;
  if (!neo4jUri || !Number.isInteger(port) || !probes) {
    throw new Error('A benchmark server needs BENCH_NEO4J_URI, BENCH_PORT and BENCH_PROBES; bench/run.ts sets them.');
  }
  return { neo4jUri, port, probes: JSON.parse(probes) as Probes };
}

/** The same driver settings for all three servers (pool of 100, plain JS numbers). */
export function benchDriver(settings: ChildSettings): Driver {
  return createDriver({ uri: settings.neo4jUri, user: 'neo4j', password: undefined });
}

export async function serveUntilStdinEnds(start: () => Promise<{ url: string; stop: () => Promise<void> }>): Promise<void> {
  try {
    const server = await start();
    process.stdout.write(`READY ${server.url}\n`);
    process.stdin.resume();
    process.stdin.on('end', () => {
      void server.stop().finally(() => process.exit(0));
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
