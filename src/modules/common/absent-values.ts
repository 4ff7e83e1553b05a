/**
 * GraphQL lets a client send `null` for any optional input field, and for a filter null means
 * what leaving the field out means. The graph layer tells "not given" by `undefined`, so filters
 * drop their null fields here, before any rule or query looks at them.
 */
export function withoutNulls<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as { [K in keyof T]?: Exclude<T[K], null> };
}
