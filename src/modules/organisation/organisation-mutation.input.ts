import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ALIAS_LENGTH, COUNTRY_PATTERN, COUNTRY_RULE, ID_PATTERN, idRule, MAX_ALIASES, MAX_ID_LENGTH, NAME_LENGTH } from '../../domain/rules.js';
import { OrganisationKind } from '../common/enums.js';

const ID_RULE = { message: `$property ${idRule('aarhus-kommune')}` };
const COUNTRY_MESSAGE = { message: `$property ${COUNTRY_RULE}` };

@InputType({ description: 'A new organisation.' })
export class CreateOrganisationInput {
  @Field(() => ID, { nullable: true, description: 'Its id; made from the name when absent (e.g. "Aarhus Kommune" -> aarhus-kommune).' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  @MaxLength(MAX_ID_LENGTH)
  id?: string;

  @Field(() => String, { description: 'Canonical name.' })
  @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  name!: string;

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'ISO country code, e.g. DK.' })
  @IsOptional()
  @Matches(COUNTRY_PATTERN, COUNTRY_MESSAGE)
  country?: string;

  @Field(() => ID, { nullable: true, description: 'Region id, e.g. `syddanmark`.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the organisation it belongs to.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  parentId?: string;

  @Field(() => [String], { nullable: true, description: 'Other names it goes by.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALIASES)
  @Length(ALIAS_LENGTH.min, ALIAS_LENGTH.max, { each: true })
  aliases?: string[];
}

@InputType({ description: 'Changes to an organisation: only the fields given change; null clears region or parent.' })
export class UpdateOrganisationInput {
  @Field(() => String, { nullable: true, description: 'New canonical name.' })
  @IsOptional()
  @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  name?: string;

  @Field(() => OrganisationKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  kind?: string;

  @Field(() => String, { nullable: true, description: 'New country code.' })
  @IsOptional()
  @Matches(COUNTRY_PATTERN, COUNTRY_MESSAGE)
  country?: string | null;

  @Field(() => ID, { nullable: true, description: 'New region id; null to clear.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'New parent organisation id; null to clear.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  parentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'The full new list of other names.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALIASES)
  @Length(ALIAS_LENGTH.min, ALIAS_LENGTH.max, { each: true })
  aliases?: string[];
}
