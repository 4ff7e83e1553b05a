import { GraphQLClient } from 'graphql-request';
import { afterAll, beforeAll } from 'vitest';
import type { GraphRunner } from '../../src/graph/graph-runner.js';
import { createApiServer, type ApiServer } from '../../src/http/api-server.js';
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
export function useTestApi(graph: GraphRunner, options: { production?: boolean; logger?: Logger } = {}): TestApi {
  const api = {} as TestApi;
  beforeAll(async () => {
    api.server = await createApiServer({
      schema: await buildApiSchema(),
      graph,
      logger: options.logger ?? createLogger('silent'),
      production: options.production ?? false,
      shutdownGraceMs: 1_000,
    });
    const url = await api.server.listen(0, '127.0.0.1');
    api.baseUrl = url.replace(/\/graphql$/, '');
    api.client = new GraphQLClient(url);
  });
  afterAll(() => api.server.stop());
  return api;
}
