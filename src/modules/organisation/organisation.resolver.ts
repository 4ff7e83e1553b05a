import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { countOrganisations, listOrganisations, ORGANISATION_ORDERS } from '../../graph/listings.cypher.js';
import type { AdoptionLink } from '../../graph/lookups.cypher.js';
import type { InnovationNode, OrganisationNode, PersonNode, RegionNode } from '../../graph/records.js';
import { withoutNulls } from '../common/absent-values.js';
import { connectionParts } from '../common/connection.js';
import { OrganisationOrder } from '../common/enums.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { InnovationConnection, innovationsByTitle } from '../innovation/innovation-connection.type.js';
import { Adoption, Innovation } from '../innovation/innovation.type.js';
import { Person } from '../person/person.type.js';
import { Region } from '../reference/reference.type.js';
import { OrganisationConnection } from './organisation-connection.type.js';
import { OrganisationFilter } from './organisation.input.js';
import { Organisation } from './organisation.type.js';

@ArgsType()
export class OrganisationsArgs {
  @Field(() => OrganisationFilter, { nullable: true, description: 'What to list; all organisations when absent.' })
  filter?: OrganisationFilter;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100. Defaults to 20.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  after?: string;

  @Field(() => OrganisationOrder, { nullable: true, defaultValue: 'NAME', description: 'Ordering. Defaults to NAME.' })
  orderBy?: keyof typeof ORGANISATION_ORDERS;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'One organisation by id; null when there is none with that id.' })
  organisation(@Arg('id', () => ID, { description: 'The organisation\'s id, e.g. `aarhus-kommune`.' }) id: string, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> {
    return ctx.loaders.organisation.load(id);
  }

  @Query(() => OrganisationConnection, { description: 'Organisations, filtered, a page at a time (Relay connection with keyset cursors).' })
  async organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: RequestContext): Promise<OrganisationConnection> {
    const order = args.orderBy ?? 'NAME';
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, order, ORGANISATION_ORDERS[order].length);
    const criteria = withoutNulls(args.filter ?? {});
    if (criteria.text !== undefined && criteria.text.length > 500) {
      throw new BadUserInputError(`filter.text must be at most 500 characters, got ${criteria.text.length}`, 'filter.text');
    }
    const page = await listOrganisations(ctx.graph, criteria, order, first, after);
    return Object.assign(new OrganisationConnection(), connectionParts(page, order), { count: () => countOrganisations(ctx.graph, criteria) });
  }

  @FieldResolver(() => String, {
    description:
      'Its name after its chain of parents from the top down, joined by " › ": "Aarhus Kommune › Sociale Forhold og Beskæftigelse". A top-level organisation\'s is its name. Show it wherever a unit\'s name alone could be ambiguous.',
  })
  async qualifiedName(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.qualifiedName.load(organisation.id)) ?? organisation.name;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region it lies in (Danish regions; Norwegian health region).' })
  region(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<RegionNode | null> | null {
    return organisation.regionId ? ctx.loaders.region.load(organisation.regionId) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation it belongs to (a unit\'s municipality, a hospital\'s region, a trust\'s health authority).' })
  parent(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return organisation.parentId ? ctx.loaders.organisation.load(organisation.parentId) : null;
  }

  @FieldResolver(() => [Organisation], { description: 'Its direct units (departments, institutions, hospitals).' })
  units(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<OrganisationNode[]> {
    return ctx.loaders.related('units').load(organisation.id);
  }

  @FieldResolver(() => InnovationConnection, { description: 'Innovations it or any of its units nominated, by title, a page at a time.' })
  async nominated(
    @Root() organisation: Organisation,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100. Defaults to 20.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after?: string,
  ): Promise<InnovationConnection> {
    return innovationsByTitle(
      first,
      after,
      (size, afterKey) => ctx.loaders.nominatedPage.load({ organisationId: organisation.id, first: size, after: afterKey }),
      () => ctx.loaders.nominatedCount.load(organisation.id),
    );
  }

  @FieldResolver(() => [Innovation], { description: 'Innovations it made (where the source names a maker other than the nominator).' })
  made(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<InnovationNode[]> {
    return ctx.loaders.related('made').load(organisation.id);
  }

  @FieldResolver(() => [Innovation], { description: 'Innovations it was a partner in.' })
  partnerIn(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<InnovationNode[]> {
    return ctx.loaders.related('partnerIn').load(organisation.id);
  }

  @FieldResolver(() => [Adoption], { description: 'Innovations it took up, plans to, or asked about.' })
  adopted(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<AdoptionLink[]> {
    return ctx.loaders.related('adopted').load(organisation.id);
  }

  @FieldResolver(() => [Person], { description: 'People who work there, as the sources name them.' })
  people(@Root() organisation: Organisation, @Ctx() ctx: RequestContext): Promise<PersonNode[]> {
    return ctx.loaders.related('people').load(organisation.id);
  }
}
