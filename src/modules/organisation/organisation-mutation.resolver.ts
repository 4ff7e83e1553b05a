import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { actorOf } from '../../auth/caller.js';
import type { RequestContext } from '../../context.js';
import type { OrganisationNode } from '../../graph/records.js';
import { createOrganisation, updateOrganisation } from '../../graph/writes/organisation-writes.cypher.js';
import { requireId, slugify } from '../../ids.js';
import { MutationProblem, toPayload } from '../common/mutation-problem.type.js';
import { requireNamesOf } from '../common/write-input-rules.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation-mutation.input.js';
import { Organisation } from './organisation.type.js';

@ObjectType({ description: 'The organisation as changed, or the problem that stopped the change.' })
export class OrganisationPayload {
  @Field(() => Organisation, { nullable: true, description: 'The organisation after the change; null when there was a problem.' })
  organisation!: OrganisationNode | null;

  @Field(() => MutationProblem, { nullable: true, description: 'Why nothing was changed; null on success.' })
  problem!: MutationProblem | null;
}

@Resolver()
export class OrganisationMutationResolver {
  @Authorized('editor')
  @Mutation(() => OrganisationPayload, { description: 'Adds an organisation. Needs the role editor.' })
  async createOrganisation(@Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput, @Ctx() ctx: RequestContext): Promise<OrganisationPayload> {
    const { id, ...fields } = input;
    requireNamesOf(input);
    const organisationId = requireId(id ?? slugify(input.name), { field: 'input.name', value: input.name });
    return toPayload('organisation', await createOrganisation(ctx.graph, actorOf(ctx.caller), organisationId, fields));
  }

  @Authorized('editor')
  @Mutation(() => OrganisationPayload, { description: 'Corrects an organisation; only the fields given change. Needs the role editor.' })
  async updateOrganisation(
    @Arg('id', () => ID, { description: 'The organisation to change.' }) id: string,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<OrganisationPayload> {
    requireNamesOf(input);
    return toPayload('organisation', await updateOrganisation(ctx.graph, actorOf(ctx.caller), id, input));
  }
}
