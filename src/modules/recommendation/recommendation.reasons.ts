import { SIMILARITY_WEIGHTS, type SimilarityFacts } from '../../graph/similar-innovations.cypher.js';
import type { ClosenessFacts, ContactCandidate, ContactLinkFacts } from '../../graph/who-to-call.cypher.js';

/**
 * The English sentences that explain a suggestion. The graph layer returns the facts (which
 * themes, which organisation, which mode of spread); the words are chosen here.
 */

/** One sentence per overlap that counts towards a similarity, the heaviest first. */
export function similarityReasons(facts: SimilarityFacts): string[] {
  const reasons: { weight: number; text: string }[] = [];
  if (facts.themes.length > 0) reasons.push({ weight: SIMILARITY_WEIGHTS.themes * facts.themeOverlap, text: `Both are about ${listing(facts.themes.map((t, i) => (i === 0 ? t : `about ${t}`)))}` });
  if (facts.text > 0) reasons.push({ weight: SIMILARITY_WEIGHTS.text * facts.text, text: 'Similar wording in title and target group' });
  if (facts.partners.length > 0) {
    const noun = facts.partners.length === 1 ? 'partner' : 'partners';
    reasons.push({ weight: SIMILARITY_WEIGHTS.partners * facts.partnerOverlap, text: `Shares the ${noun} ${listing(facts.partners, 3)}` });
  }
  if (facts.originKind) reasons.push({ weight: SIMILARITY_WEIGHTS.originKind, text: `Both come from ${KIND_PLURALS[facts.originKind] ?? 'the same kind of organisation'}` });
  if (facts.sector) reasons.push({ weight: SIMILARITY_WEIGHTS.sector, text: `Both are in the ${facts.sector.toLowerCase()} sector` });
  // A stable sort keeps the listing order above among equal weights.
  return reasons.sort((a, b) => b.weight - a.weight).map((r) => r.text);
}

/** The one sentence that says why a person is suggested for the innovation titled `title`. */
export function contactReason(candidate: ContactCandidate, title: string): string {
  const main = linkClause(candidate, candidate.link, title);
  const near = candidate.closeness ? closenessClause(candidate.closeness) : null;
  return `${main}${near ? `; ${near}` : ''}.`;
}

function linkClause(candidate: ContactCandidate, link: ContactLinkFacts, title: string): string {
  const where = workplace(candidate);
  const at = where ? ` (${where})` : '';
  switch (link.kind) {
    case 'CONTACT':
      return `Listed as ${purposePhrase(link.purpose)} "${title}"${at}`;
    case 'ADOPTER': {
      const works = candidate.organisationName && candidate.organisationName !== link.organisation ? `${candidate.organisationName}, part of ${link.organisation}` : link.organisation;
      return `Works at ${works}, which ${adoptionVerb(link.mode, link.status)} "${title}"${yearPhrase(link.year, link.status)}`;
    }
    case 'BUILDS_ON':
      return `Listed as ${purposePhrase(link.purpose)} "${link.innovation}"${at}, which ${lineageVerb(link.mode, link.status)} "${title}"${yearPhrase(link.year, link.status)}`;
    case 'SIMILAR': {
      const [first] = similarityReasons(link.facts);
      const why = first ? `: ${first.charAt(0).toLowerCase()}${first.slice(1)}` : '';
      return `Listed as ${purposePhrase(link.purpose)} "${link.innovation}"${at}, an innovation similar to "${title}"${why}`;
    }
  }
}

function workplace(candidate: ContactCandidate): string | null {
  if (!candidate.organisationName) return null;
  return candidate.parentName ? `${candidate.organisationName}, ${candidate.parentName}` : candidate.organisationName;
}

function closenessClause(c: ClosenessFacts): string | null {
  if (c.family) return c.hops === 0 ? 'works in your organisation' : 'in the same organisation as you';
  if (c.sameRegion) return 'same region as you';
  if (c.sameKind) return 'same kind of organisation as you';
  if (c.hops !== null) return `${c.hops} steps from your organisation in the graph`;
  return null;
}

const purposePhrase = (purpose: string) => (purpose === 'FOLLOW' ? 'the contact to follow' : 'the reuse contact for');

function adoptionVerb(mode: string, status: string): string {
  if (status === 'ADOPTED') return ADOPTED_VERBS[mode] ?? 'took up';
  if (status === 'PLANNED') return PLANNED_VERBS[mode] ?? 'plans to take up';
  return 'is interested in';
}

function lineageVerb(mode: string | null, status: string | null): string {
  if (status === 'PLANNED') return 'plans to build on';
  if (status === 'INTERESTED') return 'is looking at';
  return (mode && LINEAGE_VERBS[mode]) ?? 'builds on';
}

function yearPhrase(year: number | null, status: string | null): string {
  if (year === null) return '';
  return status === 'ADOPTED' || status === null ? ` in ${year}` : ` (${year})`;
}

/**
 * "A", "A and B", "A, B and C"; beyond `max` items, "A, B, C and 2 more". Theme names hold "and"
 * themselves ("Telemedicine and remote care"), so callers repeat a preposition to keep them apart.
 */
function listing(items: string[], max = Infinity): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const ADOPTED_VERBS: Record<string, string> = {
  COPY: 'copied',
  ADAPT: 'adapted',
  INSPIRATION: 'took inspiration from',
  SHARED: 'passes on',
  INTEREST: 'asked about',
};

const PLANNED_VERBS: Record<string, string> = {
  COPY: 'plans to copy',
  ADAPT: 'plans to adapt',
  INSPIRATION: 'plans to build on',
  SHARED: 'plans to pass on',
  INTEREST: 'plans to look into',
};

const LINEAGE_VERBS: Record<string, string> = {
  COPY: 'is a copy of',
  ADAPT: 'adapted',
  INSPIRATION: 'was inspired by',
};

const KIND_PLURALS: Record<string, string> = {
  MUNICIPALITY: 'municipalities',
  REGION: 'regions',
  HOSPITAL: 'hospitals',
  STATE_AGENCY: 'state agencies',
  MINISTRY: 'ministries',
  COMPANY: 'companies',
  UNIVERSITY: 'universities',
  SCHOOL: 'schools',
  FOUNDATION: 'foundations',
  ASSOCIATION: 'associations',
  UNION: 'unions',
  INTEREST_ORGANISATION: 'interest organisations',
  REGIONAL_HEALTH_AUTHORITY: 'regional health authorities',
  HEALTH_TRUST: 'health trusts',
  PROGRAMME: 'programmes',
};
