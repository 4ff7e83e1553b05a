import type { Config } from './config.js';
import { createDriver, waitForNeo4j } from './graph/driver.js';
import { startEmbeddedNeo4j } from './graph/embedded-neo4j.js';
import { GraphRunner } from './graph/graph-runner.js';
import { superviseEmbeddedNeo4j } from './graph/neo4j-supervisor.js';
import { applyGraphSchema } from './graph/schema-setup.js';
import { createApiServer } from './http/api-server.js';
import { seedIfEmpty } from './ingest/seed-loader.js';
import { resolveJwtSecret } from './auth/secret.js';
import { ShutdownSequence } from './lifecycle.js';
import type { Logger } from './logger.js';
import { buildApiSchema } from './modules/schema.js';

export interface RunningServer {
  readonly url: string;
  readonly graph: GraphRunner;
  /** Drains HTTP, closes the driver, stops the embedded DBMS (if this process started it). */
  stop(reason: string): Promise<void>;
  /**
   * Resolves when something this server depends on ends for good: the embedded DBMS died more
   * often than its restart policy allows (see graph/neo4j-supervisor.ts).
   */
  readonly failed: Promise<Error>;
}

/**
 * Wiring only: config -> Neo4j (embedded unless NEO4J_URI is set) -> schema and seed -> GraphQL
 * -> listen. Every resource registers its cleanup as it comes up, so a failure halfway through
 * start-up still releases what was started.
 */
export async function startServer(config: Config, logger: Logger, projectRoot: string): Promise<RunningServer> {
  const shutdown = new ShutdownSequence(logger);
  let markFailed: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (markFailed = resolve));
  try {
    let uri = config.neo4j.uri;
    if (uri === undefined) {
      const { restart: policy, ...embeddedSettings } = config.neo4j.embedded;
      const embedded = await superviseEmbeddedNeo4j({
        start: () =>
          startEmbeddedNeo4j({
            projectRoot,
            ...embeddedSettings,
            password: config.neo4j.password,
            startTimeoutMs: config.neo4j.connectTimeoutMs,
            onProgress: (line) => logger.info({ component: 'embedded-neo4j' }, line),
          }),
        policy,
        logger,
        shuttingDown: () => shutdown.started,
      });
      shutdown.add('embedded Neo4j', () => embedded.stop());
      void embedded.gaveUp.then((error) => {
        if (!shutdown.started) markFailed(error);
      });
      uri = embedded.uri;
    }

    const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
    shutdown.add('Neo4j driver', () => driver.close());
    await waitForNeo4j(driver, uri, config.neo4j.connectTimeoutMs, config.neo4j.database);
    const graph = new GraphRunner(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });

    const statements = await applyGraphSchema(graph, projectRoot);
    logger.info({ statements }, 'constraints and indexes in place');
    if (config.seedOnEmpty) {
      const report = await seedIfEmpty(graph, projectRoot);
      if (report) logger.info({ counts: report.counts, rows: report.rows, ms: report.ms }, 'loaded the seed graph into the empty database');
    }

    const server = await createApiServer({
      schema: await buildApiSchema(),
      graph,
      logger,
      production: config.environment === 'production',
      playground: config.playground,
      shutdownGraceMs: config.shutdownGraceMs,
      responseCache: config.responseCache,
      security: { ...config.security, jwtSecret: resolveJwtSecret(config.security.jwtSecret, projectRoot) },
    });
    shutdown.add('HTTP server', () => server.stop());
    const url = await server.listen(config.port, config.host);
    return { url, graph, stop: (reason) => shutdown.run(reason), failed };
  } catch (error) {
    await shutdown.run('start-up failed');
    throw error;
  }
}
