import { afterAll, describe, expect, it } from 'vitest';
import { findInvariantViolations } from '../../src/graph/invariants.cypher.js';
import { useTestApi } from '../support/api.js';
import { useTestGraph } from '../support/graph.js';
import { useNamespace } from '../support/isolation.js';
import { bearer } from '../support/tokens.js';

/**
 * Every pair of mutations that touch the same nodes, sent at once, for several rounds on a fresh
 * fixture each time. After each pair: both answers are a success or a problem with a stable code
 * (never an error), each acknowledged mutation left its changes in the history exactly once and
 * each refused one none, and no rule of the graph model is broken. CONCURRENCY_ROUNDS sets the
 * rounds (CI runs the default).
 */

const graph = useTestGraph();
const api = useTestApi(graph);
const ns = useNamespace(graph, 'race');
const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 2);

/** The ids of one round's fixture. */
interface Fixture {
  a: string;
  b: string;
  c: string;
  d: string;
  i1: string;
  i2: string;
  p1: string;
  p2: string;
  x: string;
}

interface Mutation {
  readonly name: string;
  readonly role: 'editor' | 'admin';
  /** How many changes the history gains when it succeeds. */
  readonly changes: number;
  readonly build: (f: Fixture) => { field: string; args: string; variables: Record<string, unknown> };
}

const FACT = { mode: 'COPY', status: 'ADOPTED', year: 2024, evidence: 'Raced in a test.', source: 'test' };

/** The mutations that conflict on a fixture: hierarchy, merges, links, adoption, lineage, retirement, ids. */
const MUTATIONS: readonly Mutation[] = [
  { name: 'A under B', role: 'editor', changes: 1, build: (f) => ({ field: 'updateOrganisation', args: '(id: $id, input: $input)', variables: { id: f.a, input: { parentId: f.b } } }) },
  { name: 'B under A', role: 'editor', changes: 1, build: (f) => ({ field: 'updateOrganisation', args: '(id: $id, input: $input)', variables: { id: f.b, input: { parentId: f.a } } }) },
  { name: 'merge B into A', role: 'admin', changes: 2, build: (f) => ({ field: 'mergeOrganisations', args: '(keepId: $keepId, mergeId: $mergeId)', variables: { keepId: f.a, mergeId: f.b } }) },
  { name: 'merge A into B', role: 'admin', changes: 2, build: (f) => ({ field: 'mergeOrganisations', args: '(keepId: $keepId, mergeId: $mergeId)', variables: { keepId: f.b, mergeId: f.a } }) },
  { name: 'rename B', role: 'editor', changes: 1, build: (f) => ({ field: 'updateOrganisation', args: '(id: $id, input: $input)', variables: { id: f.b, input: { name: 'Omdøbt Kapløbsenhed' } } }) },
  { name: 'B partner in I1', role: 'editor', changes: 1, build: (f) => ({ field: 'addPartnership', args: '(innovationId: $innovationId, organisationId: $organisationId, role: $role)', variables: { innovationId: f.i1, organisationId: f.b, role: 'partner' } }) },
  { name: 'B adopts I1 from A', role: 'editor', changes: 1, build: (f) => ({ field: 'recordAdoption', args: '(input: $input)', variables: { input: { ...FACT, organisationId: f.b, innovationId: f.i1, fromOrganisationId: f.a } } }) },
  { name: 'A adopts I1', role: 'editor', changes: 1, build: (f) => ({ field: 'recordAdoption', args: '(input: $input)', variables: { input: { ...FACT, organisationId: f.a, innovationId: f.i1 } } }) },
  { name: 'B nominates I1', role: 'editor', changes: 1, build: (f) => ({ field: 'updateInnovation', args: '(id: $id, input: $input)', variables: { id: f.i1, input: { nominatorIds: [f.b] } } }) },
  { name: 'I1 builds on I2', role: 'editor', changes: 1, build: (f) => ({ field: 'linkInnovations', args: '(input: $input)', variables: { input: { ...FACT, innovationId: f.i1, buildsOnId: f.i2 } } }) },
  { name: 'I2 builds on I1', role: 'editor', changes: 1, build: (f) => ({ field: 'linkInnovations', args: '(input: $input)', variables: { input: { ...FACT, innovationId: f.i2, buildsOnId: f.i1 } } }) },
  { name: 'retire I1', role: 'admin', changes: 1, build: (f) => ({ field: 'retireInnovation', args: '(id: $id, reason: $reason)', variables: { id: f.i1, reason: 'raced in a test' } }) },
  { name: 'retitle I1', role: 'editor', changes: 1, build: (f) => ({ field: 'updateInnovation', args: '(id: $id, input: $input)', variables: { id: f.i1, input: { title: 'Kapløbet, ny titel' } } }) },
  { name: 'create X', role: 'editor', changes: 1, build: (f) => ({ field: 'createOrganisation', args: '(input: $input)', variables: { input: { id: f.x, name: 'Kapløbets nye enhed', kind: 'OTHER', parentId: f.b } } }) },
  { name: 'merge P2 into P1', role: 'admin', changes: 2, build: (f) => ({ field: 'mergePeople', args: '(keepId: $keepId, mergeId: $mergeId)', variables: { keepId: f.p1, mergeId: f.p2 } }) },
  { name: 'P2 works for B', role: 'editor', changes: 1, build: (f) => ({ field: 'updatePerson', args: '(id: $id, input: $input)', variables: { id: f.p2, input: { organisationId: f.b } } }) },
  { name: 'P2 contact for I1', role: 'editor', changes: 1, build: (f) => ({ field: 'addContact', args: '(innovationId: $innovationId, personId: $personId, purpose: $purpose)', variables: { innovationId: f.i1, personId: f.p2, purpose: 'REUSE' } }) },
];

/** The variable types of each mutation's arguments, for the operation text. */
const VARIABLE_TYPES: Record<string, string> = {
  id: 'ID!',
  keepId: 'ID!',
  mergeId: 'ID!',
  innovationId: 'ID!',
  organisationId: 'ID!',
  personId: 'ID!',
  role: 'String!',
  reason: 'String!',
  purpose: 'ContactPurpose!',
};
const INPUT_TYPES: Record<string, string> = {
  updateOrganisation: 'UpdateOrganisationInput!',
  createOrganisation: 'CreateOrganisationInput!',
  updateInnovation: 'UpdateInnovationInput!',
  updatePerson: 'UpdatePersonInput!',
  recordAdoption: 'RecordAdoptionInput!',
  linkInnovations: 'LinkInnovationsInput!',
};

function operation(field: string, args: string, variables: Record<string, unknown>): string {
  const declared = Object.keys(variables).map((name) => `$${name}: ${name === 'input' ? INPUT_TYPES[field] : VARIABLE_TYPES[name]}`);
  return `mutation (${declared.join(', ')}) { ${field}${args} { problem { code message field } } }`;
}

let fixtureCount = 0;

/** A fresh set of nodes for one round: C nominated I1, D nominated I2, nobody is part of anybody. */
async function createFixture(): Promise<Fixture> {
  const n = (fixtureCount += 1);
  const f: Fixture = { a: ns(`${n}-a`), b: ns(`${n}-b`), c: ns(`${n}-c`), d: ns(`${n}-d`), i1: ns(`${n}-i1`), i2: ns(`${n}-i2`), p1: ns(`${n}-p1`), p2: ns(`${n}-p2`), x: ns(`${n}-x`) };
  await graph.write(
    `CREATE (a:Organisation {id: $f.a, name: 'Kapløb A', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (b:Organisation {id: $f.b, name: 'Kapløb B', kind: 'MUNICIPALITY', aliases: [], aliasText: ''})
     CREATE (c:Organisation {id: $f.c, name: 'Kapløb C', kind: 'REGION', aliases: [], aliasText: ''})
     CREATE (d:Organisation {id: $f.d, name: 'Kapløb D', kind: 'REGION', aliases: [], aliasText: ''})
     CREATE (i1:Innovation {id: $f.i1, title: 'Kapløbet', summary: 'Et fælles forsøg.', kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})
     CREATE (i2:Innovation {id: $f.i2, title: 'Genløbet', summary: 'Et andet forsøg.', kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})
     CREATE (c)-[:NOMINATED]->(i1), (d)-[:NOMINATED]->(i2)
     CREATE (:Person {id: $f.p1, name: 'Karen Kapløb', aliases: []}), (:Person {id: $f.p2, name: 'Karen K. Kapløb', aliases: []})`,
    { f },
    { tag: 'test.fixture' },
  );
  return f;
}

interface Answer {
  status: number;
  body: { data?: Record<string, { problem: { code: string } | null } | null>; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(query: string, variables: Record<string, unknown>, authorization: string): Promise<Answer> {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

async function changesBy(actor: string): Promise<number> {
  const rows = await graph.read<{ n: number }>('MATCH (c:Change {actor: $actor}) RETURN count(c) AS n', { actor }, { tag: 'test.changes' });
  return rows[0]!.n;
}

/** Outcomes by pair and result, for the summary at the end. */
const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

let actorCount = 0;

afterAll(() => {
  const summary = [...outcomes.entries()].sort().map(([k, v]) => `${k}: ${v}`);
  process.stderr.write(`[concurrency] ${summary.length} outcomes\n${summary.join('\n')}\n`);
});

/** Runs two mutations at once on a fresh fixture and checks answers, history and invariants. */
async function race(first: Mutation, second: Mutation): Promise<void> {
  const fixture = await createFixture();
  const runs = await Promise.all(
    [first, second].map(async (mutation) => {
      // One actor per mutation: its changes in the history are then counted exactly.
      const actor = ns(`actor-${(actorCount += 1)}`);
      return { mutation, actor, authorization: (await bearer(mutation.role, actor)).authorization };
    }),
  );
  const answers = await Promise.all(
    runs.map(({ mutation, authorization }) => {
      const { field, args, variables } = mutation.build(fixture);
      return send(operation(field, args, variables), variables, authorization);
    }),
  );
  for (const [index, answer] of answers.entries()) {
    const { mutation, actor } = runs[index]!;
    const label = `${first.name} | ${second.name}: ${mutation.name}`;
    expect(answer.status, label).toBe(200);
    expect(answer.body.errors, `${label}: ${JSON.stringify(answer.body.errors)}`).toBeUndefined();
    const payload = Object.values(answer.body.data ?? {})[0];
    expect(payload, label).toBeTruthy();
    const problem = payload!.problem;
    if (problem) expect(['NOT_FOUND', 'ALREADY_EXISTS', 'CONFLICT'], `${label}: ${JSON.stringify(problem)}`).toContain(problem.code);
    count(`${mutation.name} ${problem ? problem.code : 'ok'}`);
    expect(await changesBy(actor), `${label}: history`).toBe(problem ? 0 : mutation.changes);
  }
  expect(await findInvariantViolations(graph), `${first.name} | ${second.name}`).toEqual([]);
}

describe('the graph model holds before any race', () => {
  it('has no broken rule in the seed graph', async () => {
    expect(await findInvariantViolations(graph)).toEqual([]);
  });
});

describe('every pair of conflicting mutations at once', () => {
  const pairs: [Mutation, Mutation][] = [];
  MUTATIONS.forEach((first, i) => MUTATIONS.slice(i).forEach((second) => pairs.push([first, second])));

  it.each(pairs.map(([a, b]) => [`${a.name} | ${b.name}`, a, b] as const))('%s', async (_name, first, second) => {
    for (let round = 0; round < ROUNDS; round += 1) await race(first, second);
  });
});

describe('rings closed by disjoint writes at once', () => {
  it('never make a four-organisation hierarchy loop', async () => {
    const editor = (await bearer('editor')).authorization;
    for (let round = 0; round < Math.max(3, ROUNDS * 2); round += 1) {
      const f = await createFixture();
      const ring = [f.a, f.b, f.c, f.d];
      const answers = await Promise.all(
        ring.map((id, i) => {
          const variables = { id, input: { parentId: ring[(i + 1) % ring.length] } };
          return send(operation('updateOrganisation', '(id: $id, input: $input)', variables), variables, editor);
        }),
      );
      const problems = answers.map((a) => a.body.data?.updateOrganisation?.problem?.code ?? (a.body.errors ? 'error' : 'ok'));
      expect(problems.filter((p) => p === 'ok').length).toBe(3);
      expect(problems.filter((p) => p !== 'ok')).toEqual(['CONFLICT']);
      expect(await findInvariantViolations(graph)).toEqual([]);
    }
  });

  it('never make a lineage loop of four innovations', async () => {
    const editor = (await bearer('editor')).authorization;
    for (let round = 0; round < Math.max(3, ROUNDS * 2); round += 1) {
      const f = await createFixture();
      const extra = [ns(`${round}-ring-3`), ns(`${round}-ring-4`)];
      await graph.write(
        `MATCH (c:Organisation {id: $c})
         UNWIND $ids AS id
         CREATE (c)-[:NOMINATED]->(:Innovation {id: id, title: 'Ringled', summary: 'Et led.', kind: 'MAIN_CASE', types: [], coronaRelated: false, retired: false})`,
        { c: f.c, ids: extra },
        { tag: 'test.fixture' },
      );
      const ring = [f.i1, f.i2, ...extra];
      const answers = await Promise.all(
        ring.map((id, i) => {
          const variables = { input: { ...FACT, innovationId: id, buildsOnId: ring[(i + 1) % ring.length] } };
          return send(operation('linkInnovations', '(input: $input)', variables), variables, editor);
        }),
      );
      const problems = answers.map((a) => a.body.data?.linkInnovations?.problem?.code ?? (a.body.errors ? 'error' : 'ok'));
      expect(problems.filter((p) => p === 'ok').length).toBe(3);
      expect(problems.filter((p) => p !== 'ok')).toEqual(['CONFLICT']);
      expect(await findInvariantViolations(graph)).toEqual([]);
    }
  });
});
