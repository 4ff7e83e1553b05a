import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { readSpreadStats, type SpreadGrouping } from '../../graph/spread.cypher.js';
import { spreadGroup, spreadGroups } from './spread-metrics.js';
import { InnovationBarometer, SpreadGroup, SpreadGroupBy, SpreadStats } from './spread-stats.type.js';

/** Innovationsbarometeret's headline figures, as DOMAIN.md quotes them. */
export const INNOVATION_BAROMETER = {
  reuseShare: 0.72,
  activelySharedShare: 0.49,
  collaborationShare: 0.69,
  evaluatedShare: 0.4,
  description:
    'Innovationsbarometeret, the official Danish statistics on public-sector innovation: 72 % of public innovations build on reuse of others\' solutions, ' +
    '49 % were actively shared, 69 % were made in collaboration (about half of those with external partners), and 4 in 10 are evaluated.',
} as const;

@Resolver(() => SpreadStats)
export class SpreadStatsResolver {
  @Query(() => SpreadStats, {
    description: 'Spreading measures of the catalogue\'s innovations for researchers, grouped as asked, with totals and the national reference figures to compare with.',
  })
  async spreadStats(@Arg('groupBy', () => SpreadGroupBy, { description: 'How to group the innovations.' }) groupBy: SpreadGrouping, @Ctx() ctx: RequestContext): Promise<SpreadStats> {
    const { totals, groups } = await readSpreadStats(ctx.graph, groupBy);
    return Object.assign(new SpreadStats(), {
      groupBy,
      groups: spreadGroups(groupBy, groups).map((group) => Object.assign(new SpreadGroup(), group)),
      totals: Object.assign(new SpreadGroup(), spreadGroup('ALL', 'All catalogue innovations', totals)),
      reference: Object.assign(new InnovationBarometer(), INNOVATION_BAROMETER),
    });
  }
}
