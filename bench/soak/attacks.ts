/**
 * The attacks of the hardening review, as rounds a soak runs beside its normal traffic. Each round
 * sends one attack and says how every attacking request was answered; each attack names the
 * answers that mean the API held. Anonymous attacks come from an address of their own, signed-in
 * ones from another, with a token of their own: the API counts both as other clients than the
 * normal traffic, as it would count a real attacker.
 */
import { SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../src/auth/tokens.js';
import type { HttpFrom, RawAnswer } from './http-from.js';
import { pick } from './pick.js';

export interface AttackContext {
  /** Anonymous traffic, from its own loopback address. */
  readonly anonymous: HttpFrom;
  /** A signed-in writer (editor and admin) gone rogue or careless, from another address. */
  readonly signedIn: HttpFrom;
  readonly signedInToken: string;
  /** The secret the API checks tokens with, for a token that is genuine but never expires. */
  readonly jwtSecret: string;
  readonly organisationIds: readonly string[];
  /** A fresh id of this run's attacker namespace. */
  readonly freshId: (what: string) => string;
}

export interface Attack {
  readonly name: string;
  /** Answers that mean the API defended itself, e.g. `400 QUERY_TOO_COMPLEX` or `200 problem CONFLICT`. */
  readonly expected: readonly string[];
  /** One round: the outcome of every attacking request, and any rule of the round that broke. */
  readonly run: (context: AttackContext) => Promise<RoundResult>;
}

export interface RoundResult {
  readonly outcomes: string[];
  /** Rules across a round's answers, e.g. "exactly one of the racing creates succeeds". */
  readonly broken?: string[];
  /** How long the attack itself took, when the round also wrote a fixture first. */
  readonly attackMs?: number;
}

/** An attack's round could not be set up (its fixture writes failed, as in a database outage). */
export class SetupFailed extends Error {}

/** How a request was answered: status and first error code, the payload's problem, or ok. */
export function outcomeOf(answer: RawAnswer, field?: string): string {
  let body: { data?: Record<string, { problem?: { code?: string } | null } | null> | null; errors?: { extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `${answer.status} not JSON`;
  }
  if (body.errors?.length) return `${answer.status} ${body.errors[0]!.extensions?.code ?? '(no code)'}`;
  const problem = field ? body.data?.[field]?.problem : undefined;
  return problem ? `${answer.status} problem ${problem.code}` : `${answer.status} ok`;
}

const gql = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
async function anonymousQuery(c: AttackContext, query: string, variables?: Record<string, unknown>): Promise<string> {
  return outcomeOf(await c.anonymous.post(gql(query, variables)));
}

async function signedInWrite(c: AttackContext, field: string, query: string, variables: Record<string, unknown>): Promise<string> {
  return outcomeOf(await c.signedIn.post(gql(query, variables), { authorization: `Bearer ${c.signedInToken}` }), field);
}

// ---- the writes the signed-in attacks are made of --------------------------------------------

const CREATE_ORGANISATION = 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { problem { code } } }';
const UPDATE_ORGANISATION = 'mutation ($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { problem { code } } }';
const CREATE_INNOVATION = 'mutation ($input: CreateInnovationInput!) { createInnovation(input: $input) { problem { code } } }';
const UPDATE_INNOVATION = 'mutation ($id: ID!, $input: UpdateInnovationInput!) { updateInnovation(id: $id, input: $input) { problem { code } } }';
const RECORD_ADOPTION = 'mutation ($input: RecordAdoptionInput!) { recordAdoption(input: $input) { problem { code } } }';
const MERGE_ORGANISATIONS = 'mutation ($keepId: ID!, $mergeId: ID!) { mergeOrganisations(keepId: $keepId, mergeId: $mergeId) { problem { code } } }';
const ADOPTION_FACTS = { mode: 'COPY', status: 'ADOPTED', year: 2024, evidence: 'Recorded by an attack of the soak run.', source: 'soak:attack' };

const createOrganisation = (c: AttackContext, id: string, extra: Record<string, unknown> = {}) =>
  signedInWrite(c, 'createOrganisation', CREATE_ORGANISATION, { input: { id, name: `Attack organisation ${id.slice(-6)}`, kind: 'OTHER', ...extra } });

/** A fixture write a round needs; anything but success ends the round before it attacks. */
async function setUp(outcome: Promise<string>): Promise<void> {
  const result = await outcome;
  if (result !== '200 ok') throw new SetupFailed(result);
}

async function organisations(c: AttackContext, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => c.freshId('org'));
  for (const id of ids) await setUp(createOrganisation(c, id));
  return ids;
}

/** An innovation nominated by `nominatorId`, adopted by `adopterId`. */
async function adoptedInnovation(c: AttackContext, nominatorId: string, adopterId: string): Promise<string> {
  const id = c.freshId('innovation');
  await setUp(
    signedInWrite(c, 'createInnovation', CREATE_INNOVATION, {
      input: { id, title: `Attack innovation ${id.slice(-6)}`, summary: 'An innovation that only the soak run attacks.', kind: 'MAIN_CASE', nominatorIds: [nominatorId] },
    }),
  );
  await setUp(signedInWrite(c, 'recordAdoption', RECORD_ADOPTION, { input: { ...ADOPTION_FACTS, innovationId: id, organisationId: adopterId } }));
  return id;
}

/** The attack proper of a round that wrote its fixture first, timed on its own. */
async function attackAfterSetUp(attack: () => Promise<string[]>): Promise<{ outcomes: string[]; attackMs: number }> {
  const started = Date.now();
  const outcomes = await attack();
  return { outcomes, attackMs: Date.now() - started };
}

const exactlyOne = (outcomes: string[], what: string): string[] => {
  const ok = outcomes.filter((o) => o === '200 ok').length;
  return ok === 1 ? [] : [`${ok} of ${outcomes.length} ${what} succeeded, not exactly 1`];
};

// ---- the attacks -----------------------------------------------------------------------------

const PRICEY_PAGE = 'innovations(first: 100) { edges { node { nominators { units { units { id } } } } } }';

export const ATTACKS: readonly Attack[] = [
  {
    name: 'negative first to cancel the cost',
    expected: ['400 QUERY_TOO_COMPLEX'],
    run: async (c) => ({ outcomes: [await anonymousQuery(c, `{ a: ${PRICEY_PAGE} b: innovations(first: -2000000000) { totalCount } }`)] }),
  },
  {
    name: '300 aliases of a depth-3 partnerNetwork',
    expected: ['400 QUERY_TOO_COMPLEX'],
    run: async (c) => {
      const id = pick(c.organisationIds);
      const fields = Array.from({ length: 300 }, (_, i) => `n${i}: partnerNetwork(organisationId: "${id}", depth: 3, first: 200) { nodes { id } }`).join(' ');
      return { outcomes: [await anonymousQuery(c, `{ ${fields} }`)] };
    },
  },
  {
    name: '1,000 aliases of spreadStats',
    expected: ['400 QUERY_TOO_COMPLEX'],
    run: async (c) => ({ outcomes: [await anonymousQuery(c, `{ ${Array.from({ length: 1000 }, (_, i) => `s${i}: spreadStats(groupBy: REGION) { groupBy }`).join(' ')} }`)] }),
  },
  {
    // Allowed one by one; the budget of cost points is what stops a client sending it all day.
    name: 'the costliest query allowed, again and again',
    expected: ['200 ok', '429 RATE_LIMITED'],
    run: async (c) => {
      const id = pick(c.organisationIds);
      const query = `{ a: partnerNetwork(organisationId: "${id}", depth: 3, first: 200) { nodes { id depth } edges { source target weight } } b: ${PRICEY_PAGE.replace('units { units { id } }', 'units { id }')} }`;
      // Four at once: about 52 000 points a round, so that even a short soak spends the budget.
      return { outcomes: await Promise.all(Array.from({ length: 4 }, () => anonymousQuery(c, query))) };
    },
  },
  {
    name: 'a query nested past the depth limit',
    expected: ['400 QUERY_TOO_DEEP'],
    run: async (c) => ({ outcomes: [await anonymousQuery(c, `{ organisation(id: "${pick(c.organisationIds)}") { ${'units { '.repeat(14)}id${' }'.repeat(14)} } }`)] }),
  },
  {
    name: 'variables of the wrong type, missing or unknown',
    expected: ['400 BAD_USER_INPUT'],
    run: async (c) => ({
      outcomes: await Promise.all([
        anonymousQuery(c, 'query ($n: Int) { innovations(first: $n) { totalCount } }', { n: 'many' }),
        anonymousQuery(c, 'query ($id: ID!) { innovation(id: $id) { id } }', {}),
        anonymousQuery(c, 'query ($f: InnovationFilter) { innovations(filter: $f) { totalCount } }', { f: { nosuchfield: 1 } }),
        anonymousQuery(c, 'query ($g: SpreadGroupBy!) { spreadStats(groupBy: $g) { groupBy } }', { g: 'NOPE' }),
      ]),
    }),
  },
  {
    name: 'a 200 kB body',
    expected: ['413 PAYLOAD_TOO_LARGE'],
    run: async (c) => ({ outcomes: [outcomeOf(await c.anonymous.post(gql('query ($t: String!) { search(text: $t) { totalCount } }', { t: 'x'.repeat(200_000) })))] }),
  },
  {
    name: 'an anonymous write with bad input',
    expected: ['401 UNAUTHENTICATED'],
    run: async (c) => ({ outcomes: [outcomeOf(await c.anonymous.post(gql(CREATE_ORGANISATION, { input: { name: '😀💩', kind: 'NOPE' } })))] }),
  },
  {
    name: 'a forged token, and a genuine one without expiry',
    expected: ['401 UNAUTHENTICATED'],
    run: async (c) => {
      const forged = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode('not-the-secret-of-this-api-at-all-00'));
      const forever = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder').setIssuer(TOKEN_ISSUER).setAudience(TOKEN_AUDIENCE).sign(new TextEncoder().encode(c.jwtSecret));
      const write = gql(CREATE_ORGANISATION, { input: { id: c.freshId('org'), name: 'Intruder', kind: 'OTHER' } });
      return { outcomes: await Promise.all([forged, forever].map(async (token) => outcomeOf(await c.anonymous.post(write, { authorization: `Bearer ${token}` }), 'createOrganisation'))) };
    },
  },
  {
    name: 'names that make no id or spoof another',
    expected: ['200 BAD_USER_INPUT'],
    run: async (c) => ({
      outcomes: await Promise.all(['😀💩', 'Aarhus\u202Enummok', '\u200B\u200B', ' '].map((name) => signedInWrite(c, 'createOrganisation', CREATE_ORGANISATION, { input: { name, kind: 'OTHER' } }))),
    }),
  },
  {
    name: 'eight creates of one id at once',
    expected: ['200 ok', '200 problem ALREADY_EXISTS'],
    run: async (c) => {
      const id = c.freshId('org');
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => createOrganisation(c, id)));
      return { outcomes, broken: exactlyOne(outcomes, 'creates of one id') };
    },
  },
  {
    name: 'two units made each other\'s parent at once',
    expected: ['200 ok', '200 problem CONFLICT', '200 problem NOT_FOUND'],
    run: async (c) => {
      const [a, b] = await organisations(c, 2);
      const { outcomes, attackMs } = await attackAfterSetUp(() =>
        Promise.all([
          signedInWrite(c, 'updateOrganisation', UPDATE_ORGANISATION, { id: a, input: { parentId: b } }),
          signedInWrite(c, 'updateOrganisation', UPDATE_ORGANISATION, { id: b, input: { parentId: a } }),
        ]),
      );
      return { outcomes, attackMs, broken: exactlyOne(outcomes, 'opposite parent updates') };
    },
  },
  {
    name: 'a chain of 12 units closed into a ring',
    expected: ['200 problem CONFLICT'],
    run: async (c) => {
      const chain = await organisations(c, 12);
      for (let i = 1; i < chain.length; i++) await setUp(signedInWrite(c, 'updateOrganisation', UPDATE_ORGANISATION, { id: chain[i]!, input: { parentId: chain[i - 1]! } }));
      return attackAfterSetUp(async () => [await signedInWrite(c, 'updateOrganisation', UPDATE_ORGANISATION, { id: chain[0]!, input: { parentId: chain.at(-1)! } })]);
    },
  },
  {
    name: 'an adopter made a nominator of what it adopted',
    expected: ['200 problem CONFLICT'],
    run: async (c) => {
      const [maker, adopter] = await organisations(c, 2);
      const innovation = await adoptedInnovation(c, maker!, adopter!);
      return attackAfterSetUp(async () => [await signedInWrite(c, 'updateInnovation', UPDATE_INNOVATION, { id: innovation, input: { nominatorIds: [maker, adopter] } })]);
    },
  },
  {
    name: 'an adopter merged into the maker',
    expected: ['200 problem CONFLICT'],
    run: async (c) => {
      const [maker, adopter] = await organisations(c, 2);
      await adoptedInnovation(c, maker!, adopter!);
      return attackAfterSetUp(async () => [await signedInWrite(c, 'mergeOrganisations', MERGE_ORGANISATIONS, { keepId: maker, mergeId: adopter })]);
    },
  },
  {
    name: 'two opposite merges at once',
    expected: ['200 ok', '200 problem NOT_FOUND', '200 problem CONFLICT'],
    run: async (c) => {
      const [a, b] = await organisations(c, 2);
      const { outcomes, attackMs } = await attackAfterSetUp(() =>
        Promise.all([
          signedInWrite(c, 'mergeOrganisations', MERGE_ORGANISATIONS, { keepId: a, mergeId: b }),
          signedInWrite(c, 'mergeOrganisations', MERGE_ORGANISATIONS, { keepId: b, mergeId: a }),
        ]),
      );
      return { outcomes, attackMs, broken: exactlyOne(outcomes, 'opposite merges') };
    },
  },
];
