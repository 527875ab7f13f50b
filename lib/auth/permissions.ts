import type { BuiltInRole } from "@/db/schema";

export const PERMISSIONS = [
  "workspace:read",
  "workspace:manage",
  "members:read",
  "members:manage",
  "roles:manage",
  "api_keys:read",
  "api_keys:create",
  "api_keys:manage",
  "api_keys:verify",
  "audit:read",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  "workspace:read": "Read workspace name, plan, settings",
  "workspace:manage": "Change settings and the API shared secret",
  "members:read": "List members",
  "members:manage": "Add members, change their roles, remove them",
  "roles:manage": "Create, edit and delete custom roles",
  "api_keys:read": "See every API key of the workspace",
  "api_keys:create": "Create keys, and modify or delete one's own",
  "api_keys:manage": "Modify or delete any key of the workspace",
  "api_keys:verify": "Call the verify endpoint",
  "audit:read": "Read the audit log",
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const BUILT_IN_ROLE_DEFINITIONS: Record<
  BuiltInRole,
  { name: string; description: string; permissions: readonly Permission[] }
> = {
  owner: {
    name: "Owner",
    description: "Full control of the workspace. Exactly one member holds it.",
    permissions: PERMISSIONS,
  },
  administrator: {
    name: "Administrator",
    description: "Everything but workspace settings and custom roles.",
    permissions: PERMISSIONS.filter((p) => p !== "workspace:manage" && p !== "roles:manage"),
  },
  standard: {
    name: "Standard",
    description: "Reads the workspace and members; creates and verifies own API keys.",
    permissions: ["workspace:read", "members:read", "api_keys:create", "api_keys:verify"],
  },
  read_only: {
    name: "Read-only",
    description: "Reads the workspace and its members.",
    permissions: ["workspace:read", "members:read"],
  },
};

export const BUILT_IN_ROLE_ORDER: readonly BuiltInRole[] = ["owner", "administrator", "standard", "read_only"];
