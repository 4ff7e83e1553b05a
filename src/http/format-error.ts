import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, PUBLIC_CODES } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The one place that turns errors into responses: expected failures keep their code and
 * message; faults are logged with the request id and, in production, reach the client as a
 * generic INTERNAL_SERVER_ERROR with nothing of the internals.
 */
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (PUBLIC_CODES.has(code)) {
      return options.production ? withoutStacktrace(formatted) : formatted;
    }
    options.logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving a request');
    if (!options.production) return formatted;
    return {
      message: 'Internal server error; it has been logged.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
