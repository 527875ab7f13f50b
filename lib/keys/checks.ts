import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { fail, type Result } from "@/lib/result";
import { OWNER_KEY_EXISTS } from "./policy";
import type { KeyActor } from "./types";

export const NAME_TAKEN = "A key with this name already exists";
export const NOT_FOUND = "API key not found";

export const nameTaken = () => fail("conflict", NAME_TAKEN, { name: NAME_TAKEN });
export const keyNotFound = (): Result<never> => fail("not_found", NOT_FOUND);

/** The database's own guards on keys, and what each violation tells the user. */
export const KEY_CONSTRAINTS = {
  api_keys_workspace_name_key: nameTaken,
  api_keys_one_owner_key_per_workspace: () => fail("conflict", OWNER_KEY_EXISTS, { roleIds: OWNER_KEY_EXISTS }),
};

export async function ownerKeyExists(db: Executor, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), apiKeys.isOwnerKey))
    .limit(1);
  return Boolean(row);
}

export async function countOwnKeys(db: Executor, actor: KeyActor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, actor.workspace.id), eq(apiKeys.createdByUserId, actor.userId)));
  return row?.n ?? 0;
}

/**
 * The owner key is outside the unique name index (a clash would tell others it exists), so for
 * the Owner, who sees every key, names are checked here: the owner key's name against every
 * key, another key's name against the owner key. Locking the owner key's row first serialises
 * the Owner's concurrent namings.
 */
export async function ownerSeesNameTaken(
  tx: Executor,
  actor: KeyActor,
  name: string,
  namingOwnerKey: boolean,
  keyId: string,
): Promise<boolean> {
  if (!actor.isOwner) return false;
  const inWorkspace = eq(apiKeys.workspaceId, actor.workspace.id);
  await tx.select({ id: apiKeys.id }).from(apiKeys).where(and(inWorkspace, apiKeys.isOwnerKey)).for("update");
  const [clash] = await tx
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(
      and(
        inWorkspace,
        ne(apiKeys.id, keyId),
        sql`lower(${apiKeys.name}) = lower(${name})`,
        namingOwnerKey ? undefined : apiKeys.isOwnerKey,
      ),
    )
    .limit(1);
  return Boolean(clash);
}
