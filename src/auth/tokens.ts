import { errors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Role } from './roles.js';

/**
 * Access tokens: JWTs signed with HS256 by a secret the deployment holds (AUTH_JWT_SECRET), with
 * the caller's name as subject and its roles in a `roles` claim. jose does the cryptography and
 * the checks of expiry, issuer, audience and algorithm.
 */
export const TOKEN_ISSUER = 'innovation-graph';
export const TOKEN_AUDIENCE = 'innovation-graph-api';

export interface TokenClaims {
  readonly subject: string;
  readonly roles: readonly Role[];
}

export interface IssueOptions extends TokenClaims {
  /** A jose time span such as `8h` or `30d`. */
  readonly expiresIn: string;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function issueToken(options: IssueOptions, secret: string): Promise<string> {
  return new SignJWT({ roles: [...options.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.subject)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn)
    .sign(key(secret));
}

export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

/** Checks a token; throws a {@link TokenError} whose message says what is wrong with it. */
export async function verifyToken(token: string, secret: string): Promise<TokenClaims> {
  let payload;
  try {
    // A token without an expiry would be valid for ever once leaked: exp is required.
    ({ payload } = await jwtVerify(token, key(secret), { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['HS256'], clockTolerance: 5, requiredClaims: ['exp'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenError('The access token has expired; ask for a new one.');
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new TokenError('The access token is not signed by this service.');
    if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing' && error.claim === 'exp') {
      throw new TokenError('The access token has no expiry; tokens of this service always expire.');
    }
    if (error instanceof errors.JWTClaimValidationFailed) throw new TokenError(`The access token is not for this service (${error.claim} claim).`);
    throw new TokenError('The access token is malformed.');
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
  if (!payload.sub || roles.length === 0) throw new TokenError('The access token names no subject or no known role.');
  return { subject: payload.sub, roles };
}
