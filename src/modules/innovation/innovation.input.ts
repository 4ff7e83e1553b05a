import { Field, ID, InputType, Int } from 'type-graphql';
import { AwardLevel, InnovationKind, InnovationType, Prize, Sector } from '../common/enums.js';

@InputType({ description: 'Narrows a list of innovations. Every field set must hold (AND); a list matches any of its values (OR).' })
export class InnovationFilter {
  @Field(() => String, { nullable: true, description: 'Words to find in title, summary or target group (Danish stemming: plurals and inflections match).' })
  text?: string;

  @Field(() => [InnovationKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: string[];

  @Field(() => [Sector], { nullable: true, description: 'Only these sectors.' })
  sectors?: string[];

  @Field(() => [InnovationType], { nullable: true, description: 'Only innovations of at least one of these types.' })
  types?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only innovations whose nominators or makers are in these regions (region ids, e.g. `syddanmark`).' })
  regionIds?: string[];

  @Field(() => Int, { nullable: true, description: 'Started in this year or later.' })
  yearFrom?: number;

  @Field(() => Int, { nullable: true, description: 'Started in this year or earlier.' })
  yearTo?: number;

  @Field(() => [AwardLevel], { nullable: true, description: 'Only innovations that reached one of these award levels.' })
  awardLevels?: string[];

  @Field(() => [Prize], { nullable: true, description: 'Only innovations with an award entry for one of these prizes.' })
  prizes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only innovations about one of these themes or missions (theme ids).' })
  themeIds?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Only corona-related ones (true) or only the others (false).' })
  coronaRelated?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only innovations this organisation or any of its units nominated, made, partnered in or adopted.' })
  organisationId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only innovations that spread (true), or did not (false): adopted by a named organisation, or built on by another innovation, by a fact of mode COPY, ADAPT or ' +
      'INSPIRATION with status ADOPTED; the rule of `SpreadGroup.spreadShare`. Sharing (a channel), interest and tested or planned take-up do not count.',
  })
  spread?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include retired innovations. Defaults to false.' })
  includeRetired?: boolean;
}
