import { Field, Float, ObjectType } from 'type-graphql';
import type { PersonNode } from '../../graph/records.js';
import { Person } from '../person/person.type.js';

@ObjectType({ description: 'A person worth calling about an innovation, why, and how strongly they are suggested.' })
export class ContactSuggestion {
  @Field(() => Person, { description: 'The person to call.' })
  person!: PersonNode;

  @Field(() => String, { description: 'One sentence naming the concrete link between the person and the innovation (and to the asker, when given), in the requested language (Danish by default).' })
  reason!: string;

  @Field(() => Float, {
    description:
      'How strongly the person is suggested, in (0, 1]. Tiers never overlap: the innovation\'s own contacts score 0.8 to 1, people at adopters and at innovations built on it 0.5 to 0.79, contacts of similar innovations below 0.5.',
  })
  score!: number;
}
