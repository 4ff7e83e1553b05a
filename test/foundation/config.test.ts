import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('configuration', () => {
  it('uses documented defaults when the environment says nothing', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.environment).toBe('development');
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.neo4j.embedded.boltPort).toBe(7687);
    expect(config.neo4j.embedded.heap).toBe('1g');
    expect(config.neo4j.embedded.dataDir).toMatch(/\.data[/\\]neo4j$/);
    expect(config.seedOnEmpty).toBe(true);
    expect(config.responseCache).toEqual({ maxAgeSeconds: 30, maxSizeMb: 64 });
    expect(config.neo4j.embedded.restart).toEqual({ maxRestarts: 5, windowMs: 300_000, initialDelayMs: 1_000, maxDelayMs: 30_000 });
  });

  it('reads the restart policy of the embedded Neo4j and rejects bad values', () => {
    const env = { NEO4J_EMBEDDED_RESTARTS: '0', NEO4J_EMBEDDED_RESTART_WINDOW_MS: '60000', NEO4J_EMBEDDED_RESTART_DELAY_MS: '250', NEO4J_EMBEDDED_RESTART_MAX_DELAY_MS: '4000' };
    expect(loadConfig(env).neo4j.embedded.restart).toEqual({ maxRestarts: 0, windowMs: 60_000, initialDelayMs: 250, maxDelayMs: 4_000 });
    expect(problemsOf({ NEO4J_EMBEDDED_RESTARTS: '-1', NEO4J_EMBEDDED_RESTART_WINDOW_MS: '10' })).toEqual([
      'NEO4J_EMBEDDED_RESTARTS must be a whole number from 0 to 1000, got "-1"',
      'NEO4J_EMBEDDED_RESTART_WINDOW_MS must be a whole number of milliseconds, at least 1000, got "10"',
    ]);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      CONTACTS_REQUIRE_AUTH: 'true',
      RATE_LIMIT_PER_MINUTE: '120',
      MAX_QUERY_DEPTH: '8',
      MAX_QUERY_COMPLEXITY: '5000',
      RATE_LIMIT_POINTS_PER_MINUTE: '20000',
      RATE_LIMIT_POINTS_PER_MINUTE_AUTHENTICATED: '80000',
      NEO4J_URI: 'neo4j://cluster.example:7687',
      NEO4J_USER: 'api',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'innovation',
      NEO4J_QUERY_TIMEOUT_MS: '5000',
      NEO4J_PAGE_CACHE: '512M',
      SEED_ON_EMPTY: 'false',
      RESPONSE_CACHE_SECONDS: '0',
      RESPONSE_CACHE_MB: '16',
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.environment).toBe('production');
    expect(config.security).toEqual({ jwtSecret: SECRET, contactsRequireAuth: true, rateLimitPerMinute: 120, rateLimitPointsPerMinute: 20_000, rateLimitPointsPerMinuteAuthenticated: 80_000, maxQueryDepth: 8, maxQueryComplexity: 5000 });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j://cluster.example:7687', user: 'api', password: 'secret', database: 'innovation', queryTimeoutMs: 5000 });
    expect(config.neo4j.embedded.pageCache).toBe('512m');
    expect(config.seedOnEmpty).toBe(false);
    expect(config.responseCache).toEqual({ maxAgeSeconds: 0, maxSizeMb: 16 });
  });

  it('serves the playground outside production, and in production only when PLAYGROUND=true', () => {
    expect(loadConfig({}).playground).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).playground).toBe(true);
    expect(loadConfig({ PLAYGROUND: 'false' }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }).playground).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET, PLAYGROUND: 'true' }).playground).toBe(true);
    expect(problemsOf({ PLAYGROUND: 'on' })).toEqual(['PLAYGROUND must be true or false, got "on"']);
  });

  it('is frozen, so no module can change it after start-up', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.neo4j.embedded)).toBe(true);
  });

  it('reports every problem at once, each naming the variable, the rule and the value', () => {
    const problems = problemsOf({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_HEAP: 'lots', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(4);
    expect(problems).toContain('PORT must be a whole number from 1 to 65535, got "eighty"');
    expect(problems).toContain('NEO4J_URI must use one of the schemes bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc, got "http://" in "http://localhost:7474"');
    expect(problems).toContain('NEO4J_HEAP must be a size such as 512m or 1g, got "lots"');
    expect(problems).toContain('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
  });

  it('rejects a NEO4J_URI that is not a URI at all', () => {
    expect(problemsOf({ NEO4J_URI: 'localhost 7687' })).toEqual(['NEO4J_URI must be a URI such as bolt://localhost:7687 or neo4j://cluster:7687, got "localhost 7687"']);
  });

  it('rejects ports outside 1-65535', () => {
    expect(problemsOf({ PORT: '70000', NEO4J_EMBEDDED_PORT: '0' })).toEqual([
      'PORT must be a whole number from 1 to 65535, got "70000"',
      'NEO4J_EMBEDDED_PORT must be a whole number from 1 to 65535, got "0"',
    ]);
  });

  it('rejects a malformed database name and a non-boolean flag', () => {
    expect(problemsOf({ NEO4J_DATABASE: 'my db', SEED_ON_EMPTY: 'maybe' })).toEqual([
      'SEED_ON_EMPTY must be true or false, got "maybe"',
      'NEO4J_DATABASE must be a Neo4j database name (letters, digits, dots, dashes; 3-63 characters), got "my db"',
    ]);
  });

  it('says all of it in one message, one problem a line', () => {
    expect(() => loadConfig({ PORT: 'x', NODE_ENV: 'staging' })).toThrowError(
      'Invalid configuration:\n  - NODE_ENV must be one of development, production, test, got "staging"\n  - PORT must be a whole number from 1 to 65535, got "x"',
    );
  });

  it('has safe security defaults: open reads, a rate limit, depth and cost limits', () => {
    expect(loadConfig({}).security).toEqual({ jwtSecret: undefined, contactsRequireAuth: false, rateLimitPerMinute: 600, rateLimitPointsPerMinute: 100_000, rateLimitPointsPerMinuteAuthenticated: 500_000, maxQueryDepth: 12, maxQueryComplexity: 25_000 });
  });

  it('refuses production without a signing secret, and a secret that is too short', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_JWT_SECRET must be set in production (at least 32 characters), so that tokens survive restarts and every instance accepts them',
    ]);
    expect(problemsOf({ AUTH_JWT_SECRET: 'short' })).toEqual(['AUTH_JWT_SECRET must be at least 32 characters, got 5']);
  });

  it('lists the production rules with every other problem, in one run', () => {
    expect(problemsOf({ NODE_ENV: 'production', PORT: 'eighty', NEO4J_HEAP: 'lots' })).toEqual([
      'PORT must be a whole number from 1 to 65535, got "eighty"',
      'NEO4J_HEAP must be a size such as 512m or 1g, got "lots"',
      'AUTH_JWT_SECRET must be set in production (at least 32 characters), so that tokens survive restarts and every instance accepts them',
    ]);
  });

  it('takes an empty variable as unset, and never echoes a secret that is too short', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '', SEED_ON_EMPTY: '' })).toMatchObject({ port: 4000, seedOnEmpty: true, neo4j: { uri: undefined } });
    expect(problemsOf({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'hunter2' }).join('\n')).not.toContain('hunter2');
  });

  it('rejects limits that are not whole numbers or too small', () => {
    expect(problemsOf({ RATE_LIMIT_PER_MINUTE: '-1', MAX_QUERY_DEPTH: '1', MAX_QUERY_COMPLEXITY: 'lots' })).toEqual([
      'RATE_LIMIT_PER_MINUTE must be a whole number, at least 0, got "-1"',
      'MAX_QUERY_DEPTH must be a whole number, at least 2, got "1"',
      'MAX_QUERY_COMPLEXITY must be a whole number, at least 10, got "lots"',
    ]);
    expect(problemsOf({ RESPONSE_CACHE_SECONDS: '1.5', RESPONSE_CACHE_MB: '0' })).toEqual([
      'RESPONSE_CACHE_SECONDS must be a whole number from 0 to 86400, got "1.5"',
      'RESPONSE_CACHE_MB must be a whole number from 1 to 16384, got "0"',
    ]);
  });
});
