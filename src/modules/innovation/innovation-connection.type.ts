import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SortValue } from '../../graph/keyset.js';
import { INNOVATION_ORDERS, type Page } from '../../graph/listings.cypher.js';
import type { InnovationNode } from '../../graph/records.js';
import { connectionParts } from '../common/connection.js';
import { PageInfo } from '../common/page-info.type.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { Innovation } from './innovation.type.js';

@ObjectType({ description: 'One innovation in a connection, with the cursor to resume after it.' })
export class InnovationEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Innovation, { description: 'The innovation.' })
  node!: InnovationNode;

  @Field(() => Float, { nullable: true, description: 'Relevance to `filter.text` when ordered by RELEVANCE (higher is better, comparable within one list only); null in other orders.' })
  score!: number | null;
}

@ObjectType({ description: 'A page of innovations (Relay connection), keyset-paged.' })
export class InnovationConnection {
  @Field(() => [InnovationEdge], { description: 'The innovations of this page, in order.' })
  edges!: InnovationEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo!: PageInfo;

  /** Counted only when a client asks for totalCount. */
  count!: () => Promise<number>;

  @Field(() => Int, { description: 'How many innovations match, over all pages. Counted only when asked for.' })
  totalCount(): Promise<number> {
    return this.count();
  }
}

/**
 * A page of innovations in title order below some parent (an organisation's nominations, a
 * theme's innovations): checks `first` and `after`, loads the page, counts only when asked.
 */
export async function innovationsByTitle(
  first: number | undefined,
  after: string | undefined,
  load: (size: number, afterKey: SortValue[] | null) => Promise<Page<InnovationNode>>,
  count: () => Promise<number>,
): Promise<InnovationConnection> {
  const page = await load(pageSize(first), decodeCursor(after, 'TITLE', INNOVATION_ORDERS.TITLE.length));
  return Object.assign(new InnovationConnection(), connectionParts(page, 'TITLE'), { count });
}
