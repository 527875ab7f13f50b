/**
 * The workspace sections in navigation order (SPEC §4), by path, with their key in the messages:
 * their name (`Shell.nav`) and their 403 text (`Shell.forbidden`). No imports: the navigation
 * on every page reads it in the browser; what opens each section is in ./sections.ts.
 */
export const SECTION_KEYS = {
  "api-keys": "apiKeys",
  usage: "usage",
  members: "members",
  roles: "roles",
  "audit-log": "auditLog",
  settings: "settings",
} as const;

export type SectionKey = (typeof SECTION_KEYS)[keyof typeof SECTION_KEYS];

/** A section's message key by its path, e.g. "audit-log" → "auditLog"; undefined for anything else. */
export function sectionKey(path: string | undefined): SectionKey | undefined {
  return path && Object.hasOwn(SECTION_KEYS, path) ? SECTION_KEYS[path as keyof typeof SECTION_KEYS] : undefined;
}
