import { Arg, Args, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { actorOf } from '../../auth/caller.js';
import type { RequestContext } from '../../context.js';
import { mergeOrganisations, mergePeople } from '../../graph/writes/merge-writes.cypher.js';
import { addContact, addPartnership, linkInnovations, recordAdoption, removeContact, removePartnership } from '../../graph/writes/relation-writes.cypher.js';
import { toPayload } from '../common/mutation-problem.type.js';
import { OrganisationPayload } from '../organisation/organisation-mutation.resolver.js';
import { PersonPayload } from '../person/person-mutation.resolver.js';
import { ContactArgs, ContactKeyArgs, LinkInnovationsInput, MergeArgs, PartnershipArgs, PartnershipKeyArgs, RecordAdoptionInput } from './relation.input.js';
import { AdoptionPayload, RelationPayload } from './relation.type.js';

@Resolver()
export class RelationMutationResolver {
  @Authorized('editor')
  @Mutation(() => RelationPayload, { description: 'Adds an organisation as partner in an innovation, or changes its role if it is one already. Needs the role editor.' })
  async addPartnership(@Args(() => PartnershipArgs) args: PartnershipArgs, @Ctx() ctx: RequestContext): Promise<RelationPayload> {
    return toPayload('innovation', await addPartnership(ctx.graph, actorOf(ctx.caller), args.innovationId, args.organisationId, args.role));
  }

  @Authorized('editor')
  @Mutation(() => RelationPayload, { description: 'Removes a partner from an innovation; the history keeps its role. Needs the role editor.' })
  async removePartnership(@Args(() => PartnershipKeyArgs) args: PartnershipKeyArgs, @Ctx() ctx: RequestContext): Promise<RelationPayload> {
    return toPayload('innovation', await removePartnership(ctx.graph, actorOf(ctx.caller), args.innovationId, args.organisationId));
  }

  @Authorized('editor')
  @Mutation(() => RelationPayload, { description: 'Adds a person as contact for an innovation, or changes the purpose if they are one already. Needs the role editor.' })
  async addContact(@Args(() => ContactArgs) args: ContactArgs, @Ctx() ctx: RequestContext): Promise<RelationPayload> {
    return toPayload('innovation', await addContact(ctx.graph, actorOf(ctx.caller), args.innovationId, args.personId, args.purpose));
  }

  @Authorized('editor')
  @Mutation(() => RelationPayload, { description: 'Removes a contact from an innovation; the history keeps the purpose. Needs the role editor.' })
  async removeContact(@Args(() => ContactKeyArgs) args: ContactKeyArgs, @Ctx() ctx: RequestContext): Promise<RelationPayload> {
    return toPayload('innovation', await removeContact(ctx.graph, actorOf(ctx.caller), args.innovationId, args.personId));
  }

  @Authorized('editor')
  @Mutation(() => AdoptionPayload, {
    description:
      'Records that an organisation took up an innovation (one adoption per organisation and innovation: recording it again updates it, ' +
      'and the history keeps what it said before). Needs the role editor.',
  })
  async recordAdoption(@Arg('input', () => RecordAdoptionInput) input: RecordAdoptionInput, @Ctx() ctx: RequestContext): Promise<AdoptionPayload> {
    return toPayload('adoption', await recordAdoption(ctx.graph, actorOf(ctx.caller), input));
  }

  @Authorized('editor')
  @Mutation(() => RelationPayload, {
    description: 'Records that a later innovation builds on an earlier one (one link per pair; linking again updates it; lineage cannot loop). Needs the role editor.',
  })
  async linkInnovations(@Arg('input', () => LinkInnovationsInput) input: LinkInnovationsInput, @Ctx() ctx: RequestContext): Promise<RelationPayload> {
    return toPayload('innovation', await linkInnovations(ctx.graph, actorOf(ctx.caller), input));
  }

  @Authorized('admin')
  @Mutation(() => OrganisationPayload, {
    description:
      'Merges a duplicate organisation into the one to keep: the kept one takes over all its relationships and its names as aliases; ' +
      'the duplicate\'s id then finds nothing, and its history records the merge. Needs the role admin.',
  })
  async mergeOrganisations(@Args(() => MergeArgs) args: MergeArgs, @Ctx() ctx: RequestContext): Promise<OrganisationPayload> {
    return toPayload('organisation', await mergeOrganisations(ctx.graph, actorOf(ctx.caller), args.keepId, args.mergeId));
  }

  @Authorized('admin')
  @Mutation(() => PersonPayload, {
    description:
      'Merges a duplicate person into the one to keep: the kept one takes over all their relationships and their names as aliases; ' +
      'the duplicate\'s id then finds nothing, and its history records the merge. Needs the role admin.',
  })
  async mergePeople(@Args(() => MergeArgs) args: MergeArgs, @Ctx() ctx: RequestContext): Promise<PersonPayload> {
    return toPayload('person', await mergePeople(ctx.graph, actorOf(ctx.caller), args.keepId, args.mergeId));
  }
}
