import { ArgsType, Field, ID, Int } from 'type-graphql';
import { BadUserInputError } from '../../errors.js';

export const NETWORK_DEPTH = { min: 1, max: 3, default: 1 } as const;
export const NETWORK_SIZE = { min: 1, max: 200, default: 50 } as const;

@ArgsType()
export class PartnerNetworkArgs {
  @Field(() => ID, { description: 'The centre: the organisation whose network to draw, e.g. `aarhus-kommune`.' })
  organisationId!: string;

  @Field(() => Int, { nullable: true, description: 'How many hops out from the centre, 1 to 3. Defaults to 1.' })
  depth?: number;

  @Field(() => Int, { nullable: true, description: 'Most nodes to return, the centre included, 1 to 200. Defaults to 50.' })
  first?: number;
}

/** Checks a whole-number argument against its documented range; the message states the rule and the value. */
export function wholeNumberIn(argument: string, value: number | null | undefined, bounds: { min: number; max: number; default: number }): number {
  if (value === undefined || value === null) return bounds.default;
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new BadUserInputError(`${argument} must be a whole number from ${bounds.min} to ${bounds.max}, got ${value}`, argument);
  }
  return value;
}
