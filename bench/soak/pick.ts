/** One of the items, uniformly at random. */
export const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
