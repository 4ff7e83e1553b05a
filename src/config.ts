import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RestartPolicy } from './graph/neo4j-supervisor.js';

/**
 * The server's settings, read once from the environment at start-up and validated as a whole, so
 * that a misconfigured deployment hears about every problem at once instead of one per restart.
 */
export interface Config {
  /** `production` masks internal errors and turns introspection off. Defaults to `development`. */
  readonly environment: 'development' | 'production' | 'test';
  /** HTTP port of the API. Defaults to 4000. */
  readonly port: number;
  /** Interface the HTTP server binds to. Defaults to `127.0.0.1`; containers set `0.0.0.0`. */
  readonly host: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly neo4j: Neo4jConfig;
  /** Load the curated seed graph at start-up when the database holds no innovations. Defaults to true. */
  readonly seedOnEmpty: boolean;
  /** How long shutdown waits for in-flight requests before closing connections. Defaults to 10_000 ms. */
  readonly shutdownGraceMs: number;
  /** Serve the GraphiQL playground to browsers at /graphql. Defaults to true, and to false in production. */
  readonly playground: boolean;
  readonly security: SecurityConfig;
  readonly responseCache: ResponseCacheConfig;
}

/** Whole-response caching of queries in the API process (see http/response-cache.ts). */
export interface ResponseCacheConfig {
  /**
   * How long an answer may be reused, in seconds; 0 turns caching off. Writes through this
   * process show at once; writes from elsewhere after at most this long. Defaults to 30.
   */
  readonly maxAgeSeconds: number;
  /** Memory the cached answers may take, in MiB. Defaults to 64. */
  readonly maxSizeMb: number;
}

export interface SecurityConfig {
  /**
   * Secret that signs and checks access tokens (HS256), at least 32 characters. Required in
   * production; elsewhere a secret is generated once into `.data/auth-secret` when unset.
   */
  readonly jwtSecret: string | undefined;
  /** Show people's e-mail and phone to authenticated callers only. Defaults to false. */
  readonly contactsRequireAuth: boolean;
  /** Requests a client may make per minute; 0 turns the limit off. Defaults to 600. */
  readonly rateLimitPerMinute: number;
  /** Cost points an anonymous client (one address) may spend per minute (see http/query-limits.ts); 0 turns the budget off. Defaults to 100_000. */
  readonly rateLimitPointsPerMinute: number;
  /** Cost points a signed-in caller (one token subject, from any address) may spend per minute; 0 turns their budget off. Defaults to 500_000. */
  readonly rateLimitPointsPerMinuteAuthenticated: number;
  /** Deepest selection nesting a query may have. Defaults to 12. */
  readonly maxQueryDepth: number;
  /** Highest estimated cost a query may have (see http/query-limits.ts). Defaults to 25_000. */
  readonly maxQueryComplexity: number;
}

export interface Neo4jConfig {
  /** Where an existing Neo4j listens; when absent the server starts the embedded one. */
  readonly uri: string | undefined;
  readonly user: string;
  readonly password: string | undefined;
  readonly database: string;
  /** How long start-up waits for Neo4j to answer. Defaults to 120_000 ms. */
  readonly connectTimeoutMs: number;
  /** Timeout of every transaction the API runs. Defaults to 15_000 ms. */
  readonly queryTimeoutMs: number;
  readonly embedded: EmbeddedNeo4jConfig;
}

export interface EmbeddedNeo4jConfig {
  /** Bolt port of the embedded DBMS on 127.0.0.1. Defaults to 7687. */
  readonly boltPort: number;
  /** Store directory. Defaults to `.data/neo4j` under the project. */
  readonly dataDir: string;
  /** JVM heap, e.g. `1g`. Defaults to `1g`. */
  readonly heap: string;
  /** Page cache, e.g. `256m`. Defaults to `256m`. */
  readonly pageCache: string;
  /** How the server restarts the JVM when it exits unexpectedly (see graph/neo4j-supervisor.ts). */
  readonly restart: RestartPolicy;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The folder holding package.json, whether running from `src/` (tsx) or `dist/src/` (built). */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];
const SIZE = /^[1-9][0-9]*[kmg]$/i;

/** A whole number within bounds; the message names the variable, the rule and the value. */
const integer = (name: string, fallback: number, rule: { min: number; max?: number; unit?: string }) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < rule.min || (rule.max !== undefined && n > rule.max)) {
        const bounds = rule.max !== undefined ? ` from ${rule.min} to ${rule.max}` : `${rule.unit ? ` of ${rule.unit}` : ''}, at least ${rule.min}`;
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number${bounds}, got "${value}"` });
        return z.NEVER;
      }
      return n;
    });

const port = (name: string, fallback: number) => integer(name, fallback, { min: 1, max: 65535 });
const milliseconds = (name: string, fallback: number, min: number) => integer(name, fallback, { min, unit: 'milliseconds' });
const wholeNumber = (name: string, fallback: number, min: number) => integer(name, fallback, { min });

const size = (name: string, fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (!SIZE.test(value)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a size such as 512m or 1g, got "${value}"` });
        return z.NEVER;
      }
      return value.toLowerCase();
    });

const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T) =>
  z
    .string()
    .optional()
    .transform((value, ctx): T => {
      if (value === undefined || value === '') return fallback;
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be one of ${values.join(', ')}, got "${value}"` });
        return z.NEVER;
      }
      return value as T;
    });

const flag = <T extends boolean | undefined>(name: string, fallback: T) =>
  z
    .string()
    .optional()
    .transform((value, ctx): boolean | T => {
      if (value === undefined || value === '') return fallback;
      if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${value}"` });
      return z.NEVER;
    });

const neo4jUri = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === '') return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `NEO4J_URI must be a URI such as bolt://localhost:7687 or neo4j://cluster:7687, got "${value}"` });
      return z.NEVER;
    }
    const scheme = url.protocol.replace(/:$/, '');
    if (!NEO4J_SCHEMES.includes(scheme)) {
      ctx.addIssue({ code: 'custom', message: `NEO4J_URI must use one of the schemes ${NEO4J_SCHEMES.join(', ')}, got "${scheme}://" in "${value}"` });
      return z.NEVER;
    }
    if (!url.hostname) {
      ctx.addIssue({ code: 'custom', message: `NEO4J_URI must name a host, got "${value}"` });
      return z.NEVER;
    }
    return value;
  });

const environmentSchema = z.object({
  NODE_ENV: oneOf('NODE_ENV', ['development', 'production', 'test'] as const, 'development'),
  PORT: port('PORT', 4000),
  HOST: z.string().optional().transform((v) => (v ? v : '127.0.0.1')),
  LOG_LEVEL: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  SEED_ON_EMPTY: flag('SEED_ON_EMPTY', true),
  SHUTDOWN_GRACE_MS: milliseconds('SHUTDOWN_GRACE_MS', 10_000, 0),
  // Its default depends on NODE_ENV, so it is settled in loadConfig.
  PLAYGROUND: flag('PLAYGROUND', undefined),
  AUTH_JWT_SECRET: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      if (value.length < 32) {
        ctx.addIssue({ code: 'custom', message: `AUTH_JWT_SECRET must be at least 32 characters, got ${value.length}` });
        return z.NEVER;
      }
      return value;
    }),
  CONTACTS_REQUIRE_AUTH: flag('CONTACTS_REQUIRE_AUTH', false),
  RATE_LIMIT_PER_MINUTE: wholeNumber('RATE_LIMIT_PER_MINUTE', 600, 0),
  RATE_LIMIT_POINTS_PER_MINUTE: wholeNumber('RATE_LIMIT_POINTS_PER_MINUTE', 100_000, 0),
  RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED: wholeNumber('RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED', 500_000, 0),
  MAX_QUERY_DEPTH: wholeNumber('MAX_QUERY_DEPTH', 12, 2),
  MAX_QUERY_COMPLEXITY: wholeNumber('MAX_QUERY_COMPLEXITY', 25_000, 10),
  RESPONSE_CACHE_SECONDS: integer('RESPONSE_CACHE_SECONDS', 30, { min: 0, max: 86_400 }),
  RESPONSE_CACHE_MB: integer('RESPONSE_CACHE_MB', 64, { min: 1, max: 16_384 }),
  NEO4J_URI: neo4jUri,
  NEO4J_USER: z.string().optional().transform((v) => (v ? v : 'neo4j')),
  NEO4J_PASSWORD: z.string().optional().transform((v) => (v ? v : undefined)),
  NEO4J_DATABASE: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return 'neo4j';
      if (!/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `NEO4J_DATABASE must be a Neo4j database name (letters, digits, dots, dashes; 3-63 characters), got "${value}"` });
        return z.NEVER;
      }
      return value;
    }),
  NEO4J_CONNECT_TIMEOUT_MS: milliseconds('NEO4J_CONNECT_TIMEOUT_MS', 120_000, 1_000),
  NEO4J_QUERY_TIMEOUT_MS: milliseconds('NEO4J_QUERY_TIMEOUT_MS', 15_000, 100),
  NEO4J_EMBEDDED_PORT: port('NEO4J_EMBEDDED_PORT', 7687),
  NEO4J_DATA_DIR: z.string().optional().transform((v) => path.resolve(projectRoot, v ? v : '.data/neo4j')),
  NEO4J_HEAP: size('NEO4J_HEAP', '1g'),
  NEO4J_PAGE_CACHE: size('NEO4J_PAGE_CACHE', '256m'),
  NEO4J_EMBEDDED_RESTARTS: integer('NEO4J_EMBEDDED_RESTARTS', 5, { min: 0, max: 1_000 }),
  NEO4J_EMBEDDED_RESTART_WINDOW_MS: milliseconds('NEO4J_EMBEDDED_RESTART_WINDOW_MS', 300_000, 1_000),
  NEO4J_EMBEDDED_RESTART_DELAY_MS: milliseconds('NEO4J_EMBEDDED_RESTART_DELAY_MS', 1_000, 0),
  NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS: milliseconds('NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS', 30_000, 0),
});

/** Reads and validates the configuration; throws a {@link ConfigError} naming every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.AUTH_JWT_SECRET) {
    throw new ConfigError(['AUTH_JWT_SECRET must be set in production (at least 32 characters), so that tokens survive restarts and every instance accepts them']);
  }
  return deepFreeze({
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    seedOnEmpty: e.SEED_ON_EMPTY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    playground: e.PLAYGROUND ?? e.NODE_ENV !== 'production',
    security: {
      jwtSecret: e.AUTH_JWT_SECRET,
      contactsRequireAuth: e.CONTACTS_REQUIRE_AUTH,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      rateLimitPointsPerMinute: e.RATE_LIMIT_POINTS_PER_MINUTE,
      rateLimitPointsPerMinuteAuthenticated: e.RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED,
      maxQueryDepth: e.MAX_QUERY_DEPTH,
      maxQueryComplexity: e.MAX_QUERY_COMPLEXITY,
    },
    responseCache: { maxAgeSeconds: e.RESPONSE_CACHE_SECONDS, maxSizeMb: e.RESPONSE_CACHE_MB },
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
      embedded: {
        boltPort: e.NEO4J_EMBEDDED_PORT,
        dataDir: e.NEO4J_DATA_DIR,
        heap: e.NEO4J_HEAP,
        pageCache: e.NEO4J_PAGE_CACHE,
        restart: {
          maxRestarts: e.NEO4J_EMBEDDED_RESTARTS,
          windowMs: e.NEO4J_EMBEDDED_RESTART_WINDOW_MS,
          initialDelayMs: e.NEO4J_EMBEDDED_RESTART_DELAY_MS,
          maxDelayMs: e.NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS,
        },
      },
    },
  });
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
