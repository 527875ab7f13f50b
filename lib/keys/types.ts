import type { Permission } from "@/lib/auth/permissions";
import type { RoleWithPermissions } from "@/lib/roles/queries";

export type { Actor as KeyActor } from "@/lib/auth/actor";

export type KeyStatus = "active" | "expired" | "inactive";

/** What lists, the details page and the Open API show of a key. Never holds the secret. */
export type ApiKeyView = {
  id: string;
  name: string;
  description: string;
  hint: string;
  isOwnerKey: boolean;
  roles: { id: string; name: string }[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  createdBy: { userId: string; name: string; email: string; active: boolean };
  /** "expired" when past expiresAt; "inactive" when the creator was removed from the workspace. */
  status: KeyStatus;
  /** Whether a stored secret exists (false in once-only workspaces). */
  secretStored: boolean;
  /** SPEC §13: a decoy key (never authorizes anything; each use is recorded). */
  isDecoy: boolean;
  /** SPEC §13: when it was first reported leaked, by whom and where; null if never. */
  leaked: { at: string; source: string | null; url: string | null } | null;
  /** What the actor may do with it. */
  can: { modify: boolean; delete: boolean; reveal: boolean };
};

export type ApiKeyDetails = ApiKeyView & { effectivePermissions: Permission[] };

export type ApiKeyPage = {
  items: ApiKeyView[];
  /** Keys matching the filters (not counting the pinned owner key twice); at most 1,000 for a search. */
  total: number;
  /** A search matched more keys than the 1,000 it pages through: narrow the query to see the rest. */
  totalCapped: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
};

export type GrantableRole = RoleWithPermissions;

export type CreateKeyOptions = {
  /** Roles the actor may put on a key (Owner only for an Owner without an owner key). */
  roles: GrantableRole[];
  canCreate: boolean;
  /** Why creating is refused, e.g. the limit of 10. */
  reason: string | null;
  ownKeyCount: number;
  limit: number;
};

export type CreatedApiKey = { key: ApiKeyView; secret: string };
