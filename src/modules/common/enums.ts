import { registerEnumType } from 'type-graphql';
import {
  AWARD_LEVELS,
  CONTACT_PURPOSES,
  INNOVATION_KINDS,
  INNOVATION_TYPES,
  ORGANISATION_KINDS,
  PRIZES,
  SECTORS,
  SPREAD_DIRECTIONS,
  SPREAD_MODES,
  SPREAD_STATUSES,
  THEME_KINDS,
  VALUE_DIMENSIONS,
} from '../../domain/rules.js';

/**
 * The API's enums. Their values are the domain's vocabularies, which the seed format and the graph
 * store too, so a value read from Neo4j is already a valid enum value.
 */

type EnumOf<T extends readonly string[]> = { [K in T[number]]: K };
function enumOf<T extends readonly string[]>(values: T): EnumOf<T> {
  return Object.fromEntries(values.map((v) => [v, v])) as EnumOf<T>;
}

export const InnovationKind = enumOf(INNOVATION_KINDS);
export const Sector = enumOf(SECTORS);
export const InnovationType = enumOf(INNOVATION_TYPES);
export const Prize = enumOf(PRIZES);
export const AwardLevel = enumOf(AWARD_LEVELS);
export const ValueDimension = enumOf(VALUE_DIMENSIONS);
export const ContactPurpose = enumOf(CONTACT_PURPOSES);
export const SpreadMode = enumOf(SPREAD_MODES);
export const SpreadStatus = enumOf(SPREAD_STATUSES);
export const SpreadDirection = enumOf(SPREAD_DIRECTIONS);
export const OrganisationKind = enumOf(ORGANISATION_KINDS);
export const ThemeKind = enumOf(THEME_KINDS);
export const InnovationOrder = enumOf(['RELEVANCE', 'TITLE', 'YEAR_DESC', 'YEAR_ASC'] as const);
export const Language = enumOf(['DA', 'EN'] as const);
export const OrganisationOrder = enumOf(['NAME'] as const);

registerEnumType(InnovationKind, {
  name: 'InnovationKind',
  description: 'Where an innovation comes from in the sources.',
  valuesConfig: {
    MAIN_CASE: { description: 'A full case of the award catalogue (57 in the 2021 edition).' },
    SMALL_INNOVATION: { description: 'A small, easily copied idea ("innovativ") of the catalogue.' },
    WATCH_LIST: { description: 'A promising innovation not yet proven ("hold øje med").' },
    PROCUREMENT_CASE: { description: 'A case of innovative public procurement.' },
    REFERENCED: { description: 'A practice the sources name as the origin or inspiration of another innovation.' },
  },
});
registerEnumType(Sector, {
  name: 'Sector',
  description: 'The part of the public sector an innovation belongs to.',
  valuesConfig: {
    MUNICIPAL: { description: 'The municipalities (kommuner) and their institutions.' },
    REGIONAL: { description: 'The regions and their hospitals; a Norwegian health region and its trusts.' },
    STATE: { description: 'The state: ministries, agencies, state institutions.' },
    OTHER: { description: 'None of the three: a company, an association, or a public body abroad.' },
  },
});
registerEnumType(InnovationType, {
  name: 'InnovationType',
  description: 'The kind of novelty, as the award catalogue classifies it.',
  valuesConfig: {
    PRODUCT: { description: 'A new or changed product (a device, an app, a tool).' },
    SERVICE: { description: 'A new or changed service to citizens or businesses.' },
    PROCESS: { description: 'Process and organisation.' },
    COMMUNICATION: { description: 'Communication and interaction with citizens, users or partners.' },
  },
});
registerEnumType(Prize, {
  name: 'Prize',
  description: 'The prizes of the Danish national innovation awards.',
  valuesConfig: {
    NYT_SAMMEN_BEDRE: { description: 'The jury prize NYT SAMMEN BEDRE.' },
    PUBLIKUMSPRISEN: { description: 'The audience prize.' },
    INNOVATIONSPRISERNE: { description: 'Submitted to the awards; the prize is not stated.' },
  },
});
registerEnumType(AwardLevel, {
  name: 'AwardLevel',
  description: 'How far an innovation came at an award.',
  valuesConfig: {
    WINNER: { description: 'Won the prize.' },
    FINALIST: { description: 'One of the cases sent to the jury.' },
    NOMINEE: { description: 'Shortlisted (the audience-prize nominees).' },
    SUBMITTED: { description: 'Submitted (indstillet), not shortlisted.' },
  },
});
registerEnumType(ValueDimension, {
  name: 'ValueDimension',
  description: 'The five dimensions of value the award catalogue reports effects in.',
  valuesConfig: {
    POLITICAL_GOALS: { description: 'Political goals ("politiske mål"): how it serves the political and strategic goals set for it.' },
    QUALITY: { description: 'Higher quality ("højere kvalitet") for citizens, patients or staff.' },
    EFFICIENCY: { description: 'Greater efficiency ("øget effektivitet"): time or money saved.' },
    DEMOCRACY: { description: 'Democracy and involvement ("styrket demokrati og inddragelse"): citizens heard and taking part.' },
    INNOVATION_CAPACITY: { description: 'Innovation capacity ("øget innovationskapacitet"): what the organisation learned about innovating.' },
  },
});
registerEnumType(ContactPurpose, {
  name: 'ContactPurpose',
  description: 'Why a person is listed as the contact for an innovation.',
  valuesConfig: { REUSE: { description: 'Call to reuse the solution.' }, FOLLOW: { description: 'Call to follow a watch-list innovation.' } },
});
registerEnumType(SpreadMode, {
  name: 'SpreadMode',
  description: 'How an innovation travelled (COI: copy, adaptation, inspiration; sharing is a channel, interest not yet spread).',
  valuesConfig: {
    COPY: { description: 'Taken up as it is.' },
    ADAPT: { description: 'Taken up in an adapted version.' },
    INSPIRATION: { description: 'Inspired new development elsewhere.' },
    SHARED: { description: 'Actively shared (handbook, course, network, conference): a channel, not yet spread.' },
    INTEREST: { description: 'Others asked about it.' },
  },
});
registerEnumType(SpreadStatus, {
  name: 'SpreadStatus',
  description: 'How far a spreading fact has come.',
  valuesConfig: {
    ADOPTED: { description: 'Taken into use at the adopter.' },
    TESTED: { description: 'Tried in a pilot or test run, not taken into use.' },
    PLANNED: { description: 'Decided or expected, not yet in use.' },
    INTERESTED: { description: 'Asked about it or showed interest; nothing decided.' },
  },
});
registerEnumType(SpreadDirection, {
  name: 'SpreadDirection',
  description: 'Whether a spreading signal is about the innovation travelling out, or about what it took up from elsewhere.',
  valuesConfig: {
    OUTGOING: { description: 'The innovation travelling out to others.' },
    INCOMING: { description: 'What the innovation took up from elsewhere.' },
  },
});
registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  description: 'What kind of body an organisation is.',
  valuesConfig: {
    MUNICIPALITY: { description: 'A municipality (kommune).' },
    REGION: { description: 'A Danish region (region), which runs the hospitals.' },
    HOSPITAL: { description: 'A hospital or hospital unit run by a region or health trust.' },
    STATE_AGENCY: { description: 'A state agency or institution (styrelse, direktorat, ...).' },
    MINISTRY: { description: 'A ministry.' },
    UNIT: { description: 'A unit inside another organisation: an administration, department, ward, institution or kindergarten.' },
    COMPANY: { description: 'A private company.' },
    UNIVERSITY: { description: 'A university or university college.' },
    SCHOOL: { description: 'A school or other place of education.' },
    FOUNDATION: { description: 'A foundation (fond).' },
    ASSOCIATION: { description: 'An association or voluntary organisation (forening).' },
    UNION: { description: 'A trade union or professional association.' },
    INTEREST_ORGANISATION: { description: 'An interest organisation of public bodies: KL (the municipalities), Danske Regioner (the regions).' },
    REGIONAL_HEALTH_AUTHORITY: { description: 'A Norwegian regional health authority (regionalt helseforetak, RHF), e.g. Helse Sør-Øst.' },
    HEALTH_TRUST: { description: 'A Norwegian health trust (helseforetak, HF) under a regional health authority.' },
    PROGRAMME: { description: 'A funding programme or network run by a parent organisation.' },
    OTHER: { description: 'Any other kind of body.' },
  },
});
registerEnumType(ThemeKind, {
  name: 'ThemeKind',
  description: 'A subject theme, or a strategic mission set by an organisation.',
  valuesConfig: {
    THEME: { description: 'A subject theme the graph classifies innovations by (health, climate and environment, ...).' },
    MISSION: { description: 'A mission an organisation set itself in its strategy (e.g. Region Syddanmark\'s "Robust sundhedsvæsen").' },
  },
});
registerEnumType(InnovationOrder, {
  name: 'InnovationOrder',
  description: 'Orderings of innovation lists.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match for `filter.text` first (the default when a text is given; without one, by title).' },
    TITLE: { description: 'By title, A to Z (the default without a text).' },
    YEAR_DESC: { description: 'Newest first (by the year the innovation started), then by title.' },
    YEAR_ASC: { description: 'Oldest first, then by title.' },
  },
});
registerEnumType(OrganisationOrder, { name: 'OrganisationOrder', description: 'Orderings of organisation lists.', valuesConfig: { NAME: { description: 'By name, A to Z.' } } });
registerEnumType(Language, {
  name: 'Language',
  description: 'The language of sentences the API writes (reasons, explanations).',
  valuesConfig: { DA: { description: 'Danish (the default).' }, EN: { description: 'English.' } },
});
