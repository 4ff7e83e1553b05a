import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, PUBLIC_CODES } from '../errors.js';

/**
 * The one place that turns errors into responses: expected failures keep their code and
 * message; faults reach the client, in production, as a generic INTERNAL_SERVER_ERROR that
 * names the request id and nothing of the internals.
 */
export function createErrorFormatter(options: { production: boolean }) {
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
    // Faults were logged with their request id by the error-logging plugin.
    if (!options.production) return formatted;
    const requestId = formatted.extensions?.requestId;
    return {
      message: `Internal server error; it has been logged${requestId ? ` as request ${String(requestId)}` : ''}.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
