import type { Driver } from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { createDriver, waitForNeo4j } from './driver.js';
import { startEmbeddedNeo4j } from './embedded-neo4j.js';
import { GraphRunner, type GraphRunnerOptions } from './graph-runner.js';
import { superviseEmbeddedNeo4j, type RestartPolicy } from './neo4j-supervisor.js';
import { applyGraphSchema } from './schema-setup.js';
import { isGraphEmpty } from './seed-writer.cypher.js';

/**
 * The one way to open the database, for the server, the tools, the tests and the benchmarks:
 * start the embedded Neo4j or connect to a URI, wait until it answers, apply the constraints and
 * indexes, seed it, and hand back one handle that closes all of it again.
 */

export interface EmbeddedGraphOptions {
  readonly boltPort: number;
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  /** Folder of plugin jars (APOC for the benchmark); none by default. */
  readonly pluginsDir?: string | undefined;
  /** How long to wait for the JVM to report ready. Defaults to 120_000 ms. */
  readonly startTimeoutMs?: number;
  /**
   * Restart the JVM when it exits while nobody asked it to (see neo4j-supervisor.ts). Without
   * this an exit is left to the caller, as the tests that stop the database on purpose need.
   */
  readonly supervise?: {
    readonly policy: RestartPolicy;
    readonly logger: Logger;
    /** True once the caller is shutting down, before it closes the handle: exits are expected from then on. */
    readonly shuttingDown?: () => boolean;
  };
}

/** What a seed step wrote, in the terms start-up reports it. */
export interface SeedSummary {
  readonly counts: Readonly<Record<string, number>>;
  readonly rows: number;
  readonly ms: number;
}

export interface SeedStep {
  /** `always` on every open (callers that reset the graph first); `if-empty` only when the graph holds no innovation. */
  readonly when: 'always' | 'if-empty';
  /** Writes the seed graph. Passed in because the importers (ingest/) build on this folder, not the other way round. */
  readonly load: (graph: GraphRunner) => Promise<SeedSummary>;
}

export type OpenGraphProgress =
  | { readonly step: 'embedded'; readonly message: string }
  | { readonly step: 'schema'; readonly message: string; readonly statements: number }
  | { readonly step: 'seed'; readonly message: string; readonly report: SeedSummary };

interface CommonOptions {
  /** The project folder: it holds `neo4j/` (the launcher) and `schema/constraints.cypher`. */
  readonly projectRoot: string;
  /** Defaults to `neo4j`. */
  readonly user?: string;
  /** For an embedded Neo4j, setting it turns auth on with this password; without it auth is off. */
  readonly password?: string | undefined;
  /** Defaults to `neo4j`. */
  readonly database?: string;
  /** How long to wait for Neo4j to answer once started or named. Defaults to 120_000 ms. */
  readonly connectTimeoutMs?: number;
  /** Timeout of every transaction the runner runs, unless a query sets its own. */
  readonly queryTimeoutMs: number;
  /** Further settings of the runner. */
  readonly runner?: Omit<GraphRunnerOptions, 'database' | 'timeoutMs'>;
  /** Runs once Neo4j answers, before anything is written; throws to refuse the database. */
  readonly verify?: (graph: GraphRunner) => Promise<void>;
  /** Apply `schema/constraints.cypher` and wait for the indexes to be online. Defaults to false. */
  readonly applySchema?: boolean;
  readonly seed?: SeedStep | undefined;
  readonly onProgress?: (event: OpenGraphProgress) => void;
}

/** Either an existing Neo4j by URI, or the embedded one, started for this handle. */
export type OpenGraphOptions = CommonOptions &
  ({ readonly uri: string; readonly embedded?: undefined } | { readonly embedded: EmbeddedGraphOptions; readonly uri?: undefined });

/** The embedded Neo4j a handle started: the same port and store for as long as the handle lives. */
export interface EmbeddedDatabase {
  /** Process id of the JVM; undefined while it is down. */
  pid(): number | undefined;
  /** Resolves when the supervisor gives up (restart budget spent); never without supervision. */
  readonly gaveUp: Promise<Error>;
  /** Stops the JVM and its supervision but leaves the driver open: queries fail as unavailable until {@link start}. */
  stop(): Promise<void>;
  /** Starts it again on the same port and store, where it recovers from its transaction log; the driver reconnects by itself. */
  start(): Promise<void>;
}

export interface GraphHandle {
  readonly uri: string;
  readonly driver: Driver;
  readonly graph: GraphRunner;
  /** Undefined when the handle connected to a URI. */
  readonly embedded: EmbeddedDatabase | undefined;
  /** What the seed step wrote; undefined when it wrote nothing. */
  readonly seeded: SeedSummary | undefined;
  /** Closes the driver, then stops the embedded Neo4j if this handle started it. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the database and prepares it. A failure at any step releases what was started before it
 * and is thrown, so a caller holds either a ready handle or nothing.
 */
export async function openGraph(options: OpenGraphOptions): Promise<GraphHandle> {
  const progress = options.onProgress ?? (() => {});
  const database = options.database ?? 'neo4j';
  let embedded: (EmbeddedDatabase & { readonly uri: string }) | undefined;
  let driver: Driver | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await driver?.close();
      } finally {
        await embedded?.stop();
      }
    })();
    return closing;
  };

  try {
    if (options.embedded) embedded = await startEmbedded(options.embedded, options, (message) => progress({ step: 'embedded', message }));
    const uri = embedded?.uri ?? options.uri!;
    driver = createDriver({ uri, user: options.user ?? 'neo4j', password: options.password });
    await waitForNeo4j(driver, uri, options.connectTimeoutMs ?? 120_000, database);
    const graph = new GraphRunner(driver, { ...options.runner, database, timeoutMs: options.queryTimeoutMs });
    await options.verify?.(graph);

    if (options.applySchema) {
      const statements = await applyGraphSchema(graph, options.projectRoot);
      progress({ step: 'schema', message: 'constraints and indexes in place', statements });
    }
    let seeded: SeedSummary | undefined;
    const seed = options.seed;
    if (seed && (seed.when === 'always' || (await isGraphEmpty(graph)))) {
      seeded = await seed.load(graph);
      progress({ step: 'seed', message: seed.when === 'always' ? 'loaded the seed graph' : 'loaded the seed graph into the empty database', report: seeded });
    }
    return { uri, driver, graph, embedded, seeded, close };
  } catch (error) {
    // The failure that stopped start-up is the one worth reporting, not a later one in cleanup.
    await close().catch(() => undefined);
    throw error;
  }
}

interface RunningNeo4j {
  readonly uri: string;
  pid(): number | undefined;
  stop(): Promise<void>;
}

async function startEmbedded(settings: EmbeddedGraphOptions, options: CommonOptions, onProgress: (line: string) => void): Promise<EmbeddedDatabase & { readonly uri: string }> {
  const launch = () =>
    startEmbeddedNeo4j({
      projectRoot: options.projectRoot,
      boltPort: settings.boltPort,
      dataDir: settings.dataDir,
      heap: settings.heap,
      pageCache: settings.pageCache,
      pluginsDir: settings.pluginsDir,
      password: options.password,
      ...(settings.startTimeoutMs === undefined ? {} : { startTimeoutMs: settings.startTimeoutMs }),
      onProgress,
    });
  let reportGaveUp: (error: Error) => void = () => {};
  const gaveUp = new Promise<Error>((resolve) => (reportGaveUp = resolve));

  const run = async (): Promise<RunningNeo4j> => {
    const supervise = settings.supervise;
    if (supervise) {
      const supervised = await superviseEmbeddedNeo4j({ start: launch, policy: supervise.policy, logger: supervise.logger, ...(supervise.shuttingDown ? { shuttingDown: supervise.shuttingDown } : {}) });
      void supervised.gaveUp.then(reportGaveUp);
      return supervised;
    }
    const instance = await launch();
    let alive = true;
    void instance.exited.then(() => (alive = false));
    return { uri: instance.uri, pid: () => (alive ? instance.pid : undefined), stop: () => instance.stop() };
  };

  let current: RunningNeo4j | undefined = await run();
  const uri = current.uri;
  return {
    uri,
    gaveUp,
    pid: () => current?.pid(),
    async stop() {
      const running = current;
      current = undefined;
      await running?.stop();
    },
    async start() {
      if (current) throw new Error(`The embedded Neo4j on ${uri} is running already; stop it before starting it again.`);
      const started = await run();
      if (started.uri !== uri) {
        await started.stop();
        // The driver holds the first URI and would never reach this one.
        throw new Error(`The embedded Neo4j came back on ${started.uri}, not on ${uri} where it ran before.`);
      }
      current = started;
    },
  };
}
