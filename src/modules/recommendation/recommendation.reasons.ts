import { SIMILARITY_WEIGHTS, type SharedTheme, type SimilarityFacts } from '../../graph/similar-innovations.cypher.js';
import type { ClosenessFacts, ContactCandidate, ContactLinkFacts } from '../../graph/who-to-call.cypher.js';
import type { Language } from '../../language.js';

/**
 * The sentences that explain a suggestion, in Danish or English. The graph layer returns the facts
 * (which themes, which words, which organisation, which mode of spread); the words are chosen here.
 */

/** One sentence per overlap that counts towards a similarity, the heaviest first. */
export function similarityReasons(facts: SimilarityFacts, lang: Language): string[] {
  const t = PHRASES[lang];
  const reasons: { weight: number; text: string }[] = [];
  if (facts.themes.length > 0) reasons.push({ weight: SIMILARITY_WEIGHTS.themes * facts.themeOverlap, text: t.bothAbout(facts.themes.map((theme) => themeName(theme, lang))) });
  if (facts.words.length > 0) reasons.push({ weight: SIMILARITY_WEIGHTS.text * facts.text, text: t.sharedWords(facts.words) });
  if (facts.partners.length > 0) reasons.push({ weight: SIMILARITY_WEIGHTS.partners * facts.partnerOverlap, text: t.sharedPartners(facts.partners) });
  // A stable sort keeps the listing order above among equal weights.
  return reasons.sort((a, b) => b.weight - a.weight).map((r) => r.text);
}

/** The one sentence that says why a person is suggested for the innovation titled `title`. */
export function contactReason(candidate: ContactCandidate, title: string, lang: Language): string {
  const main = linkClause(candidate, candidate.link, title, lang);
  const near = candidate.closeness ? PHRASES[lang].closeness(candidate.closeness) : null;
  return `${main}${near ? `; ${near}` : ''}.`;
}

function linkClause(candidate: ContactCandidate, link: ContactLinkFacts, title: string, lang: Language): string {
  const t = PHRASES[lang];
  const where = workplace(candidate);
  switch (link.kind) {
    case 'CONTACT':
      return t.listedAs(link.purpose, title, where);
    case 'ADOPTER': {
      const works = candidate.organisationName && candidate.organisationName !== link.organisation ? t.partOf(candidate.organisationName, link.organisation) : link.organisation;
      return t.namedInAdoption(works, link.mode, link.status, title, link.year);
    }
    case 'BUILDS_ON':
      return `${t.listedAs(link.purpose, link.innovation, where)}, ${t.lineage(link.mode, link.status, title, link.year)}`;
    case 'SIMILAR': {
      const [first] = similarityReasons(link.facts, lang);
      const why = first ? `: ${first.charAt(0).toLowerCase()}${first.slice(1)}` : '';
      return `${t.listedAs(link.purpose, link.innovation, where)}, ${t.similarTo(title)}${why}`;
    }
  }
}

function workplace(candidate: ContactCandidate): string | null {
  if (!candidate.organisationName) return null;
  return candidate.parentName ? `${candidate.parentName} › ${candidate.organisationName}` : candidate.organisationName;
}

const themeName = (theme: SharedTheme, lang: Language) => (lang === 'EN' ? (theme.nameEn ?? theme.name) : theme.name);

/**
 * "A", "A and B", "A, B and C"; beyond `max` items, "A, B, C and 2 more". Theme names hold "and"
 * themselves ("Telemedicine and remote care"), so theme lists are quoted.
 */
function listing(items: readonly string[], and: string, more: (n: number) => string, max = Infinity): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} ${and} ${more(rest)}`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${and} ${shown[shown.length - 1]}`;
}

const quoted = (items: readonly string[]) => items.map((item) => `"${item}"`);

interface Phrases {
  bothAbout(themes: string[]): string;
  sharedWords(words: string[]): string;
  sharedPartners(partners: string[]): string;
  listedAs(purpose: string, title: string, where: string | null): string;
  partOf(unit: string, organisation: string): string;
  namedInAdoption(works: string, mode: string, status: string, title: string, year: number | null): string;
  lineage(mode: string | null, status: string | null, title: string, year: number | null): string;
  similarTo(title: string): string;
  closeness(c: ClosenessFacts): string | null;
}

const EN: Phrases = {
  bothAbout: (themes) => `Both are about ${listing(quoted(themes), 'and', (n) => `${n} more`, 3)}`,
  sharedWords: (words) => `Both speak of ${listing(words, 'and', (n) => `${n} more`)}`,
  sharedPartners: (partners) => `Shares the ${partners.length === 1 ? 'partner' : 'partners'} ${listing(partners, 'and', (n) => `${n} more`, 3)}`,
  listedAs: (purpose, title, where) => `Listed as ${purpose === 'FOLLOW' ? 'the contact to follow' : 'the reuse contact for'} "${title}"${where ? ` (${where})` : ''}`,
  partOf: (unit, organisation) => `${unit}, part of ${organisation}`,
  namedInAdoption: (works, mode, status, title, year) =>
    `Named in the record of how ${works} ${pick(status, { ADOPTED: ADOPTED_EN, TESTED: TESTED_EN, PLANNED: PLANNED_EN }, mode) ?? 'is interested in'} "${title}"${yearEn(year, status)}`,
  lineage: (mode, status, title, year) =>
    `which ${status === 'PLANNED' ? 'plans to build on' : status === 'TESTED' ? 'tested' : status === 'INTERESTED' ? 'is looking at' : ((mode && LINEAGE_EN[mode]) ?? 'builds on')} "${title}"${yearEn(year, status)}`,
  similarTo: (title) => `an innovation similar to "${title}"`,
  closeness: (c) => {
    if (c.family) return c.hops === 0 ? 'works in your organisation' : 'in the same organisation as you';
    if (c.sameRegion) return 'same region as you';
    if (c.sameKind) return 'same kind of organisation as you';
    if (c.hops !== null) return `${c.hops} steps from your organisation in the graph`;
    return null;
  },
};

const DA: Phrases = {
  bothAbout: (themes) => `Begge handler om ${listing(quoted(themes), 'og', (n) => `${n} mere`, 3)}`,
  sharedWords: (words) => `Begge taler om ${listing(words, 'og', (n) => `${n} mere`)}`,
  sharedPartners: (partners) => `Har ${partners.length === 1 ? 'partneren' : 'partnerne'} ${listing(partners, 'og', (n) => `${n} mere`, 3)} til fælles`,
  listedAs: (purpose, title, where) => `Står som ${purpose === 'FOLLOW' ? 'kontakt til at følge' : 'kontakt for genbrug af'} "${title}"${where ? ` (${where})` : ''}`,
  partOf: (unit, organisation) => `${unit}, en del af ${organisation}`,
  namedInAdoption: (works, mode, status, title, year) =>
    `Nævnt i beskrivelsen af, hvordan ${works} ${pick(status, { ADOPTED: ADOPTED_DA, TESTED: TESTED_DA, PLANNED: PLANNED_DA }, mode) ?? 'har vist interesse for'} "${title}"${yearDa(year, status)}`,
  lineage: (mode, status, title, year) =>
    `som ${status === 'PLANNED' ? 'planlægger at bygge videre på' : status === 'TESTED' ? 'har afprøvet' : status === 'INTERESTED' ? 'ser på' : ((mode && LINEAGE_DA[mode]) ?? 'bygger videre på')} "${title}"${yearDa(year, status)}`,
  similarTo: (title) => `en innovation, der ligner "${title}"`,
  closeness: (c) => {
    if (c.family) return c.hops === 0 ? 'arbejder i din organisation' : 'i samme organisation som dig';
    if (c.sameRegion) return 'i samme region som dig';
    if (c.sameKind) return 'samme slags organisation som din';
    if (c.hops !== null) return `${c.hops} skridt fra din organisation i grafen`;
    return null;
  },
};

const PHRASES: Readonly<Record<Language, Phrases>> = { DA, EN };

function pick(status: string, verbs: Record<string, Record<string, string>>, mode: string): string | undefined {
  const table = verbs[status];
  return table ? (table[mode] ?? table.DEFAULT) : undefined;
}

const yearEn = (year: number | null, status: string | null) => (year === null ? '' : status === 'ADOPTED' || status === null ? ` in ${year}` : ` (${year})`);
const yearDa = (year: number | null, status: string | null) => (year === null ? '' : status === 'ADOPTED' || status === null ? ` i ${year}` : ` (${year})`);

const ADOPTED_EN = { COPY: 'copied', ADAPT: 'adapted', INSPIRATION: 'took inspiration from', SHARED: 'passes on', INTEREST: 'asked about', DEFAULT: 'took up' };
const TESTED_EN = { DEFAULT: 'tested' };
const PLANNED_EN = { COPY: 'plans to copy', ADAPT: 'plans to adapt', INSPIRATION: 'plans to build on', SHARED: 'plans to pass on', DEFAULT: 'plans to take up' };
const LINEAGE_EN: Record<string, string> = { COPY: 'is a copy of', ADAPT: 'adapted', INSPIRATION: 'was inspired by' };

const ADOPTED_DA = { COPY: 'kopierede', ADAPT: 'tilpassede', INSPIRATION: 'lod sig inspirere af', SHARED: 'giver videre', INTEREST: 'spurgte til', DEFAULT: 'tog' };
const TESTED_DA = { DEFAULT: 'afprøvede' };
const PLANNED_DA = { COPY: 'planlægger at kopiere', ADAPT: 'planlægger at tilpasse', INSPIRATION: 'planlægger at bygge videre på', SHARED: 'planlægger at give videre', DEFAULT: 'planlægger at tage' };
const LINEAGE_DA: Record<string, string> = { COPY: 'er en kopi af', ADAPT: 'har tilpasset', INSPIRATION: 'er inspireret af' };
