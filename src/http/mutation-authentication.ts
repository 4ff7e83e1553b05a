import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind } from 'graphql';
import type { RequestContext } from '../context.js';
import { ErrorCode } from '../errors.js';

/**
 * Internal. Refuses a mutation from an anonymous caller once the operation is known, before its
 * variables and input are checked or anything runs: who is asking comes before what is asked, so
 * an anonymous caller learns nothing about the input rules of writes. Every mutation needs a
 * token; the role a mutation needs is the one its description names ("Needs the role admin."),
 * which test/safety/authorization.test.ts holds to the role of its `@Authorized`. Callers who
 * have a token are checked against that role by the auth checker (`auth/auth-checker.ts`),
 * after GraphQL has coerced their variables but before the input rules are applied.
 */
export function mutationAuthenticationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        // No await before the throw: Apollo runs the plugins' hooks together, and this refusal
        // must win over the query limits' (listed after it).
        async didResolveOperation({ operation, schema, contextValue }) {
          if (operation?.operation !== 'mutation' || contextValue.caller.kind !== 'anonymous') return;
          const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__'));
          if (!first || first.kind !== Kind.FIELD) return;
          const name = first.name.value;
          const role = /Needs the role (\w+)/.exec(schema.getMutationType()?.getFields()[name]?.description ?? '')?.[1] ?? 'editor';
          throw new GraphQLError(`${name} needs a bearer token with the role ${role}; send "Authorization: Bearer <token>" (npm run token issues one).`, {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        },
      };
    },
  };
}
