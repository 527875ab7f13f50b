import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeyRoles, apiKeys, auditEvents, memberRoles, members, roles, workspaces } from "@/db/schema";
import { createTestWorkspace, type TestWorkspace } from "@/lib/testing/database";
import type { Membership } from "@/lib/auth/membership";
import type { BuiltInRole, Plan } from "@/db/schema";
import type { Result } from "@/lib/result";
import { actorFromMembership } from "@/lib/auth/actor";
import { createApiKey } from "./rules";
import type { CreatedApiKey, KeyActor } from "./types";

export { withTestDatabase } from "@/lib/testing/database";

export const actorOf = (membership: Membership, name = "Member", ip: string | null = null): KeyActor =>
  actorFromMembership(membership, { name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.test` }, ip);

export type Team = {
  ws: TestWorkspace;
  owner: KeyActor;
  admin: KeyActor;
  standard: KeyActor;
  readOnly: KeyActor;
  /** Adds a member with these roles and returns them as an actor. */
  join: (roleList: (BuiltInRole | string)[], name?: string) => Promise<KeyActor>;
};

/** A workspace with one member per built-in role. */
export async function createTeam(plan: Plan = "small"): Promise<Team> {
  const ws = await createTestWorkspace(plan);
  const join = async (roleList: (BuiltInRole | string)[], name = "Member") => actorOf(await ws.addMember(roleList, name), name);
  return {
    ws,
    owner: await join(["owner"], "Olivia Owner"),
    admin: await join(["administrator"], "Adam Admin"),
    standard: await join(["standard"], "Stan Standard"),
    readOnly: await join(["read_only"], "Rita Reader"),
    join,
  };
}

/** The data of a successful result; a failed one fails the test with its message. */
export function mustOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.code}: ${result.error}`);
  return result.data;
}

let sequence = 0;
/** A key name no other test uses. */
export const uniqueName = (prefix = "key") => `${prefix}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

export async function createKey(
  actor: KeyActor,
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

async function readOnlyRoleOf(actor: KeyActor): Promise<string> {
  const [role] = await getDb()
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.workspaceId, actor.workspace.id), eq(roles.builtIn, "read_only")));
  return role!.id;
}

/** Everything the key rules may write for a workspace: keys, their roles and audit events. */
export async function snapshotWorkspace(workspaceId: string) {
  const db = getDb();
  const keys = await db.select().from(apiKeys).where(eq(apiKeys.workspaceId, workspaceId)).orderBy(asc(apiKeys.id));
  const keyRoles = keys.length
    ? await db
        .select()
        .from(apiKeyRoles)
        .where(
          inArray(
            apiKeyRoles.apiKeyId,
            keys.map((k) => k.id),
          ),
        )
        .orderBy(asc(apiKeyRoles.apiKeyId), asc(apiKeyRoles.roleId))
    : [];
  const events = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspaceId)).orderBy(asc(auditEvents.id));
  return { keys, keyRoles, events };
}

/** Replaces a member's roles (a promotion or demotion), as the Members page would. */
export async function setMemberRoles(ws: TestWorkspace, userId: string, roleIds: string[]): Promise<KeyActor> {
  const db = getDb();
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, ws.id), eq(members.userId, userId)));
  await db.delete(memberRoles).where(eq(memberRoles.memberId, member!.id));
  await db.insert(memberRoles).values(roleIds.map((roleId) => ({ memberId: member!.id, roleId, isOwner: roleId === ws.roleIds.owner })));
  return actorOf(await ws.membershipOf(userId));
}

export async function setKeyExpiry(keyId: string, expiresAt: Date | null): Promise<void> {
  await getDb().update(apiKeys).set({ expiresAt }).where(eq(apiKeys.id, keyId));
}

export async function setShowSecretsOnce(workspaceId: string, value: boolean): Promise<void> {
  await getDb().update(workspaces).set({ showSecretsOnce: value }).where(eq(workspaces.id, workspaceId));
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Makes an existing user a member of another workspace too. */
export async function addExistingUser(ws: TestWorkspace, userId: string, role: BuiltInRole): Promise<KeyActor> {
  const db = getDb();
  const [member] = await db.insert(members).values({ workspaceId: ws.id, userId }).returning({ id: members.id });
  await db.insert(memberRoles).values({ memberId: member!.id, roleId: ws.roleIds[role], isOwner: role === "owner" });
  return actorOf(await ws.membershipOf(userId));
}

/** Changes the workspace's plan and returns the actor as the next request would load them. */
export async function setPlan(ws: TestWorkspace, plan: Plan, actor: KeyActor): Promise<KeyActor> {
  await getDb().update(workspaces).set({ plan }).where(eq(workspaces.id, ws.id));
  return actorOf(await ws.membershipOf(actor.userId), actor.name);
}
