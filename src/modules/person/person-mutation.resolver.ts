import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { actorOf } from '../../auth/caller.js';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import type { PersonNode } from '../../graph/records.js';
import { createPerson, updatePerson } from '../../graph/writes/person-writes.cypher.js';
import { requireId, slugify } from '../../ids.js';
import { MutationProblem, toPayload } from '../common/mutation-problem.type.js';
import { requireNamesOf } from '../common/write-input-rules.js';
import { CreatePersonInput, UpdatePersonInput } from './person-mutation.input.js';
import { Person } from './person.type.js';

@ObjectType({ description: 'The person as changed, or the problem that stopped the change.' })
export class PersonPayload {
  @Field(() => Person, { nullable: true, description: 'The person after the change; null when there was a problem.' })
  person!: PersonNode | null;

  @Field(() => MutationProblem, { nullable: true, description: 'Why nothing was changed; null on success.' })
  problem!: MutationProblem | null;
}

@Resolver()
export class PersonMutationResolver {
  @Authorized('editor')
  @Mutation(() => PersonPayload, { description: 'Adds a person, optionally at the organisation they work for. Needs the role editor.' })
  async createPerson(@Arg('input', () => CreatePersonInput) input: CreatePersonInput, @Ctx() ctx: RequestContext): Promise<PersonPayload> {
    const { id, ...fields } = input;
    const personId = id ?? slugify(input.name);
    if (!personId) throw new BadUserInputError(`input.name must hold a letter or digit to make an id from, got "${input.name}"; or give input.id`, 'input.name');
    requireNamesOf(input);
    requireId(personId, { field: 'input.name', value: input.name });
    return toPayload('person', await createPerson(ctx.graph, actorOf(ctx.caller), personId, fields));
  }

  @Authorized('editor')
  @Mutation(() => PersonPayload, { description: 'Corrects a person; only the fields given change. Needs the role editor.' })
  async updatePerson(
    @Arg('id', () => ID, { description: 'The person to change.' }) id: string,
    @Arg('input', () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonPayload> {
    requireNamesOf(input);
    return toPayload('person', await updatePerson(ctx.graph, actorOf(ctx.caller), id, input));
  }
}
