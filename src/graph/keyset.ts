/**
 * Keyset pagination: a page starts after the sort key of the previous page's last row, so a deep
 * page costs the same as the first one and no query collects every match before paging.
 */

export interface SortColumn {
  /** A Cypher expression over the row variable; constant per ordering, never user input. */
  readonly expression: string;
  readonly descending?: boolean;
}

export type SortValue = string | number | null;

/** `ORDER BY` for the columns. */
export function orderByClause(columns: readonly SortColumn[]): string {
  return columns.map((c) => `${c.expression}${c.descending ? ' DESC' : ''}`).join(', ');
}

/**
 * A condition true for rows strictly after `reference` (a parameter or expression holding the
 * previous row's sort values)
 * in the given order: (a > x) OR (a = x AND b > y) OR ...
 */
export function afterCondition(columns: readonly SortColumn[], reference = '$after'): string {
  const alternatives = columns.map((column, index) => {
    const equalities = columns.slice(0, index).map((c, i) => `${c.expression} = ${reference}[${i}]`);
    const step = `${column.expression} ${column.descending ? '<' : '>'} ${reference}[${index}]`;
    return [...equalities, step].join(' AND ');
  });
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

/** The sort key values of a row, in column order, as stored in a cursor. */
export function sortKeyProjection(columns: readonly SortColumn[]): string {
  return `[${columns.map((c) => c.expression).join(', ')}]`;
}
