/**
 * The API's expected failures, each with a stable code that clients read from
 * `extensions.code`. They are plain errors so that every layer (graph, loaders, modules) can throw
 * them without knowing GraphQL; `http/format-error.ts` is the one place that turns them into
 * responses. Anything else is a fault: INTERNAL_SERVER_ERROR, masked in production.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a documented rule; the message states the rule and what was received. */
export class BadUserInputError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
}

/** The database cannot be reached, or refused the work for a transient reason. */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now; try again shortly.') {
    super(ErrorCode.SERVICE_UNAVAILABLE, message);
  }
}

/**
 * A write would make a second node with a unique key that another node has: typically two
 * requests creating the same id at once, where each saw it free before the other committed.
 */
export class AlreadyExistsError extends AppError {
  constructor(
    readonly label: string,
    readonly property: string,
    readonly value: string,
  ) {
    const thing = label.replace(/^[A-Z]/, (c) => c.toLowerCase());
    super(ErrorCode.ALREADY_EXISTS, `${/^[aeiou]/.test(thing) ? 'An' : 'A'} ${thing} with ${property} "${value}" exists already; update it instead, or give another ${property}.`, { field: `input.${property}` });
  }
}

/** A query ran longer than the transaction timeout and was stopped. */
export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super(ErrorCode.TIMEOUT, `The query took longer than the limit of ${timeoutMs} ms and was stopped; ask for less (a smaller first, a lower depth).`);
  }
}

/** No valid credentials: a missing, malformed, forged or expired token where one is needed. */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/** Valid credentials, but a role too low for what was asked. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

/** A request refused before execution for its size: too deep or too costly. */
export class QueryLimitError extends AppError {
  constructor(code: typeof ErrorCode.QUERY_TOO_DEEP | typeof ErrorCode.QUERY_TOO_COMPLEX, message: string, details: Record<string, unknown>) {
    super(code, message, details);
  }
}

/** Codes produced by GraphQL and Apollo themselves that are safe to show as they are. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);
