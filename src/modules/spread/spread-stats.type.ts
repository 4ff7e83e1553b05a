import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const SpreadGroupBy = { REGION: 'REGION', ORGANISATION_KIND: 'ORGANISATION_KIND', SECTOR: 'SECTOR', YEAR: 'YEAR', MODE: 'MODE' } as const;
registerEnumType(SpreadGroupBy, {
  name: 'SpreadGroupBy',
  description: 'How to group catalogue innovations in `spreadStats`. An innovation may fall in several groups; the group `NONE` holds those with no value.',
  valuesConfig: {
    REGION: { description: 'By the regions of its nominators and makers; it counts in every one of them. Key: region id.' },
    ORGANISATION_KIND: { description: 'By the kinds of its nominators; a unit counts as the nearest organisation above it that is not a unit. Key: OrganisationKind.' },
    SECTOR: { description: 'By its sector. Key: Sector.' },
    YEAR: { description: 'By the year it started. Key: the year.' },
    MODE: {
      description: 'By the modes of its spreading facts: its adoptions, its signals (both directions) and its lineage links (both directions). Key: SpreadMode.',
    },
  },
});

@ObjectType({
  description:
    'Spreading measures over a set of catalogue innovations (REFERENCED practices and retired innovations left out). A fact counts as spread when its mode is COPY, ADAPT or ' +
    'INSPIRATION and its status ADOPTED (the same rule as `Spread` and `InnovationFilter.spread`); TESTED, PLANNED and INTERESTED take-up is counted apart, never in the shares.',
})
export class SpreadGroup {
  @Field(() => String, { description: 'What the group is: a region id, an enum value, a year; `NONE` for innovations without a value; `ALL` for the totals.' })
  key!: string;

  @Field(() => String, { description: 'A readable name of the group, e.g. "Region Syddanmark", "Municipality", "2020".' })
  label!: string;

  @Field(() => Int, { description: 'Innovations in the group.' })
  innovations!: number;

  @Field(() => Int, { description: 'Adoptions of the group\'s innovations by named organisations that count as spread: mode COPY, ADAPT or INSPIRATION, status ADOPTED.' })
  adoptions!: number;

  @Field(() => Int, { description: 'Planned adoptions of the group\'s innovations by named organisations: mode COPY, ADAPT or INSPIRATION, status PLANNED. Not in `adoptions`.' })
  plannedAdoptions!: number;

  @Field(() => Int, {
    description: 'Tested adoptions of the group\'s innovations by named organisations (a trial or pilot, not taken into use): mode COPY, ADAPT or INSPIRATION, status TESTED. Not in `adoptions`.',
  })
  testedAdoptions!: number;

  @Field(() => Int, { description: 'Named organisations that showed interest in the group\'s innovations: mode INTEREST or status INTERESTED. Not in `adoptions`.' })
  interestedAdoptions!: number;

  @Field(() => Float, {
    description:
      'Share of the innovations built on reuse of others\' solutions: those that build on another innovation (BUILDS_ON), or have an INCOMING signal ' +
      '(copied, adapted or inspired from elsewhere), or were adopted by one of their own nominators or makers from another organisation; each fact counting as spread ' +
      '(mode COPY, ADAPT or INSPIRATION, status ADOPTED). ' +
      'Compare with the national figure in `reference.reuseShare`. 0 for an empty group.',
  })
  reuseShare!: number;

  @Field(() => Float, {
    description:
      'Share of the innovations actively shared: with an adoption or an OUTGOING signal in mode SHARED (handbook, course, network, conference) that took place (status ADOPTED). ' +
      'SHARED is a channel: it counts here and never in `spreadShare`, `adoptions` or a cascade\'s reach.',
  })
  activelySharedShare!: number;

  @Field(() => Float, {
    description:
      'Share of the innovations that spread: adopted by a named organisation, or built on by another innovation, by a fact that counts as spread (mode COPY, ADAPT or INSPIRATION, ' +
      'status ADOPTED). The same rule as `innovations(filter: {spread: true})`. Sharing (a channel), interest and tested or planned take-up do not count; nor do unnamed signals.',
  })
  spreadShare!: number;

  @Field(() => Float, { description: 'Share of the innovations made in collaboration: with at least one partner organisation (PARTNER_IN).' })
  collaborationShare!: number;
}

@ObjectType({
  description: 'Reference figures of the official Danish innovation statistics, to hold the catalogue\'s shares against. Shares are fractions from 0 to 1.',
})
export class InnovationBarometer {
  @Field(() => Float, { description: 'Share of public innovations that build on reuse of others\' solutions (0.72).' })
  reuseShare!: number;

  @Field(() => Float, { description: 'Share of public innovations that were actively shared (0.49).' })
  activelySharedShare!: number;

  @Field(() => Float, { description: 'Share of public innovations made in collaboration (0.69); about half of those with external partners.' })
  collaborationShare!: number;

  @Field(() => Float, { description: 'Share of public innovations that are evaluated (0.40). The catalogue holds no evaluation facts to compare.' })
  evaluatedShare!: number;

  @Field(() => String, { description: 'Where the figures come from.' })
  description!: string;
}

@ObjectType({ description: 'Spreading measures of the catalogue\'s innovations, grouped, with totals and the national reference figures.' })
export class SpreadStats {
  @Field(() => SpreadGroupBy, { description: 'The grouping asked for.' })
  groupBy!: string;

  @Field(() => [SpreadGroup], { description: 'One entry per group, ordered by key (years ascending), `NONE` last. An innovation may count in several groups.' })
  groups!: SpreadGroup[];

  @Field(() => SpreadGroup, { description: 'The same measures over all catalogue innovations, each counted once (key `ALL`).' })
  totals!: SpreadGroup;

  @Field(() => InnovationBarometer, { description: 'The national reference figures.' })
  reference!: InnovationBarometer;
}
