import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import type { OrganisationNode, RegionNode, SourceNode, ThemeNode } from '../../graph/records.js';
import { listMissions, listRegions, listStrategies, listThemes } from '../../graph/reference.cypher.js';
import { ThemeKind } from '../common/enums.js';
import { InnovationConnection, innovationsByTitle } from '../innovation/innovation-connection.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Region, SourceDocument, Theme } from './reference.type.js';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => [Theme], { description: 'Every theme and mission (themes first, each by name), or those of one kind. A short list, not paged.' })
  themes(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => ThemeKind, { nullable: true, description: 'Only themes of this kind: THEME or MISSION.' }) kind?: string,
  ): Promise<ThemeNode[]> {
    return listThemes(ctx.graph, kind ?? null);
  }

  @Query(() => Theme, { nullable: true, description: 'One theme or mission by id; null when there is none with that id.' })
  theme(@Arg('id', () => ID, { description: 'The theme\'s id, e.g. `climate-environment`.' }) id: string, @Ctx() ctx: RequestContext): Promise<ThemeNode | null> {
    return ctx.loaders.theme.load(id);
  }

  @Query(() => [Theme], { description: 'The missions organisations set themselves in their strategies, by owner and name. Not paged.' })
  missions(
    @Ctx() ctx: RequestContext,
    @Arg('ownerId', () => ID, { nullable: true, description: 'Only the missions this organisation set, e.g. `region-syddanmark`.' }) ownerId?: string,
  ): Promise<ThemeNode[]> {
    return listMissions(ctx.graph, ownerId ?? null);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'For a mission: the organisation whose strategy sets it.' })
  owner(@Root() theme: Theme, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return theme.ownerId ? ctx.loaders.organisation.load(theme.ownerId) : null;
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: 'For a mission: the strategy document that sets it (the document its owner published). Null for a theme.' })
  strategy(@Root() theme: Theme, @Ctx() ctx: RequestContext): Promise<SourceNode | null> | null {
    return theme.kind === 'MISSION' ? ctx.loaders.missionStrategy.load(theme.id) : null;
  }

  @FieldResolver(() => Int, { description: 'How many current (not retired) innovations are about it.' })
  innovationCount(@Root() theme: Theme, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.loaders.themeInnovationCount.load(theme.id);
  }

  @FieldResolver(() => InnovationConnection, { description: 'The current innovations about it, by title, a page at a time.' })
  async innovations(
    @Root() theme: Theme,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100. Defaults to 20.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after?: string,
  ): Promise<InnovationConnection> {
    return innovationsByTitle(
      first,
      after,
      (size, afterKey) => ctx.loaders.themeInnovationPage.load({ key: theme.id, first: size, after: afterKey }),
      () => ctx.loaders.themeInnovationCount.load(theme.id),
    );
  }
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Every region (Danish ones first, each by name). A short list, not paged.' })
  regions(@Ctx() ctx: RequestContext): Promise<RegionNode[]> {
    return listRegions(ctx.graph);
  }

  @Query(() => Region, { nullable: true, description: 'One region by id; null when there is none with that id.' })
  region(@Arg('id', () => ID, { description: 'The region\'s id, e.g. `syddanmark`.' }) id: string, @Ctx() ctx: RequestContext): Promise<RegionNode | null> {
    return ctx.loaders.region.load(id);
  }

  @FieldResolver(() => Int, { description: 'How many organisations lie in it (units included).' })
  async organisationCount(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.regionCounts.load(region.id)).organisations;
  }

  @FieldResolver(() => Int, {
    description: 'How many current innovations an organisation in it nominated or made: the totalCount of `innovations(filter: { regionIds: [id] })`.',
  })
  async innovationCount(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.regionCounts.load(region.id)).innovations;
  }
}

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @Query(() => [SourceDocument], {
    description: 'The strategy documents: the sources (other than the award catalogue) in which an organisation sets its missions, by title. Not paged.',
  })
  strategies(@Ctx() ctx: RequestContext): Promise<SourceNode[]> {
    return listStrategies(ctx.graph);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that published the document.' })
  publisher(@Root() source: SourceDocument, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return source.publisherId ? ctx.loaders.organisation.load(source.publisherId) : null;
  }

  @FieldResolver(() => [Theme], { description: 'For a strategy document: the missions it sets, by name. Empty for any other document.' })
  missions(@Root() source: SourceDocument, @Ctx() ctx: RequestContext): Promise<ThemeNode[]> {
    return ctx.loaders.strategyMissions.load(source.id);
  }
}
