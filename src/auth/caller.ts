import { satisfies, type Role } from './roles.js';
import { verifyToken } from './tokens.js';

/** Who is asking: someone with a verified token, or anyone. */
export type Caller = { readonly kind: 'anonymous' } | { readonly kind: 'authenticated'; readonly subject: string; readonly roles: readonly Role[] };

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

/**
 * Reads the caller from an Authorization header. No header is an anonymous caller; a header
 * that is there but wrong (not Bearer, forged, expired) is refused, so that a client never
 * believes it is writing as someone while it is not.
 */
export async function callerFromHeader(header: string | undefined, secret: string): Promise<Caller> {
  if (header === undefined || header === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new CredentialsError('The Authorization header must be "Bearer <token>".');
  try {
    const claims = await verifyToken(match[1]!, secret);
    return { kind: 'authenticated', subject: claims.subject, roles: claims.roles };
  } catch (error) {
    throw new CredentialsError((error as Error).message);
  }
}

export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** True when the caller holds the role (or a higher one). Synchronous: safe on hot fields. */
export function callerHas(caller: Caller, role: Role): boolean {
  return caller.kind === 'authenticated' && satisfies(caller.roles, role);
}

/** A name for the change history: the token's subject. */
export function actorOf(caller: Caller): string {
  return caller.kind === 'authenticated' ? caller.subject : 'anonymous';
}
