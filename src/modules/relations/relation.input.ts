import { IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ID_PATTERN, idRule, latestFactYear } from '../../domain/rules.js';
import { ContactPurpose, SpreadMode, SpreadStatus } from '../common/enums.js';
import { IsYearUpTo } from '../common/rule-decorators.js';

const ID_RULE = { message: `$property ${idRule('aarhus-kommune')}` };
const EVIDENCE_RULE = { message: '$property must be 10 to 1000 characters: what the source says happened, in our words' };
const SOURCE_RULE = { message: '$property must be 1 to 300 characters: where the fact stands, e.g. a URL or "lsf2:123-130"' };
const ROLE_RULE = { message: '$property must be 2 to 200 characters: what the partner did, in a few words' };

@ArgsType()
export class PartnershipArgs {
  @Field(() => ID, { description: 'The innovation.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The partner organisation.' })
  @Matches(ID_PATTERN, ID_RULE)
  organisationId!: string;

  @Field(() => String, { description: 'What the partner did, in a few words (Danish), e.g. "ekstern udviklingspartner".' })
  @Length(2, 200, ROLE_RULE)
  role!: string;
}

@ArgsType()
export class PartnershipKeyArgs {
  @Field(() => ID, { description: 'The innovation.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The partner organisation to remove.' })
  @Matches(ID_PATTERN, ID_RULE)
  organisationId!: string;
}

@ArgsType()
export class ContactArgs {
  @Field(() => ID, { description: 'The innovation.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The person to call about it.' })
  @Matches(ID_PATTERN, ID_RULE)
  personId!: string;

  @Field(() => ContactPurpose, { description: 'REUSE: call to reuse it; FOLLOW: call to follow a watch-list innovation.' })
  purpose!: string;
}

@ArgsType()
export class ContactKeyArgs {
  @Field(() => ID, { description: 'The innovation.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The contact person to remove.' })
  @Matches(ID_PATTERN, ID_RULE)
  personId!: string;
}

@InputType({ description: 'One fact of spreading: an organisation took up (or plans to, or asked about) an innovation.' })
export class RecordAdoptionInput {
  @Field(() => ID, { description: 'The innovation taken up.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The organisation that took it up; not one of its nominators or makers.' })
  @Matches(ID_PATTERN, ID_RULE)
  organisationId!: string;

  @Field(() => SpreadMode, { description: 'How: copy, adaptation, inspiration, sharing or interest.' })
  mode!: string;

  @Field(() => SpreadStatus, { description: 'How far it has come: adopted, planned or interested.' })
  status!: string;

  @Field(() => Int, { description: 'The year it happened, or is planned for: 1900 to five years from now.' })
  @IsYearUpTo(latestFactYear)
  year!: number;

  @Field(() => String, { description: 'What the source says happened, in our own words (10 to 1000 characters).' })
  @Length(10, 1000, EVIDENCE_RULE)
  evidence!: string;

  @Field(() => String, { description: 'Where the fact stands: a URL, or document and lines such as "lsf2:123-130" (up to 300 characters).' })
  @Length(1, 300, SOURCE_RULE)
  source!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation it spread from, when not the innovation\'s own nominators or makers.' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  fromOrganisationId?: string;
}

@InputType({ description: 'A lineage link: a later innovation reused, adapted or was inspired by an earlier one.' })
export class LinkInnovationsInput {
  @Field(() => ID, { description: 'The later innovation, the one that builds on the other.' })
  @Matches(ID_PATTERN, ID_RULE)
  innovationId!: string;

  @Field(() => ID, { description: 'The earlier innovation it builds on.' })
  @Matches(ID_PATTERN, ID_RULE)
  buildsOnId!: string;

  @Field(() => SpreadMode, { description: 'How the later one built on the earlier one.' })
  mode!: string;

  @Field(() => SpreadStatus, { description: 'How far it has come.' })
  status!: string;

  @Field(() => Int, { description: 'The year it happened, or is planned for: 1900 to five years from now.' })
  @IsYearUpTo(latestFactYear)
  year!: number;

  @Field(() => String, { description: 'What the source says, in our own words (10 to 1000 characters).' })
  @Length(10, 1000, EVIDENCE_RULE)
  evidence!: string;

  @Field(() => String, { description: 'Where the fact stands: a URL, or document and lines such as "lsf2:123-130" (up to 300 characters).' })
  @Length(1, 300, SOURCE_RULE)
  source!: string;
}

@ArgsType()
export class MergeArgs {
  @Field(() => ID, { description: 'The one to keep: it takes over every relationship and name of the other.' })
  @Matches(ID_PATTERN, ID_RULE)
  keepId!: string;

  @Field(() => ID, { description: 'The duplicate: it becomes a pointer to the kept one.' })
  @Matches(ID_PATTERN, ID_RULE)
  mergeId!: string;
}
