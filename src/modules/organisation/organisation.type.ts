import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationKind } from '../common/enums.js';

@ObjectType({ description: 'An organisation of any kind: municipality, region, hospital, agency, company, university, a unit inside one, ...' })
export class Organisation {
  @Field(() => ID, { description: 'Stable, readable id, e.g. `aarhus-kommune`; a unit carries its parent\'s id as prefix.' })
  id!: string;

  @Field(() => String, { description: 'Canonical name, e.g. "Aarhus Kommune".' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO country code (DK, NO, ...).' })
  country!: string | null;

  @Field(() => [String], { description: 'Other names it goes by in the sources (abbreviations, older names, spellings).' })
  aliases!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Its official code, where the sources or a public register give one: a Danish municipality\'s or region\'s code (e.g. "751" for Aarhus Kommune), a Norwegian organisation number.',
  })
  code!: string | null;

  regionId!: string | null;
  parentId!: string | null;
}
