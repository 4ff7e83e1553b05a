import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The folder holding package.json, whether running from `src/` (tsx) or `dist/src/` (built). */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

// Each built-in check states only its rule; loadConfig prefixes the variable and appends the value
// as it was written, which the checks no longer see once z.coerce has turned "eighty" into NaN.
const whole = (min: number, max?: number, unit = '') => {
  const error = max === undefined ? `must be a whole number${unit}, at least ${min}` : `must be a whole number from ${min} to ${max}`;
  const atLeast = z.coerce.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
};
const port = () => whole(1, 65_535);
const milliseconds = (min: number) => whole(min, undefined, ' of milliseconds');
const flag = () => z.stringbool({ truthy: ['true', '1', 'yes'], falsy: ['false', '0', 'no'], case: 'insensitive', error: 'must be true or false' });
const size = () => z.string().regex(/^[1-9][0-9]*[kmg]$/i, { error: 'must be a size such as 512m or 1g' }).transform((s) => s.toLowerCase());
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

// Custom checks write the whole sentence: the URI names what is wrong with it, and a secret is
// never echoed, only its length.
const neo4jUri = z.string().superRefine((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const scheme = url?.protocol.replace(/:$/, '');
  if (!url) ctx.addIssue({ code: 'custom', message: `NEO4J_URI must be a URI such as bolt://localhost:7687 or neo4j://cluster:7687, got "${value}"` });
  else if (!NEO4J_SCHEMES.includes(scheme ?? '')) ctx.addIssue({ code: 'custom', message: `NEO4J_URI must use one of the schemes ${NEO4J_SCHEMES.join(', ')}, got "${scheme}://" in "${value}"` });
  else if (!url.hostname) ctx.addIssue({ code: 'custom', message: `NEO4J_URI must name a host, got "${value}"` });
});
const jwtSecret = z.string().refine((s) => s.length >= 32, { error: (issue) => `AUTH_JWT_SECRET must be at least 32 characters, got ${String(issue.input).length}` });

const environmentSchema = z
  .object({
    NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
    PORT: port().default(4000),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_ON_EMPTY: flag().default(true),
    SHUTDOWN_GRACE_MS: milliseconds(0).default(10_000),
    // Its default depends on NODE_ENV, so it is settled in the transform below.
    PLAYGROUND: flag().optional(),
    INTROSPECTION: flag().optional(),
    DEBUG_ERRORS: flag().optional(),
    AUTH_JWT_SECRET: jwtSecret.optional(),
    CONTACTS_REQUIRE_AUTH: flag().default(false),
    RATE_LIMIT_PER_MINUTE: whole(0).default(600),
    RATE_LIMIT_POINTS_PER_MINUTE: whole(0).default(100_000),
    RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED: whole(0).default(500_000),
    MAX_QUERY_DEPTH: whole(2).default(12),
    MAX_QUERY_COMPLEXITY: whole(10).default(25_000),
    RESPONSE_CACHE_SECONDS: whole(0, 86_400).default(30),
    RESPONSE_CACHE_MB: whole(1, 16_384).default(64),
    NEO4J_URI: neo4jUri.optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, { error: 'must be a Neo4j database name (letters, digits, dots, dashes; 3-63 characters)' })
      .default('neo4j'),
    NEO4J_CONNECT_TIMEOUT_MS: milliseconds(1_000).default(120_000),
    NEO4J_QUERY_TIMEOUT_MS: milliseconds(100).default(15_000),
    NEO4J_EMBEDDED_PORT: port().default(7687),
    NEO4J_DATA_DIR: z.string().default('.data/neo4j').transform((dir) => path.resolve(projectRoot, dir)),
    NEO4J_HEAP: size().default('1g'),
    NEO4J_PAGE_CACHE: size().default('256m'),
    NEO4J_EMBEDDED_RESTARTS: whole(0, 1_000).default(5),
    NEO4J_EMBEDDED_RESTART_WINDOW_MS: milliseconds(1_000).default(300_000),
    NEO4J_EMBEDDED_RESTART_DELAY_MS: milliseconds(0).default(1_000),
    NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS: milliseconds(0).default(30_000),
  })
  .superRefine(
    (e, ctx) => {
      if (e.NODE_ENV === 'production' && e.AUTH_JWT_SECRET === undefined) {
        ctx.addIssue({ code: 'custom', path: ['AUTH_JWT_SECRET'], message: 'AUTH_JWT_SECRET must be set in production (at least 32 characters), so that tokens survive restarts and every instance accepts them' });
      }
    },
    // Zod skips object checks once a field has failed; this rule must be listed with the rest.
    { when: () => true },
  )
  .transform((e) => ({
    /** `production` masks internal errors and turns introspection off. Defaults to `development`. */
    environment: e.NODE_ENV,
    /** HTTP port of the API. Defaults to 4000. */
    port: e.PORT,
    /** Interface the HTTP server binds to. Defaults to `127.0.0.1`; containers set `0.0.0.0`. */
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    /** Load the curated seed graph at start-up when the database holds no innovations. Defaults to true. */
    seedOnEmpty: e.SEED_ON_EMPTY,
    /** How long shutdown waits for in-flight requests before closing connections. Defaults to 10_000 ms. */
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    /** Serve the GraphiQL playground to browsers at /graphql. Defaults to true, and to false in production. */
    playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
    /** Answer introspection queries (GraphiQL's Docs panel, code generators). Defaults to true, and to false in production. */
    introspection: e.INTROSPECTION ?? e.NODE_ENV !== 'production',
    /** Add the server's stack trace to errors answered (never in production). Defaults to false: clients show errors, and a trace only hides the message. */
    debugErrors: (e.DEBUG_ERRORS ?? false) && e.NODE_ENV !== 'production',
    security: {
      /**
       * Secret that signs and checks access tokens (HS256), at least 32 characters. Required in
       * production; elsewhere a secret is generated once into `.data/auth-secret` when unset.
       */
      jwtSecret: e.AUTH_JWT_SECRET,
      /** Show people's e-mail and phone to authenticated callers only. Defaults to false. */
      contactsRequireAuth: e.CONTACTS_REQUIRE_AUTH,
      /** Requests a client may make per minute; 0 turns the limit off. Defaults to 600. */
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      /** Cost points an anonymous client (one address) may spend per minute (see http/query-limits.ts); 0 turns the budget off. Defaults to 100_000. */
      rateLimitPointsPerMinute: e.RATE_LIMIT_POINTS_PER_MINUTE,
      /** Cost points a signed-in caller (one token subject, from any address) may spend per minute; 0 turns their budget off. Defaults to 500_000. */
      rateLimitPointsPerMinuteAuthenticated: e.RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED,
      /** Deepest selection nesting a query may have. Defaults to 12. */
      maxQueryDepth: e.MAX_QUERY_DEPTH,
      /** Highest estimated cost a query may have (see http/query-limits.ts). Defaults to 25_000. */
      maxQueryComplexity: e.MAX_QUERY_COMPLEXITY,
    },
    /** Whole-response caching of queries in the API process (see http/response-cache.ts). */
    responseCache: {
      /**
       * How long an answer may be reused, in seconds; 0 turns caching off. Writes through this
       * process show at once; writes from elsewhere after at most this long. Defaults to 30.
       */
      maxAgeSeconds: e.RESPONSE_CACHE_SECONDS,
      /** Memory the cached answers may take, in MiB. Defaults to 64. */
      maxSizeMb: e.RESPONSE_CACHE_MB,
    },
    neo4j: {
      /** Where an existing Neo4j listens; when absent the server starts the embedded one. */
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      /** How long start-up waits for Neo4j to answer. Defaults to 120_000 ms. */
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      /** Timeout of every transaction the API runs. Defaults to 15_000 ms. */
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      embedded: {
        /** Bolt port of the embedded DBMS on 127.0.0.1. Defaults to 7687. */
        boltPort: e.NEO4J_EMBEDDED_PORT,
        /** Store directory. Defaults to `.data/neo4j` under the project. */
        dataDir: e.NEO4J_DATA_DIR,
        /** JVM heap, e.g. `1g`. Defaults to `1g`. */
        heap: e.NEO4J_HEAP,
        /** Page cache, e.g. `256m`. Defaults to `256m`. */
        pageCache: e.NEO4J_PAGE_CACHE,
        /** How the server restarts the JVM when it exits unexpectedly (see graph/neo4j-supervisor.ts). */
        restart: {
          maxRestarts: e.NEO4J_EMBEDDED_RESTARTS,
          windowMs: e.NEO4J_EMBEDDED_RESTART_WINDOW_MS,
          initialDelayMs: e.NEO4J_EMBEDDED_RESTART_DELAY_MS,
          maxDelayMs: e.NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS,
        },
      },
    },
  }));

type Frozen<T> = { readonly [K in keyof T]: T[K] extends object ? Frozen<T[K]> : T[K] };

/**
 * The server's settings, read once from the environment at start-up and validated as a whole, so
 * that a misconfigured deployment hears about every problem at once instead of one per restart.
 */
export type Config = Frozen<z.output<typeof environmentSchema>>;
export type SecurityConfig = Config['security'];
export type ResponseCacheConfig = Config['responseCache'];
export type Neo4jConfig = Config['neo4j'];
export type EmbeddedNeo4jConfig = Config['neo4j']['embedded'];

/** Reads and validates the configuration; throws a {@link ConfigError} naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means the same as an unset one, so that `FOO= npm start` takes the default.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        if (issue.code === 'custom') return issue.message;
        const name = String(issue.path[0]);
        return `${name} ${issue.message}, got "${set[name]}"`;
      }),
    );
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T extends object>(value: T): Frozen<T> {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
