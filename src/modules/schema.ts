import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { GraphStatisticsResolver } from './statistics/graph-statistics.resolver.js';

/** Every resolver of the API; the schema is built from these and nothing else. */
export const resolvers = [GraphStatisticsResolver] as const;

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], validate: false });
}
