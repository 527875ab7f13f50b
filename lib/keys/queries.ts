import { and, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { exactTimestamp } from "@/db/timestamps";
import { apiKeyRoles, apiKeys, members, roles, users } from "@/db/schema";
import { roleOrderBy } from "@/lib/roles/order";
import { rateLimitOf } from "./restrictions";
import { canChangeKey, canRevealKey, keyState, seesAllKeys, seesOwnerKey } from "./policy";
import { lifecycleColumns, lifecycleView, type LifecycleRow } from "./lifecycle-view";
import type { ApiKeyView, KeyActor } from "./types";

/** Columns of a key row plus its creator, as lists and details need them. */
export const keyRowColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  // The name as the (workspace_id, lower(name)) index orders it, for name-sorted cursors.
  nameKey: sql<string>`lower(${apiKeys.name})`,
  description: apiKeys.description,
  hint: apiKeys.hint,
  isOwnerKey: apiKeys.isOwnerKey,
  createdByUserId: apiKeys.createdByUserId,
  createdAt: apiKeys.createdAt,
  // Microsecond-exact, for keyset cursors (a JS Date keeps milliseconds only).
  createdAtExact: exactTimestamp(apiKeys.createdAt),
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
  ipAllowlist: apiKeys.ipAllowlist,
  rateLimit: apiKeys.rateLimit,
  rateLimitWindow: apiKeys.rateLimitWindow,
  secretStored: sql<boolean>`${apiKeys.secretCiphertext} is not null`,
  ...lifecycleColumns,
  isDecoy: apiKeys.isDecoy,
  leakedAt: apiKeys.leakedAt,
  leakSource: apiKeys.leakSource,
  leakUrl: apiKeys.leakUrl,
  creatorName: users.name,
  creatorEmail: users.email,
  creatorActive: sql<boolean>`${members.id} is not null`,
};

export type KeyRow = LifecycleRow & {
  id: string;
  name: string;
  nameKey: string;
  description: string;
  hint: string;
  isOwnerKey: boolean;
  createdByUserId: string;
  createdAt: Date;
  createdAtExact: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  ipAllowlist: string[];
  rateLimit: number | null;
  rateLimitWindow: "second" | "minute" | "hour" | null;
  secretStored: boolean;
  isDecoy: boolean;
  leakedAt: Date | null;
  leakSource: string | null;
  leakUrl: string | null;
  creatorName: string;
  creatorEmail: string;
  creatorActive: boolean;
};

/**
 * Newest first, as the (workspace_id, created_at DESC NULLS LAST, id DESC NULLS LAST) indexes
 * hold keys: an ORDER BY must say the same NULLS order (the planner does not infer it from NOT
 * NULL) or PostgreSQL sorts every key of the workspace.
 */
export const newestFirst = [sql`${apiKeys.createdAt} desc nulls last`, sql`${apiKeys.id} desc nulls last`];

/** SELECT … FROM api_keys joined to its creator and the creator's membership. */
export function selectKeyRows(db: Executor) {
  return db
    .select(keyRowColumns)
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdByUserId))
    .leftJoin(members, and(eq(members.workspaceId, apiKeys.workspaceId), eq(members.userId, apiKeys.createdByUserId)));
}

/** Which keys the actor can see at all (SPEC §3); always scoped to the actor's workspace. */
export function visibleKeysCondition(actor: KeyActor): SQL {
  const conditions: SQL[] = [eq(apiKeys.workspaceId, actor.workspace.id)];
  if (!seesOwnerKey(actor)) conditions.push(not(apiKeys.isOwnerKey));
  if (!seesAllKeys(actor)) {
    conditions.push(eq(apiKeys.createdByUserId, actor.userId));
  }
  return and(...conditions)!;
}


/** Roles of each key, by key id, ordered like the Roles page (built-in first, then by name). */
export async function rolesOfKeys(keyIds: string[], db: Executor = getDb()): Promise<Map<string, { id: string; name: string }[]>> {
  const map = new Map<string, { id: string; name: string }[]>();
  if (keyIds.length === 0) return map;
  const rows = await db
    .select({ keyId: apiKeyRoles.apiKeyId, id: roles.id, name: roles.name })
    .from(apiKeyRoles)
    .innerJoin(roles, eq(roles.id, apiKeyRoles.roleId))
    .where(inArray(apiKeyRoles.apiKeyId, keyIds))
    .orderBy(...roleOrderBy());
  for (const r of rows) {
    const list = map.get(r.keyId) ?? [];
    list.push({ id: r.id, name: r.name });
    map.set(r.keyId, list);
  }
  return map;
}

export function toKeyView(actor: KeyActor, row: KeyRow, keyRoles: { id: string; name: string }[]): ApiKeyView {
  const ref = { isOwnerKey: row.isOwnerKey, createdByUserId: row.createdByUserId };
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    hint: row.hint,
    isOwnerKey: row.isOwnerKey,
    roles: keyRoles,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    ipAllowlist: row.ipAllowlist,
    rateLimit: rateLimitOf(row),
    createdBy: { userId: row.createdByUserId, name: row.creatorName, email: row.creatorEmail, active: row.creatorActive },
    status: keyState(row),
    secretStored: row.secretStored,
    ...lifecycleView(row),
    isDecoy: row.isDecoy,
    leaked: row.leakedAt ? { at: row.leakedAt.toISOString(), source: row.leakSource, url: row.leakUrl } : null,
    can: { modify: canChangeKey(actor, ref), delete: canChangeKey(actor, ref), reveal: canRevealKey(actor, ref) },
  };
}

/** One key as the actor may see it, or null (never "forbidden": the owner key must not be revealed). */
export async function findVisibleKey(actor: KeyActor, keyId: string, db: Executor = getDb()): Promise<KeyRow | null> {
  const [row] = await selectKeyRows(db)
    .where(and(visibleKeysCondition(actor), eq(apiKeys.id, keyId)))
    .limit(1);
  return row ?? null;
}

export async function loadKeyView(actor: KeyActor, keyId: string, db: Executor = getDb()): Promise<ApiKeyView | null> {
  const row = await findVisibleKey(actor, keyId, db);
  if (!row) return null;
  const keyRoles = await rolesOfKeys([row.id], db);
  return toKeyView(actor, row, keyRoles.get(row.id) ?? []);
}


/** How many keys each member created in the viewer's workspace (the owner key only for those who see it). */
export async function countKeysByCreator(
  viewer: { workspace: { id: string }; isOwner: boolean },
  db: Executor = getDb(),
): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: apiKeys.createdByUserId, n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, viewer.workspace.id), seesOwnerKey(viewer) ? undefined : eq(apiKeys.isOwnerKey, false)))
    .groupBy(apiKeys.createdByUserId);
  return new Map(rows.map((r) => [r.userId, r.n]));
}
