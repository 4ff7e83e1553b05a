/**
 * Roles, each including the ones before it: a reader may read what deployments keep from the
 * public (contact details, when so configured); an editor records and corrects facts; an admin
 * also merges duplicates and retires innovations.
 */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when any of the held roles is at least the needed one. */
export function satisfies(held: readonly Role[], needed: Role): boolean {
  const rank = ROLES.indexOf(needed);
  return held.some((role) => ROLES.indexOf(role) >= rank);
}
