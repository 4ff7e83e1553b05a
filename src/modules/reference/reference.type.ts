import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ThemeKind } from '../common/enums.js';

@ObjectType({ description: 'A region: one of the five Danish regions, or a Norwegian health region.' })
export class Region {
  @Field(() => ID, { description: 'Stable id, e.g. `midtjylland`.' })
  id!: string;

  @Field(() => String, { description: 'Name in the local language, e.g. "Region Midtjylland".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field(() => String, { description: 'ISO country code: DK or NO.' })
  country!: string;
}

@ObjectType({ description: 'A subject theme, or a strategic mission an organisation set itself, that innovations are about.' })
export class Theme {
  @Field(() => ID, { description: 'Stable id, e.g. `telemedicine`.' })
  id!: string;

  @Field(() => String, { description: 'Danish name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field(() => ThemeKind, { description: 'THEME, or MISSION for a strategy\'s mission.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'For missions: what the mission aims at, in our words.' })
  summary!: string | null;

  ownerId!: string | null;
}

@ObjectType({ description: 'A source document the graph was built from.' })
export class SourceDocument {
  @Field(() => ID, { description: 'Stable id, e.g. `lsf2` for the 2021 award catalogue.' })
  id!: string;

  @Field(() => String, { description: 'Title of the document.' })
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Year of publication, where known.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Language code (da, no).' })
  language!: string | null;

  publisherId!: string | null;
}

@ObjectType({ description: 'Where in a source document a fact stands, so that a reader can check it.' })
export class SourceReference {
  @Field(() => SourceDocument, { nullable: true, description: 'The document.' })
  document!: SourceDocument | null;

  @Field(() => String, { nullable: true, description: 'The section of the document, e.g. "Kommunale indstillinger".' })
  section!: string | null;

  @Field(() => Int, { nullable: true, description: 'The printed page, where the document states it.' })
  page!: number | null;

  @Field(() => [Int], { nullable: true, description: 'First and last line in the extracted text of the document.' })
  lines!: number[] | null;

  @Field(() => String, { description: 'A short pointer such as `lsf2:117-300` (document:first-last line).' })
  locator!: string;
}
