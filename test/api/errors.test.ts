import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDriver } from '../../src/graph/driver.js';
import { GraphRunner } from '../../src/graph/graph-runner.js';
import { createLogger } from '../../src/logger.js';
import { useTestApi } from '../support/api.js';
import { inject } from 'vitest';

// A runner aimed at a database that does not exist: every query fails with an error the API
// does not expect, which is how a fault looks to the error handling.
const driver = createDriver({ uri: inject('neo4jUri'), user: 'neo4j', password: inject('neo4jPassword') });
const broken = new GraphRunner(driver, { database: 'nosuchdatabase', timeoutMs: 5_000 });
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
    done();
  },
});
const production = useTestApi(broken, { production: true, logger: createLogger('error', {}, sink) });
const development = useTestApi(broken, { production: false, logger: createLogger('silent') });
const debugging = useTestApi(broken, { production: false, debugErrors: true, logger: createLogger('silent') });

async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

describe('internal errors', () => {
  it('are masked in production, carry the request id, and are logged with it', async () => {
    const { body, headers } = await post(production.baseUrl, { query: '{ innovation(id: "min-video") { id } }' }, { 'x-request-id': 'req-123' });
    expect(headers.get('x-request-id')).toBe('req-123');
    expect(body.errors![0]).toEqual({
      message: 'Internal server error; it has been logged as request req-123.',
      path: ['innovation'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-123' },
    });
    const logged = lines.find((l) => l.requestId === 'req-123');
    expect(logged).toMatchObject({ msg: 'unexpected error while resolving a request' });
    expect(JSON.stringify(logged)).toContain('nosuchdatabase');
  });

  it('keep their message in development, for the developer', async () => {
    const { body } = await post(development.baseUrl, { query: '{ innovation(id: "min-video") { id } }' });
    expect(body.errors![0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors![0]!.message).toContain('nosuchdatabase');
  });

  it('give every request an id when the caller sends none', async () => {
    const { headers } = await post(production.baseUrl, { query: '{ __typename }' });
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('suggest no field names in production, where the schema is not published', async () => {
    const { body: hidden } = await post(production.baseUrl, { query: '{ innovatio(id: "min-video") { id } }' });
    expect(hidden.errors![0]!.message).toBe('Cannot query field "innovatio" on type "Query".');
    const { body: helped } = await post(development.baseUrl, { query: '{ innovatio(id: "min-video") { id } }' });
    expect(helped.errors![0]!.message).toMatch(/Did you mean "innovation"/);
  });

  it('carry no stack trace in development either, unless DEBUG_ERRORS asks for one', async () => {
    const query = { query: '{ innovations(first: 1000) { totalCount } }' };
    const { body: plain } = await post(development.baseUrl, query);
    expect(plain.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(plain.errors![0]!.extensions).not.toHaveProperty('stacktrace');
    const { body: debugged } = await post(debugging.baseUrl, query);
    expect(debugged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', stacktrace: expect.arrayContaining([expect.stringMatching(/^BadUserInputError: first must be/)]) });
  });

  it('hide stack traces in production even for user errors', async () => {
    const { body } = await post(production.baseUrl, { query: '{ innovations(first: 1000) { totalCount } }' });
    expect(body.errors![0]).toMatchObject({ message: 'first must be a whole number from 1 to 100, got 1000', extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors![0]!.extensions.stacktrace).toBeUndefined();
  });
});
