import { AlreadyExistsError } from '../../errors.js';
import type { GraphRunner, GraphTransaction } from '../graph-runner.js';

/**
 * What a write returns: the written thing, or an expected failure the caller can act on (the
 * referenced organisation does not exist, the id is taken). Faults are thrown, not returned.
 *
 * A problem is told in facts, not words: its code, the argument of the write it is about (by the
 * write function's own name for it, e.g. `parentId`), and what the graph holds (ids, names). The
 * API's modules turn it into the path of the argument in the mutation and into a sentence.
 */
export type WriteProblemCode = 'NOT_FOUND' | 'ALREADY_EXISTS' | 'CONFLICT';

export type NodeLabel = 'Organisation' | 'Person' | 'Innovation';

/** A node as a problem names it: its id, and its name (or title) where the graph has one. */
export interface NamedNode {
  readonly id: string;
  readonly name: string;
}

export type WriteProblem =
  /** No live node has the id; `mergedInto` is where a merged id lives on now. */
  | { readonly code: 'NOT_FOUND'; readonly reason: 'unknownNode'; readonly argument: string; readonly label: NodeLabel; readonly id: string; readonly mergedInto: string | null }
  /** The argument refers to things of this kind that do not exist. */
  | {
      readonly code: 'NOT_FOUND';
      readonly reason: 'unknownReference';
      readonly argument: string;
      readonly kind: 'organisation' | 'region' | 'theme' | 'source document';
      readonly ids: readonly string[];
    }
  /** The link to remove is not there. */
  | { readonly code: 'NOT_FOUND'; readonly reason: 'noSuchLink'; readonly argument: string; readonly link: 'partnership' | 'contact'; readonly from: NamedNode; readonly to: NamedNode }
  /** The id for a new node is a live node's, or was a merged node's (`mergedInto`). */
  | { readonly code: 'ALREADY_EXISTS'; readonly reason: 'idTaken'; readonly argument: string; readonly label: NodeLabel; readonly id: string; readonly mergedInto: string | null }
  /** Another transaction took the unique key first (the runner's {@link AlreadyExistsError}). */
  | { readonly code: 'ALREADY_EXISTS'; readonly reason: 'keyTaken'; readonly argument: string; readonly label: string; readonly value: string }
  /** The innovation to change is retired, and retired ones are read-only. */
  | { readonly code: 'CONFLICT'; readonly reason: 'retired'; readonly argument: string; readonly id: string }
  | { readonly code: 'CONFLICT'; readonly reason: 'retiredAlready'; readonly argument: string; readonly id: string; readonly retiredAt: string | null }
  | { readonly code: 'CONFLICT'; readonly reason: 'notRetired'; readonly argument: string; readonly id: string }
  /** The argument names the node the write is about: an organisation's parent, an adoption's source, a lineage's earlier end. */
  | { readonly code: 'CONFLICT'; readonly reason: 'itself'; readonly argument: 'parentId' | 'fromOrganisationId' | 'buildsOnId'; readonly id: string }
  /** Both arguments name the same node where two are needed. */
  | { readonly code: 'CONFLICT'; readonly reason: 'sameNode'; readonly argument: string; readonly other: string; readonly label: NodeLabel; readonly id: string }
  /** The new parent is part of the organisation already. */
  | { readonly code: 'CONFLICT'; readonly reason: 'hierarchyLoop'; readonly argument: string; readonly parentId: string }
  /** The earlier innovation builds on the later one already. */
  | { readonly code: 'CONFLICT'; readonly reason: 'lineageLoop'; readonly argument: string; readonly innovation: NamedNode; readonly buildsOn: NamedNode }
  /** The organisation adopted the innovation, so it cannot become its nominator or maker. */
  | {
      readonly code: 'CONFLICT';
      readonly reason: 'adopterAsOrigin';
      readonly argument: string;
      readonly role: 'nominator' | 'maker';
      readonly organisation: NamedNode;
      readonly innovation: NamedNode;
    }
  /** The organisation nominated or made the innovation, so it cannot adopt it. */
  | { readonly code: 'CONFLICT'; readonly reason: 'originAdopts'; readonly argument: string; readonly organisation: NamedNode; readonly innovation: NamedNode }
  /** The innovation would be left with no nominator and no maker (the two arguments that set them). */
  | { readonly code: 'CONFLICT'; readonly reason: 'noOrigin'; readonly argument: string; readonly other: string }
  /** The merge would break a rule of the graph; `titles` are the innovations concerned. */
  | {
      readonly code: 'CONFLICT';
      readonly reason: 'mergeBreaks';
      readonly argument: string;
      readonly rule: 'partOfLoop' | 'buildsOnLoop' | 'ownAdoption' | 'adoptionFromSelf';
      readonly keepId: string;
      readonly mergeId: string;
      readonly keptName: string;
      readonly titles: readonly string[];
    };

export type WriteResult<T> =
  | { readonly ok: true; readonly value: T }
  /** `write` is the write's tag, e.g. `organisation.update`: where its arguments are is the caller's to know. */
  | { readonly ok: false; readonly write: string; readonly problem: WriteProblem };

export const succeeded = <T>(value: T): WriteResult<T> => ({ ok: true, value });
export const failed = <T>(write: string, problem: WriteProblem): WriteResult<T> => ({ ok: false, write, problem });

/** Thrown inside a transaction to roll it back and report the problem as a result. */
export class WriteProblemSignal extends Error {
  constructor(readonly problem: WriteProblem) {
    super(`${problem.code} (${problem.reason}) on ${problem.argument}`);
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
    if (error instanceof WriteProblemSignal) return failed(tag, error.problem);
    if (error instanceof AlreadyExistsError) {
      return failed(tag, { code: 'ALREADY_EXISTS', reason: 'keyTaken', argument: error.property, label: error.label, value: error.value });
    }
    throw error;
  }
}
