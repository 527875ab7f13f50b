import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeyRoles, apiKeys, auditEvents, memberRoles, members, workspaces, type BuiltInRole, type Plan } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Membership } from "@/lib/auth/membership";
import { actorOf, emailOf } from "./actor";
import { createTestWorkspace, type TestWorkspace } from "./database";

/** A member as the console sees them once signed in (audit name "Name (email)"). */
const consoleActor = (membership: Membership, name = "Member") => actorOf(membership, name, null, { email: emailOf(name) });

export type Team = {
  ws: TestWorkspace;
  owner: Actor;
  admin: Actor;
  standard: Actor;
  readOnly: Actor;
  /** Adds a member with these roles and returns them as an actor. */
  join: (roleList: (BuiltInRole | string)[], name?: string) => Promise<Actor>;
};

/** A workspace with one member per built-in role. */
export async function createTeam(plan: Plan = "small"): Promise<Team> {
  const ws = await createTestWorkspace(plan);
  const join = async (roleList: (BuiltInRole | string)[], name = "Member") => consoleActor(await ws.addMember(roleList, name), name);
  return {
    ws,
    owner: await join(["owner"], "Olivia Owner"),
    admin: await join(["administrator"], "Adam Admin"),
    standard: await join(["standard"], "Stan Standard"),
    readOnly: await join(["read_only"], "Rita Reader"),
    join,
  };
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
export async function setMemberRoles(ws: TestWorkspace, userId: string, roleIds: string[]): Promise<Actor> {
  const db = getDb();
  const [member] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, ws.id), eq(members.userId, userId)));
  await db.delete(memberRoles).where(eq(memberRoles.memberId, member!.id));
  await db.insert(memberRoles).values(roleIds.map((roleId) => ({ memberId: member!.id, roleId, isOwner: roleId === ws.roleIds.owner })));
  return consoleActor(await ws.membershipOf(userId));
}

export async function setShowSecretsOnce(workspaceId: string, value: boolean): Promise<void> {
  await getDb().update(workspaces).set({ showSecretsOnce: value }).where(eq(workspaces.id, workspaceId));
}

/** Makes an existing user a member of another workspace too. */
export async function addExistingUser(ws: TestWorkspace, userId: string, role: BuiltInRole): Promise<Actor> {
  const db = getDb();
  const [member] = await db.insert(members).values({ workspaceId: ws.id, userId }).returning({ id: members.id });
  await db.insert(memberRoles).values({ memberId: member!.id, roleId: ws.roleIds[role], isOwner: role === "owner" });
  return consoleActor(await ws.membershipOf(userId));
}

/** Changes the workspace's plan and returns the actor as the next request would load them. */
export async function setPlan(ws: TestWorkspace, plan: Plan, actor: Actor): Promise<Actor> {
  await getDb().update(workspaces).set({ plan }).where(eq(workspaces.id, ws.id));
  return consoleActor(await ws.membershipOf(actor.userId), actor.name);
}
