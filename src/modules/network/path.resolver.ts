import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { findOrganisationPath, type PathStepRecord } from '../../graph/path.cypher.js';
import { wholeNumberIn } from './network.input.js';
import { PATH_LENGTH, PathArgs } from './path.input.js';
import { OrganisationPath, PathStep } from './path.type.js';

@Resolver(() => OrganisationPath)
export class PathResolver {
  @Query(() => OrganisationPath, {
    nullable: true,
    description:
      'The shortest chain linking two organisations through shared innovations (partnerships, adoptions) and unit-to-parent links, ' +
      'with the fewest organisation hops. Null when either id is unknown or no chain is at most maxLength hops long.',
  })
  async path(@Args(() => PathArgs) args: PathArgs, @Ctx() ctx: RequestContext): Promise<OrganisationPath | null> {
    const maxLength = wholeNumberIn('maxLength', args.maxLength, PATH_LENGTH);
    const path = await findOrganisationPath(ctx.graph, args.fromOrganisationId, args.toOrganisationId, maxLength);
    if (!path) return null;
    return { length: path.length, organisations: path.organisations, steps: path.steps.map(toPathStep) };
  }
}

const ADOPTION_VERBS: Record<string, string> = { ADOPTED: 'adopted', PLANNED: 'plans to adopt', INTERESTED: 'showed interest in' };

function toPathStep(step: PathStepRecord): PathStep {
  return { from: step.from, to: step.to, kind: step.kind, innovation: step.innovation, description: describeStep(step) };
}

/** The step as a sentence a person can check against the sources. */
export function describeStep(step: PathStepRecord): string {
  const { from, to, innovation } = step;
  if (step.kind === 'PART_OF') return step.unit === 'FROM' ? `${from.name} is part of ${to.name}.` : `${to.name} is part of ${from.name}.`;
  const title = `"${innovation?.title ?? ''}"`;
  if (step.kind === 'PARTNERSHIP') return `${from.name} and ${to.name} both took part in ${title}.`;
  const verb = ADOPTION_VERBS[step.adoptionStatus ?? 'ADOPTED'] ?? 'adopted';
  return step.adopter === 'FROM' ? `${from.name} ${verb} ${title}, which ${to.name} took part in.` : `${from.name} took part in ${title}, which ${to.name} ${verb}.`;
}
