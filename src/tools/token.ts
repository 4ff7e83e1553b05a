import { parseArgs } from 'node:util';
import { projectRoot, loadConfig } from '../config.js';
import { isRole, ROLES } from '../auth/roles.js';
import { resolveJwtSecret } from '../auth/secret.js';
import { issueToken } from '../auth/tokens.js';

const USAGE = `Usage: npm run token -- --role <${ROLES.join('|')}> [--subject NAME] [--expires 8h]

Prints a bearer token for this deployment (signed with AUTH_JWT_SECRET, or the local secret in
.data/auth-secret). Send it as "Authorization: Bearer <token>".`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { role: { type: 'string', multiple: true }, subject: { type: 'string' }, expires: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    process.stderr.write(`--role must be one of ${ROLES.join(', ')}${unknown.length ? `, got ${unknown.join(', ')}` : ''}\n\n${USAGE}\n`);
    return 2;
  }
  const expiresIn = values.expires ?? '8h';
  if (!/^\d+\s*(s|m|h|d|w)$/.test(expiresIn)) {
    process.stderr.write(`--expires must be a span such as 30m, 8h or 7d, got ${expiresIn}\n`);
    return 2;
  }
  const config = loadConfig();
  const secret = resolveJwtSecret(config.security.jwtSecret, projectRoot);
  const token = await issueToken({ subject: values.subject ?? process.env.USER ?? 'local', roles: roles.filter(isRole), expiresIn }, secret);
  process.stdout.write(`${token}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
