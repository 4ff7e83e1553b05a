import { BadUserInputError } from '../../errors.js';
import type { SortValue } from '../../graph/keyset.js';

/** Page sizes: `first` defaults to 20 and may not exceed 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Checks `first` against the documented bounds; the message states the rule and the value. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`${argument} must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${first}`, argument);
  }
  return first;
}

/**
 * A cursor names the ordering and the sort key of one row; paging resumes strictly after it.
 * It is opaque to clients (base64url of JSON) but checked on the way back in.
 */
export function encodeCursor(order: string, sortKey: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify([order, ...sortKey])).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, order: string, keyLength: number, argument = 'after'): SortValue[] | null {
  if (cursor === undefined || cursor === null) return null;
  const rule = `${argument} must be a cursor this connection returned (pageInfo.endCursor or an edge's cursor)`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadUserInputError(`${rule}, got "${shorten(cursor)}"`, argument);
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') {
    throw new BadUserInputError(`${rule}, got "${shorten(cursor)}"`, argument);
  }
  if (parsed[0] !== order) {
    throw new BadUserInputError(`${argument} is a cursor for the ordering ${parsed[0]}, but this request orders by ${order}; use a cursor from the same ordering`, argument);
  }
  if (parsed.length !== keyLength + 1 || !parsed.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new BadUserInputError(`${rule}, got "${shorten(cursor)}"`, argument);
  }
  return parsed.slice(1) as SortValue[];
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
