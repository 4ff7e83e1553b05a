import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { findSimilarInnovations } from '../../graph/similar-innovations.cypher.js';
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
      'Whom to call about an innovation, best first: its own contacts (reuse before follow), then people at organisations that adopted it or at innovations built on it (adopted before planned or interested), then contacts of similar innovations. With forOrganisationId, people closer to that organisation rank higher within each tier. Each person appears once. Empty when there is no innovation with that id.',
  })
  async whoToCall(
    @Arg('innovationId', () => ID, { description: 'The innovation to reuse, e.g. `min-video`.' }) innovationId: string,
    @Arg('forOrganisationId', () => ID, { nullable: true, description: 'The organisation asking; people in it, in its region or of its kind rank higher.' })
    forOrganisationId: string | null | undefined,
    @Arg('first', () => Int, { nullable: true, description: 'How many suggestions, 1 to 50. Defaults to 10.' }) first: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ContactSuggestion[]> {
    const count = suggestionCount(first);
    const askerId = forOrganisationId ?? null;
    const start = await findWhoToCallStart(ctx.graph, innovationId, askerId);
    if (askerId !== null && !start.askerFound) {
      throw new BadUserInputError(`forOrganisationId names no organisation: "${askerId}"`, 'forOrganisationId');
    }
    if (!start.innovation) return [];
    const candidates = await findContactSuggestions(ctx.graph, start.innovation, askerId, count);
    // Their employers came with them; a person's organisation then costs no further round trip.
    for (const { organisation } of candidates) if (organisation) ctx.loaders.organisation.prime(organisation.id, organisation);
    const title = start.innovation.title;
    return candidates.map((c) => Object.assign(new ContactSuggestion(), { person: c.person, reason: contactReason(c, title), score: rounded(c.score) }));
  }

  @Query(() => [SimilarInnovation], {
    description:
      'Innovations that overlap with this one in themes, wording of title and target group, partners, kind of originating organisation or sector, most similar first: "is someone already doing this?". Retired innovations are left out. Empty when there is no innovation with that id.',
  })
  async similarInnovations(
    @Arg('innovationId', () => ID, { description: 'The innovation to compare with, e.g. `videokonsultation`.' }) innovationId: string,
    @Arg('first', () => Int, { nullable: true, description: 'How many, 1 to 50. Defaults to 10.' }) first: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SimilarInnovation[]> {
    const count = suggestionCount(first);
    const innovation = await ctx.loaders.innovation.load(innovationId);
    if (!innovation) return [];
    const rows = await findSimilarInnovations(ctx.graph, innovation, count);
    return rows.map((r) => Object.assign(new SimilarInnovation(), { innovation: r.innovation, score: rounded(r.score), reasons: similarityReasons(r.facts) }));
  }
}
