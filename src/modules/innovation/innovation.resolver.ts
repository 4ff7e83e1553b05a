import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { MAX_SEARCH_TEXT_LENGTH } from '../../domain/rules.js';
import { BadUserInputError } from '../../errors.js';
import { countInnovations, INNOVATION_ORDERS, listInnovations, type InnovationCriteria } from '../../graph/listings.cypher.js';
import type {
  AdoptionLink,
  AwardLink,
  EffectItem,
  LineageLink as LineageRecord,
  Partnership as PartnershipRecord,
  RelatedName,
  SignalItem,
  ContactLink as ContactRecord,
} from '../../graph/lookups.cypher.js';
import type { InnovationNode, OrganisationNode, PersonNode, RegionNode, ThemeNode } from '../../graph/records.js';
import { sourceLocator } from '../../ingest/seed-rows.js';
import { withoutNulls } from '../common/absent-values.js';
import { connectionParts } from '../common/connection.js';
import { ContactPurpose, InnovationOrder } from '../common/enums.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { selectedFieldsAt } from '../common/selection.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from '../person/person.type.js';
import { Region, SourceReference, Theme } from '../reference/reference.type.js';
import { InnovationConnection } from './innovation-connection.type.js';
import { InnovationFilter } from './innovation.input.js';
import { Adoption, Award, ContactLink, Effect, Innovation, Lineage, LineageLink, Partnership, SpreadSignal } from './innovation.type.js';

@ArgsType()
export class InnovationsArgs {
  @Field(() => InnovationFilter, { nullable: true, description: 'What to list; all innovations when absent.' })
  filter?: InnovationFilter;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100. Defaults to 20.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after (an endCursor or edge cursor of the same ordering).' })
  after?: string;

  @Field(() => InnovationOrder, { nullable: true, description: 'Ordering. Defaults to RELEVANCE when `filter.text` is given, TITLE otherwise.' })
  orderBy?: keyof typeof INNOVATION_ORDERS;
}

/** RELEVANCE needs a text to be relevant to; without one it means the default order, TITLE. */
export function effectiveOrder(requested: keyof typeof INNOVATION_ORDERS | undefined, hasText: boolean): keyof typeof INNOVATION_ORDERS {
  if (requested === undefined) return hasText ? 'RELEVANCE' : 'TITLE';
  return requested === 'RELEVANCE' && !hasText ? 'TITLE' : requested;
}

/** Checks a filter's own rules and turns it into criteria for the graph layer. */
export function toInnovationCriteria(given: InnovationFilter | null | undefined): InnovationCriteria {
  if (!given) return {};
  const filter = withoutNulls(given);
  if (filter.yearFrom !== undefined && filter.yearTo !== undefined && filter.yearFrom > filter.yearTo) {
    throw new BadUserInputError(`filter.yearFrom must not be after filter.yearTo, got yearFrom ${filter.yearFrom} and yearTo ${filter.yearTo}`, 'filter.yearFrom');
  }
  if (filter.text !== undefined && filter.text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw new BadUserInputError(`filter.text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters, got ${filter.text.length}`, 'filter.text');
  }
  return { ...filter };
}

/** Innovation fields answered from one relationship kind, which a page can bring along. */
const PAGE_RELATIONS: Readonly<Record<string, RelatedName>> = {
  nominators: 'nominators',
  makers: 'makers',
  partners: 'partners',
  contacts: 'contacts',
  contactLinks: 'contacts',
  themes: 'themes',
  awards: 'awards',
  effects: 'effects',
  adoptions: 'adoptions',
  spreadSignals: 'signals',
};

/** The relationship kinds the request asks for on every innovation of the page. */
function relationsAskedOnEveryNode(info: GraphQLResolveInfo): RelatedName[] {
  const names = new Set<RelatedName>();
  for (const field of selectedFieldsAt(info, ['edges', 'node'])) {
    const name = PAGE_RELATIONS[field];
    if (name) names.add(name);
  }
  return [...names];
}

@Resolver(() => Innovation)
export class InnovationResolver {
  @Query(() => Innovation, { nullable: true, description: 'One innovation by id; null when there is none with that id.' })
  innovation(@Arg('id', () => ID, { description: 'The innovation\'s id, e.g. `min-video`.' }) id: string, @Ctx() ctx: RequestContext): Promise<InnovationNode | null> {
    return ctx.loaders.innovation.load(id);
  }

  @Query(() => InnovationConnection, { description: 'Innovations, filtered and ordered, a page at a time (Relay connection with keyset cursors).' })
  async innovations(@Args(() => InnovationsArgs) args: InnovationsArgs, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<InnovationConnection> {
    // An explicit null (for orderBy, or for the filter's text) means the same as leaving it out.
    const order = effectiveOrder(args.orderBy ?? undefined, (args.filter?.text ?? undefined) !== undefined);
    const first = pageSize(args.first);
    const after = decodeCursor(args.after, order, INNOVATION_ORDERS[order].length);
    const criteria = toInnovationCriteria(args.filter);
    const include = relationsAskedOnEveryNode(info);
    const page = await listInnovations(ctx.graph, criteria, order, first, after, include);
    // The lists came with the page: the field resolvers below find them in the loaders.
    page.rows.forEach((row, index) => {
      for (const name of include) ctx.loaders.related(name).prime(row.node.id, (page.related[index]?.[name] ?? []) as never);
    });
    const parts = connectionParts(page, order);
    // Under RELEVANCE the first sort value is the full-text score, which the edges show.
    const edges = parts.edges.map((edge, index) => ({ ...edge, score: order === 'RELEVANCE' ? (page.rows[index]!.sortKey[0] as number) : null }));
    return Object.assign(new InnovationConnection(), parts, { edges, count: () => countInnovations(ctx.graph, criteria) });
  }

  @FieldResolver(() => [Organisation], { description: 'The organisations that nominated it for the awards (units where the source names a unit).' })
  nominators(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<OrganisationNode[]> {
    return ctx.loaders.related('nominators').load(innovation.id);
  }

  @FieldResolver(() => [Organisation], { description: 'The organisations that made it, where the source says so and they are not the nominators.' })
  makers(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<OrganisationNode[]> {
    return ctx.loaders.related('makers').load(innovation.id);
  }

  @FieldResolver(() => [Partnership], { description: 'The organisations it was made with, and their roles.' })
  partners(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<PartnershipRecord[]> {
    return ctx.loaders.related('partners').load(innovation.id);
  }

  @FieldResolver(() => [Person], { description: 'The people to call about it (reuse contacts; for watch-list entries, people to follow it with).' })
  async contacts(
    @Root() innovation: Innovation,
    @Ctx() ctx: RequestContext,
    @Arg('purpose', () => ContactPurpose, { nullable: true, description: 'Only contacts for this purpose.' }) purpose?: string,
  ): Promise<PersonNode[]> {
    const links = await ctx.loaders.related('contacts').load(innovation.id);
    return links.filter((l) => !purpose || l.purpose === purpose).map((l) => l.person);
  }

  @FieldResolver(() => [ContactLink], { description: 'The contacts with the purpose each is listed for.' })
  contactLinks(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<ContactRecord[]> {
    return ctx.loaders.related('contacts').load(innovation.id);
  }

  @FieldResolver(() => [Theme], { description: 'The themes and missions it is about.' })
  themes(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<ThemeNode[]> {
    return ctx.loaders.related('themes').load(innovation.id);
  }

  @FieldResolver(() => [Award], { description: 'Awards and nominations it received.' })
  awards(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<AwardLink[]> {
    return ctx.loaders.related('awards').load(innovation.id);
  }

  @FieldResolver(() => [Effect], { description: 'Measured effects worth querying, as short facts.' })
  effects(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<EffectItem[]> {
    return ctx.loaders.related('effects').load(innovation.id);
  }

  @FieldResolver(() => [Adoption], { description: 'Organisations that took it up, or plan to, or asked about it: the named spreading facts.' })
  adoptions(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<AdoptionLink[]> {
    return ctx.loaders.related('adoptions').load(innovation.id);
  }

  @FieldResolver(() => [SpreadSignal], { description: 'Spreading facts without a named organisation (e.g. "about 30 municipalities").' })
  spreadSignals(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<SignalItem[]> {
    return ctx.loaders.related('signals').load(innovation.id);
  }

  @FieldResolver(() => Lineage, { description: 'The innovations it built on, and those built on it.' })
  lineage(@Root() innovation: Innovation): Lineage {
    return Object.assign(new Lineage(), { innovationId: innovation.id });
  }

  @FieldResolver(() => [Region], { description: 'The regions of its nominators and makers.' })
  async regions(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): Promise<RegionNode[]> {
    const [nominators, makers] = await Promise.all([ctx.loaders.related('nominators').load(innovation.id), ctx.loaders.related('makers').load(innovation.id)]);
    const ids = [...new Set([...nominators, ...makers].map((o) => o.regionId).filter((id): id is string => id !== null))];
    const regions = await ctx.loaders.region.loadMany(ids);
    return regions.filter((r): r is RegionNode => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => SourceReference, { description: 'Where the source document describes it.' })
  source(@Root() innovation: Innovation, @Ctx() ctx: RequestContext): SourceReference {
    const lines = innovation.sourceLines && innovation.sourceLines.length === 2 ? (innovation.sourceLines as [number, number]) : undefined;
    return Object.assign(new SourceReference(), {
      document: innovation.sourceDocument ? ctx.loaders.source.load(innovation.sourceDocument) : null,
      section: innovation.sourceSection,
      page: innovation.sourcePage,
      lines: innovation.sourceLines,
      locator: innovation.sourceDocument ? sourceLocator(innovation.sourceDocument, lines) : 'unknown',
    });
  }
}

@Resolver(() => Lineage)
export class LineageResolver {
  @FieldResolver(() => [LineageLink], { description: 'Innovations this one reused, adapted or was inspired by.' })
  buildsOn(@Root() lineage: Lineage, @Ctx() ctx: RequestContext): Promise<LineageRecord[]> {
    return ctx.loaders.related('buildsOn').load(lineage.innovationId);
  }

  @FieldResolver(() => [LineageLink], { description: 'Innovations that reused, adapted or were inspired by this one.' })
  builtOnBy(@Root() lineage: Lineage, @Ctx() ctx: RequestContext): Promise<LineageRecord[]> {
    return ctx.loaders.related('builtOnBy').load(lineage.innovationId);
  }
}

@Resolver(() => Adoption)
export class AdoptionResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation it spread from, where the source names one other than its makers.' })
  from(@Root() adoption: Adoption, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return adoption.fromId ? ctx.loaders.organisation.load(adoption.fromId) : null;
  }
}

@Resolver(() => SpreadSignal)
export class SpreadSignalResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation named as the origin, where there is one.' })
  from(@Root() signal: SpreadSignal, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return signal.fromId ? ctx.loaders.organisation.load(signal.fromId) : null;
  }
}
