import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError, getNamedType, isListType, isNonNullType, type GraphQLOutputType, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode, QueryLimitError } from '../errors.js';
import { DEFAULT_PAGE_SIZE } from '../modules/common/pagination.js';

/**
 * Limits that refuse an abusive query before it reaches the database: a depth limit (as a
 * validation rule) and a cost limit (computed once the operation is known, before execution).
 */

// Its ES module build imports graphql's ES module files by path, a second copy of graphql beside
// the CommonJS one type-graphql and Apollo load; its CommonJS build shares theirs.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/** graphql-depth-limit's rule, with its error given our code and the limit in the message. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  const rule = depthLimit(maxDepth);
  return (context: ValidationContext) => {
    const coded = Object.create(context) as ValidationContext;
    coded.reportError = (error: GraphQLError) => {
      const message = `${error.message.replace(/\.$/, '')}: a query may nest at most ${maxDepth} levels of selections; split it into several queries.`;
      context.reportError(
        new GraphQLError(message, {
          nodes: error.nodes,
          // Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED; the original
          // error survives it, and the error formatter takes the code from there.
          originalError: new QueryLimitError(ErrorCode.QUERY_TOO_DEEP, message, { maxDepth }),
          extensions: { code: ErrorCode.QUERY_TOO_DEEP, maxDepth },
        }),
      );
    };
    return rule(coded);
  };
}

/** How many items a list field is assumed to return when nothing bounds it in the query. */
const ASSUMED_LIST_SIZE = 10;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The cost of a field: 1, plus its children once, or times the page size for a field with a
 * `first` argument, or times an assumed fan-out for other lists. The `edges` of a connection are
 * already counted by the connection's `first`.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + args.first * childComplexity;
  if (field.args.some((arg) => arg.name === 'first')) {
    return 1 + (getNamedType(field.type).name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : ASSUMED_LIST_SIZE) * childComplexity;
  }
  if (field.name === 'edges') return 1 + childComplexity;
  if (isList(field.type)) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [costEstimator],
          });
          if (cost > maxComplexity) {
            throw new GraphQLError(
              `The query is too costly: its estimated cost is ${cost}, and the limit is ${maxComplexity}. Ask for fewer items (a smaller first) or fewer nested lists.`,
              { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxComplexity, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
