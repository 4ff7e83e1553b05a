import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { actorOf } from '../../auth/caller.js';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import type { InnovationNode } from '../../graph/records.js';
import { createInnovation, restoreInnovation, retireInnovation, updateInnovation } from '../../graph/writes/innovation-writes.cypher.js';
import { requireId, slugify } from '../../ids.js';
import { MutationProblem, toPayload } from '../common/mutation-problem.type.js';
import { requireTitleOf } from '../common/write-input-rules.js';
import { CreateInnovationInput, RestoreInnovationArgs, RetireInnovationArgs, UpdateInnovationInput } from './innovation-mutation.input.js';
import { Innovation } from './innovation.type.js';

@ObjectType({ description: 'The innovation as changed, or the problem that stopped the change.' })
export class InnovationPayload {
  @Field(() => Innovation, { nullable: true, description: 'The innovation after the change; null when there was a problem.' })
  innovation!: InnovationNode | null;

  @Field(() => MutationProblem, { nullable: true, description: 'Why nothing was changed; null on success.' })
  problem!: MutationProblem | null;
}

@Resolver()
export class InnovationMutationResolver {
  @Authorized('editor')
  @Mutation(() => InnovationPayload, { description: 'Adds an innovation with its nominators or makers (at least one), themes and source. Needs the role editor.' })
  async createInnovation(@Arg('input', () => CreateInnovationInput) input: CreateInnovationInput, @Ctx() ctx: RequestContext): Promise<InnovationPayload> {
    if (!input.nominatorIds?.length && !input.makerIds?.length) {
      throw new BadUserInputError('input.nominatorIds or input.makerIds must name at least one organisation (the innovation\'s origin), got none', 'input.nominatorIds');
    }
    const { id, ...fields } = input;
    const innovationId = id ?? slugify(input.title);
    if (!innovationId) throw new BadUserInputError(`input.title must hold a letter or digit to make an id from, got "${input.title}"; or give input.id`, 'input.title');
    requireTitleOf(input);
    requireId(innovationId, { field: 'input.title', value: input.title });
    return toPayload('innovation', await createInnovation(ctx.graph, actorOf(ctx.caller), innovationId, fields));
  }

  @Authorized('editor')
  @Mutation(() => InnovationPayload, {
    description: 'Corrects an innovation; only the fields given change, and a given list of themes, nominators or makers replaces the previous one. Needs the role editor.',
  })
  async updateInnovation(
    @Arg('id', () => ID, { description: 'The innovation to change.' }) id: string,
    @Arg('input', () => UpdateInnovationInput) input: UpdateInnovationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<InnovationPayload> {
    requireTitleOf(input);
    return toPayload('innovation', await updateInnovation(ctx.graph, actorOf(ctx.caller), id, input));
  }

  @Authorized('admin')
  @Mutation(() => InnovationPayload, {
    description:
      'Retires an innovation: it stays readable by id (retired: true) and in its history, but lists, search, networks and statistics leave it out, and writes that would change it are CONFLICT problems until it is restored. Retiring it twice is a CONFLICT problem. Needs the role admin.',
  })
  async retireInnovation(@Args(() => RetireInnovationArgs) args: RetireInnovationArgs, @Ctx() ctx: RequestContext): Promise<InnovationPayload> {
    return toPayload('innovation', await retireInnovation(ctx.graph, actorOf(ctx.caller), args.id, args.reason));
  }

  @Authorized('admin')
  @Mutation(() => InnovationPayload, {
    description: 'Restores a retired innovation: it is current again and open to writes; the retirement stays in its history. Restoring a current one is a CONFLICT problem. Needs the role admin.',
  })
  async restoreInnovation(@Args(() => RestoreInnovationArgs) args: RestoreInnovationArgs, @Ctx() ctx: RequestContext): Promise<InnovationPayload> {
    return toPayload('innovation', await restoreInnovation(ctx.graph, actorOf(ctx.caller), args.id, args.reason));
  }
}
