import { and, eq } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { auditActorOf } from "@/lib/auth/actor";
import { recordAuditEvent } from "@/lib/audit/record";
import { decryptSecret } from "@/lib/crypto/aes";
import { fail, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { keyNotFound } from "./checks";
import { isKeyId } from "./format";
import { canRevealKey, canUseKeys, KEY_READ_PERMISSIONS, NO_KEY_ACCESS } from "./policy";
import { findVisibleKey } from "./queries";
import type { KeyActor } from "./types";

/** The secret for "Reveal" or "Copy", audited; `secret: null` when the workspace showed it only once. */
export async function revealApiKeySecret(
  actor: KeyActor,
  keyId: string,
  purpose: "reveal" | "copy",
): Promise<Result<{ secret: string | null }>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  if (!isKeyId(keyId)) return keyNotFound();
  if (purpose !== "reveal" && purpose !== "copy") return fail("invalid_request", "purpose: Must be reveal or copy", { purpose: "Must be reveal or copy" });
  return transact(async (tx) => {
    const me = await requireCurrentPermission(tx, actor, KEY_READ_PERMISSIONS, NO_KEY_ACCESS);
    const key = (await findVisibleKey(me, keyId, tx)) ?? refuse(keyNotFound());
    if (!canRevealKey(me, key)) refuse(fail("forbidden", "You don't have permission to see this key's secret"));
    const [row] = await tx
      .select({ ciphertext: apiKeys.secretCiphertext })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, me.workspace.id)));
    if (!row) return refuse(keyNotFound());
    if (!row.ciphertext) return { secret: null };
    const secret = decryptSecret(row.ciphertext, keyId);
    await recordAuditEvent(tx, {
      workspaceId: me.workspace.id,
      actor: auditActorOf(me),
      action: purpose === "reveal" ? "api_key.reveal" : "api_key.copy",
      targetType: "api_key",
      targetId: keyId,
      targetName: key.name,
      ownerOnly: key.isOwnerKey,
    });
    return { secret };
  });
}
