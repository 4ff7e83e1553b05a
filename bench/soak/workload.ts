/**
 * The soak's normal traffic: each request one operation, chosen by weight (reads, search, and
 * writes on ids of this run only), remembering which writes were acknowledged so that the
 * consistency check can look for each of them.
 */
import { pick } from './pick.js';

export interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly write: boolean;
  /** Called with the parsed body of a 200 answer without errors: records what was acknowledged. */
  readonly acknowledge?: (data: Record<string, unknown>) => void;
}

export interface SeedFacts {
  innovationIds: string[];
  organisationIds: string[];
  regionIds: string[];
}

const SEARCH_WORDS = ['videokonsultation', 'affald', 'søvnproblemer', 'kommune', 'borger', 'digital', 'sundhed', 'læring', 'robot', 'ældre'];

export class Workload {
  readonly acknowledgedOrganisations = new Set<string>();
  readonly attemptedOrganisations = new Set<string>();
  readonly acknowledgedAdoptions = new Set<string>();
  readonly acknowledgedByAction = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly runId: string,
    private readonly seed: SeedFacts,
    private readonly hasRecordAdoption: boolean,
  ) {}

  private acknowledged(action: string): void {
    this.acknowledgedByAction.set(action, (this.acknowledgedByAction.get(action) ?? 0) + 1);
  }

  next(): Operation {
    const n = (this.sequence += 1);
    const roll = Math.random();
    const soakOrganisations = [...this.acknowledgedOrganisations];
    if (roll < 0.12 || (roll < 0.3 && soakOrganisations.length === 0)) return this.createOrganisation(n);
    if (roll < 0.21) return this.updateOrganisation(n, pick(soakOrganisations));
    if (roll < 0.3) return this.hasRecordAdoption ? this.recordAdoption(pick(soakOrganisations)) : this.updateOrganisation(n, pick(soakOrganisations));
    return this.read(soakOrganisations);
  }

  /** Every kind of operation once, writes first (an update needs a created organisation). */
  async warmUp(send: (operation: Operation) => Promise<void>): Promise<void> {
    await send(this.createOrganisation((this.sequence += 1)));
    const [created] = [...this.acknowledgedOrganisations];
    if (!created) throw new Error('the warm-up createOrganisation was not acknowledged');
    await send(this.updateOrganisation((this.sequence += 1), created));
    if (this.hasRecordAdoption) await send(this.recordAdoption(created));
    for (const read of this.reads([created])) await send(read);
  }

  private createOrganisation(n: number): Operation {
    const id = `soak-${this.runId}-org-${n}`;
    this.attemptedOrganisations.add(id);
    return {
      name: 'createOrganisation',
      write: true,
      query: 'mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } problem { code message } } }',
      variables: { input: { id, name: `Soak-organisation ${n}`, kind: 'OTHER', regionId: pick(this.seed.regionIds) } },
      acknowledge: (data) => {
        const payload = data.createOrganisation as { organisation: { id: string } | null; problem: unknown };
        if (payload.organisation?.id === id && payload.problem === null) {
          this.acknowledgedOrganisations.add(id);
          this.acknowledged('createOrganisation');
        }
      },
    };
  }

  private updateOrganisation(n: number, id: string): Operation {
    return {
      name: 'updateOrganisation',
      write: true,
      query: 'mutation ($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { organisation { id name } problem { code message } } }',
      variables: { id, input: { name: `Soak-organisation omdøbt ${n}`, aliases: [`Soak ${n}`] } },
      acknowledge: (data) => {
        const payload = data.updateOrganisation as { problem: unknown };
        if (payload.problem === null) this.acknowledged('updateOrganisation');
      },
    };
  }

  private recordAdoption(organisationId: string): Operation {
    const innovationId = pick(this.seed.innovationIds);
    return {
      name: 'recordAdoption',
      write: true,
      query: 'mutation ($input: RecordAdoptionInput!) { recordAdoption(input: $input) { problem { code message } } }',
      variables: {
        input: {
          innovationId,
          organisationId,
          mode: pick(['COPY', 'ADAPT', 'INSPIRATION']),
          status: 'ADOPTED',
          year: 2024,
          evidence: `Recorded by soak run ${this.runId} to load the write path.`,
          source: 'soak:1',
        },
      },
      acknowledge: (data) => {
        const payload = data.recordAdoption as { problem: unknown };
        if (payload.problem === null) {
          this.acknowledgedAdoptions.add(`${organisationId}|${innovationId}`);
          this.acknowledged('recordAdoption');
        }
      },
    };
  }

  private read(soakOrganisations: string[]): Operation {
    return pick(this.reads(soakOrganisations));
  }

  private reads(soakOrganisations: string[]): Operation[] {
    const innovationId = pick(this.seed.innovationIds);
    const organisationId = soakOrganisations.length > 0 && Math.random() < 0.3 ? pick(soakOrganisations) : pick(this.seed.organisationIds);
    const reads: [string, string, Record<string, unknown>][] = [
      ['innovation', 'query ($id: ID!) { innovation(id: $id) { id title year nominators { name } partners { organisation { name } } contacts { name email } } }', { id: innovationId }],
      ['innovations', 'query ($r: ID!) { innovations(filter: { regionIds: [$r] }, first: 20) { totalCount edges { node { id title nominators { name } } } pageInfo { endCursor } } }', { r: pick(this.seed.regionIds) }],
      ['organisations', '{ organisations(filter: { kinds: [MUNICIPALITY] }, first: 50) { totalCount edges { node { id name region { name } } } } }', {}],
      ['organisation', 'query ($id: ID!) { organisation(id: $id) { id name kind units { id } nominated(first: 5) { totalCount edges { node { id } } } } }', { id: organisationId }],
      ['search', 'query ($t: String!) { search(text: $t, first: 20) { edges { score node { __typename ... on Innovation { id } ... on Organisation { id } ... on Person { id } } } } }', { t: pick(SEARCH_WORDS) }],
      ['whoToCall', 'query ($id: ID!) { whoToCall(innovationId: $id, first: 5) { score reason person { name } } }', { id: innovationId }],
      ['similarInnovations', 'query ($id: ID!) { similarInnovations(innovationId: $id, first: 5) { score innovation { id } } }', { id: innovationId }],
      ['spread', 'query ($id: ID!) { spread(innovationId: $id) { reach depth structuralVirality events { mode to { name } } } }', { id: innovationId }],
      ['partnerNetwork', 'query ($id: ID!) { partnerNetwork(organisationId: $id, depth: 2, first: 50) { truncated nodes { id } edges { source target weight } } }', { id: organisationId }],
      ['path', 'query ($a: ID!, $b: ID!) { path(fromOrganisationId: $a, toOrganisationId: $b) { length } }', { a: pick(this.seed.organisationIds), b: pick(this.seed.organisationIds) }],
      ['graphStatistics', '{ graphStatistics { innovations organisations people } }', {}],
    ];
    return reads.map(([name, query, variables]) => ({ name, query, variables, write: false }));
  }
}
