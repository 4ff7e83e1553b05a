import { Field, Int, ObjectType } from 'type-graphql';
import type { OrganisationNode } from '../../graph/records.js';
import { PageInfo } from '../common/page-info.type.js';
import { Organisation } from './organisation.type.js';

@ObjectType({ description: 'One organisation in a connection, with the cursor to resume after it.' })
export class OrganisationEdge {
  @Field(() => String, { description: 'Opaque cursor of this edge; pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => Organisation, { description: 'The organisation.' })
  node!: OrganisationNode;
}

@ObjectType({ description: 'A page of organisations (Relay connection), keyset-paged.' })
export class OrganisationConnection {
  @Field(() => [OrganisationEdge], { description: 'The organisations of this page, in order.' })
  edges!: OrganisationEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to get them.' })
  pageInfo!: PageInfo;

  count!: () => Promise<number>;

  @Field(() => Int, { description: 'How many organisations match, over all pages. Counted only when asked for.' })
  totalCount(): Promise<number> {
    return this.count();
  }
}
