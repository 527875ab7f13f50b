import { getDb } from "@/db/client";
import type { Permission } from "@/lib/auth/permissions";
import { getApiKey } from "@/lib/keys/rules";
import { seesAllKeys, seesOwnerKey } from "@/lib/keys/policy";
import type { KeyActor } from "@/lib/keys/types";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { usageQuerySchema, type UsageRange } from "@/lib/validations/usage";
import {
  queryKeyUsage,
  queryKeyUsageByRange,
  queryWorkspaceUsageByRange,
  queryLastUseFrom,
  queryPermissionsUsed,
  queryRequestsLast24h,
  queryTopKeys,
  queryWorkspaceUsage,
  type LastUseFrom,
  type TopKey,
  type UsageByRange,
  type UsageSeries,
} from "./queries";

export const NO_USAGE_ACCESS = "You don't have permission to see the workspace's usage";

function rangeOf(input: unknown): Result<UsageRange> {
  const parsed = usageQuerySchema.safeParse(input ?? {});
  return parsed.success ? ok(parsed.data.range) : invalidInput(parsed.error.issues);
}

/** SPEC §11: a key's usage, for whoever may see the key (404 otherwise, the owner key included). */
export async function getKeyUsage(actor: KeyActor, keyId: string, input: unknown): Promise<Result<UsageSeries>> {
  const range = rangeOf(input);
  if (!range.ok) return range;
  const key = await getApiKey(actor, keyId);
  if (!key.ok) return key;
  return ok(await queryKeyUsage(getDb(), actor.workspace.id, keyId, range.data));
}

/** The workspace's usage (`api_keys:read`). */
export async function getWorkspaceUsage(actor: KeyActor, input: unknown): Promise<Result<UsageSeries>> {
  const range = rangeOf(input);
  if (!range.ok) return range;
  if (!seesAllKeys(actor)) return fail("forbidden", NO_USAGE_ACCESS);
  return ok(await queryWorkspaceUsage(getDb(), actor.workspace.id, range.data));
}

/** The top 10 keys by requests and by refusals; the owner key is the Owner's alone. */
export async function getTopKeys(actor: KeyActor, range: UsageRange): Promise<Result<{ byRequests: TopKey[]; byRefusals: TopKey[] }>> {
  if (!seesAllKeys(actor)) return fail("forbidden", NO_USAGE_ACCESS);
  return ok(await queryTopKeys(getDb(), actor.workspace.id, range, seesOwnerKey(actor)));
}

/** For the usage page: the workspace's three ranges and, per range, the top keys (`api_keys:read`). */
export async function getWorkspaceUsageOverview(
  actor: KeyActor,
): Promise<Result<{ usage: UsageByRange; top: Record<UsageRange, { byRequests: TopKey[]; byRefusals: TopKey[] }> }>> {
  if (!seesAllKeys(actor)) return fail("forbidden", NO_USAGE_ACCESS);
  const db = getDb();
  const owner = seesOwnerKey(actor);
  const [usage, day, week, month] = await Promise.all([
    queryWorkspaceUsageByRange(db, actor.workspace.id),
    queryTopKeys(db, actor.workspace.id, "24h", owner),
    queryTopKeys(db, actor.workspace.id, "7d", owner),
    queryTopKeys(db, actor.workspace.id, "30d", owner),
  ]);
  return ok({ usage, top: { "24h": day, "7d": week, "30d": month } });
}

/** The details page's "Usage": the three ranges of a key the actor already loaded (and so may see). */
export async function getKeyUsageByRange(actor: KeyActor, keyId: string): Promise<UsageByRange> {
  return queryKeyUsageByRange(getDb(), actor.workspace.id, keyId);
}

export type PermissionUse = { permission: Permission; used: boolean };

/**
 * For the details page, of a key the actor already loaded (and so may see): "Last used from" and
 * each effective permission marked used or unused by a successful request in the last 30 days.
 */
export async function getKeyUseDetails(
  keyId: string,
  effectivePermissions: readonly Permission[],
): Promise<{ lastUseFrom: LastUseFrom | null; permissions: PermissionUse[] }> {
  const db = getDb();
  const [lastUseFrom, used] = await Promise.all([queryLastUseFrom(db, keyId), queryPermissionsUsed(db, keyId)]);
  return { lastUseFrom, permissions: effectivePermissions.map((permission) => ({ permission, used: used.has(permission) })) };
}

/** "Requests (24 h)" of the keys of one list page (ids the actor was just shown), in one query. */
export async function getRequestsLast24h(actor: KeyActor, keyIds: readonly string[]): Promise<Record<string, number>> {
  return queryRequestsLast24h(getDb(), actor.workspace.id, keyIds);
}
