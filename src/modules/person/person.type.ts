import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person: the contact for one or more innovations, or named staff of an organisation.' })
export class Person {
  @Field(() => ID, { description: 'Stable, readable id, e.g. `jens-bolwig`.' })
  id!: string;

  @Field(() => String, { description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the source prints it.' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number in international form, e.g. "+45 29 20 84 25".' })
  phone!: string | null;

  organisationId!: string | null;
}
