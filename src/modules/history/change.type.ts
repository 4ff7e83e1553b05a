import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One change the API made to an innovation, organisation or person: who, when, what, and the entity before and after.' })
export class Change {
  @Field(() => ID, { description: 'Stable id of the change.' })
  id!: string;

  @Field(() => String, { description: 'When it was made: ISO 8601 date-time in UTC, e.g. "2025-03-01T09:30:00.000Z".' })
  at!: string;

  @Field(() => String, { description: 'Who made it: the subject of the token it was made with.' })
  actor!: string;

  @Field(() => String, { description: 'The mutation that made it, e.g. `updateInnovation`.' })
  action!: string;

  @Field(() => String, { description: 'The kind of entity changed: Innovation, Organisation or Person.' })
  entityType!: string;

  @Field(() => ID, { description: 'The id of the entity changed.' })
  entityId!: string;

  @Field(() => String, { description: 'What happened, in a sentence.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'The entity before the change, as JSON; null for a creation.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The entity after the change, as JSON.' })
  after!: string | null;
}
