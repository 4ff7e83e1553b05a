import { describe, expect, it } from 'vitest';
import { afterCondition, orderByClause, sortKeyProjection, type SortColumn } from '../../../src/graph/keyset.js';

type Row = { a: number; b: number; c: number };

/**
 * The condition as a JavaScript predicate over a row and the cursor's key, so that it can be
 * checked against the ordering itself rather than against its own text. The expressions are
 * `row.a`, `row.b`, `row.c`; Cypher's `=`, AND and OR become JavaScript's.
 */
function asPredicate(condition: string): (row: Row, after: number[]) => boolean {
  const js = condition.replaceAll(' = ', ' === ').replaceAll(' AND ', ' && ').replaceAll(' OR ', ' || ').replaceAll('$after', 'after');
  return new Function('row', 'after', `return ${js};`) as (row: Row, after: number[]) => boolean;
}

/** -1, 0 or 1 as `x` sorts before, with or after `y` in the columns' order. */
function compare(columns: readonly (SortColumn & { key: keyof Row })[], x: Row, y: Row): number {
  for (const column of columns) {
    const difference = x[column.key] - y[column.key];
    if (difference !== 0) return Math.sign(column.descending ? -difference : difference);
  }
  return 0;
}

const grid: Row[] = [];
for (const a of [1, 2, 3]) for (const b of [1, 2]) for (const c of [1, 2, 3]) grid.push({ a, b, c });

describe('afterCondition', () => {
  const orderings: (SortColumn & { key: keyof Row })[][] = [
    [{ expression: 'row.a', key: 'a' }],
    [{ expression: 'row.a', key: 'a' }, { expression: 'row.b', key: 'b' }],
    [{ expression: 'row.a', key: 'a', descending: true }, { expression: 'row.b', key: 'b' }, { expression: 'row.c', key: 'c' }],
    [{ expression: 'row.a', key: 'a' }, { expression: 'row.b', key: 'b', descending: true }, { expression: 'row.c', key: 'c', descending: true }],
  ];

  it.each(orderings.map((columns) => [orderByClause(columns), columns] as const))('holds exactly for the rows strictly after the cursor in ORDER BY %s', (_name, columns) => {
    const after = asPredicate(afterCondition(columns));
    for (const reference of grid) {
      const key = columns.map((column) => reference[column.key]);
      const expected = grid.filter((row) => compare(columns, row, reference) > 0);
      expect(grid.filter((row) => after(row, key))).toEqual(expected);
    }
  });

  it('never holds for the cursor row itself, so a page does not repeat the last row of the one before', () => {
    const columns = orderings[2]!;
    const after = asPredicate(afterCondition(columns));
    for (const row of grid) expect(after(row, columns.map((c) => row[c.key]))).toBe(false);
  });

  it('reads the key from the reference it is given, position by position', () => {
    expect(afterCondition([{ expression: 'i.title' }, { expression: 'i.id' }], '$cursor')).toBe('((i.title > $cursor[0]) OR (i.title = $cursor[0] AND i.id > $cursor[1]))');
  });
});

describe('orderByClause', () => {
  it('lists the columns in order, DESC only where asked', () => {
    expect(orderByClause([{ expression: 'score', descending: true }, { expression: 'i.id' }])).toBe('score DESC, i.id');
    expect(orderByClause([{ expression: 'i.title', descending: false }])).toBe('i.title');
  });
});

describe('sortKeyProjection', () => {
  it('projects the columns as a list in the order the cursor stores and afterCondition reads them', () => {
    expect(sortKeyProjection([{ expression: 'coalesce(i.year, -1)', descending: true }, { expression: 'i.title' }, { expression: 'i.id' }])).toBe('[coalesce(i.year, -1), i.title, i.id]');
  });
});
