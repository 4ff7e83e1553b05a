import type { GraphQLResolveInfo } from 'graphql';
import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { requireRole } from './guards.js';
import { isRole, ROLES, type Role } from './roles.js';

/**
 * The check behind every `@Authorized(role)` field, given to type-graphql's `buildSchema`.
 *
 * It throws the API's own errors (through `requireRole`) instead of answering false: false would
 * become type-graphql's generic "Access denied!", while clients rely on UNAUTHENTICATED and
 * FORBIDDEN messages that name the field and the role it needs. type-graphql lets what the checker
 * throws propagate as the field's error.
 *
 * type-graphql runs it as the field's first middleware, and converts and validates the arguments
 * only after the last middleware has called on (`createHandlerResolver` and `applyAuthChecker` in
 * its `resolvers/create.js` and `resolvers/helpers.js`), so a caller without the role is refused
 * before anything about the input is checked.
 */
export const authChecker: AuthCheckerFn<RequestContext, string> = ({ context, info }, roles) => {
  requireRole(context.caller, neededRole(roles, info), actionName(info));
  return true;
};

/**
 * The lowest of the roles listed, since each role includes those below it; `@Authorized()` with
 * none asks for any token. A name that is no role is a fault, refused for everyone: taken as a
 * rank it would let any token through.
 */
function neededRole(roles: readonly string[], info: GraphQLResolveInfo): Role {
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`@Authorized on ${actionName(info)} names ${unknown.join(', ')}, which is no role; the roles are ${ROLES.join(', ')}.`);
  return ROLES.find((role) => roles.includes(role)) ?? 'reader';
}

/** A root field by its name (`createOrganisation`), any other by type and field (`Organisation.history`). */
function actionName(info: GraphQLResolveInfo): string {
  const root = [info.schema.getQueryType(), info.schema.getMutationType(), info.schema.getSubscriptionType()];
  return root.includes(info.parentType) ? info.fieldName : `${info.parentType.name}.${info.fieldName}`;
}
