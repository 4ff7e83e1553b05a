import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { createRequire } from 'node:module';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  getNamedType,
  getVariableValues,
  isListType,
  isNonNullType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode, QueryLimitError } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../modules/common/pagination.js';
import type { CostAccount, CostBudget } from './rate-limit.js';

/**
 * Limits that refuse an abusive query before it reaches the database: a depth limit (as a
 * validation rule); a limit on root fields, a cost limit and the per-client budget of cost points
 * (checked once the operation is known, before execution).
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
      // graphql-depth-limit names the operation ('' when anonymous) but not how deep it is.
      const name = /^'(.*)' exceeds/.exec(error.message)?.[1] ?? '';
      const document = context.getDocument();
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (d.name?.value ?? '') === name);
      const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
      const depth = operation ? selectionDepth(operation.selectionSet.selections, fragments, new Set()) : undefined;
      const message = `The ${name ? `operation ${name}` : 'query'} nests selections ${depth !== undefined ? `${depth} levels deep` : `more than ${maxDepth} levels deep`}, and the limit is ${maxDepth}; split it into several queries.`;
      context.reportError(
        new GraphQLError(message, {
          nodes: error.nodes,
          // Apollo gives every validation error the code GRAPHQL_VALIDATION_FAILED; the original
          // error survives it, and the error formatter takes the code from there.
          originalError: new QueryLimitError(ErrorCode.QUERY_TOO_DEEP, message, { maxDepth, ...(depth !== undefined ? { depth } : {}) }),
          extensions: { code: ErrorCode.QUERY_TOO_DEEP, maxDepth, ...(depth !== undefined ? { depth } : {}) },
        }),
      );
    };
    return rule(coded);
  };
}

/**
 * How deep selections nest, counted as graphql-depth-limit counts them (a field with a selection
 * is one level above its deepest child; introspection fields do not count). A fragment already on
 * the path counts as nothing: cycles are refused by another rule, and must not loop here.
 */
function selectionDepth(selections: readonly SelectionNode[], fragments: ReadonlyMap<string, FragmentDefinitionNode>, onPath: Set<string>): number {
  let deepest = 0;
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.selectionSet && !selection.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + selectionDepth(selection.selectionSet.selections, fragments, onPath));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(selection.selectionSet.selections, fragments, onPath));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || onPath.has(fragment.name.value)) continue;
      onPath.add(fragment.name.value);
      deepest = Math.max(deepest, selectionDepth(fragment.selectionSet.selections, fragments, onPath));
      onPath.delete(fragment.name.value);
    }
  }
  return deepest;
}

/**
 * Introspection answers from the schema in memory, never from the database, and its shape is
 * bounded by the schema, not by a `first`: priced by what the whole answer costs to build (the
 * full schema, about 200 kB, for `__schema`; one type for `__type`), whatever is selected inside,
 * which as lists of lists would otherwise be priced at about 49 000 and refused.
 */
const INTROSPECTION_COST: ReadonlyMap<string, number> = new Map([
  ['__schema', 1_000],
  ['__type', 50],
]);

/** How many items a list field is assumed to return when nothing bounds it in the query. */
const ASSUMED_LIST_SIZE = 10;

/**
 * The least a root field costs, whatever it selects: each one is resolved on its own and opens at
 * least one transaction, so a thousand aliases of a cheap field are priced as a thousand queries.
 */
export const ROOT_FIELD_MIN_COST = 10;

/** The most root fields (aliases included) one operation may ask for. */
export const MAX_ROOT_FIELDS = 20;

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

/**
 * The bounds an argument documents in its description ("1 to 100. Defaults to 20."), which the
 * resolvers enforce; without them, a page of 1 to 100. The cost is estimated before the resolvers
 * refuse a value out of bounds, so the estimate must never take the value as it is written.
 */
function documentedBounds(arg: GraphQLArgument, fallback: number): Bounds {
  const range = /\b(\d[\d,]*) to (\d[\d,]*)\b/.exec(arg.description ?? '');
  const given = /Defaults to (\d[\d,]*)/.exec(arg.description ?? '');
  const number = (text: string) => Number(text.replace(/,/g, ''));
  const min = Math.max(1, range ? number(range[1]!) : 1);
  const max = Math.max(min, range ? number(range[2]!) : MAX_PAGE_SIZE);
  const byDefault = typeof arg.defaultValue === 'number' ? arg.defaultValue : given ? number(given[1]!) : fallback;
  return { min, max, fallback: byDefault };
}

/** An argument's value as a multiplier: clamped to its documented bounds, never negative or 0. */
function multiplier(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, name: string, fallback: number): number {
  const arg = field.args.find((a) => a.name === name);
  if (!arg) return fallback;
  const { min, max, fallback: byDefault } = documentedBounds(arg, fallback);
  const value = args[name];
  const wanted = typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : byDefault;
  return Math.min(max, Math.max(min, wanted));
}

function fieldCost(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, childComplexity: number): number {
  if (field.name === 'partnerNetwork') {
    // The database walks `depth` hops out and keeps up to `first` organisations; nodes and edges
    // (10 each as lists) grow with `first`.
    const depth = multiplier(field, args, 'depth', 1);
    const first = multiplier(field, args, 'first', 50);
    return 1 + depth * first + Math.ceil(first / ASSUMED_LIST_SIZE) * childComplexity;
  }
  if (field.args.some((arg) => arg.name === 'first')) {
    const assumed = getNamedType(field.type).name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : ASSUMED_LIST_SIZE;
    return 1 + multiplier(field, args, 'first', assumed) * childComplexity;
  }
  if (field.name === 'edges' && parent.name.endsWith('Connection')) return 1 + childComplexity;
  if (isList(field.type)) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
}

/**
 * The cost of a field: 1, plus its children once, or times the page size for a field with a
 * `first` argument (clamped to the bounds it documents), or times an assumed fan-out for other
 * lists. The `edges` of a connection (not other lists named so) are already counted by the
 * connection's `first`. A root
 * field costs at least {@link ROOT_FIELD_MIN_COST}.
 */
export function costEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  return ({ type, field, args, childComplexity }) => {
    const introspection = INTROSPECTION_COST.get(field.name);
    if (introspection !== undefined && roots.has(type as GraphQLObjectType)) return introspection;
    const cost = fieldCost(type, field, args, Math.max(0, childComplexity));
    return roots.has(type as GraphQLObjectType) && !field.name.startsWith('__') ? Math.max(ROOT_FIELD_MIN_COST, cost) : cost;
  };
}

/** The response keys of an operation's top level, through fragments: one resolver call each. */
function rootFieldKeys(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(operation.selectionSet.selections);
  return keys;
}

/** Where the limits plugin gets the budget of the client a request comes from. */
export interface CostBudgetHook<TContext> {
  /** The budget a request's context is charged to and the client within it; undefined: not metered. */
  readonly accountOf: (context: TContext) => { readonly budget: CostBudget; readonly client: string } | undefined;
}

/**
 * Refuses, once the operation is known and before anything runs: more than
 * {@link MAX_ROOT_FIELDS} root fields, an estimated cost above `maxComplexity`, and, with a
 * budget, a cost the client has no points left for this minute. With a budget every answer says
 * what the query cost and what is left, in `extensions.cost`.
 */
export function complexityLimitPlugin<TContext extends BaseContext>(maxComplexity: number, costBudget?: CostBudgetHook<TContext>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      let charged: { requested: number; account: CostAccount } | undefined;
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          if (!operation) return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const rootFields = rootFieldKeys(operation, fragments).size;
          if (rootFields > MAX_ROOT_FIELDS) {
            throw new GraphQLError(
              `The query asks for ${rootFields} root fields (aliases included), and the limit is ${MAX_ROOT_FIELDS}. Send several requests, or ask for a list in one field.`,
              { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, rootFields, maxRootFields: MAX_ROOT_FIELDS, http: { status: 400 } } },
            );
          }
          // Variables are checked against their types only when the operation executes, after this
          // hook; the estimate must not read them unchecked. Wrong ones are left to execution, which
          // refuses them as BAD_USER_INPUT and runs nothing.
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return;
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [costEstimator(schema)],
          });
          if (cost > maxComplexity) {
            throw new GraphQLError(
              `The query is too costly: its estimated cost is ${cost}, and the limit is ${maxComplexity}. Ask for fewer items (a smaller first) or fewer nested lists.`,
              { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxComplexity, http: { status: 400 } } },
            );
          }
          const metered = costBudget?.accountOf(contextValue);
          if (!metered) return;
          const account = metered.budget.charge(metered.client, cost);
          charged = { requested: cost, account };
          if (!account.granted) {
            const retryAfter = Math.max(1, Math.ceil((account.resetAt - Date.now()) / 1000));
            throw new GraphQLError(
              `Rate limited: the query costs ${cost} points and this client has ${account.remaining} of ${account.limit} left this minute. Try again in ${retryAfter} s, or ask for less.`,
              { extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (!charged || response.body.kind !== 'single') return;
          const { requested, account } = charged;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested, limit: account.limit, remaining: account.remaining, resetAt: new Date(account.resetAt).toISOString() },
          };
        },
      };
    },
  };
}
