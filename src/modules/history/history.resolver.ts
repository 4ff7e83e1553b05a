import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import type { HistoryEntityType } from '../../graph/history-reads.cypher.js';
import type { ChangeNode } from '../../graph/writes/history.cypher.js';
import { pageSize } from '../common/pagination.js';
import { Innovation } from '../innovation/innovation.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from '../person/person.type.js';
import { Change } from './change.type.js';

// History says who changed what, so it is for authenticated readers, not the public.
const ACCESS = 'Needs the role reader: the history names who made each change.';
const FIRST = 'How many changes, newest first: 1 to 100. Defaults to 20.';

/**
 * Synchronous up to the load, so that the history of every item of a list is read in one batch.
 * The role check before it (@Authorized) waits on no I/O, only on promises already settled, so
 * every item still reaches the load before the batch is sent.
 */
function loadHistory(ctx: RequestContext, entityId: string, entityType: HistoryEntityType | null, first: number | undefined): Promise<ChangeNode[]> {
  return ctx.loaders.history.load({ entityId, entityType, first: pageSize(first) });
}

@Resolver()
export class HistoryResolver {
  @Authorized('reader')
  @Query(() => [Change], { description: `The changes made to an innovation, organisation or person (or a merged duplicate), newest first; [] for an unknown id. ${ACCESS}` })
  history(
    @Arg('entityId', () => ID, { description: 'The id of the innovation, organisation or person.' }) entityId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
  ): Promise<ChangeNode[]> {
    return loadHistory(ctx, entityId, null, first);
  }
}

@Resolver(() => Innovation)
export class InnovationHistoryResolver {
  @Authorized('reader')
  @FieldResolver(() => [Change], { description: `The changes made to this innovation, newest first. ${ACCESS}` })
  history(@Root() innovation: Innovation, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, innovation.id, 'Innovation', first);
  }
}

@Resolver(() => Organisation)
export class OrganisationHistoryResolver {
  @Authorized('reader')
  @FieldResolver(() => [Change], { description: `The changes made to this organisation, newest first. ${ACCESS}` })
  history(@Root() organisation: Organisation, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, organisation.id, 'Organisation', first);
  }
}

@Resolver(() => Person)
export class PersonHistoryResolver {
  @Authorized('reader')
  @FieldResolver(() => [Change], { description: `The changes made to this person, newest first. ${ACCESS}` })
  history(@Root() person: Person, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, person.id, 'Person', first);
  }
}
