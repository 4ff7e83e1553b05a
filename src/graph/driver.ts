import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string | undefined;
  /** Bounds how long a request may wait for a connection before failing as unavailable. */
  readonly acquisitionTimeoutMs?: number;
  /** How long managed transactions keep retrying transient errors. Defaults to 3_000 ms. */
  readonly retryTimeMs?: number;
}

/** Opens a driver; with no password the DBMS is assumed to run with auth off (the embedded default). */
export function createDriver(options: DriverOptions): Driver {
  const auth = options.password === undefined ? undefined : neo4j.auth.basic(options.user, options.password);
  return neo4j.driver(options.uri, auth, {
    // Fail fast when the database is down instead of letting requests queue up behind it.
    connectionAcquisitionTimeout: options.acquisitionTimeoutMs ?? 5_000,
    connectionTimeout: 5_000,
    // Managed transactions retry transient failures (a leader switch, a deadlock) for this long;
    // longer would hold requests while the database is down instead of failing them fast.
    maxTransactionRetryTime: options.retryTimeMs ?? 3_000,
    maxConnectionPoolSize: 100,
    disableLosslessIntegers: true,
    userAgent: 'innovation-graph',
  });
}

/**
 * Waits until Neo4j answers, retrying with backoff; throws with a message that says where it
 * looked and for how long.
 */
export async function waitForNeo4j(driver: Driver, uri: string, timeoutMs: number, database?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 200;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity(database ? { database } : {});
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
      delay = Math.min(delay * 2, 2_000);
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`Neo4j at ${uri} did not answer within ${Math.round(timeoutMs / 1000)} s (last error: ${reason}). Is it running, and are NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD right?`);
}
