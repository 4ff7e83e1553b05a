import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { InnovationNode, OrganisationNode, PersonNode } from '../../graph/records.js';
import { Organisation } from '../organisation/organisation.type.js';
import { Person } from '../person/person.type.js';
import { AwardLevel, ContactPurpose, InnovationKind, InnovationType, Prize, Sector, SpreadDirection, SpreadMode, SpreadStatus, ValueDimension } from '../common/enums.js';

/**
 * The innovation and the small types hanging off it. Relationship fields (nominators, contacts,
 * adoptions, ...) are resolved in `innovation.resolver.ts` through per-request loaders.
 */
@ObjectType({ description: 'A public-sector innovation: something new that was put to use and created value.' })
export class Innovation {
  @Field(() => ID, { description: 'Stable, readable id, e.g. `min-video`.' })
  id!: string;

  @Field(() => String, { description: 'Title as the source names it.' })
  title!: string;

  @Field(() => String, { description: 'What it is, for whom, and what it changed: two to four sentences in our own words (Danish).' })
  summary!: string;

  @Field(() => Int, { nullable: true, description: 'The year it started (ÅRSTAL in the award catalogue).' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Who it is for (MÅLGRUPPE).' })
  targetGroup!: string | null;

  @Field(() => InnovationKind, { description: 'Which part of the sources it comes from.' })
  kind!: string;

  @Field(() => Sector, { nullable: true, description: 'Municipal, regional or state.' })
  sector!: string | null;

  @Field(() => [InnovationType], { description: 'Kinds of novelty, where stated.' })
  types!: string[];

  @Field(() => Boolean, { description: 'True when it was a direct answer to the covid-19 situation.' })
  coronaRelated!: boolean;

  @Field(() => Boolean, { description: 'True when retired: kept for the record, left out of lists unless asked for.' })
  retired!: boolean;

  @Field(() => String, { nullable: true, description: 'When it was retired (ISO date-time); null while it is current.' })
  retiredAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired, as the admin who retired it wrote.' })
  retiredReason!: string | null;

  sourceDocument!: string | null;
  sourceSection!: string | null;
  sourceLines!: number[] | null;
  sourcePage!: number | null;
}

@ObjectType({ description: 'An award or nomination an innovation received.' })
export class Award {
  @Field(() => Prize, { description: 'The prize.' })
  prize!: string;

  @Field(() => String, { description: 'Name of the prize.' })
  prizeName!: string;

  @Field(() => AwardLevel, { description: 'How far it came: winner, jury finalist, nominee, submitted.' })
  level!: string;

  @Field(() => Int, { nullable: true, description: 'Year of the awards.' })
  year!: number | null;
}

@ObjectType({ description: 'A measured effect of an innovation, as a short fact with its figure.' })
export class Effect {
  @Field(() => ValueDimension, { description: 'The dimension of value.' })
  dimension!: string;

  @Field(() => String, { description: 'The effect, in our own words (Danish).' })
  fact!: string;
}

@ObjectType({ description: 'An organisation that collaborated on an innovation, and what it did.' })
export class Partnership {
  @Field(() => Organisation, { description: 'The partner.' })
  organisation!: OrganisationNode;

  @Field(() => String, { nullable: true, description: 'What the partner did, in a few words (Danish).' })
  role!: string | null;
}

@ObjectType({ description: 'A person listed as the contact for an innovation, and why.' })
export class ContactLink {
  @Field(() => Person, { description: 'The person to call.' })
  person!: PersonNode;

  @Field(() => ContactPurpose, { description: 'REUSE: call to reuse it; FOLLOW: call to follow a watch-list innovation.' })
  purpose!: string;
}

@ObjectType({ description: 'An organisation that took up (or means to take up) an innovation: one fact of spreading.' })
export class Adoption {
  @Field(() => Organisation, { description: 'The organisation that took it up.' })
  organisation!: OrganisationNode;

  @Field(() => Innovation, { description: 'The innovation it took up.' })
  innovation!: InnovationNode;

  @Field(() => SpreadMode, { description: 'Copy, adaptation, inspiration, sharing or interest.' })
  mode!: string;

  @Field(() => SpreadStatus, { description: 'Adopted, planned or interested.' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Year, where the source gives one.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'What the source says happened, in our words.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it stands, e.g. `lsf2:4432-4435`.' })
  source!: string | null;

  fromId!: string | null;
}

@ObjectType({ description: 'A link between two innovations: one reused, adapted or was inspired by the other.' })
export class LineageLink {
  @Field(() => Innovation, { description: 'The innovation at the other end of the link.' })
  innovation!: InnovationNode;

  @Field(() => SpreadMode, { nullable: true, description: 'How the later one built on the earlier one.' })
  mode!: string | null;

  @Field(() => SpreadStatus, { nullable: true, description: 'How far it has come.' })
  status!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year, where given.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'What the source says, in our words.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it stands.' })
  source!: string | null;
}

@ObjectType({ description: 'Where an innovation came from and where it went, as links to other innovations.' })
export class Lineage {
  innovationId!: string;
}

@ObjectType({ description: 'A spreading fact without a named organisation: "about 30 municipalities", "other regions asked".' })
export class SpreadSignal {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => SpreadDirection, { description: 'OUTGOING: the innovation travelling out; INCOMING: what it took up from elsewhere.' })
  direction!: string;

  @Field(() => SpreadMode, { description: 'How.' })
  mode!: string;

  @Field(() => SpreadStatus, { description: 'How far it has come.' })
  status!: string;

  @Field(() => Int, { nullable: true, description: 'Year, where given.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Who, in words (Danish), e.g. "ca. 30 kommuner".' })
  audience!: string | null;

  @Field(() => Int, { nullable: true, description: 'How many, where the source gives a number.' })
  expectedCount!: number | null;

  @Field(() => String, { nullable: true, description: 'What the source says, in our words.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it stands.' })
  source!: string | null;

  fromId!: string | null;
}
