import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker.js';
import './common/enums.js';
import { HistoryResolver, InnovationHistoryResolver, OrganisationHistoryResolver, PersonHistoryResolver } from './history/history.resolver.js';
import { InnovationMutationResolver } from './innovation/innovation-mutation.resolver.js';
import { AdoptionResolver, InnovationResolver, LineageResolver, SpreadSignalResolver } from './innovation/innovation.resolver.js';
import { NetworkEdgeResolver, NetworkResolver } from './network/network.resolver.js';
import { PathResolver } from './network/path.resolver.js';
import { OrganisationMutationResolver } from './organisation/organisation-mutation.resolver.js';
import { OrganisationResolver } from './organisation/organisation.resolver.js';
import { PersonMutationResolver } from './person/person-mutation.resolver.js';
import { PersonResolver } from './person/person.resolver.js';
import { RecommendationResolver } from './recommendation/recommendation.resolver.js';
import { RelationMutationResolver } from './relations/relation.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { RegionResolver, SourceDocumentResolver, ThemeResolver } from './reference/reference.resolver.js';
import { SpreadStatsResolver } from './spread/spread-stats.resolver.js';
import { RegionCountResolver, RegionUptakeResolver, SpreadEventResolver, SpreadResolver } from './spread/spread.resolver.js';
import { GraphStatisticsResolver } from './statistics/graph-statistics.resolver.js';

/** Every resolver of the API; the schema is built from these and nothing else. */
export const resolvers = [
  InnovationResolver,
  LineageResolver,
  AdoptionResolver,
  SpreadSignalResolver,
  OrganisationResolver,
  OrganisationMutationResolver,
  PersonResolver,
  PersonMutationResolver,
  InnovationMutationResolver,
  HistoryResolver,
  InnovationHistoryResolver,
  OrganisationHistoryResolver,
  PersonHistoryResolver,
  RelationMutationResolver,
  SearchResolver,
  ThemeResolver,
  RegionResolver,
  SourceDocumentResolver,
  GraphStatisticsResolver,
  SpreadResolver,
  SpreadEventResolver,
  RegionCountResolver,
  RegionUptakeResolver,
  SpreadStatsResolver,
  RecommendationResolver,
  NetworkResolver,
  NetworkEdgeResolver,
  PathResolver,
] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  // Inputs are checked with their class-validator rules before a resolver runs, and after the
  // role of an @Authorized field (the checker runs as its first middleware).
  return buildSchema({ resolvers: [...resolvers], authChecker, validate: { forbidUnknownValues: false, stopAtFirstError: false } });
}
