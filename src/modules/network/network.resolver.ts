import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context.js';
import { findPartnerNetwork } from '../../graph/network.cypher.js';
import { NETWORK_DEPTH, NETWORK_SIZE, PartnerNetworkArgs, wholeNumberIn } from './network.input.js';
import { Network } from './network.type.js';

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
