import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import type { OrganisationNode, RegionNode } from '../../graph/records.js';
import { readCascade } from '../../graph/spread.cypher.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Region } from '../reference/reference.type.js';
import { summariseSpread } from './spread-metrics.js';
import { RegionCount, RegionUptake, Spread, SpreadEvent, SpreadUptake } from './spread.type.js';

@Resolver(() => Spread)
export class SpreadResolver {
  @Query(() => Spread, {
    nullable: true,
    description: 'How one innovation spread, for researchers: its cascade of take-ups and the measures of it. Null when there is no innovation with that id.',
  })
  async spread(@Arg('innovationId', () => ID, { description: 'The innovation\'s id, e.g. `affald-kolding`.' }) innovationId: string, @Ctx() ctx: RequestContext): Promise<Spread | null> {
    const cascade = await readCascade(ctx.graph, innovationId);
    if (!cascade) return null;
    // The cascade holds the organisations and regions its events and region counts name: handing
    // them to the loaders saves the second round trip those fields would otherwise cost.
    for (const member of cascade.members) {
      const pendingOrigins = member.pendingDescendants.flatMap((pending) => pending.origins);
      for (const organisation of [...member.origins, ...member.adoptions.map((a) => a.organisation), ...pendingOrigins]) ctx.loaders.organisation.prime(organisation.id, organisation);
    }
    for (const region of cascade.regions) ctx.loaders.region.prime(region.id, region);
    const summary = summariseSpread(cascade);
    return Object.assign(new Spread(), {
      ...summary,
      events: summary.events.map((event) => Object.assign(new SpreadEvent(), event)),
      regionsReached: summary.regionsReached.map((count) => Object.assign(new RegionCount(), count)),
      uptake: Object.assign(new SpreadUptake(), { ...summary.uptake, regions: summary.uptake.regions.map((count) => Object.assign(new RegionUptake(), count)) }),
    });
  }
}

@Resolver(() => SpreadEvent)
export class SpreadEventResolver {
  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'The organisation it spread from: the one the source names, else the origin of the innovation taken up (its first maker or nominator by name).',
  })
  from(@Root() event: SpreadEvent, @Ctx() ctx: RequestContext): Promise<OrganisationNode | null> | null {
    return event.fromId ? ctx.loaders.organisation.load(event.fromId) : null;
  }
}

@Resolver(() => RegionCount)
export class RegionCountResolver {
  @FieldResolver(() => Region, { description: 'The region.' })
  region(@Root() count: RegionCount, @Ctx() ctx: RequestContext): Promise<RegionNode | null> {
    return ctx.loaders.region.load(count.regionId);
  }
}

@Resolver(() => RegionUptake)
export class RegionUptakeResolver {
  @FieldResolver(() => Region, { description: 'The region.' })
  region(@Root() count: RegionUptake, @Ctx() ctx: RequestContext): Promise<RegionNode | null> {
    return ctx.loaders.region.load(count.regionId);
  }
}
