import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/guards.js';
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

/** Synchronous up to the load, so that the history of every item of a list is read in one batch. */
function loadHistory(ctx: RequestContext, action: string, entityId: string, entityType: HistoryEntityType | null, first: number | undefined): Promise<ChangeNode[]> {
  requireRole(ctx.caller, 'reader', action);
  return ctx.loaders.history.load({ entityId, entityType, first: pageSize(first) });
}

@Resolver()
export class HistoryResolver {
  @Query(() => [Change], { description: `The changes made to an innovation, organisation or person (or a merged duplicate), newest first; [] for an unknown id. ${ACCESS}` })
  history(
    @Arg('entityId', () => ID, { description: 'The id of the innovation, organisation or person.' }) entityId: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number,
  ): Promise<ChangeNode[]> {
    return loadHistory(ctx, 'history', entityId, null, first);
  }
}

@Resolver(() => Innovation)
export class InnovationHistoryResolver {
  @FieldResolver(() => [Change], { description: `The changes made to this innovation, newest first. ${ACCESS}` })
  history(@Root() innovation: Innovation, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, 'Innovation.history', innovation.id, 'Innovation', first);
  }
}

@Resolver(() => Organisation)
export class OrganisationHistoryResolver {
  @FieldResolver(() => [Change], { description: `The changes made to this organisation, newest first. ${ACCESS}` })
  history(@Root() organisation: Organisation, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, 'Organisation.history', organisation.id, 'Organisation', first);
  }
}

@Resolver(() => Person)
export class PersonHistoryResolver {
  @FieldResolver(() => [Change], { description: `The changes made to this person, newest first. ${ACCESS}` })
  history(@Root() person: Person, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true, description: FIRST }) first?: number): Promise<ChangeNode[]> {
    return loadHistory(ctx, 'Person.history', person.id, 'Person', first);
  }
}
