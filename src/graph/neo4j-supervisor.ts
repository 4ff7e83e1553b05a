import type { Logger } from '../logger.js';
import type { EmbeddedNeo4j, EmbeddedNeo4jExit } from './embedded-neo4j.js';

/**
 * Keeps the embedded Neo4j running: when its JVM exits while nobody asked it to (a crash, an
 * out-of-memory exit, a `kill -9`), it is started again on the same port and store, where Neo4j
 * recovers from its transaction log. Restarts back off and are bounded within a window; past the
 * bound the supervisor gives up and the server fails as it would without one. The driver keeps
 * its URI and reconnects by itself, so nothing else in the server knows about a restart.
 */

export interface RestartPolicy {
  /** Restarts allowed within {@link windowMs}; 0 turns restarting off. Defaults to 5. */
  readonly maxRestarts: number;
  /** The window that {@link maxRestarts} counts over. Defaults to 300_000 ms. */
  readonly windowMs: number;
  /** Delay before the first restart in a window; each further one doubles it. Defaults to 1_000 ms. */
  readonly initialDelayMs: number;
  /** Longest delay between restarts. Defaults to 30_000 ms. */
  readonly maxDelayMs: number;
}

export type RestartDecision =
  | { readonly restart: true; readonly attempt: number; readonly delayMs: number }
  | { readonly restart: false; readonly restartsInWindow: number };

/**
 * Whether to restart after an exit at `now`, given when earlier restarts were decided, and after
 * how long: 1 s, 2 s, 4 s ... (capped) for the 1st, 2nd, 3rd ... restart within the window. Once
 * the window holds no restart, the next one is the 1st again.
 */
export function decideRestart(policy: RestartPolicy, earlierRestarts: readonly number[], now: number): RestartDecision {
  const restartsInWindow = earlierRestarts.filter((at) => now - at < policy.windowMs).length;
  if (restartsInWindow >= policy.maxRestarts) return { restart: false, restartsInWindow };
  const delayMs = Math.min(policy.initialDelayMs * 2 ** restartsInWindow, policy.maxDelayMs);
  return { restart: true, attempt: restartsInWindow + 1, delayMs };
}

export interface SupervisorOptions {
  /** Starts the JVM (the same port and store every time) and resolves once it takes connections. */
  readonly start: () => Promise<EmbeddedNeo4j>;
  readonly policy: RestartPolicy;
  readonly logger: Logger;
  /** True once the server is shutting down: an exit from then on is expected, not restarted. */
  readonly shuttingDown?: () => boolean;
}

export interface SupervisedNeo4j {
  readonly uri: string;
  /** Process id of the running JVM; undefined while it is down or being restarted. */
  pid(): number | undefined;
  /** Restarts made so far. */
  restarts(): number;
  /** Resolves when the supervisor gives up (restart budget spent); it then starts nothing more. */
  readonly gaveUp: Promise<Error>;
  /** Stops the JVM and any restart in progress; resolves when the JVM is gone. Safe to call twice. */
  stop(): Promise<void>;
}

const describeExit = (exit: EmbeddedNeo4jExit) => (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`);

/** Starts the embedded Neo4j and supervises it; a failure of this first start is thrown, not retried. */
export async function superviseEmbeddedNeo4j(options: SupervisorOptions): Promise<SupervisedNeo4j> {
  const log = options.logger.child({ component: 'neo4j-supervisor' });
  const restartTimes: number[] = [];
  let current: EmbeddedNeo4j | undefined = await options.start();
  const uri = current.uri;
  let stopping = false;
  let pendingTimer: NodeJS.Timeout | undefined;
  let pendingStart: Promise<EmbeddedNeo4j | undefined> | undefined;
  let stopped: Promise<void> | undefined;
  let giveUp: (error: Error) => void = () => {};
  const gaveUp = new Promise<Error>((resolve) => (giveUp = resolve));

  const expected = () => stopping || (options.shuttingDown?.() ?? false);

  const watch = (instance: EmbeddedNeo4j) => {
    void instance.exited.then((exit) => {
      if (current === instance) current = undefined;
      if (expected()) return;
      scheduleRestart(`exited unexpectedly (${describeExit(exit)}, pid ${instance.pid})`, { code: exit.code, signal: exit.signal, pid: instance.pid }, Date.now());
    });
  };

  const scheduleRestart = (what: string, details: Record<string, unknown>, downSince: number) => {
    const decision = decideRestart(options.policy, restartTimes, Date.now());
    if (!decision.restart) {
      const message =
        options.policy.maxRestarts === 0
          ? `The embedded Neo4j ${what}.`
          : `The embedded Neo4j ${what}, after ${decision.restartsInWindow} restarts within ${Math.round(options.policy.windowMs / 1000)} s; giving up.`;
      log.error({ ...details, restartsInWindow: decision.restartsInWindow }, message);
      giveUp(new Error(message));
      return;
    }
    restartTimes.push(Date.now());
    log.warn(
      { ...details, attempt: decision.attempt, maxRestarts: options.policy.maxRestarts, delayMs: decision.delayMs },
      `The embedded Neo4j ${what}; restarting it in ${decision.delayMs / 1000} s (attempt ${decision.attempt} of ${options.policy.maxRestarts} within ${Math.round(options.policy.windowMs / 1000)} s)`,
    );
    pendingTimer = setTimeout(() => {
      pendingTimer = undefined;
      pendingStart = restart(decision.attempt, downSince);
    }, decision.delayMs);
  };

  const restart = async (attempt: number, downSince: number): Promise<EmbeddedNeo4j | undefined> => {
    const started = Date.now();
    try {
      const instance = await options.start();
      if (expected()) {
        await instance.stop();
        return undefined;
      }
      current = instance;
      watch(instance);
      log.info({ attempt, pid: instance.pid, startMs: Date.now() - started, downMs: Date.now() - downSince }, `Restarted the embedded Neo4j (attempt ${attempt}, pid ${instance.pid}); it was down ${((Date.now() - downSince) / 1000).toFixed(1)} s`);
      return instance;
    } catch (error) {
      if (!expected()) {
        const reason = error instanceof Error ? error.message : String(error);
        scheduleRestart(`could not be restarted (attempt ${attempt}: ${reason})`, { attempt, err: error }, downSince);
      }
      return undefined;
    } finally {
      pendingStart = undefined;
    }
  };

  watch(current);
  return {
    uri,
    pid: () => current?.pid,
    restarts: () => restartTimes.length,
    gaveUp,
    stop() {
      stopping = true;
      clearTimeout(pendingTimer);
      stopped ??= (async () => {
        await pendingStart;
        await current?.stop();
      })();
      return stopped;
    },
  };
}
