import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { callerFromHeader, CredentialsError } from '../auth/caller.js';
import { ErrorCode } from '../errors.js';
import { createContext, type RequestContext } from '../context.js';
import { languageFromHeader } from '../language.js';
import type { GraphRunner } from '../graph/graph-runner.js';
import type { Logger } from '../logger.js';
import { errorLoggingPlugin } from './error-logging.plugin.js';
import { createErrorFormatter } from './format-error.js';
import { healthRouter } from './health.js';
import { complexityLimitPlugin, depthLimitRule, type CostBudgetHook } from './query-limits.js';
import { CostBudget, rateLimitMiddleware } from './rate-limit.js';
import { mutationAuthenticationPlugin } from './mutation-authentication.js';
import { responseCachePlugins, type ResponseCacheSettings } from './response-cache.js';
import { playgroundRouter } from './playground.js';
import { explorerRouter } from './explorer.js';

export interface ApiServerOptions {
  readonly schema: GraphQLSchema;
  readonly security: ApiSecurity;
  readonly graph: GraphRunner;
  readonly logger: Logger;
  readonly production: boolean;
  /** Serve the GraphiQL playground to browsers at /graphql. Defaults to true outside production. */
  readonly playground?: boolean;
  /** Answer introspection queries. Defaults to true outside production. */
  readonly introspection?: boolean;
  /** Add stack traces to errors (development only). Defaults to false. */
  readonly debugErrors?: boolean;
  /** How long stop() lets in-flight requests finish before closing their connections. */
  readonly shutdownGraceMs: number;
  /** Whole-response caching of queries (see http/response-cache.ts); off when absent. */
  readonly responseCache?: ResponseCacheSettings;
}

export interface ApiSecurity {
  /** Secret that checks bearer tokens. */
  readonly jwtSecret: string;
  readonly contactsRequireAuth: boolean;
  /** 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
  /** Cost points an anonymous client (by address) may spend per minute (see http/query-limits.ts); 0 or absent turns the budget off. */
  readonly rateLimitPointsPerMinute?: number;
  /** The same for a signed-in caller (by token subject); 0 or absent turns their budget off. */
  readonly rateLimitPointsPerMinuteAuthenticated?: number;
  readonly maxQueryDepth: number;
  readonly maxQueryComplexity: number;
}

export interface ApiServer {
  readonly httpServer: Server;
  /** Starts listening; resolves with the URL of the GraphQL endpoint. */
  listen(port: number, host: string): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish (up to the grace period), then closes. */
  stop(): Promise<void>;
}

/** Builds the HTTP server: GraphQL at /graphql (GraphiQL for browsers), the Explorer at /, health at /health/*. Does not start listening. */
export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let draining = false;
  // The address each request's context came from, for the budget of anonymous callers.
  const addresses = new WeakMap<RequestContext, string>();
  const costBudget = costBudgetHook(options.security, (context) => addresses.get(context) ?? 'unknown');

  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    introspection: options.introspection ?? !options.production,
    includeStacktraceInErrorResponses: (options.debugErrors ?? false) && !options.production,
    // Refuse operations whose selections expand into too many fields (e.g. through fragments).
    maxRecursiveSelections: true,
    // On by default; said here because the write API relies on it: browsers cannot send a
    // "simple" cross-site request that Apollo would execute.
    csrfPrevention: true,
    validationRules: [depthLimitRule(options.security.maxQueryDepth)],
    formatError: createErrorFormatter({ production: options.production, schema: options.schema, debugErrors: options.debugErrors ?? false }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      errorLoggingPlugin(),
      // Before the limits: an anonymous mutation is refused as such, whatever its size or input.
      mutationAuthenticationPlugin(),
      complexityLimitPlugin(options.security.maxQueryComplexity, costBudget),
      ...responseCachePlugins(options.responseCache ?? { maxAgeSeconds: 0, maxSizeMb: 0 }),
    ],
  });
  await apollo.start();

  app.use(healthRouter({ databaseReady: () => options.graph.ping(), draining: () => draining }));
  if (options.playground ?? !options.production) app.use(playgroundRouter());
  app.use(explorerRouter());
  if (options.security.rateLimitPerMinute > 0) app.use('/graphql', rateLimitMiddleware(options.security.rateLimitPerMinute));
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req.headers['x-request-id']);
        res.setHeader('x-request-id', requestId);
        const caller = await callerFromHeader(req.headers.authorization, options.security.jwtSecret).catch((error: unknown) => {
          if (!(error instanceof CredentialsError)) throw error;
          throw new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
        });
        const context = createContext({ logger: options.logger, graph: options.graph, settings: { contactsRequireAuth: options.security.contactsRequireAuth } }, requestId, caller, languageFromHeader(req.headers['accept-language']));
        // Counted like the request limit: by address, IPv6 by its /56.
        addresses.set(context, ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? ''));
        return context;
      },
    }),
  );

  app.use(bodyErrorHandler);

  let stopping: Promise<void> | undefined;
  return {
    httpServer,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'EADDRINUSE'
              ? new Error(`Port ${port} on ${host} is already in use: is another server running? Stop it or set PORT.`)
              : error,
          );
        };
        httpServer.once('error', onError);
        httpServer.listen(port, host, () => {
          httpServer.off('error', onError);
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}/graphql`);
        });
      });
    },
    stop() {
      draining = true;
      stopping ??= apollo.stop();
      return stopping;
    },
  };
}

const BODY_LIMIT = '100kb';

/**
 * Which budget a request is charged to, as GitHub counts: a signed-in caller by its token's
 * subject, wherever it connects from (so one caller cannot multiply its budget over addresses, nor
 * spend an office's shared address), and an anonymous one by its address, with a smaller budget.
 */
function costBudgetHook(security: ApiSecurity, addressOf: (context: RequestContext) => string): CostBudgetHook<RequestContext> | undefined {
  const anonymous = (security.rateLimitPointsPerMinute ?? 0) > 0 ? new CostBudget(security.rateLimitPointsPerMinute!) : undefined;
  const authenticated = (security.rateLimitPointsPerMinuteAuthenticated ?? 0) > 0 ? new CostBudget(security.rateLimitPointsPerMinuteAuthenticated!) : undefined;
  if (!anonymous && !authenticated) return undefined;
  return {
    accountOf: (context) => {
      if (context.caller.kind === 'authenticated') return authenticated && { budget: authenticated, client: `subject:${context.caller.subject}` };
      return anonymous && { budget: anonymous, client: `address:${addressOf(context)}` };
    },
  };
}

/**
 * The JSON body parser's refusals (too large, not JSON) as GraphQL-shaped errors, so that clients
 * read them like any other; express would otherwise answer with an HTML page and a stack trace.
 */
const bodyErrorHandler: ErrorRequestHandler = (error: { type?: unknown; status?: unknown; message?: unknown }, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error.type === 'entity.too.large') {
    res.status(413).json({ errors: [{ message: 'The request body is larger than the limit of 100 kB.', extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE } }] });
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res.status(400).json({ errors: [{ message: `The request body is not valid JSON: ${String(error.message)}.`, extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next(error);
};

/** A caller's own request id when it is a sane token (for tracing across services), else a new one. */
function requestIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}
