import { ArrayMaxSize, IsOptional, Length, Matches, MaxLength, Min, ValidateBy, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ID_PATTERN, idRule, idsRule, latestStartYear, MAX_ID_LENGTH, TITLE_LENGTH } from '../../domain/rules.js';
import { InnovationKind, InnovationType, Sector } from '../common/enums.js';
import { IsYearUpTo } from '../common/rule-decorators.js';

const ID_RULE = { message: `$property ${idRule('min-video')}` };
const IDS_RULE = { each: true, message: `$property ${idsRule('aarhus-kommune')}` };
const TITLE_RULE = { message: `$property must be from ${TITLE_LENGTH.min} to ${TITLE_LENGTH.max} characters long` };
const SUMMARY_RULE = { message: '$property must be from 20 to 2000 characters long' };
const TEXT_RULE = { message: '$property must be from 1 to 300 characters long' };
const SECTION_RULE = { message: '$property must be from 1 to 200 characters long' };

function IsLineRange(): PropertyDecorator {
  return ValidateBy({
    name: 'isLineRange',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && (n as number) >= 1) && (value[0] as number) <= (value[1] as number),
      defaultMessage: () => '$property must be [first, last]: two line numbers of 1 or more, first <= last',
    },
  });
}

@InputType({ description: 'Where in a source document an innovation is described.' })
export class InnovationSourceInput {
  @Field(() => ID, { description: 'The source document, e.g. `lsf2`; it must exist.' })
  @Matches(ID_PATTERN, ID_RULE)
  documentId!: string;

  @Field(() => String, { nullable: true, description: 'The section of the document, e.g. "Kommunale indstillinger".' })
  @IsOptional()
  @Length(1, 200, SECTION_RULE)
  section?: string;

  @Field(() => Int, { nullable: true, description: 'The printed page, where the document states it.' })
  @IsOptional()
  @Min(1, { message: '$property must be a page number of 1 or more' })
  page?: number;

  @Field(() => [Int], { nullable: true, description: 'First and last line in the extracted text, e.g. [110, 300].' })
  @IsOptional()
  @IsLineRange()
  lines?: number[];
}

@InputType({ description: 'A new innovation. It needs at least one nominator or maker: its origin.' })
export class CreateInnovationInput {
  @Field(() => ID, { nullable: true, description: 'Its id; made from the title when absent (e.g. "Min Video" -> min-video).' })
  @IsOptional()
  @Matches(ID_PATTERN, ID_RULE)
  @MaxLength(MAX_ID_LENGTH)
  id?: string;

  @Field(() => String, { description: 'Title as the source names it.' })
  @Length(TITLE_LENGTH.min, TITLE_LENGTH.max, TITLE_RULE)
  title!: string;

  @Field(() => String, { description: 'What it is, for whom, and what it changed: 20 to 2000 characters, in our own words.' })
  @Length(20, 2000, SUMMARY_RULE)
  summary!: string;

  @Field(() => Int, { nullable: true, description: 'The year it started, 1900 to next year.' })
  @IsOptional()
  @IsYearUpTo(latestStartYear)
  year?: number;

  @Field(() => String, { nullable: true, description: 'Who it is for.' })
  @IsOptional()
  @Length(1, 300, TEXT_RULE)
  targetGroup?: string;

  @Field(() => InnovationKind, { description: 'Which part of the sources it comes from.' })
  kind!: string;

  @Field(() => Sector, { nullable: true, description: 'Municipal, regional or state.' })
  @IsOptional()
  sector?: string;

  @Field(() => [InnovationType], { nullable: true, description: 'Kinds of novelty.' })
  @IsOptional()
  types?: string[];

  @Field(() => Boolean, { nullable: true, description: 'True when it was a direct answer to the covid-19 situation. Defaults to false.' })
  @IsOptional()
  coronaRelated?: boolean;

  @Field(() => [ID], { nullable: true, description: 'The themes and missions it is about (theme ids); each must exist.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The organisations that nominated it; each must exist.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  nominatorIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The organisations that made it, where they are not the nominators; each must exist.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  makerIds?: string[];

  @Field(() => InnovationSourceInput, { nullable: true, description: 'Where a source document describes it.' })
  @IsOptional()
  @ValidateNested()
  source?: InnovationSourceInput;
}

@InputType({
  description: 'Changes to an innovation: only the fields given change; null clears year, target group, sector or source. A given list of themes, nominators or makers replaces the previous one.',
})
export class UpdateInnovationInput {
  @Field(() => String, { nullable: true, description: 'New title.' })
  @IsOptional()
  @Length(TITLE_LENGTH.min, TITLE_LENGTH.max, TITLE_RULE)
  title?: string;

  @Field(() => String, { nullable: true, description: 'New summary, 20 to 2000 characters.' })
  @IsOptional()
  @Length(20, 2000, SUMMARY_RULE)
  summary?: string;

  @Field(() => Int, { nullable: true, description: 'New start year, 1900 to next year; null to clear.' })
  @IsOptional()
  @IsYearUpTo(latestStartYear)
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'New target group; null to clear.' })
  @IsOptional()
  @Length(1, 300, TEXT_RULE)
  targetGroup?: string | null;

  @Field(() => InnovationKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  kind?: string;

  @Field(() => Sector, { nullable: true, description: 'New sector; null to clear.' })
  @IsOptional()
  sector?: string | null;

  @Field(() => [InnovationType], { nullable: true, description: 'The full new list of kinds of novelty.' })
  @IsOptional()
  types?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether it was a direct answer to the covid-19 situation.' })
  @IsOptional()
  coronaRelated?: boolean;

  @Field(() => [ID], { nullable: true, description: 'The full new list of themes (replaces the previous ones).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  themeIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The full new list of nominators (replaces the previous ones).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  nominatorIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The full new list of makers (replaces the previous ones).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(ID_PATTERN, IDS_RULE)
  makerIds?: string[];

  @Field(() => InnovationSourceInput, { nullable: true, description: 'The new source reference; null to remove it.' })
  @IsOptional()
  @ValidateNested()
  source?: InnovationSourceInput | null;
}

@ArgsType()
export class RetireInnovationArgs {
  @Field(() => ID, { description: 'The innovation to retire.' })
  id!: string;

  @Field(() => String, { description: 'Why it is retired, for the history (3 to 1000 characters).' })
  @Length(3, 1000, { message: '$property must be from 3 to 1000 characters long' })
  reason!: string;
}

@ArgsType()
export class RestoreInnovationArgs {
  @Field(() => ID, { description: 'The retired innovation to restore.' })
  id!: string;

  @Field(() => String, { description: 'Why it is current again, for the history (3 to 1000 characters).' })
  @Length(3, 1000, { message: '$property must be from 3 to 1000 characters long' })
  reason!: string;
}
