import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll } from 'vitest';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import { createApiServer, type ApiSecurity, type ApiServer } from '../../src/http/api-server.js';
import type { ResponseCacheSettings } from '../../src/http/response-cache.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { buildApiSchema } from '../../src/modules/schema.js';

export interface TestApi {
  /** Base URL of the server, e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  /** A graphql-request client for /graphql. */
  client: GraphQLClient;
  server: ApiServer;
}

/**
 * Starts the real HTTP server (Apollo, express, health) on a free port over the test graph for
 * the tests of one file. The returned object is filled in before the first test runs.
 */
/** The signing secret of test servers: tests issue tokens with it. */
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/** Security settings of test servers: no rate limit, production's query limits. */
export const TEST_SECURITY: ApiSecurity = { jwtSecret: TEST_JWT_SECRET, contactsRequireAuth: false, rateLimitPerMinute: 0, rateLimitPointsPerMinute: 0, maxQueryDepth: 12, maxQueryComplexity: 25_000 };

export function useTestApi(graph: GraphRunner, options: { production?: boolean; logger?: Logger; playground?: boolean; introspection?: boolean; debugErrors?: boolean; security?: Partial<ApiSecurity>; responseCache?: ResponseCacheSettings } = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    api.server = await createApiServer({
      schema: await buildApiSchema(),
      graph,
      logger: options.logger ?? createLogger('silent'),
      production: options.production ?? false,
      shutdownGraceMs: 1_000,
      ...(options.playground !== undefined ? { playground: options.playground } : {}),
      ...(options.introspection !== undefined ? { introspection: options.introspection } : {}),
      ...(options.debugErrors !== undefined ? { debugErrors: options.debugErrors } : {}),
      // Off unless a test asks: most tests change the graph behind the API's back.
      ...(options.responseCache ? { responseCache: options.responseCache } : {}),
      security: { ...TEST_SECURITY, ...options.security },
    });
    const url = await api.server.listen(0, '127.0.0.1');
    api.baseUrl = url.replace(/\/graphql$/, '');
    api.client = new GraphQLClient(url);
  });
  afterAll(() => api.server.stop());
  return api;
}
