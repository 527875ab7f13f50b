import { getDb, type Executor } from "@/db/client";
import { eq } from "drizzle-orm";
import { apiKeyRoles, apiKeys, workspaces } from "@/db/schema";
import { auditActorOf } from "@/lib/auth/actor";
import { encryptSecret } from "@/lib/crypto/aes";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import { rolesWithPermissions } from "@/lib/roles/queries";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { createApiKeySchema } from "@/lib/validations/api-keys";
import { recordKeyEvent } from "./events";
import { describeRateLimit, restrictionColumns, type RateLimit } from "./restrictions";
import { countOwnKeys, KEY_CONSTRAINTS, nameTaken, ownerKeyExists, ownerSeesNameTaken } from "./checks";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "./format";
import { canGrantRole, createRefusal, KEY_LIMIT_PER_MEMBER, KEY_WRITE_PERMISSIONS, NO_CREATE_PERMISSION } from "./policy";
import { loadKeyView } from "./queries";
import type { CreatedApiKey, CreateKeyOptions, GrantableRole, KeyActor } from "./types";

const UNKNOWN_ROLE = () => fail("invalid_request", "roleIds: Unknown role", { roleIds: "Unknown role" });

/** What the create dialog offers: roles the actor may grant, and whether (or why not) they can create. */
export async function getCreateKeyOptions(actor: KeyActor): Promise<CreateKeyOptions> {
  const db = getDb();
  const [allRoles, hasOwnerKey, ownKeyCount] = await Promise.all([
    rolesWithPermissions(db, actor.workspace.id),
    ownerKeyExists(db, actor.workspace.id),
    countOwnKeys(db, actor),
  ]);
  const refusal = createRefusal(actor, { plan: actor.workspace.plan, ownKeyCount, ownerKeyExists: hasOwnerKey });
  return {
    roles: allRoles.filter((r) => canGrantRole(actor, r, hasOwnerKey)),
    canCreate: refusal === null,
    reason: refusal && !refusal.ok ? refusal.error : null,
    ownKeyCount,
    limit: KEY_LIMIT_PER_MEMBER,
  };
}

/**
 * The workspace roles with these ids, each one the actor may grant. `keep` are roles the key
 * already holds (keeping them is no escalation). The Owner role is unknown to all but the Owner
 * (whether an owner key exists is checked by the caller).
 */
export function resolveGrantedRoles(
  actor: KeyActor,
  all: readonly GrantableRole[],
  roleIds: readonly string[],
  keep: ReadonlySet<string> = new Set(),
): Result<GrantableRole[]> {
  const byId = new Map(all.map((r) => [r.id, r]));
  const chosen: GrantableRole[] = [];
  for (const id of roleIds) {
    const role = byId.get(id);
    if (!role || (role.builtIn === "owner" && !actor.isOwner && !keep.has(id))) return UNKNOWN_ROLE();
    if (!keep.has(id) && role.builtIn !== "owner" && !canGrantRole(actor, role, false)) {
      const message = `You can't grant the role "${role.name}": it has permissions you don't hold`;
      return fail("forbidden", message, { roleIds: message });
    }
    chosen.push(role);
  }
  return ok(chosen);
}

async function writeKey(
  tx: Executor,
  actor: KeyActor,
  key: { id: string; secret: string; isOwnerKey: boolean; granted: GrantableRole[] },
  data: { name: string; description: string; expiresAt: Date | null; ipAllowlist: string[]; rateLimit: RateLimit | null; decoy: boolean },
) {
  // FOR SHARE: a concurrent switch to "Show secrets only once" (which locks the row to delete every
  // stored secret) waits for this key, or this key sees it; never a stored secret left behind.
  const [ws] = await tx
    .select({ showSecretsOnce: workspaces.showSecretsOnce })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspace.id))
    .for("share");
  await tx.insert(apiKeys).values({
    id: key.id,
    workspaceId: actor.workspace.id,
    name: data.name,
    description: data.description,
    secretHash: hashSecret(key.secret),
    secretCiphertext: (ws?.showSecretsOnce ?? true) ? null : encryptSecret(key.secret, key.id),
    hint: secretHint(key.secret),
    isOwnerKey: key.isOwnerKey,
    createdByUserId: actor.userId,
    expiresAt: data.expiresAt,
    ...restrictionColumns(data),
    isDecoy: data.decoy,
  });
  await tx.insert(apiKeyRoles).values(key.granted.map((r) => ({ apiKeyId: key.id, roleId: r.id })));
  await recordKeyEvent(tx, {
    workspaceId: actor.workspace.id,
    type: "api_key.created",
    key: { id: key.id, name: data.name, hint: secretHint(key.secret), isOwnerKey: key.isOwnerKey, createdByUserId: actor.userId, expiresAt: data.expiresAt },
    audit: {
      actor: auditActorOf(actor),
      action: "api_key.create",
      details: {
        roles: key.granted.map((r) => r.name),
        expiresAt: data.expiresAt?.toISOString() ?? null,
        ...(data.ipAllowlist.length ? { ipAllowlist: data.ipAllowlist } : {}),
        ...(data.rateLimit ? { rateLimit: describeRateLimit(data.rateLimit) } : {}),
        ...(data.decoy ? { decoy: true } : {}),
      },
    },
  });
}

export async function createApiKey(actor: KeyActor, input: unknown): Promise<Result<CreatedApiKey>> {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const data = parsed.data;
  const id = generateKeyId();
  const secret = generateSecret();

  const created = await transact(
    async (tx, keyChanges) => {
      // The membership row lock also serialises the actor's concurrent creations for the limit.
      const me = await requireCurrentPermission(tx, actor, KEY_WRITE_PERMISSIONS, NO_CREATE_PERMISSION);
      const allRoles = await rolesWithPermissions(tx, me.workspace.id);
      const ownerRoleId = allRoles.find((r) => r.builtIn === "owner")?.id;
      const grantsOwnerRole = me.isOwner && ownerRoleId !== undefined && data.roleIds.includes(ownerRoleId);
      const refusal = createRefusal(me, {
        plan: me.workspace.plan,
        ownKeyCount: await countOwnKeys(tx, me),
        ownerKeyExists: grantsOwnerRole && (await ownerKeyExists(tx, me.workspace.id)),
        grantsOwnerRole,
      });
      if (refusal) refuse(refusal);
      const granted = resolveGrantedRoles(me, allRoles, data.roleIds);
      if (!granted.ok) return refuse(granted);
      if (await ownerSeesNameTaken(tx, me, data.name, grantsOwnerRole, id)) refuse(nameTaken());
      await writeKey(tx, me, { id, secret, isOwnerKey: grantsOwnerRole, granted: granted.data }, data);
      // Every instance forgets "no such key" for hashes it saw before this key existed.
      await keyChanges.add({ workspaceId: me.workspace.id, keyId: id });
      return loadKeyView(me, id, tx);
    },
    { constraints: KEY_CONSTRAINTS },
  );
  if (!created.ok) return created;
  return ok({ key: created.data!, secret });
}
