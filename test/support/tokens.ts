import { issueToken } from '../../src/auth/tokens.js';
import type { Role } from '../../src/auth/roles.js';
import { TEST_JWT_SECRET } from './api.js';

/** A bearer header for a test server, with the given role. */
export async function bearer(role: Role, subject = `test-${role}`, expiresIn = '10m'): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await issueToken({ subject, roles: [role], expiresIn }, TEST_JWT_SECRET)}` };
}
