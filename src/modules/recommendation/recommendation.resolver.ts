import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { findSimilarInnovations, type SimilarInnovationRow } from '../../graph/similar-innovations.cypher.js';
import type { Language as LanguageCode } from '../../language.js';
import { Language, OrganisationKind } from '../common/enums.js';
import { findContactSuggestions, findWhoToCallStart } from '../../graph/who-to-call.cypher.js';
import { ContactSuggestion } from './contact-suggestion.type.js';
import { contactReason, similarityReasons } from './recommendation.reasons.js';
import { SimilarInnovation } from './similar-innovation.type.js';

/** Suggestion lists are short: `first` defaults to 10 and may not exceed 50. */
export const DEFAULT_SUGGESTIONS = 10;
export const MAX_SUGGESTIONS = 50;

function suggestionCount(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_SUGGESTIONS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw new BadUserInputError(`first must be a whole number from 1 to ${MAX_SUGGESTIONS}, got ${first}`, 'first');
  }
  return first;
}

/** Scores are for ranking, not for arithmetic: four decimals are plenty and read cleanly. */
const rounded = (score: number) => Math.round(score * 10_000) / 10_000;

@Resolver()
export class RecommendationResolver {
  @Query(() => [ContactSuggestion], {
    description:
      'Whom to call about an innovation, best first: its own contacts (reuse before follow); then people tied to its spreading ' +
      '(named in the evidence of an adoption, or contacts of innovations built on it; in use before tested, planned or interested); ' +
      'then contacts of innovations similar to it (above the similarity threshold). Working at an adopting organisation alone is not a tie. ' +
      'Closeness to the asker (the same organisation, region or kind) orders people whose links are about as strong. Each person appears once. ' +
      'Empty when there is no innovation with that id.',
  })
  async whoToCall(
    @Arg('innovationId', () => ID, { description: 'The innovation to reuse, e.g. `min-video`.' }) innovationId: string,
    @Arg('forOrganisationId', () => ID, {
      nullable: true,
      description: 'The organisation asking (every Danish municipality, region and public hospital is in the graph); people in it, in its region or of its kind rank higher.',
    })
    forOrganisationId: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many suggestions, 1 to 50. Defaults to 10.' }) first: number | null | undefined,
    @Ctx() ctx: RequestContext,
    @Arg('forRegionId', () => ID, { nullable: true, description: 'The asker\'s region, e.g. `syddanmark`, for an asker not in the graph (or to override its own).' })
    forRegionId?: string | null,
    @Arg('forKind', () => OrganisationKind, { nullable: true, description: 'The kind of organisation asking, e.g. MUNICIPALITY, for an asker not in the graph (or to override its own).' })
    forKind?: string | null,
    @Arg('lang', () => Language, { nullable: true, description: 'Language of the reasons; defaults to the Accept-Language header, then Danish.' }) lang?: LanguageCode,
  ): Promise<ContactSuggestion[]> {
    const count = suggestionCount(first);
    const asker = { organisationId: forOrganisationId ?? null, regionId: forRegionId ?? null, kind: forKind ?? null };
    const start = await findWhoToCallStart(ctx.graph, innovationId, asker.organisationId, asker.regionId);
    if (asker.organisationId !== null && !start.askerFound) {
      throw new BadUserInputError(`forOrganisationId names no organisation: "${asker.organisationId}"; an asker not in the graph can give forRegionId and forKind instead`, 'forOrganisationId');
    }
    if (asker.regionId !== null && !start.regionFound) throw new BadUserInputError(`forRegionId names no region: "${asker.regionId}"`, 'forRegionId');
    if (!start.innovation) return [];
    const candidates = await findContactSuggestions(ctx.graph, start.innovation, asker, count);
    // Their employers came with them; a person's organisation then costs no further round trip.
    for (const { organisation } of candidates) if (organisation) ctx.loaders.organisation.prime(organisation.id, organisation);
    const title = start.innovation.title;
    const language = lang ?? ctx.language;
    return candidates.map((c) => Object.assign(new ContactSuggestion(), { person: c.person, reason: contactReason(c, title, language), score: rounded(c.score) }));
  }

  @Query(() => [SimilarInnovation], {
    description:
      'Innovations that share the problem, the solution or the target group with this one, most similar first: "is someone already doing this?". ' +
      'Judged on content: wording of title, summary and target group (rare words weigh more), themes and missions (rare ones weigh more) and partners; ' +
      'nothing below the similarity threshold is returned, so the list may be short or empty. Retired innovations are left out. Empty when there is no innovation with that id.',
  })
  async similarInnovations(
    @Arg('innovationId', () => ID, { description: 'The innovation to compare with, e.g. `videokonsultation`.' }) innovationId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1 to 50. Defaults to 10.' }) first: number | null | undefined,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language of the reasons; defaults to the Accept-Language header, then Danish.' }) lang?: LanguageCode,
  ): Promise<SimilarInnovation[]> {
    const count = suggestionCount(first);
    const innovation = await ctx.loaders.innovation.load(innovationId);
    if (!innovation) return [];
    const rows = await findSimilarInnovations(ctx.graph, innovation, count);
    return similarAnswers(rows, lang ?? ctx.language);
  }

  @Query(() => [SimilarInnovation], {
    description:
      'Innovations most like a project that is only a description ("is someone already doing this?", before starting it): ' +
      'the same engine as similarInnovations, on the wording alone. Nothing below the similarity threshold is returned.',
  })
  async similarToText(
    @Arg('text', () => String, { description: 'What the project is about: a title and a few sentences, 3 to 5,000 characters.' }) text: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1 to 50. Defaults to 10.' }) first: number | null | undefined,
    @Ctx() ctx: RequestContext,
    @Arg('lang', () => Language, { nullable: true, description: 'Language of the reasons; defaults to the Accept-Language header, then Danish.' }) lang?: LanguageCode,
  ): Promise<SimilarInnovation[]> {
    const count = suggestionCount(first);
    const trimmed = text.trim();
    if (trimmed.length < 3 || trimmed.length > 5_000) throw new BadUserInputError(`text must be 3 to 5,000 characters, got ${trimmed.length}`, 'text');
    const rows = await findSimilarInnovations(ctx.graph, { id: null, title: '', summary: trimmed, targetGroup: null }, count);
    return similarAnswers(rows, lang ?? ctx.language);
  }
}

function similarAnswers(rows: SimilarInnovationRow[], language: LanguageCode): SimilarInnovation[] {
  return rows.map((r) => Object.assign(new SimilarInnovation(), { innovation: r.innovation, score: rounded(r.score), reasons: similarityReasons(r.facts, language) }));
}
