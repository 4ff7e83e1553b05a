import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { searchEverything } from '../../graph/search.cypher.js';
import { PageInfo } from '../common/page-info.type.js';
import { decodeCursor, encodeCursor, pageSize } from '../common/pagination.js';
import { InnovationFilter } from '../innovation/innovation.input.js';
import { toInnovationCriteria } from '../innovation/innovation.resolver.js';
import { SearchConnection, SearchHit } from './search.type.js';

const ORDER = 'RELEVANCE';
const KIND_RANK = { Organisation: 0, Person: 1, Innovation: 2 } as const;

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Ranked search over innovations (title, summary, target group, themes and missions, effects, spreading evidence, partners), ' +
      'organisations and people, with Danish stemming ("videokonsultationer" finds "videokonsultation"), compounds ("klima" finds ' +
      '"klimatilpasning") and English words translated to Danish ("loneliness" finds "ensomhed"). Hits with every word rank first. ' +
      'Any text is accepted: quotes, slashes, brackets and operators are treated as plain words.',
  })
  async search(
    @Arg('text', () => String, { description: 'What to look for (up to 500 characters).' }) text: string,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many hits, 1 to 100. Defaults to 20.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after (an endCursor or hit cursor of the same search).' }) after?: string,
    @Arg('filter', () => InnovationFilter, {
      nullable: true,
      description: 'Innovation criteria to combine with the text (regions, themes, sectors, years, ...). With a filter only innovations are searched. `filter.text` is not allowed here.',
    })
    filter?: InnovationFilter,
  ): Promise<SearchConnection> {
    if (text.length > 500) throw new BadUserInputError(`text must be at most 500 characters, got ${text.length}`, 'text');
    if (filter?.text !== undefined && filter.text !== null) throw new BadUserInputError('filter.text cannot be used in search; put the words in text', 'filter.text');
    const size = pageSize(first);
    const cursor = decodeCursor(after, ORDER, 3);
    const hits = await searchEverything(ctx.graph, text, { filter: toInnovationCriteria(filter) });
    const keyed = hits.map((hit) => ({ hit, key: [hit.score, KIND_RANK[hit.type], hit.node.id] as [number, number, string] }));
    const start = cursor === null ? 0 : keyed.findIndex(({ key }) => isAfter(key, cursor as [number, number, string]));
    const page = start < 0 ? [] : keyed.slice(start, start + size);
    const edges = page.map(({ hit, key }) =>
      Object.assign(new SearchHit(), { cursor: encodeCursor(ORDER, key), score: hit.score, node: { ...hit.node, __searchType: hit.type } }),
    );
    const hasNextPage = start >= 0 && start + size < keyed.length;
    const pageInfo = Object.assign(new PageInfo(), { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null });
    return Object.assign(new SearchConnection(), { edges, pageInfo, totalCount: hits.length });
  }
}

/** Whether `key` sorts after `cursor`: score descending, then kind, then id. */
function isAfter(key: [number, number, string], cursor: [number, number, string]): boolean {
  if (key[0] !== cursor[0]) return key[0] < cursor[0];
  if (key[1] !== cursor[1]) return key[1] > cursor[1];
  return key[2] > cursor[2];
}
