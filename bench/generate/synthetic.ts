import type { Row, SeedRows } from '../../src/graph/seed-writer.cypher.js';
import { Random, WeightedIndex } from './random.js';
import { FIRST_NAMES, LAST_NAMES, placeName, ROLES, SUMMARY_WORDS, TARGET_GROUPS, TITLE_WORDS, UNIT_WORDS } from './vocabulary.js';

/**
 * The deterministic synthetic graph of the benchmark: the shape of the real catalogue (kinds,
 * regions and hierarchies of organisations; innovations with nominators, makers, partners,
 * contacts, themes, awards, effects; spreading cascades whose sizes follow a heavy tail) at any
 * size. It yields the same flat rows as `src/ingest/seed-rows.ts` (toSeedRows), in chunks that
 * `writeSeedRows` writes one after another, so that even scale L never sits in memory whole.
 *
 * Every id starts with `syn-`, regions, themes and the source included, so that no synthetic row
 * can ever merge into a real node; the bench refuses to write them into a database that holds
 * real innovations (see bench/generate/load-synthetic.ts).
 */

export const SYNTHETIC_PREFIX = 'syn-';

export interface SyntheticSpec {
  readonly organisations: number;
  readonly innovations: number;
  readonly seed: number;
}

/** Scales besides S (the real seed graph). XS is for trying the generator in seconds. */
export const SYNTHETIC_SCALES = {
  XS: { organisations: 400, innovations: 2_000, seed: 20210601 },
  M: { organisations: 10_000, innovations: 50_000, seed: 20210601 },
  L: { organisations: 100_000, innovations: 500_000, seed: 20210601 },
} as const satisfies Record<string, SyntheticSpec>;

/** Bumped whenever the generator changes what it writes, so that a stale bench store is rebuilt. */
export const GENERATOR_VERSION = 1;

const REGION_COUNT = 12;
const THEME_COUNT = 30;
const SOURCE_ID = 'syn-source';
/** People per innovation: most people are the contact of one or two innovations. */
const PEOPLE_PER_INNOVATION = 0.5;
/** Share of innovations with no adopter at all; the rest draw a Pareto-sized cascade. */
const NO_ADOPTER_SHARE = 0.72;
const CASCADE_SHAPE = 1.3;
/** Share of innovations that build on an earlier one (chosen in proportion to its popularity). */
const BUILDS_ON_SHARE = 0.12;

const ORGANISATION_KINDS = {
  MUNICIPALITY: 12, REGION: 1, HOSPITAL: 4, STATE_AGENCY: 5, MINISTRY: 1, COMPANY: 30, UNIVERSITY: 3,
  SCHOOL: 10, FOUNDATION: 5, ASSOCIATION: 10, INTEREST_ORGANISATION: 5, PROGRAMME: 2, OTHER: 12,
} as const;
/** Kinds that have units below them. */
const PARENT_KINDS = new Set(['MUNICIPALITY', 'REGION', 'HOSPITAL', 'STATE_AGENCY', 'MINISTRY', 'UNIVERSITY', 'UNIT']);
const UNIT_SHARE = 0.35;
const INNOVATION_KINDS = { MAIN_CASE: 30, SMALL_INNOVATION: 40, WATCH_LIST: 15, PROCUREMENT_CASE: 5, REFERENCED: 10 } as const;
const SECTORS = { MUNICIPAL: 55, REGIONAL: 25, STATE: 12, OTHER: 8 } as const;
const TYPES = ['PRODUCT', 'SERVICE', 'PROCESS', 'COMMUNICATION'] as const;
const PRIZES = ['NYT_SAMMEN_BEDRE', 'PUBLIKUMSPRISEN', 'INNOVATIONSPRISERNE'] as const;
const AWARD_LEVELS = { WINNER: 1, FINALIST: 4, NOMINEE: 10, SUBMITTED: 25 } as const;
const DIMENSIONS = ['POLITICAL_GOALS', 'QUALITY', 'EFFICIENCY', 'DEMOCRACY', 'INNOVATION_CAPACITY'] as const;
const MODES = { COPY: 30, ADAPT: 30, INSPIRATION: 25, SHARED: 10, INTEREST: 5 } as const;
const STATUSES = { ADOPTED: 70, PLANNED: 20, INTERESTED: 10 } as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const organisationId = (i: number) => `syn-org-${pad(i, 6)}`;
export const innovationId = (i: number) => `syn-inn-${pad(i, 7)}`;
export const personId = (i: number) => `syn-person-${pad(i, 7)}`;
const regionId = (i: number) => `syn-region-${pad(i, 2)}`;
const themeId = (i: number) => `syn-theme-${pad(i, 2)}`;

function emptyRows(): SeedRows {
  return {
    regions: [], sources: [], prizes: [], organisations: [], themes: [], people: [], innovations: [], nominations: [], makers: [],
    partnerships: [], contacts: [], themeLinks: [], awards: [], effects: [], adoptions: [], lineage: [], signals: [],
  };
}

interface Organisations {
  readonly activity: WeightedIndex;
  readonly staff: number[][];
  readonly count: number;
}

/** The chunks of one synthetic graph: reference data and organisations and people first, then innovations. */
export function* generateSynthetic(spec: SyntheticSpec, chunkSize = 10_000): Generator<SeedRows> {
  const random = new Random(spec.seed);
  const reference = emptyRows();
  for (let r = 1; r <= REGION_COUNT; r += 1) {
    reference.regions.push({ id: regionId(r), name: `Syntetisk region ${placeName(r * 7)}`, nameEn: null, country: 'DK' });
  }
  reference.sources.push({ id: SOURCE_ID, title: 'Synthetic benchmark data (not real)', year: 2021, file: null, language: 'da', publisher: null });
  reference.prizes.push(...PRIZES.map((id) => ({ id, name: id })));
  for (let t = 1; t <= THEME_COUNT; t += 1) {
    reference.themes.push({ id: themeId(t), name: `${random.pick(TITLE_WORDS)} ${t}`, nameEn: null, kind: t <= 25 ? 'THEME' : 'MISSION', summary: null, owner: null });
  }
  const organisations = generateOrganisations(random, spec.organisations, reference.organisations);
  const peopleCount = Math.max(1, Math.round(spec.innovations * PEOPLE_PER_INNOVATION));
  for (let p = 1; p <= peopleCount; p += 1) {
    const org = organisations.activity.draw(random);
    organisations.staff[org]!.push(p);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    reference.people.push({
      id: personId(p),
      name: `${first} ${last}`,
      role: random.pick(ROLES),
      email: random.chance(0.9) ? `${first}.${last}.${p}@syn.example`.toLowerCase() : null,
      phone: random.chance(0.7) ? `+45 ${pad(20_000_000 + p, 8)}` : null,
      organisation: organisationId(org + 1),
      aliases: [],
      sourceRefs: [],
    });
  }
  yield reference;

  const years = new Int16Array(spec.innovations + 1);
  // A Pólya urn: each innovation enters once, and once more each time something builds on it, so
  // that popular innovations attract more followers and lineage trees grow heavy-tailed.
  const urn: number[] = [];
  for (let start = 1; start <= spec.innovations; start += chunkSize) {
    const rows = emptyRows();
    const end = Math.min(spec.innovations, start + chunkSize - 1);
    for (let n = start; n <= end; n += 1) addInnovation(random, n, rows, organisations, peopleCount, years, urn);
    yield rows;
  }
}

function generateOrganisations(random: Random, count: number, out: Row[]): Organisations {
  const weights: number[] = [];
  const staff: number[][] = [];
  const parents: number[] = [];
  const names: string[] = [];
  const regions: (string | null)[] = [];
  for (let o = 0; o < count; o += 1) {
    const isUnit = o >= count * (1 - UNIT_SHARE) && parents.length > 0;
    const kind = isUnit ? 'UNIT' : random.weighted(ORGANISATION_KINDS);
    const parent = isUnit ? parents[random.int(parents.length)]! : null;
    const place = placeName(random.int(4_000));
    const name =
      kind === 'UNIT' ? `${names[parent!]!.split(',')[0]}, ${random.pick(UNIT_WORDS)} ${o}`
      : kind === 'MUNICIPALITY' ? `${place} Kommune`
      : kind === 'REGION' ? `Region ${place}`
      : kind === 'HOSPITAL' ? `${place} Sygehus`
      : kind === 'COMPANY' ? `${place} ${random.pick(['ApS', 'A/S', 'Tech', 'Solutions', 'Rådgivning'])}`
      : kind === 'SCHOOL' ? `${place} Skole`
      : `${place} ${kind.toLowerCase().replace(/_/g, ' ')}`;
    const region = parent !== null ? regions[parent]! : random.chance(0.92) ? regionId(1 + random.int(REGION_COUNT)) : null;
    names.push(name);
    regions.push(region);
    if (PARENT_KINDS.has(kind) && (kind !== 'UNIT' || random.chance(0.2))) parents.push(o);
    // Public bodies take part in more; a few hubs of every kind take part in very much.
    weights.push(Math.min(500, random.pareto(1.2)) * (['MUNICIPALITY', 'REGION', 'HOSPITAL'].includes(kind) ? 3 : 1));
    staff.push([]);
    out.push({
      id: organisationId(o + 1),
      name,
      kind,
      country: 'DK',
      region,
      parent: parent === null ? null : organisationId(parent + 1),
      aliases: [],
      aliasText: '',
      sourceRefs: [],
    });
  }
  return { activity: new WeightedIndex(weights), staff, count };
}

function words(random: Random, vocabulary: readonly string[], min: number, max: number): string {
  const n = min + random.int(max - min + 1);
  return Array.from({ length: n }, () => random.pick(vocabulary)).join(' ');
}

/** Distinct organisations drawn by activity, none of them in `exclude`. */
function drawOrganisations(random: Random, organisations: Organisations, n: number, exclude: Set<number>): number[] {
  const drawn: number[] = [];
  for (let attempts = 0; drawn.length < n && attempts < n * 4 + 10; attempts += 1) {
    const o = organisations.activity.draw(random);
    if (exclude.has(o)) continue;
    exclude.add(o);
    drawn.push(o);
  }
  return drawn;
}

function addInnovation(random: Random, n: number, rows: SeedRows, organisations: Organisations, peopleCount: number, years: Int16Array, urn: number[]): void {
  const id = innovationId(n);
  const year = Math.max(2000, 2024 - random.geometric(0.15));
  years[n] = year;
  const source = `${SOURCE_ID}:${n}`;
  const title = words(random, TITLE_WORDS, 2, 6);
  rows.innovations.push({
    id,
    title: `${title[0]!.toUpperCase()}${title.slice(1)}`,
    summary: words(random, SUMMARY_WORDS, 25, 45),
    year,
    targetGroup: random.pick(TARGET_GROUPS),
    kind: random.weighted(INNOVATION_KINDS),
    sector: random.chance(0.95) ? random.weighted(SECTORS) : null,
    types: [...new Set([random.pick(TYPES), ...(random.chance(0.4) ? [random.pick(TYPES)] : [])])],
    coronaRelated: random.chance(0.08),
    sourceDocument: SOURCE_ID,
    sourceSection: null,
    sourceLines: null,
    sourcePage: null,
  });

  const involved = new Set<number>();
  const [nominator] = drawOrganisations(random, organisations, 1, involved);
  rows.nominations.push({ innovation: id, organisation: organisationId(nominator! + 1), source });
  if (random.chance(0.25)) {
    for (const o of drawOrganisations(random, organisations, 1, involved)) rows.makers.push({ innovation: id, organisation: organisationId(o + 1), source });
  }
  for (const o of drawOrganisations(random, organisations, Math.min(8, random.geometric(0.35)), involved)) {
    rows.partnerships.push({ innovation: id, organisation: organisationId(o + 1), role: random.chance(0.5) ? 'udviklingspartner' : null, source });
  }

  const contacts = new Set<number>();
  const contactCount = random.chance(0.85) ? 1 : 2;
  for (let c = 0; c < contactCount; c += 1) {
    const staff = organisations.staff[nominator!]!;
    contacts.add(staff.length > 0 && random.chance(0.7) ? random.pick(staff) : 1 + random.int(peopleCount));
  }
  [...contacts].forEach((p, index) => rows.contacts.push({ innovation: id, person: personId(p), purpose: index === 0 ? 'REUSE' : 'FOLLOW', source }));
  const themes = new Set(Array.from({ length: 1 + random.int(3) }, () => 1 + random.int(THEME_COUNT)));
  for (const t of themes) rows.themeLinks.push({ innovation: id, theme: themeId(t) });
  if (random.chance(0.3)) rows.awards.push({ innovation: id, prize: random.pick(PRIZES), level: random.weighted(AWARD_LEVELS), year: 2021 });
  for (let e = 0; e < random.int(3); e += 1) {
    rows.effects.push({ innovation: id, id: `${id}#effect-${e + 1}`, dimension: random.pick(DIMENSIONS), fact: words(random, SUMMARY_WORDS, 8, 16), ordinal: e });
  }

  const fact = (mode: string, status: string, factYear: number | null) => ({
    mode, status, year: factYear, evidence: words(random, SUMMARY_WORDS, 6, 12), source, from: null,
  });
  if (!random.chance(NO_ADOPTER_SHARE)) {
    const size = Math.min(organisations.count - involved.size, Math.floor(random.pareto(CASCADE_SHAPE)));
    for (const o of drawOrganisations(random, organisations, size, involved)) {
      rows.adoptions.push({ ...fact(random.weighted(MODES), random.weighted(STATUSES), Math.min(2025, year + random.geometric(0.4))), innovation: id, adopter: organisationId(o + 1) });
    }
  }
  if (urn.length > 0 && random.chance(BUILDS_ON_SHARE)) {
    const parent = urn[random.int(urn.length)]!;
    urn.push(parent);
    years[n] = Math.max(year, years[parent]!);
    rows.lineage.push({ ...fact(random.weighted({ COPY: 3, ADAPT: 5, INSPIRATION: 2 }), 'ADOPTED', years[n]!), innovation: id, buildsOn: innovationId(parent) });
  }
  urn.push(n);
  if (random.chance(0.15)) {
    rows.signals.push({
      ...fact(random.weighted(MODES), random.weighted(STATUSES), null),
      innovation: id,
      id: `${id}#signal-1`,
      direction: random.chance(0.8) ? 'OUTGOING' : 'INCOMING',
      audience: 'andre kommuner',
      expectedCount: random.chance(0.3) ? 1 + random.int(20) : null,
    });
  }
}
