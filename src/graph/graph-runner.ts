import neo4j, { type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { AlreadyExistsError, QueryTimeoutError, ServiceUnavailableError } from '../errors.js';

/**
 * The one place that runs Cypher. Every query goes through a managed transaction (so transient
 * failures are retried by the driver), names its database, carries a timeout and metadata, and
 * has its driver errors turned into the API's own errors here and nowhere else.
 */

/** How long after a transaction's own timeout the caller gives up on a database that does not answer. */
export const CLIENT_DEADLINE_GRACE_MS = 2_000;

/** The client-side deadline passed without a word from the database. */
class DeadlineError extends Error {}

export interface QueryOptions {
  /** Shown in Neo4j's query log and `SHOW TRANSACTIONS`, e.g. the resolver or loader name. */
  readonly tag: string;
  readonly timeoutMs?: number;
}

export type QueryListener = (event: { tag: string; mode: 'READ' | 'WRITE'; ms: number; ok: boolean }) => void;

export interface GraphRunnerOptions {
  readonly database: string;
  readonly timeoutMs: number;
}

export class GraphRunner {
  private readonly listeners = new Set<QueryListener>();

  constructor(
    readonly driver: Driver,
    private readonly options: GraphRunnerOptions,
  ) {}

  /** Runs a read query; returns its records as plain objects. */
  read<T extends RecordShape>(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<T[]> {
    return this.run('READ', options, (tx) => tx.run<T>(cypher, toCypherParams(params)).then((result) => result.records.map((record) => record.toObject())));
  }

  /** Runs a write query in its own transaction. */
  write<T extends RecordShape>(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<T[]> {
    return this.run('WRITE', options, (tx) => tx.run<T>(cypher, toCypherParams(params)).then((result) => result.records.map((record) => record.toObject())));
  }

  /** Runs several statements in one write transaction: all of them take effect, or none. */
  writeTransaction<T>(options: QueryOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.run('WRITE', options, work);
  }

  /**
   * Runs a statement in an auto-commit transaction: the only kind that may use
   * `CALL { ... } IN TRANSACTIONS`, for bulk work that commits in batches of its own.
   */
  async autoCommit(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<void> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    const started = performance.now();
    let ok = false;
    try {
      await session.run(cypher, toCypherParams(params), { timeout: options.timeoutMs ?? this.options.timeoutMs, metadata: { app: 'innovation-graph', tag: options.tag } });
      ok = true;
    } catch (error) {
      throw translateDriverError(error, options.timeoutMs ?? this.options.timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
      for (const listener of this.listeners) listener({ tag: options.tag, mode: 'WRITE', ms: performance.now() - started, ok });
    }
  }

  /** Observes every query (used by tests to count round trips, and by metrics). */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when the database answers a trivial query now. */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answered = this.read('RETURN 1 AS ok', {}, { tag: 'health.ping', timeoutMs }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run<T>(mode: 'READ' | 'WRITE', options: QueryOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: timeoutMs, metadata: { app: 'innovation-graph', tag: options.tag } };
    const started = performance.now();
    let ok = false;
    // Neo4j enforces the timeout itself (TIMEOUT), but a database that stops answering altogether
    // (a frozen JVM, a dead network path) never says so: the caller stops waiting a little after
    // it, and since not even the timeout came back, the database counts as unavailable.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError()), timeoutMs + CLIENT_DEADLINE_GRACE_MS);
    });
    let abandoned = false;
    try {
      const result = await Promise.race([mode === 'READ' ? session.executeRead(work, config) : session.executeWrite(work, config), deadline]);
      ok = true;
      return result;
    } catch (error) {
      abandoned = error instanceof DeadlineError;
      throw abandoned ? new ServiceUnavailableError() : translateDriverError(error, timeoutMs);
    } finally {
      clearTimeout(timer);
      // A session whose database is not answering cannot close either; it is left to the driver,
      // whose transaction Neo4j ends on its own timeout once it answers again.
      if (abandoned) void session.close().catch(() => undefined);
      else await session.close().catch(() => undefined);
      const ms = performance.now() - started;
      for (const listener of this.listeners) listener({ tag: options.tag, mode, ms, ok });
    }
  }
}

/**
 * JavaScript has one number type; Cypher has INTEGER and FLOAT, and LIMIT, ranges and stored years
 * must be integers. Whole numbers therefore go to Neo4j as integers, everything else unchanged.
 */
export function toCypherParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => toCypherParams(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)])) as T;
  }
  return value;
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Maps driver failures to the API's errors; anything unexpected passes through as a fault. */
export function translateDriverError(error: unknown, timeoutMs: number): unknown {
  const code = (error as { code?: string }).code ?? '';
  if (UNAVAILABLE_CODES.has(code) || /connection acquisition timed out|Failed to connect|Pool is closed/i.test(String((error as Error).message))) {
    return new ServiceUnavailableError();
  }
  if (code === 'Neo.ClientError.Transaction.TransactionTimedOut' || code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new QueryTimeoutError(timeoutMs);
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // "Node(42) already exists with label `Organisation` and property `id` = 'x'": the id was
    // free when the write checked it, and another transaction took it before this one committed.
    const taken = /already exists with label `([^`]+)` and propert(?:y|ies) `([^`]+)` = (?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(\S+))/.exec(String((error as Error).message));
    if (taken) return new AlreadyExistsError(taken[1]!, taken[2]!, taken[3] ?? taken[4] ?? taken[5] ?? '');
  }
  return error;
}
