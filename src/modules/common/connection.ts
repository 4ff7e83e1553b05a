import type { SortValue } from '../../graph/keyset.js';
import type { Page } from '../../graph/listings.cypher.js';
import { encodeCursor } from './pagination.js';
import { PageInfo } from './page-info.type.js';

/** The parts every connection is built from: edges with cursors, page info, a lazy total. */
export function connectionParts<T>(page: Page<T>, order: string) {
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(order, row.sortKey as SortValue[]), node: row.node }));
  const pageInfo = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null });
  return { edges, pageInfo };
}
