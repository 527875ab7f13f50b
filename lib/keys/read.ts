import { getDb } from "@/db/client";
import { listAuditEvents, type AuditEventView } from "@/lib/audit/queries";
import { loadMembershipById, permissionsOfRoles } from "@/lib/auth/membership";
import { fail, ok, type Result } from "@/lib/result";
import { keyNotFound } from "./checks";
import { effectivePermissions } from "./effective";
import { isKeyId } from "./format";
import { canUseKeys, NO_KEY_ACCESS, seesOwnerKey } from "./policy";
import { findVisibleKey, loadKeyView } from "./queries";
import type { ApiKeyDetails, KeyActor } from "./types";

export async function getApiKey(actor: KeyActor, keyId: string): Promise<Result<ApiKeyDetails>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  const view = await loadKeyView(actor, keyId);
  if (!view) return keyNotFound();
  const [rolePerms, creator] = await Promise.all([
    permissionsOfRoles(
      actor.workspace.id,
      view.roles.map((r) => r.id),
    ),
    loadMembershipById(view.createdBy.userId, actor.workspace.id),
  ]);
  return ok({ ...view, effectivePermissions: effectivePermissions(rolePerms, creator?.permissions ?? null, view.isOwnerKey) });
}

/** The key's audit events, newest first (only for those who can see the key), as the audit log shows them. */
export async function listApiKeyAuditTrail(actor: KeyActor, keyId: string, limit = 50): Promise<Result<AuditEventView[]>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  const db = getDb();
  if (!(await findVisibleKey(actor, keyId, db))) return keyNotFound();
  const page = await listAuditEvents(
    { workspaceId: actor.workspace.id, includeOwnerOnly: seesOwnerKey(actor), targetType: "api_key", targetId: keyId, limit: Math.min(Math.max(limit, 1), 200) },
    db,
  );
  return ok(page.items);
}
