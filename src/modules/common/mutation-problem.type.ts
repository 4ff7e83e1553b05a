import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { WriteResult } from '../../graph/writes/write-result.js';
import { argumentPath, problemMessage } from './mutation-problem.messages.js';

export const MutationProblemCode = { NOT_FOUND: 'NOT_FOUND', ALREADY_EXISTS: 'ALREADY_EXISTS', CONFLICT: 'CONFLICT' } as const;
registerEnumType(MutationProblemCode, {
  name: 'MutationProblemCode',
  description: 'Why a well-formed change could not be made.',
  valuesConfig: {
    NOT_FOUND: { description: 'Something the change names does not exist.' },
    ALREADY_EXISTS: { description: 'The thing to create exists already.' },
    CONFLICT: { description: 'The change contradicts the graph (a loop in the hierarchy, a merge with itself, ...).' },
  },
});

@ObjectType({ description: 'An expected reason a change was not made; nothing was written.' })
export class MutationProblem {
  @Field(() => MutationProblemCode, { description: 'What kind of problem.' })
  code!: string;

  @Field(() => String, { description: 'What is wrong, in a sentence.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The input field it is about, e.g. `input.parentId`.' })
  field!: string | null;
}

/** The payload of a mutation: the changed thing under `key`, or the problem. */
export function toPayload<K extends string, T>(key: K, result: WriteResult<T>): { [P in K]: T | null } & { problem: MutationProblem | null } {
  const problem = result.ok ? null : toProblem(result);
  return { [key]: result.ok ? result.value : null, problem } as { [P in K]: T | null } & { problem: MutationProblem | null };
}

function toProblem({ write, problem }: Extract<WriteResult<unknown>, { ok: false }>): MutationProblem {
  return Object.assign(new MutationProblem(), { code: problem.code, message: problemMessage(write, problem), field: argumentPath(write, problem.argument) });
}
