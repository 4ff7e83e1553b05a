/**
 * The page's own words in Danish and English. The data itself (titles, summaries, roles) is
 * Danish as the sources print it; the API's reasons and explanations are English.
 */
export type Language = 'da' | 'en';

const STORAGE_KEY = 'innovation-graph:explorer-language';

const da = {
  brand: 'Innovationsgrafen',
  skipToContent: 'Spring til indholdet',
  mainMenu: 'Hovedmenu',
  navHome: 'Forside',
  navResearch: 'Forskere',
  navApi: 'GraphQL API',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  footer: 'Data: COI\'s katalog "Læs Stjæl Fortæl 2" (2021) og fire regionale innovationsstrategier. Siden bruger kun det offentlige GraphQL API.',
  loading: 'Henter …',
  errorTitle: 'Noget gik galt',
  errorBody: 'Svaret fra API\'et kunne ikke hentes: {message}',
  notFoundTitle: 'Ikke fundet',
  notFoundBody: 'Der er intet med id "{id}".',
  unknownPage: 'Siden findes ikke. Gå til forsiden.',
  yes: 'ja',
  no: 'nej',
  notStated: 'ikke angivet',

  searchLabel: 'Søg efter innovationer, organisationer og personer',
  searchPlaceholder: 'fx videokonsultation, Kolding, affald',
  searchHint: 'Skriv mindst 2 tegn. Pil op/ned vælger, Enter åbner, Escape lukker.',
  searchResults: '{count} resultater',
  searchOneResult: '1 resultat',
  searchNoResults: 'Ingen resultater for "{text}"',
  searchSearching: 'Søger …',
  typeInnovation: 'Innovation',
  typeOrganisation: 'Organisation',
  typePerson: 'Person',
  worksAt: 'arbejder i {name}',

  homeTitle: 'Hvem har lavet hvad, hvor har det spredt sig, og hvem skal jeg ringe til?',
  homeIntro: 'Explorer viser vidensgrafen over offentlig innovation: 77 innovationer fra innovationsprisen 2021, organisationerne bag dem, deres partnere, hvor innovationerne er kopieret, tilpasset eller har inspireret, og hvem man kan kontakte for at genbruge dem.',
  homeCounts: 'Grafen rummer lige nu {innovations} innovationer, {organisations} organisationer og {people} personer.',
  homeTry: 'Prøv for eksempel',
  homeResearch: 'Spredning i tal for forskere',

  innovationPage: 'Innovation',
  year: 'År',
  kind: 'Slags',
  sector: 'Sektor',
  targetGroup: 'Målgruppe',
  types: 'Typer',
  themes: 'Temaer',
  coronaRelated: 'Corona-relateret',
  source: 'Kilde',
  page: 'side {page}',
  awards: 'Priser og nomineringer',
  noAwards: 'Ingen priser registreret.',
  nominators: 'Indstillet af',
  makers: 'Lavet af',
  partners: 'Partnere',
  noPartners: 'Ingen partnere registreret.',
  whoToCall: 'Hvem skal jeg ringe til?',
  whoToCallIntro: 'Bedst først: innovationens egne kontakter, så folk hos dem der har taget den i brug, så kontakter for lignende innovationer.',
  noContacts: 'Ingen kontakter fundet.',
  contactHidden: 'Kontaktoplysninger vises kun for indloggede brugere.',
  email: 'E-mail',
  phone: 'Telefon',
  score: 'Score {score}',
  similar: 'Lignende innovationer',
  noSimilar: 'Ingen lignende innovationer fundet.',
  cascade: 'Spredning',
  reach: 'Rækkevidde (organisationer nået)',
  uptakeTested: 'Afprøvet (organisationer, ikke taget i brug)',
  uptakePlanned: 'Planlagt (organisationer)',
  uptakeInterested: 'Interesseret (organisationer)',
  depthGenerations: 'Dybde (generationer)',
  virality: 'Strukturel viralitet',
  cascadeNone: 'Der er ikke registreret spredning til navngivne organisationer.',
  cascadeGraph: 'Spredningsgraf',
  cascadeGraphDescription: 'Graf over spredningen: {nodes} organisationer og {edges} forbindelser. Listen nedenfor indeholder de samme organisationer.',
  graphNodes: 'Organisationer i grafen',
  zoomIn: 'Zoom ind',
  zoomOut: 'Zoom ud',
  zoomFit: 'Vis hele grafen',
  legendOrigin: 'Oprindelse',
  legendReached: 'Nået',
  legendUptake: 'Afprøvet eller planlagt',
  legendSpread: 'Spredning (kopi, tilpasning, inspiration)',
  legendOther: 'Afprøvet, planlagt, deling eller interesse (tæller ikke som spredning)',
  timeline: 'Tidslinje',
  timelineStart: 'Innovationen starter',
  timelineUndated: 'År ikke oplyst',
  timelineEmpty: 'Hverken innovationens startår eller årstal for spredning er oplyst.',
  signals: 'Spredning uden navngiven organisation',
  map: 'Regioner nået',
  mapCaption: 'Skematisk kort, tegnet i hånden og stærkt forenklet (ikke målfast). Mørk: regioner som spredningen nåede; lys: regioner hvor den kun er afprøvet eller planlagt; stiplet kant: oprindelsens region.',
  mapReached: '{region}: {count}',
  mapListTitle: 'Organisationer nået pr. region',
  mapNoneReached: 'Spredningen nåede ingen organisation med en kendt region.',
  mapSummary: 'Kort over Danmarks fem regioner. Nået: {reached}. Kun afprøvet eller planlagt: {uptake}. Oprindelse: {origin}.',
  mapUptake: '{region}: {tested} afprøvet, {planned} planlagt',
  mapUptakeListTitle: 'Afprøvet eller planlagt (ikke nået) pr. region',
  none: 'ingen',
  from: 'fra {name}',
  via: '{mode} af {to}',
  builtOn: '{to} byggede "{descendant}" på den',

  organisationPage: 'Organisation',
  region: 'Region',
  country: 'Land',
  partOf: 'Del af',
  aliases: 'Andre navne',
  units: 'Enheder',
  noUnits: 'Ingen enheder registreret.',
  people: 'Personer',
  noPeople: 'Ingen personer registreret.',
  innovations: 'Innovationer den har indstillet',
  innovationsCount: '{count} i alt',
  noInnovations: 'Ingen indstillede innovationer.',
  showMore: 'Vis flere',
  partnerIn: 'Partner i',
  adopted: 'Har taget i brug',
  network: 'Partnernetværk',
  networkIntro: 'Organisationer der har arbejdet sammen om samme innovation (fuld streg) eller har taget noget i brug, som den anden var med til (stiplet). Klik på en organisation for at åbne den.',
  depth: 'Dybde (led)',
  networkDescription: 'Netværksgraf: {nodes} organisationer og {edges} forbindelser. Listen nedenfor indeholder de samme organisationer som links.',
  networkTruncated: 'Netværket er afkortet til de {count} nærmeste organisationer.',
  legendCentre: 'Centrum',
  legendPartnership: 'Samarbejde',
  legendAdoption: 'Ibrugtagning',
  path: 'Vej til en anden organisation',
  pathTo: 'Til organisation',
  pathFind: 'Find vej',
  pathPlaceholder: 'fx Designskolen Kolding',
  pathPick: 'Vælg en organisation fra listen.',
  pathNone: 'Ingen forbindelse på højst 6 led.',
  pathFound: 'Vej fra {from} til {to}, {length} led:',
  pathSame: 'Det er den samme organisation.',

  researchTitle: 'Spredning i tal',
  researchIntro: 'Andele af katalogets innovationer, grupperet, ved siden af Innovationsbarometerets landstal for den offentlige sektor.',
  referenceTitle: 'Kataloget og Innovationsbarometeret',
  referenceNote: 'Kataloget rummer ingen oplysninger om evaluering, så den andel kan ikke sammenlignes.',
  groupBy_REGION: 'Efter region',
  groupBy_ORGANISATION_KIND: 'Efter slags organisation',
  groupBy_SECTOR: 'Efter sektor',
  groupBy_YEAR: 'Efter år',
  groupBy_MODE: 'Efter spredningsform',
  reuseShare: 'Bygger på genbrug',
  activelySharedShare: 'Aktivt delt',
  collaborationShare: 'Lavet i samarbejde',
  spreadShare: 'Har spredt sig',
  evaluatedShare: 'Evalueret',
  catalogue: 'Kataloget (alle)',
  barometer: 'Innovationsbarometeret',
  group: 'Gruppe',
  groupInnovations: 'Innovationer',
  groupAdoptions: 'Ibrugtagninger',
  groupTested: 'Afprøvede',
  groupPlanned: 'Planlagte',
  chartTable: 'Tallene som tabel',
  chartDescription: 'Søjlediagram: {title}. Tallene står i tabellen under diagrammet.',
  noValue: 'Uden værdi',
} as const;

export type MessageKey = keyof typeof da;

const en: Record<MessageKey, string> = {
  brand: 'Innovation graph',
  skipToContent: 'Skip to content',
  mainMenu: 'Main menu',
  navHome: 'Home',
  navResearch: 'Researchers',
  navApi: 'GraphQL API',
  switchLanguage: 'Dansk',
  switchLanguageLabel: 'Skift til dansk',
  footer: 'Data: COI\'s catalogue "Læs Stjæl Fortæl 2" (2021) and four regional innovation strategies. This page uses only the public GraphQL API.',
  loading: 'Loading …',
  errorTitle: 'Something went wrong',
  errorBody: 'The API\'s answer could not be fetched: {message}',
  notFoundTitle: 'Not found',
  notFoundBody: 'There is nothing with the id "{id}".',
  unknownPage: 'This page does not exist. Go to the home page.',
  yes: 'yes',
  no: 'no',
  notStated: 'not stated',

  searchLabel: 'Search innovations, organisations and people',
  searchPlaceholder: 'e.g. videokonsultation, Kolding, affald',
  searchHint: 'Type at least 2 characters. Up/down arrows choose, Enter opens, Escape closes.',
  searchResults: '{count} results',
  searchOneResult: '1 result',
  searchNoResults: 'No results for "{text}"',
  searchSearching: 'Searching …',
  typeInnovation: 'Innovation',
  typeOrganisation: 'Organisation',
  typePerson: 'Person',
  worksAt: 'works at {name}',

  homeTitle: 'Who made what, where did it spread, and whom do I call?',
  homeIntro: 'The Explorer shows the knowledge graph of public-sector innovation: 77 innovations from the 2021 Danish innovation awards, the organisations behind them, their partners, where each was copied, adapted or inspired others, and whom to contact to reuse it.',
  homeCounts: 'The graph now holds {innovations} innovations, {organisations} organisations and {people} people.',
  homeTry: 'Try for example',
  homeResearch: 'Spreading in figures, for researchers',

  innovationPage: 'Innovation',
  year: 'Year',
  kind: 'Kind',
  sector: 'Sector',
  targetGroup: 'Target group',
  types: 'Types',
  themes: 'Themes',
  coronaRelated: 'Corona-related',
  source: 'Source',
  page: 'page {page}',
  awards: 'Awards and nominations',
  noAwards: 'No awards recorded.',
  nominators: 'Nominated by',
  makers: 'Made by',
  partners: 'Partners',
  noPartners: 'No partners recorded.',
  whoToCall: 'Whom do I call?',
  whoToCallIntro: 'Best first: the innovation\'s own contacts, then people at organisations that took it up, then contacts of similar innovations.',
  noContacts: 'No contacts found.',
  contactHidden: 'Contact details are shown to signed-in users only.',
  email: 'E-mail',
  phone: 'Phone',
  score: 'Score {score}',
  similar: 'Similar innovations',
  noSimilar: 'No similar innovations found.',
  cascade: 'Spreading',
  reach: 'Reach (organisations reached)',
  uptakeTested: 'Tested (organisations, not taken into use)',
  uptakePlanned: 'Planned (organisations)',
  uptakeInterested: 'Interested (organisations)',
  depthGenerations: 'Depth (generations)',
  virality: 'Structural virality',
  cascadeNone: 'No spreading to named organisations is recorded.',
  cascadeGraph: 'Spreading graph',
  cascadeGraphDescription: 'Graph of the spreading: {nodes} organisations and {edges} links. The list below holds the same organisations.',
  graphNodes: 'Organisations in the graph',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit the whole graph',
  legendOrigin: 'Origin',
  legendReached: 'Reached',
  legendUptake: 'Tested or planned',
  legendSpread: 'Spread (copy, adaptation, inspiration)',
  legendOther: 'Tested, planned, sharing or interest (not counted as spread)',
  timeline: 'Timeline',
  timelineStart: 'The innovation starts',
  timelineUndated: 'Year not stated',
  timelineEmpty: 'Neither the year the innovation started nor any year of spreading is stated.',
  signals: 'Spreading without a named organisation',
  map: 'Regions reached',
  mapCaption: 'Schematic map, drawn by hand and much simplified (not to scale). Dark: regions the spreading reached; light: regions where it is only tested or planned; dashed outline: the origin\'s region.',
  mapReached: '{region}: {count}',
  mapListTitle: 'Organisations reached per region',
  mapNoneReached: 'The spreading reached no organisation with a known region.',
  mapSummary: 'Map of Denmark\'s five regions. Reached: {reached}. Only tested or planned: {uptake}. Origin: {origin}.',
  mapUptake: '{region}: {tested} tested, {planned} planned',
  mapUptakeListTitle: 'Tested or planned (not reached) per region',
  none: 'none',
  from: 'from {name}',
  via: '{mode} by {to}',
  builtOn: '{to} built "{descendant}" on it',

  organisationPage: 'Organisation',
  region: 'Region',
  country: 'Country',
  partOf: 'Part of',
  aliases: 'Other names',
  units: 'Units',
  noUnits: 'No units recorded.',
  people: 'People',
  noPeople: 'No people recorded.',
  innovations: 'Innovations it nominated',
  innovationsCount: '{count} in all',
  noInnovations: 'No nominated innovations.',
  showMore: 'Show more',
  partnerIn: 'Partner in',
  adopted: 'Took up',
  network: 'Partner network',
  networkIntro: 'Organisations that worked on the same innovation (solid line) or took up something the other took part in (dashed). Click an organisation to open it.',
  depth: 'Depth (hops)',
  networkDescription: 'Network graph: {nodes} organisations and {edges} ties. The list below holds the same organisations as links.',
  networkTruncated: 'The network is cut to the {count} nearest organisations.',
  legendCentre: 'Centre',
  legendPartnership: 'Partnership',
  legendAdoption: 'Adoption',
  path: 'Path to another organisation',
  pathTo: 'To organisation',
  pathFind: 'Find path',
  pathPlaceholder: 'e.g. Designskolen Kolding',
  pathPick: 'Choose an organisation from the list.',
  pathNone: 'No chain of at most 6 steps.',
  pathFound: 'Path from {from} to {to}, length {length}:',
  pathSame: 'That is the same organisation.',

  researchTitle: 'Spreading in figures',
  researchIntro: 'Shares of the catalogue\'s innovations, grouped, next to the Innovationsbarometer\'s national figures for the public sector.',
  referenceTitle: 'The catalogue and the Innovationsbarometer',
  referenceNote: 'The catalogue holds no facts about evaluation, so that share cannot be compared.',
  groupBy_REGION: 'By region',
  groupBy_ORGANISATION_KIND: 'By kind of organisation',
  groupBy_SECTOR: 'By sector',
  groupBy_YEAR: 'By year',
  groupBy_MODE: 'By mode of spreading',
  reuseShare: 'Builds on reuse',
  activelySharedShare: 'Actively shared',
  collaborationShare: 'Made in collaboration',
  spreadShare: 'Spread',
  evaluatedShare: 'Evaluated',
  catalogue: 'The catalogue (all)',
  barometer: 'Innovationsbarometer',
  group: 'Group',
  groupInnovations: 'Innovations',
  groupAdoptions: 'Adoptions',
  groupTested: 'Tested',
  groupPlanned: 'Planned',
  chartTable: 'The figures as a table',
  chartDescription: 'Bar chart: {title}. The figures are in the table below the chart.',
  noValue: 'No value',
};

/** Names of the API's enum values, for the page's language. */
const enumNames: Record<Language, Record<string, string>> = {
  da: {
    MAIN_CASE: 'Hovedcase', SMALL_INNOVATION: 'Lille innovation', WATCH_LIST: 'Hold øje med', PROCUREMENT_CASE: 'Indkøbscase', REFERENCED: 'Forbillede',
    MUNICIPAL: 'Kommunal', REGIONAL: 'Regional', STATE: 'Statslig', OTHER: 'Andet',
    COPY: 'Kopi', ADAPT: 'Tilpasning', INSPIRATION: 'Inspiration', SHARED: 'Delt', INTEREST: 'Interesse',
    ADOPTED: 'taget i brug', TESTED: 'afprøvet', PLANNED: 'planlagt', INTERESTED: 'interesseret',
    WINNER: 'Vinder', FINALIST: 'Finalist', NOMINEE: 'Nomineret', SUBMITTED: 'Indstillet',
    PRODUCT: 'Produkt', SERVICE: 'Service', PROCESS: 'Proces og organisering', COMMUNICATION: 'Kommunikation',
    ASSOCIATION: 'Forening', COMPANY: 'Virksomhed', FOUNDATION: 'Fond', HEALTH_TRUST: 'Helseforetak', HOSPITAL: 'Hospital',
    INTEREST_ORGANISATION: 'Interesseorganisation', MINISTRY: 'Ministerium', MUNICIPALITY: 'Kommune', PROGRAMME: 'Program',
    REGION: 'Region', REGIONAL_HEALTH_AUTHORITY: 'Regionalt helseforetak', SCHOOL: 'Skole', STATE_AGENCY: 'Statslig styrelse',
    UNION: 'Fagforening', UNIT: 'Enhed', UNIVERSITY: 'Universitet',
    PARTNERSHIP: 'Samarbejde', ADOPTION: 'Ibrugtagning', PART_OF: 'Del af', LINEAGE: 'Videreudvikling',
    REUSE: 'genbrug', FOLLOW: 'følg',
  },
  en: {
    MAIN_CASE: 'Main case', SMALL_INNOVATION: 'Small innovation', WATCH_LIST: 'Watch list', PROCUREMENT_CASE: 'Procurement case', REFERENCED: 'Referenced practice',
    MUNICIPAL: 'Municipal', REGIONAL: 'Regional', STATE: 'State', OTHER: 'Other',
    COPY: 'Copy', ADAPT: 'Adaptation', INSPIRATION: 'Inspiration', SHARED: 'Shared', INTEREST: 'Interest',
    ADOPTED: 'adopted', TESTED: 'tested', PLANNED: 'planned', INTERESTED: 'interested',
    WINNER: 'Winner', FINALIST: 'Finalist', NOMINEE: 'Nominee', SUBMITTED: 'Submitted',
    PRODUCT: 'Product', SERVICE: 'Service', PROCESS: 'Process and organisation', COMMUNICATION: 'Communication',
    ASSOCIATION: 'Association', COMPANY: 'Company', FOUNDATION: 'Foundation', HEALTH_TRUST: 'Health trust', HOSPITAL: 'Hospital',
    INTEREST_ORGANISATION: 'Interest organisation', MINISTRY: 'Ministry', MUNICIPALITY: 'Municipality', PROGRAMME: 'Programme',
    REGION: 'Region', REGIONAL_HEALTH_AUTHORITY: 'Regional health authority', SCHOOL: 'School', STATE_AGENCY: 'State agency',
    UNION: 'Union', UNIT: 'Unit', UNIVERSITY: 'University',
    PARTNERSHIP: 'Partnership', ADOPTION: 'Adoption', PART_OF: 'Part of', LINEAGE: 'Further development',
    REUSE: 'reuse', FOLLOW: 'follow',
  },
};

const messages: Record<Language, Record<MessageKey, string>> = { da, en };

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'da';
  } catch {
    // Storage blocked (private mode, strict settings): Danish, and the choice lasts the visit.
    return 'da';
  }
}

let current: Language = storedLanguage();
const listeners = new Set<() => void>();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // The choice holds until the page is closed.
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of language. */
export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

/** The message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[current][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The name of an API enum value (kind, sector, mode, ...), or the value itself when unknown. */
export function enumName(value: string | null | undefined): string {
  if (!value) return t('notStated');
  return enumNames[current][value] ?? value;
}

export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString(current === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

export function formatPercent(share: number): string {
  return `${formatNumber(share * 100)} %`;
}
