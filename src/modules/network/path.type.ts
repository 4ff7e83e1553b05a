import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { InnovationNode, OrganisationNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';
import { Organisation } from '../organisation/organisation.type.js';

export const PathStepKind = { PARTNERSHIP: 'PARTNERSHIP', ADOPTION: 'ADOPTION', PART_OF: 'PART_OF' } as const;

registerEnumType(PathStepKind, {
  name: 'PathStepKind',
  description: 'How one organisation of a chain leads to the next.',
  valuesConfig: {
    PARTNERSHIP: { description: 'Both took part (nominated, made or partnered) in the same innovation.' },
    ADOPTION: { description: 'One adopted (or plans to adopt, or showed interest in) an innovation the other took part in.' },
    PART_OF: { description: 'One is a unit of the other.' },
  },
});

@ObjectType({ description: 'One hop of a chain between organisations.' })
export class PathStep {
  @Field(() => Organisation, { description: 'The organisation the hop starts from.' })
  from!: OrganisationNode;

  @Field(() => Organisation, { description: 'The organisation the hop leads to.' })
  to!: OrganisationNode;

  @Field(() => PathStepKind, { description: 'What links the two.' })
  kind!: string;

  @Field(() => Innovation, { nullable: true, description: 'The innovation that links them; null for PART_OF.' })
  innovation!: InnovationNode | null;

  @Field(() => String, { description: 'The hop as a sentence, e.g. \'Aarhus Kommune and Gate 21 both took part in "X".\'' })
  description!: string;
}

@ObjectType({ description: 'The shortest chain of partnerships, adoptions and unit-to-parent links between two organisations.' })
export class OrganisationPath {
  @Field(() => Int, { description: 'Organisation hops: the number of steps (0 when both ends are the same organisation).' })
  length!: number;

  @Field(() => [Organisation], { description: 'The organisations of the chain in order, from the first to the last.' })
  organisations!: OrganisationNode[];

  @Field(() => [PathStep], { description: 'The hops in order.' })
  steps!: PathStep[];
}
