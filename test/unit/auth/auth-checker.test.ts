import { buildSchema, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { authChecker } from '../../../src/auth/auth-checker.js';
import { ANONYMOUS, type Caller } from '../../../src/auth/caller.js';
import type { Role } from '../../../src/auth/roles.js';
import type { RequestContext } from '../../../src/context.js';
import { ErrorCode, ForbiddenError, UnauthenticatedError } from '../../../src/errors.js';

const schema = buildSchema('type Query { history: Int } type Mutation { createOrganisation: Int } type Organisation { history: Int }');

/** What type-graphql hands the checker for one field, with only the parts it reads filled in. */
function check(caller: Caller, roles: string[], parent: 'Query' | 'Mutation' | 'Organisation', fieldName: string): boolean | Promise<boolean> {
  const info = { schema, parentType: schema.getType(parent) as GraphQLObjectType, fieldName } as GraphQLResolveInfo;
  return authChecker({ root: {}, args: {}, context: { caller } as RequestContext, info }, roles);
}

const holding = (...roles: Role[]): Caller => ({ kind: 'authenticated', subject: 'test', roles });

/** The error a check throws, so that its class, code and message can all be checked. */
function refusal(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the check to throw');
}

describe('authChecker', () => {
  it('lets through a caller holding the role', () => {
    expect(check(holding('editor'), ['editor'], 'Mutation', 'createOrganisation')).toBe(true);
  });

  it('lets an admin do what an editor may, and an editor what a reader may', () => {
    expect(check(holding('admin'), ['editor'], 'Mutation', 'createOrganisation')).toBe(true);
    expect(check(holding('editor'), ['reader'], 'Query', 'history')).toBe(true);
  });

  it('refuses an anonymous caller as UNAUTHENTICATED, naming the field, the role and how to get a token', () => {
    const error = refusal(() => check(ANONYMOUS, ['editor'], 'Mutation', 'createOrganisation'));
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(error).toMatchObject({ code: ErrorCode.UNAUTHENTICATED });
    expect(error.message).toBe('createOrganisation needs a bearer token with the role editor; send "Authorization: Bearer <token>" (npm run token issues one).');
  });

  it('refuses a role too low as FORBIDDEN, naming the role needed and the roles held', () => {
    const error = refusal(() => check(holding('reader'), ['admin'], 'Mutation', 'createOrganisation'));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: ErrorCode.FORBIDDEN, message: 'createOrganisation needs the role admin; your token has reader.' });
  });

  it('names a field of another type by type and field', () => {
    expect(refusal(() => check(ANONYMOUS, ['reader'], 'Organisation', 'history')).message).toMatch(/^Organisation\.history needs a bearer token/);
    expect(refusal(() => check(ANONYMOUS, ['reader'], 'Query', 'history')).message).toMatch(/^history needs a bearer token/);
  });

  it('asks for the lowest of several roles listed, and for any token when none is', () => {
    expect(check(holding('editor'), ['admin', 'editor'], 'Mutation', 'createOrganisation')).toBe(true);
    expect(check(holding('reader'), [], 'Query', 'history')).toBe(true);
    expect(refusal(() => check(ANONYMOUS, [], 'Query', 'history')).message).toMatch(/with the role reader;/);
  });

  it('refuses everyone, an admin too, where @Authorized names no role, as a fault rather than a refusal', () => {
    const error = refusal(() => check(holding('admin'), ['edtor'], 'Mutation', 'createOrganisation'));
    expect(error).not.toBeInstanceOf(ForbiddenError);
    expect(error.message).toBe('@Authorized on createOrganisation names edtor, which is no role; the roles are reader, editor, admin.');
  });
});
