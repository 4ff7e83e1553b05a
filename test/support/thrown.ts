import { expect } from 'vitest';
import { BadUserInputError } from '../../src/errors.js';

/** The BadUserInputError a call throws, so that its message, code and field can all be checked; fails when it throws nothing or something else. */
export function thrownBadInput(call: () => unknown): BadUserInputError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(BadUserInputError);
    return error as BadUserInputError;
  }
  throw new Error('expected the call to throw');
}
