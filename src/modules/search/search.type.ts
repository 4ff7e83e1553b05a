import { createUnionType, Field, Float, ObjectType } from 'type-graphql';
import type { InnovationNode, OrganisationNode, PersonNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from '../person/person.type.js';

type Tagged = (InnovationNode | OrganisationNode | PersonNode) & { __searchType?: 'Innovation' | 'Organisation' | 'Person' };

export const SearchNode = createUnionType({
  name: 'SearchNode',
  description: 'Anything search can find: an innovation, an organisation or a person.',
  types: () => [Innovation, Organisation, Person] as const,
  resolveType: (value: Tagged) => value.__searchType,
});

@ObjectType({ description: 'One search result and how well it matches.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance from the full-text index; higher is better. Comparable within one search only.' })
  score!: number;

  @Field(() => SearchNode, { description: 'What was found.' })
  node!: Tagged;
}
