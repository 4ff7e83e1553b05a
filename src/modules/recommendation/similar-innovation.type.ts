import { Field, Float, ObjectType } from 'type-graphql';
import type { InnovationNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';

@ObjectType({ description: 'An innovation that overlaps with another one: an answer to "is someone already doing this?".' })
export class SimilarInnovation {
  @Field(() => Innovation, { description: 'The similar innovation.' })
  innovation!: InnovationNode;

  @Field(() => Float, {
    description:
      'Similarity in [0.15, 1]: 0.5 x how much of the wording it repeats (title, summary, target group; rare words weigh more) + 0.35 x shared themes and missions (weighted Jaccard, rare ones weigh more) + 0.15 x shared partners (weighted by how few innovations each takes part in). For a description, the wording alone.',
  })
  score!: number;

  @Field(() => [String], { description: 'What the two share, one sentence per kind of overlap (themes, words, partners), strongest first, in the requested language.' })
  reasons!: string[];
}
