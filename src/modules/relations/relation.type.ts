import { Field, ObjectType } from 'type-graphql';
import type { AdoptionLink } from '../../graph/lookups.cypher.js';
import type { InnovationNode } from '../../graph/records.js';
import { MutationProblem } from '../common/mutation-problem.type.js';
import { Adoption, Innovation } from '../innovation/innovation.type.js';

@ObjectType({ description: 'The innovation after a change to its partners, contacts or lineage, or the problem that stopped the change.' })
export class RelationPayload {
  @Field(() => Innovation, { nullable: true, description: 'The innovation after the change; null when there was a problem.' })
  innovation!: InnovationNode | null;

  @Field(() => MutationProblem, { nullable: true, description: 'Why nothing was changed; null on success.' })
  problem!: MutationProblem | null;
}

@ObjectType({ description: 'The adoption as recorded, or the problem that stopped it.' })
export class AdoptionPayload {
  @Field(() => Adoption, { nullable: true, description: 'The adoption after the change; null when there was a problem.' })
  adoption!: AdoptionLink | null;

  @Field(() => MutationProblem, { nullable: true, description: 'Why nothing was changed; null on success.' })
  problem!: MutationProblem | null;
}
