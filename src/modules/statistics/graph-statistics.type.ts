import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How much the knowledge graph holds right now.' })
export class GraphStatistics {
  @Field(() => Int, { description: 'Number of innovations, including referenced practices outside the catalogue.' })
  innovations!: number;

  @Field(() => Int, { description: 'Number of organisations of every kind, units included.' })
  organisations!: number;

  @Field(() => Int, { description: 'Number of people (contacts and named staff).' })
  people!: number;

  @Field(() => Int, { description: 'Number of relationships of every type.' })
  relationships!: number;
}
