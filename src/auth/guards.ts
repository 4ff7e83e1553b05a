import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import { callerHas, type Caller } from './caller.js';
import type { Role } from './roles.js';

/**
 * Throws unless the caller holds the role; the message says what is needed and how to get it.
 * The auth checker calls it for every `@Authorized` field, so these are the only wordings.
 */
export function requireRole(caller: Caller, role: Role, action: string): void {
  if (caller.kind === 'anonymous') {
    throw new UnauthenticatedError(`${action} needs a bearer token with the role ${role}; send "Authorization: Bearer <token>" (npm run token issues one).`);
  }
  if (!callerHas(caller, role)) {
    throw new ForbiddenError(`${action} needs the role ${role}; your token has ${caller.roles.join(', ')}.`);
  }
}
