import { AlreadyExistsError } from '../../errors.js';
import type { GraphRunner, GraphTransaction } from '../graph-runner.js';

/**
 * What a write returns: the written thing, or an expected failure the caller can act on (the
 * referenced organisation does not exist, the id is taken). Faults are thrown, not returned.
 */
export type WriteProblemCode = 'NOT_FOUND' | 'ALREADY_EXISTS' | 'CONFLICT';

export interface WriteProblem {
  readonly code: WriteProblemCode;
  readonly message: string;
  /** The input field the problem is about, e.g. `input.parentId`. */
  readonly field?: string;
}

export type WriteResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: WriteProblem };

export const succeeded = <T>(value: T): WriteResult<T> => ({ ok: true, value });
export const failed = <T>(problem: WriteProblem): WriteResult<T> => ({ ok: false, problem });

/** Thrown inside a transaction to roll it back and report the problem as a result. */
export class WriteProblemSignal extends Error {
  constructor(readonly problem: WriteProblem) {
    super(problem.message);
    this.name = 'WriteProblemSignal';
  }
}

/**
 * Runs a write in one transaction. A {@link WriteProblemSignal} thrown by the work rolls it back
 * and comes back as a failed result, as does a unique key another transaction took first (the
 * runner's {@link AlreadyExistsError}); any other error is thrown.
 */
export async function runWrite<T>(graph: GraphRunner, tag: string, work: (tx: GraphTransaction) => Promise<T>): Promise<WriteResult<T>> {
  try {
    return succeeded(await graph.writeTransaction({ tag }, work));
  } catch (error) {
    if (error instanceof WriteProblemSignal) return failed(error.problem);
    if (error instanceof AlreadyExistsError) return failed({ code: 'ALREADY_EXISTS', message: error.message, field: `input.${error.property}` });
    throw error;
  }
}
