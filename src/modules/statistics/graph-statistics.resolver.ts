import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { readGraphCounts } from '../../graph/statistics.cypher.js';
import { GraphStatistics } from './graph-statistics.type.js';

@Resolver()
export class GraphStatisticsResolver {
  @Query(() => GraphStatistics, { description: 'Counts of what the graph holds: a quick check that the API and its database answer.' })
  async graphStatistics(@Ctx() ctx: RequestContext): Promise<GraphStatistics> {
    return Object.assign(new GraphStatistics(), await readGraphCounts(ctx.graph));
  }
}
