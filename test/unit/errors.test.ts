import { describe, expect, it } from 'vitest';
import {
  AlreadyExistsError,
  AppError,
  BadUserInputError,
  ErrorCode,
  ForbiddenError,
  PUBLIC_CODES,
  QueryLimitError,
  QueryTimeoutError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from '../../src/errors.js';

describe('the error classes', () => {
  it('each carry their stable code and their own name, and are AppErrors and Errors', () => {
    const cases: [AppError, ErrorCode, string][] = [
      [new BadUserInputError('first must be 1 to 100'), ErrorCode.BAD_USER_INPUT, 'BadUserInputError'],
      [new ServiceUnavailableError(), ErrorCode.SERVICE_UNAVAILABLE, 'ServiceUnavailableError'],
      [new AlreadyExistsError('Innovation', 'id', 'x'), ErrorCode.ALREADY_EXISTS, 'AlreadyExistsError'],
      [new QueryTimeoutError(15_000), ErrorCode.TIMEOUT, 'QueryTimeoutError'],
      [new UnauthenticatedError('no token'), ErrorCode.UNAUTHENTICATED, 'UnauthenticatedError'],
      [new ForbiddenError('needs admin'), ErrorCode.FORBIDDEN, 'ForbiddenError'],
      [new QueryLimitError(ErrorCode.QUERY_TOO_DEEP, 'too deep', { maxDepth: 12 }), ErrorCode.QUERY_TOO_DEEP, 'QueryLimitError'],
    ];
    for (const [error, code, name] of cases) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toBeInstanceOf(Error);
      expect(error.code).toBe(code);
      expect(error.name).toBe(name);
    }
  });

  it('name the field of bad input in the details only when there is one', () => {
    expect(new BadUserInputError('text must be 3 to 5,000 characters, got 1', 'text').details).toEqual({ field: 'text' });
    expect(new BadUserInputError('the filter holds no criterion').details).toEqual({});
  });

  it('say the database is unreachable by default, or what they are given', () => {
    expect(new ServiceUnavailableError().message).toBe('The graph database is not reachable right now; try again shortly.');
    expect(new ServiceUnavailableError('Neo4j is restarting').message).toBe('Neo4j is restarting');
  });

  it('say which thing exists already, with the right article, and point at the input field', () => {
    const organisation = new AlreadyExistsError('Organisation', 'id', 'aarhus-kommune');
    expect(organisation.message).toBe('An organisation with id "aarhus-kommune" exists already; update it instead, or give another id.');
    expect(organisation.details).toEqual({ field: 'input.id' });
    expect(organisation).toMatchObject({ label: 'Organisation', property: 'id', value: 'aarhus-kommune' });
    expect(new AlreadyExistsError('Person', 'email', 'a@b.dk').message).toBe('A person with email "a@b.dk" exists already; update it instead, or give another email.');
  });

  it('state the timeout that stopped a query and what to ask for instead', () => {
    expect(new QueryTimeoutError(15_000).message).toBe('The query took longer than the limit of 15000 ms and was stopped; ask for less (a smaller first, a lower depth).');
  });

  it('keep the details a query limit is reported with', () => {
    expect(new QueryLimitError(ErrorCode.QUERY_TOO_COMPLEX, 'too costly', { cost: 30_000, maxComplexity: 25_000 }).details).toEqual({ cost: 30_000, maxComplexity: 25_000 });
  });
});

describe('PUBLIC_CODES', () => {
  it('holds every code of ours but INTERNAL_SERVER_ERROR, and the codes of GraphQL and Apollo that are safe to show', () => {
    for (const code of Object.values(ErrorCode)) expect(PUBLIC_CODES.has(code), code).toBe(code !== ErrorCode.INTERNAL_SERVER_ERROR);
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']) expect(PUBLIC_CODES.has(code), code).toBe(true);
  });
});
