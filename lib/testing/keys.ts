import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeyRoles, apiKeys, roles, type BuiltInRole } from "@/db/schema";
import type { Membership } from "@/lib/auth/membership";
import { loadMembershipById, permissionsOfRoles } from "@/lib/auth/membership";
import type { Actor } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/crypto/aes";
import { effectivePermissions } from "@/lib/keys/effective";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "@/lib/keys/format";
import { createApiKey } from "@/lib/keys/rules";
import type { CreatedApiKey } from "@/lib/keys/types";
import { actorOf } from "./actor";
import type { TestWorkspace } from "./database";
import { mustOk, uniqueName } from "./result";

const roleIdsOf = (ws: TestWorkspace, roleList: (BuiltInRole | string)[]) =>
  roleList.map((r) => (r in ws.roleIds ? ws.roleIds[r as BuiltInRole] : r));

/**
 * A key row written straight into the database, past the key rules (for state the rules would
 * refuse or a test that is not about them). Roles by built-in kind or id; `stored` keeps the
 * secret encrypted, as a workspace without show-once does.
 */
export async function insertTestKey(
  ws: TestWorkspace,
  creator: Membership,
  opts: { roles?: (BuiltInRole | string)[]; name?: string; owner?: boolean; stored?: boolean; expiresAt?: Date | null } = {},
): Promise<{ id: string; secret: string }> {
  const db = getDb();
  const id = generateKeyId();
  const secret = generateSecret();
  await db.insert(apiKeys).values({
    id,
    workspaceId: ws.id,
    name: opts.name ?? `key-${id}`,
    secretHash: hashSecret(secret),
    secretCiphertext: opts.stored ? encryptSecret(secret, id) : null,
    hint: secretHint(secret),
    isOwnerKey: opts.owner ?? false,
    createdByUserId: creator.userId,
    expiresAt: opts.expiresAt ?? null,
  });
  const roleIds = roleIdsOf(ws, opts.roles ?? []);
  if (roleIds.length) await db.insert(apiKeyRoles).values(roleIds.map((roleId) => ({ apiKeyId: id, roleId })));
  return { id, secret };
}

/** What a key can do now, as the Open API computes it: its roles ∩ its creator's current permissions; null for no key. */
export async function keyPermissions(ws: TestWorkspace, keyId: string) {
  const db = getDb();
  const [key] = await db.select().from(apiKeys).where(eq(apiKeys.id, keyId));
  if (!key) return null;
  const roleIds = (await db.select().from(apiKeyRoles).where(eq(apiKeyRoles.apiKeyId, keyId))).map((r) => r.roleId);
  const creator = await loadMembershipById(key.createdByUserId, ws.id);
  return effectivePermissions(await permissionsOfRoles(ws.id, roleIds), creator?.permissions ?? null, key.isOwnerKey);
}

/** A key created through the key rules (createApiKey) by `actor`; read-only unless told. */
export async function createKey(
  actor: Actor,
  input: { name?: string; roleIds?: string[]; description?: string; expiresAt?: string | null } = {},
): Promise<CreatedApiKey> {
  return mustOk(
    await createApiKey(actor, {
      name: input.name ?? uniqueName(),
      roleIds: input.roleIds ?? [await readOnlyRoleOf(actor)],
      ...(input.description !== undefined && { description: input.description }),
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
    }),
  );
}

/** createKey for `member` of `ws` (roles by built-in kind or id); only its id and secret. */
export async function createTestKey(
  ws: TestWorkspace,
  member: Membership,
  roleList: (BuiltInRole | string)[] = ["read_only"],
  extra: { name?: string; expiresAt?: string | null } = {},
): Promise<{ id: string; secret: string }> {
  const actor = actorOf(member, "Test", null, { email: "test@example.test" });
  const created = await createKey(actor, { name: extra.name, roleIds: roleIdsOf(ws, roleList), expiresAt: extra.expiresAt ?? null });
  return { id: created.key.id, secret: created.secret };
}

async function readOnlyRoleOf(actor: Actor): Promise<string> {
  const [role] = await getDb()
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.workspaceId, actor.workspace.id), eq(roles.builtIn, "read_only")));
  return role!.id;
}

export async function setKeyExpiry(keyId: string, expiresAt: Date | null): Promise<void> {
  await getDb().update(apiKeys).set({ expiresAt }).where(eq(apiKeys.id, keyId));
}

/** Moves a key's expiry into the past (the rules refuse past expiries). */
export const expireTestKey = (keyId: string) => setKeyExpiry(keyId, new Date(Date.now() - 1000));
