import { Field, Float, ObjectType } from 'type-graphql';
import type { InnovationNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';

@ObjectType({ description: 'An innovation that overlaps with another one: an answer to "is someone already doing this?".' })
export class SimilarInnovation {
  @Field(() => Innovation, { description: 'The similar innovation.' })
  innovation!: InnovationNode;

  @Field(() => Float, {
    description:
      'Similarity in (0, 1]: a weighted sum of shared themes (Jaccard, 0.35), similar wording of title and target group (full-text, 0.3), shared partners (0.2), the same kind of originating organisation (0.1) and the same sector (0.05).',
  })
  score!: number;

  @Field(() => [String], { description: 'Each overlap that contributes to the score, in English, strongest first.' })
  reasons!: string[];
}
