import { unwrapResolverError } from '@apollo/server/errors';
import { isEnumType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { AppError, ErrorCode, PUBLIC_CODES } from '../errors.js';

/**
 * The one place that turns errors into responses: expected failures keep their code and
 * message; faults reach the client, in production, as a generic INTERNAL_SERVER_ERROR that
 * names the request id and nothing of the internals.
 */
export function createErrorFormatter(options: { production: boolean; schema?: GraphQLSchema; debugErrors?: boolean }) {
  const keepTrace = (options.debugErrors ?? false) && !options.production;
  const enumValues = options.schema ? enumValuesOf(options.schema) : new Map<string, string[]>();
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Errors outside resolvers (validation rules) carry ours as their originalError.
    const inner = (unwrapped as { originalError?: unknown } | undefined)?.originalError;
    const original = inner instanceof AppError ? inner : unwrapped;
    const validationErrors = formatted.extensions?.validationErrors;
    if (Array.isArray(validationErrors)) {
      // class-validator's findings: one line each, naming the field, the rule and the value.
      const problems = flattenValidationErrors(validationErrors as ValidationFinding[], '');
      return withoutStacktrace({
        message: `Invalid input: ${problems.map((p) => p.message).join('; ')}.`,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.BAD_USER_INPUT, problems },
      });
    }
    const unknownEnum = UNKNOWN_ENUM_VALUE.exec(formatted.message);
    if (unknownEnum && enumValues.has(unknownEnum[2]!)) {
      // An unknown enum value is bad input wherever it was written (inline or in variables):
      // one code for both, and the message lists what is allowed.
      return withoutStacktrace({
        ...formatted,
        message: `${formatted.message.replace(/\s*Did you mean[^?]*\?/, '')} Allowed values: ${enumValues.get(unknownEnum[2]!)!.join(', ')}.`,
        extensions: { ...formatted.extensions, code: ErrorCode.BAD_USER_INPUT },
      });
    }
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        // With DEBUG_ERRORS our errors keep the trace Apollo added, like every other error.
        extensions: { code: original.code, ...original.details, ...(keepTrace && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {}) },
      };
    }
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (PUBLIC_CODES.has(code)) {
      // graphql-js suggests field and type names a query got wrong ("Did you mean ...?"), which
      // in production would hand out the schema that introspection being off keeps private.
      return options.production ? withoutStacktrace({ ...formatted, message: formatted.message.replace(/\s*Did you mean[^?]*\?/g, '') }) : formatted;
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

interface ValidationFinding {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children?: ValidationFinding[];
}

function flattenValidationErrors(findings: ValidationFinding[], prefix: string): { field: string; rule: string; message: string }[] {
  return findings.flatMap((finding) => {
    const field = prefix ? `${prefix}.${finding.property}` : finding.property;
    const own = Object.entries(finding.constraints ?? {}).map(([rule, text]) => ({
      field,
      rule,
      message: `${field}: ${text} (got ${JSON.stringify(finding.value)?.slice(0, 80) ?? 'nothing'})`,
    }));
    return [...own, ...flattenValidationErrors(finding.children ?? [], field)];
  });
}

const UNKNOWN_ENUM_VALUE = /Value "([^"]*)" does not exist in "(\w+)" enum\./;

function enumValuesOf(schema: GraphQLSchema): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type) && !type.name.startsWith('__')) values.set(type.name, type.getValues().map((v) => v.name));
  }
  return values;
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
