import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person: the contact for one or more innovations, or named staff of an organisation.' })
export class Person {
  @Field(() => ID, { description: 'Stable, readable id, e.g. `jens-bolwig`.' })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the source prints it.' })
  role!: string | null;

  // E-mail and phone are resolved in person.resolver.ts: a deployment may show them to
  // authenticated callers only.
  email!: string | null;
  phone!: string | null;

  @Field(() => [String], { description: 'Other names or spellings the person goes by (kept when duplicates are merged).' })
  aliases!: string[];

  organisationId!: string | null;
}
