import { buildSchema, GraphQLError, parse, validate, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, ErrorCode, QueryLimitError } from '../../../src/errors.js';
import { createErrorFormatter } from '../../../src/http/format-error.js';

const schema = buildSchema(`
  enum Sector { MUNICIPAL REGIONAL STATE }
  type Query { innovations(sector: Sector): [String] }
`);
const development = createErrorFormatter({ production: false, schema });
const production = createErrorFormatter({ production: true, schema });

/** What Apollo hands the formatter for an error thrown in a resolver at `path`. */
function resolverError(original: Error, extensions: Record<string, unknown> = {}): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = new GraphQLError(original.message, { path: ['innovations'], originalError: original, extensions });
  return { formatted: { ...error.toJSON(), locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'], ...extensions } }, error };
}

/** graphql-js's own validation error for a document, as Apollo formats it. */
function validationError(document: string): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const [error] = validate(schema, parse(document));
  return { formatted: { ...error!.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] } }, error: error! };
}

describe('createErrorFormatter', () => {
  it('keeps the message and code of an expected failure, with its details, in production too', () => {
    for (const format of [development, production]) {
      const { formatted, error } = resolverError(new BadUserInputError('first must be a whole number from 1 to 100, got 500', 'first'));
      expect(format(formatted, error)).toEqual({
        message: 'first must be a whole number from 1 to 100, got 500',
        locations: [{ line: 1, column: 3 }],
        path: ['innovations'],
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
    }
  });

  it('keeps the stack trace Apollo added to our errors only when debugging outside production', () => {
    const { formatted, error } = resolverError(new BadUserInputError('first must be a whole number from 1 to 100, got 500', 'first'));
    expect(createErrorFormatter({ production: false, schema, debugErrors: true })(formatted, error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first', stacktrace: ['at x'] });
    expect(createErrorFormatter({ production: true, schema, debugErrors: true })(formatted, error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('takes the code from our error inside a validation error, which Apollo codes GRAPHQL_VALIDATION_FAILED', () => {
    const limit = new QueryLimitError(ErrorCode.QUERY_TOO_DEEP, 'too deep: at most 12 levels', { maxDepth: 12 });
    const error = new GraphQLError(limit.message, { originalError: limit });
    const formatted = { message: limit.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(production(formatted, error)).toEqual({ message: 'too deep: at most 12 levels', extensions: { code: 'QUERY_TOO_DEEP', maxDepth: 12 } });
  });

  it('masks a fault in production, naming only the request id', () => {
    const { formatted, error } = resolverError(new TypeError("Cannot read properties of undefined (reading 'id')"), { requestId: 'req-42' });
    expect(production(formatted, error)).toEqual({
      message: 'Internal server error; it has been logged as request req-42.',
      path: ['innovations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-42' },
    });
  });

  it('masks a fault without a request id without mentioning one', () => {
    const { formatted, error } = resolverError(new Error('Neo.ClientError.Statement.SyntaxError: ...'));
    expect(production(formatted, error)).toEqual({ message: 'Internal server error; it has been logged.', path: ['innovations'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('shows a fault as it is in development, to whoever is debugging it', () => {
    const { formatted, error } = resolverError(new Error('Neo.ClientError.Statement.SyntaxError: ...'));
    expect(development(formatted, error)).toBe(formatted);
  });

  it('lists the allowed values for an unknown enum value, as bad input, without the guess', () => {
    const { formatted, error } = validationError('{ innovations(sector: MUNICIPA) }');
    expect(formatted.message).toMatch(/Did you mean/);
    const result = development(formatted, error);
    expect(result.message).toBe('Value "MUNICIPA" does not exist in "Sector" enum. Allowed values: MUNICIPAL, REGIONAL, STATE.');
    expect(result.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('leaves graphql-js errors of public codes as they are in development', () => {
    const { formatted, error } = validationError('{ innovation }');
    expect(development(formatted, error)).toBe(formatted);
  });

  it('drops "Did you mean" suggestions and stack traces from them in production, which would hand out the schema', () => {
    const { formatted, error } = validationError('{ innovation }');
    expect(formatted.message).toBe('Cannot query field "innovation" on type "Query". Did you mean "innovations"?');
    expect(production(formatted, error)).toEqual({ message: 'Cannot query field "innovation" on type "Query".', locations: formatted.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('turns input validation findings into one BAD_USER_INPUT line per broken rule, nested fields by path', () => {
    const validationErrors = [
      { property: 'title', value: '', constraints: { isNotEmpty: 'title should not be empty' } },
      {
        property: 'contacts',
        value: [{}],
        children: [{ property: '0', value: {}, children: [{ property: 'email', value: 'not-mail', constraints: { isEmail: 'email must be an email' } }] }],
      },
    ];
    const formatted = { message: 'Argument Validation Error', path: ['createInnovation'], extensions: { code: 'BAD_USER_INPUT', validationErrors, stacktrace: ['at z'] } };
    expect(development(formatted, new GraphQLError('Argument Validation Error'))).toEqual({
      message: 'Invalid input: title: title should not be empty (got ""); contacts.0.email: email must be an email (got "not-mail").',
      path: ['createInnovation'],
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: [
          { field: 'title', rule: 'isNotEmpty', message: 'title: title should not be empty (got "")' },
          { field: 'contacts.0.email', rule: 'isEmail', message: 'contacts.0.email: email must be an email (got "not-mail")' },
        ],
      },
    });
  });

  it('says "nothing" for a finding without a value and cuts a long value to 80 characters', () => {
    const validationErrors = [
      { property: 'summary', constraints: { isDefined: 'summary should not be null or undefined' } },
      { property: 'title', value: 'x'.repeat(200), constraints: { maxLength: 'title must be shorter than or equal to 200 characters' } },
    ];
    const result = development({ message: 'Argument Validation Error', extensions: { validationErrors } }, new GraphQLError('Argument Validation Error'));
    const problems = result.extensions!.problems as { message: string }[];
    expect(problems[0]!.message).toBe('summary: summary should not be null or undefined (got nothing)');
    expect(problems[1]!.message).toBe(`title: title must be shorter than or equal to 200 characters (got ${`"${'x'.repeat(79)}`})`);
  });
});
