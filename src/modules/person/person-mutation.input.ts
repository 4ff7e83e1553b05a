import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ALIAS_LENGTH, EMAIL_PATTERN, EMAIL_RULE, ID_PATTERN, idRule, MAX_ALIASES, MAX_EMAIL_LENGTH, MAX_ID_LENGTH, NAME_LENGTH, PHONE_PATTERN, PHONE_RULE } from '../../domain/rules.js';

const ID_MESSAGE = { message: `$property ${idRule('jens-bolwig')}` };
const EMAIL_MESSAGE = { message: `$property ${EMAIL_RULE}` };
const PHONE_MESSAGE = { message: `$property ${PHONE_RULE}` };

@InputType({ description: 'A new person: a contact for innovations, or named staff of an organisation.' })
export class CreatePersonInput {
  @Field(() => ID, { nullable: true, description: 'Their id; made from the name when absent (e.g. "Jens Bolwig" -> jens-bolwig).' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_MESSAGE)
  @MaxLength(MAX_ID_LENGTH)
  id?: string;

  @Field(() => String, { description: 'Full name.' })
  @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the source prints it, e.g. "it-konsulent".' })
  @IsOptional()
  @Length(1, 200)
  role?: string;

  @Field(() => String, { nullable: true, description: 'E-mail address; stored in lower case.' })
  @IsOptional()
  @Matches(EMAIL_PATTERN, EMAIL_MESSAGE)
  @MaxLength(MAX_EMAIL_LENGTH)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Phone number in international form, e.g. "+45 12 34 56 78".' })
  @IsOptional()
  @Matches(PHONE_PATTERN, PHONE_MESSAGE)
  phone?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the organisation they work for; it must exist.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_MESSAGE)
  organisationId?: string;

  @Field(() => [String], { nullable: true, description: 'Other names they go by (kept in the history, not shown on Person).' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALIASES)
  @Length(ALIAS_LENGTH.min, ALIAS_LENGTH.max, { each: true })
  aliases?: string[];
}

@InputType({ description: 'Changes to a person: only the fields given change; null clears role, e-mail, phone or employer.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'New full name.' })
  @IsOptional()
  @Length(NAME_LENGTH.min, NAME_LENGTH.max)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New role or title; null to clear.' })
  @IsOptional()
  @Length(1, 200)
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'New e-mail address (stored in lower case); null to clear.' })
  @IsOptional()
  @Matches(EMAIL_PATTERN, EMAIL_MESSAGE)
  @MaxLength(MAX_EMAIL_LENGTH)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone number in international form, e.g. "+45 12 34 56 78"; null to clear.' })
  @IsOptional()
  @Matches(PHONE_PATTERN, PHONE_MESSAGE)
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the organisation they now work for; null to clear.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_MESSAGE)
  organisationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'The full new list of other names.' })
  @IsOptional()
  @ArrayMaxSize(MAX_ALIASES)
  @Length(ALIAS_LENGTH.min, ALIAS_LENGTH.max, { each: true })
  aliases?: string[];
}
