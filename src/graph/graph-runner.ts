import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { AlreadyExistsError, QueryTimeoutError, ServiceUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The one place that runs Cypher, reads and writes alike, and the only module besides `driver.ts`
 * that knows neo4j-driver. Every transaction is a managed one (so transient failures, deadlocks
 * among them, are retried by the driver), names its database, carries a timeout and metadata, and
 * has its driver errors turned into the API's own errors here and nowhere else. Every statement,
 * including each one of a multi-statement write, gets its parameters converted, is reported to
 * the listeners and is logged with its parameters at debug level.
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

/** A row of a statement's result: its columns by name, as plain values. */
export type Row = Record<string, unknown>;

/**
 * What the work of a multi-statement transaction gets instead of the driver's transaction: a way
 * to run statements that the runner sees, so that none of them escapes the parameter conversion,
 * the listeners or the log.
 */
export interface GraphTransaction {
  /**
   * Runs one statement in the transaction and returns its rows. `step` names the statement beside
   * the transaction's tag in the log and to listeners, e.g. `lock`.
   */
  run<T = Row>(cypher: string, params?: Record<string, unknown>, step?: string): Promise<T[]>;
}

/**
 * One event per statement the database ran (a retried transaction reports its statements again).
 * `tag` is the transaction's, so counting events by tag counts round trips per operation.
 */
export type QueryListener = (event: { tag: string; step?: string; mode: 'READ' | 'WRITE'; ms: number; ok: boolean }) => void;

export interface GraphRunnerOptions {
  readonly database: string;
  readonly timeoutMs: number;
  /** Receives every statement, with its parameters, at debug level. Defaults to none. */
  readonly logger?: Logger;
}

export class GraphRunner {
  private readonly listeners = new Set<QueryListener>();

  constructor(
    readonly driver: Driver,
    private readonly options: GraphRunnerOptions,
  ) {}

  /** Runs a read query; returns its records as plain objects. */
  read<T = Row>(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<T[]> {
    return this.transaction('READ', options, (tx) => tx.run<T>(cypher, params));
  }

  /** Runs a write query in its own transaction. */
  write<T = Row>(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<T[]> {
    return this.transaction('WRITE', options, (tx) => tx.run<T>(cypher, params));
  }

  /**
   * Runs several statements in one write transaction: all of them take effect, or none. The work
   * may run more than once (the driver retries transient failures), so it must not keep state
   * from a failed attempt.
   */
  writeTransaction<T>(options: QueryOptions, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', options, work);
  }

  /** Runs several statements in one read transaction, which sees one consistent state. */
  readTransaction<T>(options: QueryOptions, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', options, work);
  }

  /**
   * Runs a statement in an auto-commit transaction: the only kind that may use
   * `CALL { ... } IN TRANSACTIONS`, for bulk work that commits in batches of its own.
   */
  async autoCommit(cypher: string, params: Record<string, unknown>, options: QueryOptions): Promise<void> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await this.statement('WRITE', options.tag, undefined, cypher, params, (converted) =>
        session.run(cypher, converted, { timeout: timeoutMs, metadata: { app: 'innovation-graph', tag: options.tag } }),
      );
    } catch (error) {
      throw translateDriverError(error, timeoutMs);
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** Observes every statement (used by tests to count round trips, and by metrics). */
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

  private async transaction<T>(mode: 'READ' | 'WRITE', options: QueryOptions, work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = { timeout: timeoutMs, metadata: { app: 'innovation-graph', tag: options.tag } };
    const managed = (tx: ManagedTransaction) => work(this.wrap(tx, mode, options.tag));
    // Neo4j enforces the timeout itself (TIMEOUT), but a database that stops answering altogether
    // (a frozen JVM, a dead network path) never says so: the caller stops waiting a little after
    // it, and since not even the timeout came back, the database counts as unavailable.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineError()), timeoutMs + CLIENT_DEADLINE_GRACE_MS);
    });
    let abandoned = false;
    try {
      return await Promise.race([mode === 'READ' ? session.executeRead(managed, config) : session.executeWrite(managed, config), deadline]);
    } catch (error) {
      abandoned = error instanceof DeadlineError;
      throw abandoned ? new ServiceUnavailableError() : translateDriverError(error, timeoutMs);
    } finally {
      clearTimeout(timer);
      // A session whose database is not answering cannot close either; it is left to the driver,
      // whose transaction Neo4j ends on its own timeout once it answers again.
      if (abandoned) void session.close().catch(() => undefined);
      else await session.close().catch(() => undefined);
    }
  }

  /**
   * The work's view of a driver transaction. Errors pass through unchanged: the driver must see
   * its own transient errors to retry the transaction, and {@link transaction} translates what
   * is left once it gives up.
   */
  private wrap(tx: ManagedTransaction, mode: 'READ' | 'WRITE', tag: string): GraphTransaction {
    return {
      run: <T = Row>(cypher: string, params: Record<string, unknown> = {}, step?: string) =>
        this.statement<T>(mode, tag, step, cypher, params, (converted) => tx.run(cypher, converted)),
    };
  }

  /** Sends one statement with its parameters converted, then reports and logs it, failed or not. */
  private async statement<T>(
    mode: 'READ' | 'WRITE',
    tag: string,
    step: string | undefined,
    cypher: string,
    params: Record<string, unknown>,
    send: (converted: Record<string, unknown>) => Promise<QueryResult>,
  ): Promise<T[]> {
    const started = performance.now();
    let failure: unknown;
    try {
      const result = await send(toCypherParams(params));
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      const ms = performance.now() - started;
      const ok = failure === undefined;
      if (this.options.logger?.isLevelEnabled('debug')) {
        // The parameters as the caller gave them: the converted ones are driver objects.
        const error = ok ? undefined : ((failure as { code?: string }).code ?? String(failure));
        this.options.logger.debug({ tag, step, mode, ms: Math.round(ms * 10) / 10, ok, error, cypher, params }, 'cypher');
      }
      for (const listener of this.listeners) listener(step === undefined ? { tag, mode, ms, ok } : { tag, step, mode, ms, ok });
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
