import type { Permission } from "@/lib/auth/permissions";
import type { RoleWithPermissions } from "@/lib/roles/queries";
import type { RateLimit } from "./restrictions";

export type { Actor as KeyActor } from "@/lib/auth/actor";

export type KeyStatus = "active" | "disabled" | "expired" | "inactive";

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
  /** SPEC §10: addresses or CIDR ranges the key may be used from; empty = any address. */
  ipAllowlist: string[];
  /** SPEC §10: at most `limit` successful requests in any window of this length; null = no limit. */
  rateLimit: RateLimit | null;
  createdBy: { userId: string; name: string; email: string; active: boolean };
  /** "disabled" while switched off; "expired" when past expiresAt; "inactive" when the creator was removed from the workspace. */
  status: KeyStatus;
  /** false while the key is disabled (SPEC §9.2). */
  enabled: boolean;
  /** The secret before the last roll, while it still works (SPEC §9.1). */
  previousSecret: PreviousSecretView | null;
  /** Whether a stored secret exists (false in once-only workspaces). */
  secretStored: boolean;
  /** SPEC §13: a decoy key (never authorizes anything; each use is recorded). */
  isDecoy: boolean;
  /** SPEC §13: when it was first reported leaked, by whom and where; null if never. */
  leaked: { at: string; source: string | null; url: string | null } | null;
  /** What the actor may do with it. */
  can: { modify: boolean; delete: boolean; reveal: boolean };
};

export type PreviousSecretView = { hint: string; validUntil: string; lastUsedAt: string | null };

export type ApiKeyDetails = ApiKeyView & { effectivePermissions: Permission[] };

export type ApiKeyPage = {
  items: ApiKeyView[];
  /** Keys matching the filters (not counting the pinned owner key twice); at most 1,000 for a search, 10,000 for the list. */
  total: number;
  /** More keys match than `total`: a search pages through 1,000 (narrow the query to see the rest); the list counts to 10,000 and pages through all. */
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
