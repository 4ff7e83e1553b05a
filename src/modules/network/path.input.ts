import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_PATH_LENGTH } from '../../graph/path.cypher.js';

export const PATH_LENGTH = { min: 1, max: MAX_PATH_LENGTH, default: 4 } as const;

@ArgsType()
export class PathArgs {
  @Field(() => ID, { description: 'The organisation the chain starts from.' })
  fromOrganisationId!: string;

  @Field(() => ID, { description: 'The organisation the chain leads to.' })
  toOrganisationId!: string;

  @Field(() => Int, { nullable: true, description: 'Longest chain to look for, in organisation hops, 1 to 6. Defaults to 4.' })
  maxLength?: number;
}
