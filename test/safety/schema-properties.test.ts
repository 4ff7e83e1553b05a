import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/roles.js';
import { PUBLIC_CODES } from '../../src/errors.js';
import { buildApiSchema } from '../../src/modules/schema.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { graphFingerprint, type GraphFingerprint } from '../support/graph-fingerprint.js';
import { useNamespace } from '../support/isolation.js';
import { schemaArbitraries, type GeneratedOperation } from '../support/schema-arbitraries.js';
import { bearer } from '../support/tokens.js';

// Properties of the whole API, over operations generated from its own schema (see
// support/schema-arbitraries.ts): whatever a client sends, the answer is never a fault, every error
// carries a documented code, and a refused write leaves the graph exactly as it was.
//
// PROPERTY_RUNS sets the runs of each property (default 40: about 70 s on a loaded 2-core machine,
// on top of Neo4j's start); PROPERTY_SEED replays a failure with the seed fast-check printed for it.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 40);
// Runs per root field of the explicit-null check: each run leaves out a different half of the nulls.
const NULL_RUNS = Math.max(2, Math.ceil(RUNS / 10));
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'schema-props');

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

interface Answer {
  status: number;
  body: GraphQLBody;
}

type Caller = 'anonymous' | 'reader' | 'editor' | 'admin';
const headersOf: Partial<Record<Caller, Record<string, string>>> = { anonymous: {} };
let sent = 0;

async function send(operation: GeneratedOperation, caller: Caller): Promise<Answer> {
  sent++;
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersOf[caller] },
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  });
  const text = await response.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`HTTP ${response.status} answered with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  tally(operation, body);
  // PROPERTY_LOG=<file> keeps every operation and its answer, one JSON line each, to study a run.
  if (process.env.PROPERTY_LOG) appendFileSync(process.env.PROPERTY_LOG, `${JSON.stringify({ caller, operation, status: response.status, body })}\n`);
  return { status: response.status, body };
}

// How the operations sent were answered, by kind: what the figures in a report are read from, and
// a check that the generators reach past the first refusal (some writes must be accepted).
const outcomes = new Map<string, number>();
function tally(operation: GeneratedOperation, body: GraphQLBody): void {
  const payload = body.data?.[operation.rootFields[0]!.key] as { problem?: { code?: string } | null } | null | undefined;
  const outcome = body.errors?.length
    ? String(body.errors[0]!.extensions?.code)
    : operation.operationType === 'mutation'
      ? payload?.problem
        ? `problem ${payload.problem.code}`
        : 'accepted'
      : 'answered';
  const key = `${operation.operationType} ${operation.kind}: ${outcome}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

/** What every answer must be, whatever was asked: no fault, and only documented codes. */
function expectNoFault({ status, body }: Answer): void {
  expect(status, JSON.stringify(body).slice(0, 2000)).toBeLessThan(500);
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    expect(code, `an error without a documented code: ${error.message}`).toBeTypeOf('string');
    expect(PUBLIC_CODES.has(code as string), `code ${String(code)} (${error.message})`).toBe(true);
  }
}

// Before any resolver runs, GraphQL (or the limits, or the mutation sign-in check, which come first)
// refuses an operation with one of these.
const REFUSED_BEFORE_EXECUTION = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'UNAUTHENTICATED', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP', 'PAYLOAD_TOO_LARGE']);

/** An operation whose values break their types must be refused whole, before anything runs. */
function expectRefusedWhole({ status, body }: Answer): void {
  expect(body.errors?.length, 'an invalid operation answered without errors').toBeGreaterThan(0);
  expect(body.data ?? null, 'an invalid operation answered with data').toBeNull();
  expect(status).toBeGreaterThanOrEqual(400);
  for (const error of body.errors!) expect(REFUSED_BEFORE_EXECUTION, error.message).toContain(error.extensions?.code);
}

/** A write is refused when its root field is null (it threw) or its payload names a problem. */
function writeRefused(operation: GeneratedOperation, body: GraphQLBody): boolean {
  const key = operation.rootFields[0]!.key;
  const payload = body.data?.[key] as { problem?: unknown } | null | undefined;
  return payload === null || payload === undefined || (payload.problem !== null && payload.problem !== undefined);
}

// Built here as well as by the server: the tests below are listed per root field.
const schema: GraphQLSchema = await buildApiSchema();
let arbitraries: ReturnType<typeof schemaArbitraries>;
let seedBefore: GraphFingerprint;
const fixtures = { innovations: [] as string[], organisations: [] as string[], people: [] as string[] };

beforeAll(async () => {
  for (const role of ['reader', 'editor', 'admin'] satisfies Role[]) headersOf[role] = await bearer(role, `schema-props-${role}`);

  seedBefore = await graphFingerprint(graph, { outside: ns('') });
  const beforeFixtures = await graphFingerprint(graph);

  // Entities of this file's own, which writes may change, merge and retire; the seed graph is
  // only ever referred to (a region, a theme, a partner), never written.
  const admin = headersOf.admin!;
  const write = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors).toBeUndefined();
    expect(Object.values(body.data!)[0]).toMatchObject({ problem: null });
  };
  for (const name of ['a', 'b', 'c']) {
    const id = ns(`org-${name}`);
    await write('mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { problem { code } } }', { input: { id, name: `Testorganisation ${name}`, kind: 'MUNICIPALITY', regionId: 'syddanmark' } });
    fixtures.organisations.push(id);
  }
  for (const name of ['a', 'b', 'c']) {
    const id = ns(`person-${name}`);
    await write('mutation ($input: CreatePersonInput!) { createPerson(input: $input) { problem { code } } }', { input: { id, name: `Testperson ${name}`, organisationId: fixtures.organisations[0] } });
    fixtures.people.push(id);
  }
  for (const name of ['a', 'b', 'c']) {
    const id = ns(`innovation-${name}`);
    await write('mutation ($input: CreateInnovationInput!) { createInnovation(input: $input) { problem { code } } }', {
      input: { id, title: `Testinnovation ${name}`, summary: 'En testinnovation, som kun findes i denne testfil.', kind: 'MAIN_CASE', nominatorIds: [fixtures.organisations[0]] },
    });
    fixtures.innovations.push(id);
  }

  // The fingerprint must see writes at all, or every "unchanged" below would pass for nothing.
  expect((await graphFingerprint(graph)).hash).not.toBe(beforeFixtures.hash);

  const seedIds = async (label: string) =>
    (await graph.read<{ id: string }>(`MATCH (n:${label}) WHERE NOT n.id STARTS WITH 't-' RETURN n.id AS id ORDER BY n.id LIMIT 25`, {}, { tag: 'test.ids' })).map((row) => row.id);
  const seed = {
    innovation: await seedIds('Innovation'),
    organisation: await seedIds('Organisation'),
    person: await seedIds('Person'),
    region: await seedIds('Region'),
    theme: await seedIds('Theme'),
    source: await seedIds('Source'),
  };
  // Ids the API has never seen: slugs, near misses and junk.
  const unknown = fc.oneof(fc.constantFrom('no-such-id', 'aarhus-kommune-x', 'AARHUS-KOMMUNE', ' aarhus-kommune', 'a--b', '-', ''), fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 10 }));
  // A random string could be a seed entity's id ("kl"): a write's subject never is.
  const everySeedId = new Set((await graph.read<{ id: string }>('MATCH (n) WHERE n.id IS NOT NULL RETURN n.id AS id', {}, { tag: 'test.ids' })).map((row) => row.id));
  const unknownToSeed = unknown.filter((id) => !everySeedId.has(id));
  const pick = (ids: string[]) => (ids.length > 0 ? fc.constantFrom(...ids) : unknown);
  const anySeed = pick(Object.values(seed).flat());
  const ours = fc.constantFrom(...fixtures.innovations, ...fixtures.organisations, ...fixtures.people);
  // A referred-to id of the right kind most of the time, so that lookups find something.
  const referred = (coordinate: string): fc.Arbitrary<string> => {
    const lower = coordinate.toLowerCase();
    const kind = lower.includes('innovation') || lower.includes('buildson')
      ? seed.innovation
      : lower.includes('region')
        ? seed.region
        : lower.includes('theme')
          ? seed.theme
          : lower.includes('document')
            ? seed.source
            : lower.includes('person')
              ? seed.person
              : lower.includes('organisation') || lower.includes('parent') || lower.includes('maker') || lower.includes('nominator') || lower.includes('owner')
                ? seed.organisation
                : Object.values(seed).flat();
    return fc.oneof({ weight: 4, arbitrary: pick(kind) }, { weight: 1, arbitrary: anySeed }, { weight: 1, arbitrary: ours }, { weight: 2, arbitrary: unknown });
  };

  arbitraries = schemaArbitraries(schema, {
    ids: (coordinate) => {
      // A create's id is always in this file's namespace: a fresh one, one that exists already
      // (ALREADY_EXISTS), or one that is no slug.
      if (/^Create\w+Input\.id$/.test(coordinate)) {
        return fc.oneof(fc.stringMatching(/^[a-z0-9]{1,8}$/).map((s) => ns(`new-${s}`)), ours, fc.constantFrom('Upper', 'two words', 'x--y', '').map((s) => ns(s)));
      }
      // What a write changes (its subject, both sides of a merge, the innovation a relation is
      // recorded on, and the one a lineage link points to, whose search document it rewrites):
      // only this file's entities, or ids that do not exist.
      if (WRITE_SUBJECTS.has(coordinate)) return fc.oneof({ weight: 4, arbitrary: ours }, { weight: 1, arbitrary: fc.constantFrom(...fixtures.innovations) }, { weight: 1, arbitrary: unknownToSeed }, { weight: 1, arbitrary: fc.constant(ns('missing')) });
      return referred(coordinate);
    },
    mustSend: (coordinate) => /^Create\w+Input\.id$/.test(coordinate),
  });
}, 180_000);

// Nulls for fields a write cannot clear: found by this suite as INTERNAL_SERVER_ERRORs (requireName
// was handed null); now null leaves the name as it is, as it does for kind.
const UNCLEARABLE_NULLS = [
  { field: 'updateOrganisation', subject: 'org-a', payload: 'organisation', nameField: 'name', read: 'organisation' },
  { field: 'updatePerson', subject: 'person-a', payload: 'person', nameField: 'name', read: 'person' },
  { field: 'updateInnovation', subject: 'innovation-a', payload: 'innovation', nameField: 'title', read: 'innovation' },
] as const;

function arbitraryRootFields(operationType: 'query' | 'mutation'): string[] {
  return Object.keys((operationType === 'query' ? schema.getQueryType() : schema.getMutationType())?.getFields() ?? {});
}

const WRITE_SUBJECTS = new Set([
  'Mutation.updateInnovation(id)',
  'Mutation.retireInnovation(id)',
  'Mutation.restoreInnovation(id)',
  'Mutation.updateOrganisation(id)',
  'Mutation.updatePerson(id)',
  'Mutation.mergeOrganisations(keepId)',
  'Mutation.mergeOrganisations(mergeId)',
  'Mutation.mergePeople(keepId)',
  'Mutation.mergePeople(mergeId)',
  'Mutation.addContact(innovationId)',
  'Mutation.removeContact(innovationId)',
  'Mutation.addPartnership(innovationId)',
  'Mutation.removePartnership(innovationId)',
  'LinkInnovationsInput.innovationId',
  'LinkInnovationsInput.buildsOnId',
  'RecordAdoptionInput.innovationId',
]);

const assertOptions = <T,>(): fc.Parameters<T> => ({ numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: false });

afterAll(() => {
  // The figures a commit message and a report quote.
  console.info(`schema properties: ${RUNS} runs per property, ${sent} operations sent\n${[...outcomes].sort().map(([k, n]) => `  ${k}: ${n}`).join('\n')}`);
});

/** A write answered: no fault, anonymous and readers refused, and a refusal changes nothing. */
async function expectSafeWrite(operation: GeneratedOperation, caller: Caller): Promise<void> {
  const before = await graphFingerprint(graph);
  const answer = await send(operation, caller);
  expectNoFault(answer);
  if (operation.kind === 'invalid') expectRefusedWhole(answer);
  if (caller === 'anonymous' || caller === 'reader') expect(writeRefused(operation, answer.body), `${caller} wrote`).toBe(true);
  if (caller === 'anonymous' && answer.body.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) expect(answer.status).toBe(401);
  if (writeRefused(operation, answer.body)) {
    const after = await graphFingerprint(graph);
    expect(after, `refused write changed the graph: ${JSON.stringify(answer.body).slice(0, 1000)}`).toEqual(before);
  }
}

describe('a null for a name that cannot be cleared', () => {
  it.each(UNCLEARABLE_NULLS)('$field keeps the $nameField it had', async ({ field, subject, payload, nameField, read }) => {
    const id = ns(subject);
    const readName = async () => {
      const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query ($id: ID!) { ${read}(id: $id) { ${nameField} } }`, variables: { id } }) });
      return ((await response.json()) as { data: Record<string, Record<string, string>> }).data[read]![nameField];
    };
    const before = await readName();
    expect(before).toMatch(/^Test/);
    const query = `mutation ($id: ID!) { ${field}(id: $id, input: { ${nameField}: null }) { ${payload} { ${nameField} } problem { code } } }`;
    const operation: GeneratedOperation = { kind: 'valid', operationType: 'mutation', query, variables: { id }, rootFields: [{ name: field, key: field }] };
    const answer = await send(operation, 'editor');
    expectNoFault(answer);
    expect(answer.body.data?.[field]).toEqual({ [payload]: { [nameField]: before }, problem: null });
    expect(await readName()).toBe(before);
  });
});

describe('an explicit null wherever the schema allows one', () => {
  it.each(arbitraryRootFields('query'))('is taken as absent by the query %s', async (field) => {
    await fc.assert(fc.asyncProperty(arbitraries.explicitNullOperation('query', field), async (operation) => expectNoFault(await send(operation, 'anonymous'))), { ...assertOptions(), numRuns: NULL_RUNS });
  });

  it.each(arbitraryRootFields('mutation'))('is taken as absent by the mutation %s', async (field) => {
    await fc.assert(fc.asyncProperty(arbitraries.explicitNullOperation('mutation', field), async (operation) => expectSafeWrite(operation, 'editor')), { ...assertOptions(), numRuns: NULL_RUNS });
  });
});

describe('operations generated from the schema', () => {
  it('never answer a query with a fault, and every error carries a documented code', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraries.operation('query'), fc.constantFrom<Caller>('anonymous', 'reader'), async (operation, caller) => {
        const answer = await send(operation, caller);
        expectNoFault(answer);
        if (operation.kind === 'invalid') expectRefusedWhole(answer);
      }),
      assertOptions(),
    );
  }, 600_000);

  it('refuse a query whose variables break their declared types as a whole, before it runs', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraries.invalidOperation('query'), async (operation) => {
        const answer = await send(operation, 'anonymous');
        expectNoFault(answer);
        expectRefusedWhole(answer);
      }),
      assertOptions(),
    );
  }, 600_000);

  it('never answer a write with a fault, and leave the graph unchanged whenever they refuse it', async () => {
    await fc.assert(
      // Editors and admins most often: only their writes get past the sign-in and role checks.
      fc.asyncProperty(
        arbitraries.operation('mutation'),
        fc.oneof({ weight: 1, arbitrary: fc.constantFrom<Caller>('anonymous', 'reader') }, { weight: 3, arbitrary: fc.constantFrom<Caller>('editor', 'admin') }),
        expectSafeWrite,
      ),
      assertOptions(),
    );
  }, 600_000);
});

describe('the seed graph', () => {
  // Last in the file: the writes above, accepted ones included, named only this file's entities.
  it('is as it was before this file wrote anything', async () => {
    expect(await graphFingerprint(graph, { outside: ns('') })).toEqual(seedBefore);
  });
});
