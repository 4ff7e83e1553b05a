import 'reflect-metadata';
import { loadConfig } from '../../src/config.js';
import { GraphRunner } from '../../src/graph/graph-runner.js';
import { createApiServer } from '../../src/http/api-server.js';
import { createLogger } from '../../src/logger.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { benchDriver, childSettings, serveUntilStdinEnds } from './child.js';

/**
 * Our API as the benchmark runs it: the production HTTP stack (express, Apollo, limits, error
 * formatting) over its own driver, with the rate limit off and the complexity limit raised so
 * that the load generator's single client is never refused. The response cache runs with the
 * product's defaults, unless BENCH_RESPONSE_CACHE=off (the bench's `oursUncached`).
 */
await serveUntilStdinEnds(async () => {
  const settings = childSettings();
  const driver = benchDriver(settings);
  const graph = new GraphRunner(driver, { database: 'neo4j', timeoutMs: 60_000 });
  const server = await createApiServer({
    schema: await buildApiSchema(),
    graph,
    logger: createLogger('silent'),
    production: true,
    playground: false,
    shutdownGraceMs: 1_000,
    ...(process.env.BENCH_RESPONSE_CACHE === 'off' ? {} : { responseCache: loadConfig({}).responseCache }),
    security: { jwtSecret: 'bench-secret-bench-secret-bench-secret', contactsRequireAuth: false, rateLimitPerMinute: 0, maxQueryDepth: 12, maxQueryComplexity: 1_000_000 },
  });
  const url = await server.listen(settings.port, '127.0.0.1');
  return {
    url,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
});
