import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { OrganisationNode } from '../../graph/records.js';
import { Organisation } from '../organisation/organisation.type.js';

/** The partner network: nodes and edges shaped so that a front end can hand them to a graph-drawing library as they are. */

export const NetworkEdgeKind = { PARTNERSHIP: 'PARTNERSHIP', ADOPTION: 'ADOPTION' } as const;

registerEnumType(NetworkEdgeKind, {
  name: 'NetworkEdgeKind',
  description: 'How two organisations of a network are tied.',
  valuesConfig: {
    PARTNERSHIP: { description: 'Both took part (nominated, made or partnered) in the same innovation.' },
    ADOPTION: { description: 'One adopted (or plans to adopt) an innovation the other took part in.' },
  },
});

@ObjectType({ description: 'An organisation in a network.' })
export class NetworkNode {
  @Field(() => ID, { description: 'The organisation\'s id; edges name their ends by it.' })
  id!: string;

  @Field(() => String, { description: 'What to print on the node: the organisation\'s name.' })
  label!: string;

  @Field(() => String, { description: 'The organisation\'s kind (an OrganisationKind value, e.g. MUNICIPALITY), for colouring; the centre has its own kind too.' })
  kind!: string;

  @Field(() => Int, { description: 'Hops from the centre: 0 for the centre, 1 for its direct partners and adopters, and so on.' })
  depth!: number;

  @Field(() => Organisation, { description: 'The organisation itself.' })
  organisation!: OrganisationNode;
}

@ObjectType({ description: 'A tie between two organisations of a network, through the innovations they share. Undirected: each pair appears once per kind, with source < target.' })
export class NetworkEdge {
  @Field(() => ID, { description: 'Id of one end: the smaller of the two ids.' })
  source!: string;

  @Field(() => ID, { description: 'Id of the other end: the larger of the two ids.' })
  target!: string;

  @Field(() => NetworkEdgeKind, { description: 'Whether both took part in the innovations, or one adopted what the other took part in.' })
  kind!: string;

  @Field(() => Int, { description: 'The number of innovations they share in this way (at least 1).' })
  weight!: number;

  /** Answers `innovations` (see NetworkEdgeResolver): the same innovations recur on many edges, so they are loaded once each. */
  innovationIds!: string[];
}

@ObjectType({
  description:
    'The organisations around one organisation (the centre) and the ties between them. Every edge joins two of the nodes; ' +
    'the centre counts what its units took part in and adopted as its own, while its units, and everyone else, are nodes that count only what they did themselves.',
})
export class Network {
  @Field(() => [NetworkNode], {
    description:
      'The centre first, then the others nearest first; within a depth, the strongest tie to the nodes one hop nearer first ' +
      '(the number of innovations shared with them), then by name.',
  })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'Every tie between two of the nodes, by source, target and kind.' })
  edges!: NetworkEdge[];

  @Field(() => Boolean, { description: 'True when organisations within the depth were left out because of first.' })
  truncated!: boolean;
}
