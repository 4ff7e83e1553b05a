import type { Config } from './config.js';
import type { GraphRunner } from './graph/graph-runner.js';
import { openGraph } from './graph/open-graph.js';
import { createApiServer } from './http/api-server.js';
import { defaultSeedDir, importSeedFiles } from './ingest/seed-loader.js';
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
    const { restart: policy, ...embeddedSettings } = config.neo4j.embedded;
    const database = await openGraph({
      projectRoot,
      ...(config.neo4j.uri !== undefined
        ? { uri: config.neo4j.uri }
        : {
            embedded: {
              ...embeddedSettings,
              startTimeoutMs: config.neo4j.connectTimeoutMs,
              supervise: { policy, logger, shuttingDown: () => shutdown.started },
            },
          }),
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
      connectTimeoutMs: config.neo4j.connectTimeoutMs,
      queryTimeoutMs: config.neo4j.queryTimeoutMs,
      // Every statement with its parameters, at LOG_LEVEL=debug only (parameters hold contact details).
      runner: { logger: logger.child({ component: 'graph' }) },
      applySchema: true,
      seed: config.seedOnEmpty ? { when: 'if-empty', load: (graph) => importSeedFiles(graph, [defaultSeedDir(projectRoot)], { baseDir: projectRoot }) } : undefined,
      onProgress: (event) => {
        if (event.step === 'embedded') logger.info({ component: 'embedded-neo4j' }, event.message);
        else if (event.step === 'schema') logger.info({ statements: event.statements }, event.message);
        else logger.info({ counts: event.report.counts, rows: event.report.rows, ms: event.report.ms }, event.message);
      },
    });
    shutdown.add('Neo4j', () => database.close());
    void database.embedded?.gaveUp.then((error) => {
      if (!shutdown.started) markFailed(error);
    });
    const graph = database.graph;

    const server = await createApiServer({
      schema: await buildApiSchema(),
      graph,
      logger,
      production: config.environment === 'production',
      playground: config.playground,
      introspection: config.introspection,
      debugErrors: config.debugErrors,
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
