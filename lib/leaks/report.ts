import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { apiKeys, workspaces, type LeakPolicy } from "@/db/schema";
import type { AuditActor } from "@/lib/audit/record";
import { recordKeyEvent } from "@/lib/keys/events";
import { removeKeysAs } from "@/lib/keys/delete";
import { hashSecret, isWellFormedSecret } from "@/lib/keys/format";
import { transact } from "@/lib/transact";

/** The actor of every leak report's audit events (SPEC §13). */
export const LEAK_REPORT_ACTOR = "Leak report";

/** One reported secret, with who found it and where. */
export type LeakedSecret = { secret: string; source: string | null; url: string | null };

export type LeakOutcome = {
  /** The secrets that are (or were, until this report deleted them) Keyward keys. */
  known: Set<string>;
  /** Keys handled by this report; a key already reported is not handled again. */
  handled: { keyId: string; workspaceId: string; policy: LeakPolicy }[];
};

/** Database round trips made for leak reports: a report of garbage only must make none. */
export const leakReportStats = { queries: 0 };

const ACTION_OF: Record<LeakPolicy, string> = { disable: "disabled", delete: "deleted", notify: "notified" };

/**
 * SPEC §13, the one rule behind both leak endpoints. Strings whose format or checksum fails are
 * dropped before any database work. Each key reported for the first time is marked leaked and
 * handled by its workspace's policy ("disable", "delete", "notify"), with its `api_key.leaked`
 * event by "Leak report" and its revocation on every instance. Marking is one
 * `UPDATE … WHERE leaked_at IS NULL`, so a replayed or concurrent report of the same key is a no-op.
 */
export async function reportLeakedSecrets(
  reported: readonly LeakedSecret[],
  reporterIp: string | null,
  db: Database = getDb(),
): Promise<LeakOutcome> {
  const byHash = new Map<string, LeakedSecret>();
  for (const item of reported) if (isWellFormedSecret(item.secret)) byHash.set(hashSecret(item.secret), item);
  if (byHash.size === 0) return { known: new Set(), handled: [] };
  const hashes = [...byHash.keys()];
  const actor: AuditActor = { userId: null, keyId: null, name: LEAK_REPORT_ACTOR, ip: reporterIp };
  leakReportStats.queries++;

  const result = await transact(
    async (tx, keyChanges) => {
      const existing = await tx.select({ hash: apiKeys.secretHash }).from(apiKeys).where(inArray(apiKeys.secretHash, hashes));
      const policy = sql<LeakPolicy>`(select ${workspaces.leakPolicy} from ${workspaces} where ${workspaces.id} = ${apiKeys.workspaceId})`;
      // Grouped by source and address, so each key keeps the report that named it.
      const handled: LeakOutcome["handled"] = [];
      for (const group of groupsOf(existing.map((e) => e.hash), byHash)) {
        const marked = await tx
          .update(apiKeys)
          .set({
            leakedAt: sql`now()`,
            leakSource: group.source,
            leakUrl: group.url,
            disabledAt: sql`case when ${policy} = 'disable' then coalesce(${apiKeys.disabledAt}, now()) else ${apiKeys.disabledAt} end`,
          })
          .where(and(inArray(apiKeys.secretHash, group.hashes), isNull(apiKeys.leakedAt)))
          .returning({
            id: apiKeys.id,
            workspaceId: apiKeys.workspaceId,
            name: apiKeys.name,
            hint: apiKeys.hint,
            isOwnerKey: apiKeys.isOwnerKey,
            createdByUserId: apiKeys.createdByUserId,
            expiresAt: apiKeys.expiresAt,
            policy,
          });
        for (const { workspaceId, policy: keyPolicy, ...key } of marked) {
          const details = { source: group.source, url: group.url, action: ACTION_OF[keyPolicy] };
          await recordKeyEvent(tx, {
            workspaceId,
            type: "api_key.leaked",
            key,
            data: details,
            audit: { actor, action: "api_key.leaked", details },
          });
          if (keyPolicy === "delete") {
            await removeKeysAs(tx, keyChanges, { workspaceId, actor }, eq(apiKeys.id, key.id), { reason: "reported leaked" });
          } else {
            await keyChanges.add({ workspaceId, keyId: key.id });
          }
          handled.push({ keyId: key.id, workspaceId, policy: keyPolicy });
        }
      }
      return { existing: new Set(existing.map((e) => e.hash)), handled };
    },
    { db },
  );
  if (!result.ok) throw new Error(result.error);
  const known = new Set([...byHash].filter(([hash]) => result.data.existing.has(hash)).map(([, item]) => item.secret));
  return { known, handled: result.data.handled };
}

function groupsOf(hashes: string[], byHash: Map<string, LeakedSecret>): { source: string | null; url: string | null; hashes: string[] }[] {
  const groups = new Map<string, { source: string | null; url: string | null; hashes: string[] }>();
  for (const hash of hashes) {
    const { source, url } = byHash.get(hash)!;
    const id = JSON.stringify([source, url]);
    const group = groups.get(id) ?? { source, url, hashes: [] };
    group.hashes.push(hash);
    groups.set(id, group);
  }
  return [...groups.values()];
}
