import { KEY_READ_PERMISSIONS } from "@/lib/keys/policy";
import type { Permission } from "./permissions";

/** The workspace sections in navigation order (SPEC §4), each with what opens it (as its page checks). */
export const SECTIONS = [
  { path: "api-keys", opens: KEY_READ_PERMISSIONS },
  { path: "usage", opens: ["api_keys:read"] },
  { path: "members", opens: ["members:read"] },
  { path: "roles", opens: ["members:read", "roles:manage"] },
  { path: "audit-log", opens: ["audit:read"] },
  { path: "settings", opens: ["workspace:read"] },
] as const satisfies readonly { path: string; opens: readonly Permission[] }[];

export type SectionPath = (typeof SECTIONS)[number]["path"];

/** The sections a member with these permissions may open, in navigation order. */
export function openableSections(permissions: ReadonlySet<Permission>): SectionPath[] {
  return SECTIONS.filter((s) => s.opens.some((p) => permissions.has(p))).map((s) => s.path);
}

/** Where `/` and `/w/[slug]` land: the first section the member may open (API Keys for most). */
export function landingPath(slug: string, permissions: ReadonlySet<Permission>): string {
  return `/w/${slug}/${openableSections(permissions)[0] ?? "api-keys"}`;
}
