import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { findPartnerNetwork } from '../../graph/network.cypher.js';
import { NETWORK_DEPTH, NETWORK_SIZE, PartnerNetworkArgs, wholeNumberIn } from './network.input.js';
import type { InnovationNode } from '../../graph/records.js';
import { Innovation } from '../innovation/innovation.type.js';
import { Network, NetworkEdge } from './network.type.js';

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, {
    nullable: true,
    description:
      'The partner network around an organisation, ready to draw: organisations within depth hops of shared innovations, and the ties between them. ' +
      'The centre includes what its units took part in. Null when there is no organisation with that id.',
  })
  async partnerNetwork(@Args(() => PartnerNetworkArgs) args: PartnerNetworkArgs, @Ctx() ctx: RequestContext): Promise<Network | null> {
    const depth = wholeNumberIn('depth', args.depth, NETWORK_DEPTH);
    const first = wholeNumberIn('first', args.first, NETWORK_SIZE);
    const network = await findPartnerNetwork(ctx.graph, args.organisationId, { depth, first });
    if (!network) return null;
    return {
      nodes: network.nodes.map(({ organisation, depth: hops }) => ({ id: organisation.id, label: organisation.name, kind: organisation.kind, depth: hops, organisation })),
      edges: network.edges,
      truncated: network.truncated,
    };
  }
}

@Resolver(() => NetworkEdge)
export class NetworkEdgeResolver {
  @FieldResolver(() => [Innovation], { description: 'The innovations they share in this way, by title; at most 10 (weight counts them all).' })
  async innovations(@Root() edge: NetworkEdge, @Ctx() ctx: RequestContext): Promise<InnovationNode[]> {
    const found = await ctx.loaders.innovation.loadMany(edge.innovationIds);
    const failure = found.find((item) => item instanceof Error);
    if (failure) throw failure;
    return found.filter((innovation): innovation is InnovationNode => innovation !== null && !(innovation instanceof Error));
  }
}
