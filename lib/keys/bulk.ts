import { and, asc, eq, inArray } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import { fail, invalidInput, type Result } from "@/lib/result";
import { requireCurrentPermission, transact } from "@/lib/transact";
import { bulkKeysSchema } from "@/lib/validations/key-lifecycle";
import { NOT_FOUND } from "./checks";
import { removeKeys } from "./delete";
import { applyEnabled, CANNOT_CHANGE } from "./disable";
import { isKeyId } from "./format";
import { canChangeKey, canUseKeys, KEY_READ_PERMISSIONS, NO_KEY_ACCESS } from "./policy";
import { selectKeyRows, visibleKeysCondition } from "./queries";
import type { KeyActor } from "./types";

export type BulkKeyResult =
  | { keyId: string; ok: true }
  | { keyId: string; ok: false; error: { code: "not_found" | "forbidden"; message: string } };

/**
 * SPEC §9.3: delete, disable or enable up to 100 keys, each judged by the single-key rules (a key
 * one may not see, the owner key included for all but the Owner, is `not_found`). One
 * transaction: the rows are locked in id order (no deadlock with another bulk action), every
 * permitted key is changed with its own audit event and revocation, the rest are left alone.
 */
export async function bulkApiKeys(actor: KeyActor, input: unknown): Promise<Result<{ results: BulkKeyResult[] }>> {
  if (!canUseKeys(actor)) return fail("forbidden", NO_KEY_ACCESS);
  const parsed = bulkKeysSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const { action, keyIds } = parsed.data;
  const wellFormed = keyIds.filter(isKeyId);

  return transact(async (tx, keyChanges) => {
    const me = await requireCurrentPermission(tx, actor, KEY_READ_PERMISSIONS, NO_KEY_ACCESS);
    const rows =
      wellFormed.length === 0
        ? []
        : await (async () => {
            await tx
              .select({ id: apiKeys.id })
              .from(apiKeys)
              .where(and(eq(apiKeys.workspaceId, me.workspace.id), inArray(apiKeys.id, wellFormed)))
              .orderBy(asc(apiKeys.id))
              .for("update");
            return selectKeyRows(tx).where(and(visibleKeysCondition(me), inArray(apiKeys.id, wellFormed)));
          })();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const results: BulkKeyResult[] = keyIds.map((keyId) => {
      const row = byId.get(keyId);
      if (!row) return { keyId, ok: false, error: { code: "not_found", message: NOT_FOUND } };
      if (!canChangeKey(me, row)) return { keyId, ok: false, error: { code: "forbidden", message: CANNOT_CHANGE } };
      return { keyId, ok: true };
    });
    const permitted = rows.filter((r) => canChangeKey(me, r));
    if (action === "delete") {
      if (permitted.length > 0) {
        await removeKeys(tx, keyChanges, me, and(eq(apiKeys.workspaceId, me.workspace.id), inArray(apiKeys.id, permitted.map((r) => r.id))));
      }
    } else {
      for (const row of permitted) await applyEnabled(tx, keyChanges, me, row, action === "enable");
    }
    return { results };
  });
}
