import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { RequestContext } from '../context.js';
import { AppError, PUBLIC_CODES } from '../errors.js';

/**
 * Logs every fault (an error that is not an expected, coded failure) with the request id, and puts
 * that id on the error, so that a user who reports "internal server error, request X" can be
 * matched to the log line even though production hides the details.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = String(error.extensions?.code ?? '');
            if (original instanceof AppError || PUBLIC_CODES.has(code)) continue;
            contextValue.logger.error({ err: original, path: error.path }, 'unexpected error while resolving a request');
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
