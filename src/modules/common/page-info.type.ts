import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection ends, and whether more follow (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page. Null on an empty page.' })
  endCursor!: string | null;
}
