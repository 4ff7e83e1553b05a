import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SignalItem } from '../../graph/lookups.cypher.js';
import type { InnovationNode, OrganisationNode } from '../../graph/records.js';
import { OrganisationKind, SpreadMode, SpreadStatus } from '../common/enums.js';
import { Innovation, SpreadSignal } from '../innovation/innovation.type.js';
import { Organisation } from '../organisation/organisation.type.js';

export const SpreadEventKind = { ADOPTION: 'ADOPTION', LINEAGE: 'LINEAGE' } as const;
registerEnumType(SpreadEventKind, {
  name: 'SpreadEventKind',
  description: 'How a spreading event is recorded in the graph.',
  valuesConfig: {
    ADOPTION: { description: 'The organisation took the innovation up (an ADOPTED fact).' },
    LINEAGE: { description: 'The organisation made a new innovation that builds on it (a BUILDS_ON fact).' },
  },
});

@ObjectType({ description: 'One organisation taking up an innovation of a cascade: one step of spreading.' })
export class SpreadEvent {
  @Field(() => SpreadEventKind, { description: 'Whether the organisation took the innovation up itself, or built a new innovation on it.' })
  kind!: string;

  @Field(() => SpreadMode, { description: 'Copy, adaptation, inspiration, sharing or interest. A lineage link without a stated mode counts as INSPIRATION.' })
  mode!: string;

  @Field(() => SpreadStatus, {
    nullable: true,
    description: 'How far it came: ADOPTED (taken into use), TESTED (a trial or pilot, not taken into use), PLANNED (decided or expected) or INTERESTED (asked about it).',
  })
  status!: string | null;

  @Field(() => Int, { nullable: true, description: 'Year, where the source gives one.' })
  year!: number | null;

  @Field(() => Organisation, { description: 'The organisation that took it up (for LINEAGE: a maker or nominator of the new innovation).' })
  to!: OrganisationNode;

  @Field(() => Innovation, { description: 'The innovation taken up: the root of the cascade, or one of the innovations built on it.' })
  innovation!: InnovationNode;

  @Field(() => Innovation, { nullable: true, description: 'For LINEAGE: the new innovation the organisation built on it.' })
  descendant!: InnovationNode | null;

  @Field(() => Int, {
    description: 'Generation of the step: 1 for taking up the root innovation, k + 1 for taking up an innovation k lineage steps from the root (0 is the origin).',
  })
  generation!: number;

  @Field(() => Boolean, {
    description:
      'True exactly for the events that count as spread: mode COPY, ADAPT or INSPIRATION and status ADOPTED. False for TESTED, PLANNED and INTERESTED take-up ' +
      '(counted in `Spread.uptake` instead), for SHARED (a channel of spread, not spread) and for INTEREST.',
  })
  countsAsSpread!: boolean;

  @Field(() => String, { nullable: true, description: 'What the source says happened, in our words.' })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it stands, e.g. `lsf2:4432-4435`.' })
  source!: string | null;

  fromId!: string | null;
}

@ObjectType({ description: 'How many organisations spread reached in one region.' })
export class RegionCount {
  regionId!: string;

  @Field(() => Int, { description: 'Organisations reached by spread proper, beyond the origin, located in the region.' })
  organisations!: number;
}

@ObjectType({ description: 'Take-up short of spread in one region: organisations that tested or plan to take the innovation up.' })
export class RegionUptake {
  regionId!: string;

  @Field(() => Int, { description: 'Organisations in the region whose furthest take-up is PLANNED.' })
  planned!: number;

  @Field(() => Int, { description: 'Organisations in the region whose furthest take-up is TESTED.' })
  tested!: number;
}

@ObjectType({
  description:
    'Take-up that has not (yet) become spread, reported beside the spread measures and never inside them: organisations beyond the origin that no event of spread reached, ' +
    'each counted once, at the furthest status it came to (TESTED before PLANNED before INTERESTED). SHARED facts are a channel and counted in none of these.',
})
export class SpreadUptake {
  @Field(() => Int, { description: 'Organisations that plan to copy, adapt or be inspired by it (status PLANNED): decided or expected, not yet in use.' })
  planned!: number;

  @Field(() => Int, { description: 'Organisations that tried it out (status TESTED, a trial or pilot) without taking it into use.' })
  tested!: number;

  @Field(() => Int, { description: 'Organisations that showed interest in it (mode INTEREST or status INTERESTED).' })
  interested!: number;

  @Field(() => [RegionUptake], { description: 'Regions of the planned and tested organisations, most organisations first; organisations without a region are left out.' })
  regions!: RegionUptake[];
}

@ObjectType({ description: 'How many organisations of one kind spread reached.' })
export class KindCount {
  @Field(() => OrganisationKind, { description: 'The kind of organisation.' })
  kind!: string;

  @Field(() => Int, { description: 'Organisations of this kind reached by spread proper, beyond the origin.' })
  organisations!: number;
}

@ObjectType({ description: 'The breadth of one generation of a cascade.' })
export class GenerationBreadth {
  @Field(() => Int, { description: 'The generation: 0 is the origin, 1 who took the innovation up from it, and so on.' })
  generation!: number;

  @Field(() => Int, { description: 'Organisations first reached in this generation (for 0: the origin organisations). 0 for a generation spread skipped.' })
  breadth!: number;
}

@ObjectType({ description: 'How long one take-up came after the innovation started.' })
export class AdoptionDelay {
  @Field(() => Organisation, { description: 'The organisation that took it up.' })
  organisation!: OrganisationNode;

  @Field(() => Int, { description: 'Year of the take-up minus the year the innovation started (negative where the source dates a take-up earlier).' })
  years!: number;
}

@ObjectType({
  description:
    'How an innovation spread: its cascade from the origin organisations (generation 0: its makers, else its nominators) to the organisations that took it up ' +
    '(generation 1), and on through the innovations built on it (up to 5 lineage steps, at most 100 descendants), with measures of reach, depth and structure. ' +
    'A fact counts as spread when its mode is COPY, ADAPT or INSPIRATION and its status ADOPTED; lineage is followed only through links that count. ' +
    'Tested, planned and interested take-up is listed in `events` and counted in `uptake`, not in the measures; SHARED facts (a channel) and INTEREST are listed but not counted as spread.',
})
export class Spread {
  @Field(() => Innovation, { description: 'The innovation whose spread this is.' })
  innovation!: InnovationNode;

  @Field(() => Int, { description: 'Distinct organisations reached by spread proper (COPY, ADAPT or INSPIRATION, status ADOPTED) beyond the origin organisations.' })
  reach!: number;

  @Field(() => SpreadUptake, { description: 'Organisations that tested, plan or showed interest in taking it up, beside `reach` and not in it.' })
  uptake!: SpreadUptake;

  @Field(() => Int, { description: 'The deepest generation spread proper reached; 0 when it reached no one.' })
  depth!: number;

  @Field(() => [SpreadEvent], { description: 'Every named spreading fact of the cascade, counting as spread or not (see `countsAsSpread`), by generation, then year.' })
  events!: SpreadEvent[];

  @Field(() => [SpreadSignal], { description: 'The innovation\'s own spreading facts without a named organisation (e.g. "about 30 municipalities"), in both directions.' })
  signals!: SignalItem[];

  @Field(() => [RegionCount], { description: 'Regions of the organisations reached by spread proper, most organisations first; organisations without a region are left out.' })
  regionsReached!: RegionCount[];

  @Field(() => [KindCount], { description: 'Kinds of the organisations reached by spread proper, most organisations first.' })
  kindsReached!: KindCount[];

  @Field(() => [GenerationBreadth], { description: 'The breadth of every generation from 0 (the origin) to `depth`.' })
  generations!: GenerationBreadth[];

  @Field(() => Float, {
    description:
      'Structural virality (Goel et al. 2016): the mean shortest-path distance over all pairs of nodes of the cascade tree; 0 when the tree has fewer than 2 nodes. ' +
      'The tree\'s root is the origin (its organisations as one node); every organisation reached by spread proper hangs under the one it took the innovation from ' +
      'at its lowest generation, or under the root when that is the origin or not an organisation reached earlier. About 2 for a broadcast; higher for chains.',
  })
  structuralVirality!: number;

  @Field(() => Int, { nullable: true, description: 'The year the innovation started, where known.' })
  originYear!: number | null;

  @Field(() => [AdoptionDelay], {
    description:
      'Years from `originYear` to each dated event of spread proper (status ADOPTED; planned or tested take-up is left out) that reached an organisation beyond the origin, ' +
      'soonest first; empty when `originYear` is unknown.',
  })
  timeToAdoption!: AdoptionDelay[];
}
