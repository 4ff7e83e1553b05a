import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The signing secret: the configured one, or (outside production) one generated once and kept
 * in `.data/auth-secret`, so that `npm run token` and the local server agree without setup.
 */
export function resolveJwtSecret(configured: string | undefined, projectRoot: string): string {
  if (configured) return configured;
  const file = path.join(projectRoot, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
