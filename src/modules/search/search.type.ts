import { createUnionType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { InnovationNode, OrganisationNode, PersonNode } from '../../graph/records.js';
import { PageInfo } from '../common/page-info.type.js';
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

@ObjectType({ description: 'One search result, how well it matches, and the cursor to resume after it.' })
export class SearchHit {
  @Field(() => String, { description: 'Opaque cursor of this hit; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Float, {
    description:
      'Relevance, comparable across kinds within one search: above 1 when the text names this organisation or person, ' +
      'otherwise up to 1 (the best innovation hit is 1; names that merely contain every word count 0.6 for organisations, 0.5 for people).',
  })
  score!: number;

  @Field(() => SearchNode, { description: 'What was found.' })
  node!: Tagged;
}

@ObjectType({ description: 'A page of search results, best first (Relay connection).' })
export class SearchConnection {
  @Field(() => [SearchHit], { description: 'The hits of this page, best first.' })
  edges!: SearchHit[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many hits there are over all pages (at most 300 of each kind are looked at).' })
  totalCount!: number;
}
