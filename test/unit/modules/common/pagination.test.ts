import { describe, expect, it } from 'vitest';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, pageSize } from '../../../../src/modules/common/pagination.js';
import { thrownBadInput } from '../../../support/thrown.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('pageSize', () => {
  it('defaults to 20 when first is left out or null', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
  });

  it('accepts every whole number from 1 to 100', () => {
    expect(MAX_PAGE_SIZE).toBe(100);
    expect([1, 2, 50, 99, 100].map((n) => pageSize(n))).toEqual([1, 2, 50, 99, 100]);
  });

  it.each([0, -1, 101, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s with the rule and the value, naming the argument', (first) => {
    const error = thrownBadInput(() => pageSize(first));
    expect(error.message).toBe(`first must be a whole number from 1 to 100, got ${first}`);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'first' });
  });

  it('names another argument when told to', () => {
    expect(thrownBadInput(() => pageSize(0, 'contactsFirst')).message).toBe('contactsFirst must be a whole number from 1 to 100, got 0');
  });
});

describe('encodeCursor and decodeCursor', () => {
  it('give back the sort key a cursor was made from, strings and numbers alike', () => {
    const key = ['Æbleordningen på skolerne', 'aebleordning', 2021, 0.25];
    const cursor = encodeCursor('YEAR_DESC', key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'YEAR_DESC', 4)).toEqual(key);
  });

  it('read a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 'TITLE', 2)).toBeNull();
    expect(decodeCursor(null, 'TITLE', 2)).toBeNull();
  });

  it('refuse a cursor of another ordering, saying which orderings differ', () => {
    const error = thrownBadInput(() => decodeCursor(encodeCursor('TITLE', ['a', 'b']), 'YEAR_DESC', 3));
    expect(error.message).toBe('after is a cursor for the ordering TITLE, but this request orders by YEAR_DESC; use a cursor from the same ordering');
    expect(error.details).toEqual({ field: 'after' });
  });

  it.each([
    ['text that is not base64 JSON', 'not-a-cursor'],
    ['JSON that is not a list', base64url({ order: 'TITLE' })],
    ['a list without an ordering first', base64url([1, 'a', 'b'])],
    ['a key one value short', base64url(['TITLE', 'a'])],
    ['a key one value long', base64url(['TITLE', 'a', 'b', 'c'])],
    ['a key holding null', base64url(['TITLE', 'a', null])],
    ['a key holding an object', base64url(['TITLE', 'a', { id: 'b' }])],
  ])('refuse %s with the rule and what was sent', (_case, cursor) => {
    expect(thrownBadInput(() => decodeCursor(cursor, 'TITLE', 2)).message).toBe(
      `after must be a cursor this connection returned (pageInfo.endCursor or an edge's cursor), got "${cursor}"`,
    );
  });

  it('shorten a long cursor in the message to 60 characters', () => {
    const cursor = 'x'.repeat(200);
    const message = thrownBadInput(() => decodeCursor(cursor, 'TITLE', 2, 'contactsAfter')).message;
    expect(message).toBe(`contactsAfter must be a cursor this connection returned (pageInfo.endCursor or an edge's cursor), got "${'x'.repeat(57)}..."`);
  });
});
