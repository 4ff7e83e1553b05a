import { ArrayMaxSize, IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PATTERN } from '../../ids.js';

const ID_RULE = { message: '$property must be a slug of lower-case letters, digits and single dashes, such as "jens-bolwig"' };
const EMAIL_RULE = { message: '$property must be an e-mail address such as name@kommune.dk' };
/** International form, as the seed data keeps phones: "+45 12 34 56 78", "+47 915 12 345". */
export const PHONE_PATTERN = /^\+\d{1,3}(?: \d{1,4}){1,6}$/;
const PHONE_RULE = { message: '$property must be in international form: "+", the country code, then groups of digits separated by single spaces, such as "+45 12 34 56 78"' };

@InputType({ description: 'A new person: a contact for innovations, or named staff of an organisation.' })
export class CreatePersonInput {
  @Field(() => ID, { nullable: true, description: 'Their id; made from the name when absent (e.g. "Jens Bolwig" -> jens-bolwig).' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  @MaxLength(120)
  id?: string;

  @Field(() => String, { description: 'Full name.' })
  @Length(2, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role or title as the source prints it, e.g. "it-konsulent".' })
  @IsOptional()
  @Length(1, 200)
  role?: string;

  @Field(() => String, { nullable: true, description: 'E-mail address; stored in lower case.' })
  @IsOptional()
  @IsEmail({}, EMAIL_RULE)
  @MaxLength(200)
  email?: string;

  @Field(() => String, { nullable: true, description: 'Phone number in international form, e.g. "+45 12 34 56 78".' })
  @IsOptional()
  @Matches(PHONE_PATTERN, PHONE_RULE)
  phone?: string;

  @Field(() => ID, { nullable: true, description: 'Id of the organisation they work for; it must exist.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  organisationId?: string;

  @Field(() => [String], { nullable: true, description: 'Other names they go by (kept in the history, not shown on Person).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 200, { each: true })
  aliases?: string[];
}

@InputType({ description: 'Changes to a person: only the fields given change; null clears role, e-mail, phone or employer.' })
export class UpdatePersonInput {
  @Field(() => String, { nullable: true, description: 'New full name.' })
  @IsOptional()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New role or title; null to clear.' })
  @IsOptional()
  @Length(1, 200)
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'New e-mail address (stored in lower case); null to clear.' })
  @IsOptional()
  @IsEmail({}, EMAIL_RULE)
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone number in international form, e.g. "+45 12 34 56 78"; null to clear.' })
  @IsOptional()
  @Matches(PHONE_PATTERN, PHONE_RULE)
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the organisation they now work for; null to clear.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  organisationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'The full new list of other names.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Length(1, 200, { each: true })
  aliases?: string[];
}
