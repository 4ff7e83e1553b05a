import { Field, ID, InputType } from 'type-graphql';
import { OrganisationKind } from '../common/enums.js';

@InputType({ description: 'Narrows a list of organisations. Every field set must hold (AND); a list matches any of its values (OR).' })
export class OrganisationFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in the name or any alias (Danish stemming).' })
  text?: string;

  @Field(() => [OrganisationKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only organisations in these regions (region ids).' })
  regionIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Only organisations in these countries (ISO codes, e.g. DK, NO).' })
  countries?: string[];

  @Field(() => ID, { nullable: true, description: 'Only the direct units of this organisation.' })
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only organisations involved in an innovation (nominated, made, partnered in, adopted) when true; only the others when false.' })
  active?: boolean;
}
