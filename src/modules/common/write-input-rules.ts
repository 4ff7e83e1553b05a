import { requireName } from '../../ids.js';

/**
 * The name rules of a write's input (visible, no control or bidi characters: domain/rules.ts),
 * checked by the resolvers before the write, where the argument paths a client sees are known.
 * A null leaves a name as it is, so only given names are checked.
 */
export function requireNamesOf(input: { name?: string | null | undefined; aliases?: readonly string[] | null | undefined }): void {
  if (input.name != null) requireName(input.name, 'input.name');
  input.aliases?.forEach((alias, i) => requireName(alias, `input.aliases[${i}]`));
}

/** {@link requireNamesOf} for an innovation, whose name is its title. */
export function requireTitleOf(input: { title?: string | null | undefined }): void {
  if (input.title != null) requireName(input.title, 'input.title');
}
