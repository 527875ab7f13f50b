import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { hashSecret } from "@/lib/keys/format";
import { onKeyChange } from "@/lib/keys/revocation";
import { KeyVerifier, refusalOf } from "@/lib/keys/verify";

/** Test support for SPEC §9: a verifier that hears key changes as an instance does, and row/audit readers. */
export function listeningVerifier(): { verifier: KeyVerifier; stop: () => void } {
  const verifier = new KeyVerifier({ db: () => getDb() });
  const stop = onKeyChange((change) => verifier.invalidate(change));
  return { verifier, stop };
}

/** What verification answers for `secret` now: null when it may be used, else the refusal. */
export async function verdict(verifier: KeyVerifier, secret: string, now = Date.now()) {
  const key = await verifier.lookup(hashSecret(secret));
  return key ? refusalOf(key, now) : "invalid_api_key";
}

export async function keyRow(keyId: string) {
  const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.id, keyId));
  return row;
}

export async function auditOf(workspaceId: string, action: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, workspaceId), eq(auditEvents.action, action)))
    .orderBy(asc(auditEvents.id));
}
