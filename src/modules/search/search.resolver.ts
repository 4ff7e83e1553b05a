import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { searchEverything } from '../../graph/search.cypher.js';
import { pageSize } from '../common/pagination.js';
import { SearchHit } from './search.type.js';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'Ranked full-text search over innovations, organisations and people, with Danish stemming ("videokonsultationer" finds "videokonsultation"). ' +
      'Any text is accepted: quotes, slashes, brackets and operators are treated as plain words.',
  })
  async search(
    @Arg('text', () => String, { description: 'What to look for (up to 500 characters).' }) text: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits, 1 to 100. Defaults to 20.' }) first?: number,
  ): Promise<SearchHit[]> {
    if (text.length > 500) throw new BadUserInputError(`text must be at most 500 characters, got ${text.length}`, 'text');
    const results = await searchEverything(ctx.graph, text, pageSize(first));
    return results.map((r) => Object.assign(new SearchHit(), { score: r.score, node: { ...r.node, __searchType: r.type } }));
  }
}
