import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { apiKeys, memberRoles, members, rolePermissions, roles, users, type BuiltInRole } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { isPermission, type Permission } from "@/lib/auth/permissions";
import { emitKeyChange, notifyKeyChange, type KeyChange } from "@/lib/keys/revocation";
import { randomBase62 } from "@/lib/crypto/random";
import { fail, invalidInput, ok, type Result } from "@/lib/result";
import {
  addMemberSchema,
  changeMemberRolesSchema,
  removeMemberSchema,
  transferOwnershipSchema,
} from "@/lib/validations/members";
import { auditActorOf, currentMembership, missingPermissions, type AdminActor } from "./actor";
import { compareRoles } from "./queries";

export const INITIAL_PASSWORD_LENGTH = 20;

const NO_PERMISSION = "You don't have permission to manage members";
const GONE = "This member is no longer in the workspace";

type RoleInfo = { id: string; name: string; builtIn: BuiltInRole | null; permissions: Permission[] };

/** The workspace's roles among `ids`, with their permissions; ids of other workspaces are absent. */
async function rolesById(tx: Executor, workspaceId: string, ids: readonly string[]): Promise<Map<string, RoleInfo>> {
  const found = new Map<string, RoleInfo>();
  if (ids.length === 0) return found;
  const rows = await tx
    .select({ id: roles.id, name: roles.name, builtIn: roles.builtIn, permission: rolePermissions.permission })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(and(eq(roles.workspaceId, workspaceId), inArray(roles.id, [...ids])));
  for (const r of rows) {
    const info = found.get(r.id) ?? { id: r.id, name: r.name, builtIn: r.builtIn, permissions: [] };
    if (r.permission && isPermission(r.permission)) info.permissions.push(r.permission);
    found.set(r.id, info);
  }
  return found;
}

/**
 * Checks roles someone wants to give: all of this workspace, never Owner (ownership moves only
 * by transfer), and none with a permission the actor lacks (no privilege escalation).
 */
function checkGrantable(
  wanted: readonly string[],
  known: Map<string, RoleInfo>,
  held: ReadonlySet<Permission>,
  field = "roleIds",
): Result<RoleInfo[]> {
  const list: RoleInfo[] = [];
  for (const id of wanted) {
    const role = known.get(id);
    if (!role) return fail("invalid_request", "Unknown role", { [field]: "Unknown role" });
    if (role.builtIn === "owner") {
      const message = "The Owner role changes hands only by transferring ownership";
      return fail("forbidden", message, { [field]: message });
    }
    const missing = missingPermissions(role.permissions, held);
    if (missing.length) {
      const message = `You can't grant “${role.name}”: it holds permissions you don't have (${missing.join(", ")})`;
      return fail("forbidden", message, { [field]: message });
    }
    list.push(role);
  }
  return ok(list.sort(compareRoles));
}

const roleNames = (list: { name: string; builtIn: BuiltInRole | null }[]) => [...list].sort(compareRoles).map((r) => r.name);

function afterCommit(changes: KeyChange[]): void {
  for (const change of changes) emitKeyChange(change);
}

/** A random initial password: 20 base62 characters (≈119 bits). */
export function generateInitialPassword(): string {
  return randomBase62(INITIAL_PASSWORD_LENGTH);
}

export type AddedMember = {
  memberId: string;
  userId: string;
  email: string;
  name: string;
  /** Set only when a new user was created: shown once, stored only as a hash. */
  initialPassword: string | null;
};

/**
 * Adds the user with this email to the workspace (`members:manage`). An unknown email creates a
 * user with a generated initial password, returned once to show the person adding them.
 */
export async function addMember(actor: AdminActor, rawInput: unknown, db = getDb()): Promise<Result<AddedMember>> {
  const parsed = addMemberSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  // Refuse early, before paying for a password hash; the transaction checks again.
  const early = await currentMembership(db, actor);
  if (!early?.permissions.has("members:manage")) return fail("forbidden", NO_PERMISSION);
  const grantable = checkGrantable(input.roleIds, await rolesById(db, workspaceId, input.roleIds), early.permissions);
  if (!grantable.ok) return grantable;
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${input.email})`)
    .limit(1);
  // scrypt takes a while: hash before the transaction so no locks are held meanwhile.
  const initialPassword = existing ? null : generateInitialPassword();
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : null;

  try {
    return await db.transaction(async (tx) => {
      const me = await currentMembership(tx, actor);
      if (!me?.permissions.has("members:manage")) return fail<AddedMember>("forbidden", NO_PERMISSION);
      const granted = checkGrantable(input.roleIds, await rolesById(tx, workspaceId, input.roleIds), me.permissions);
      if (!granted.ok) return granted;

      let user = existing ? await tx.select().from(users).where(eq(users.id, existing.id)).then((r) => r[0]) : undefined;
      let created = false;
      if (!user) {
        const [inserted] = await tx
          .insert(users)
          .values({ email: input.email, name: input.name || input.email.split("@")[0]!, passwordHash })
          .onConflictDoNothing()
          .returning();
        if (inserted) {
          user = inserted;
          created = true;
        } else {
          // Someone created this user meanwhile: add them as an existing user.
          [user] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${input.email})`).limit(1);
        }
      }
      if (!user) return fail<AddedMember>("conflict", "Could not add this member; try again");

      const [member] = await tx
        .insert(members)
        .values({ workspaceId, userId: user.id })
        .onConflictDoNothing()
        .returning({ id: members.id });
      if (!member) {
        const message = `${user.email} is already a member of this workspace`;
        return fail<AddedMember>("conflict", message, { email: message });
      }
      await tx.insert(memberRoles).values(granted.data.map((r) => ({ memberId: member.id, roleId: r.id, isOwner: false })));
      await recordAuditEvent(tx, {
        workspaceId,
        actor: auditActorOf(actor),
        action: "member.add",
        targetType: "member",
        targetId: user.id,
        targetName: user.email,
        details: { roles: roleNames(granted.data), newUser: created },
      });
      return ok<AddedMember>({
        memberId: member.id,
        userId: user.id,
        email: user.email,
        name: user.name,
        initialPassword: created ? initialPassword : null,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, "members_workspace_user_key")) {
      const message = `${input.email} is already a member of this workspace`;
      return fail("conflict", message, { email: message });
    }
    throw err;
  }
}

type TargetMember = { memberId: string; userId: string; email: string; name: string; roles: RoleInfo[] };

/** The member with this id in the workspace, locked against concurrent changes, with their roles. */
async function lockTarget(tx: Executor, workspaceId: string, memberId: string): Promise<TargetMember | null> {
  const [row] = await tx
    .select({ memberId: members.id, userId: members.userId })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .for("update");
  if (!row) return null;
  const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId));
  const roleIds = await tx.select({ id: memberRoles.roleId }).from(memberRoles).where(eq(memberRoles.memberId, memberId));
  const held = await rolesById(
    tx,
    workspaceId,
    roleIds.map((r) => r.id),
  );
  return { ...row, email: user?.email ?? "", name: user?.name ?? "", roles: [...held.values()].sort(compareRoles) };
}

const isOwnerMember = (m: TargetMember) => m.roles.some((r) => r.builtIn === "owner");

/**
 * In one transaction: the actor still holds `members:manage`, the member (locked) is still in the
 * workspace and is not the Owner (`ownerRefusal` says why not); then `work` changes them,
 * calling `keysChanged()` when their keys' effective permissions change, so every instance
 * drops its cached verifications after the commit.
 */
async function changeMember<T>(
  actor: AdminActor,
  memberId: string,
  ownerRefusal: string,
  db: ReturnType<typeof getDb>,
  work: (tx: Executor, me: { permissions: ReadonlySet<Permission> }, target: TargetMember, keysChanged: () => Promise<void>) => Promise<Result<T>>,
): Promise<Result<T>> {
  const workspaceId = actor.workspace.id;
  const changes: KeyChange[] = [];
  const result = await db.transaction(async (tx) => {
    const me = await currentMembership(tx, actor);
    if (!me?.permissions.has("members:manage")) return fail<T>("forbidden", NO_PERMISSION);
    const target = await lockTarget(tx, workspaceId, memberId);
    if (!target) return fail<T>("not_found", GONE);
    if (isOwnerMember(target)) return fail<T>("forbidden", ownerRefusal);
    return work(tx, me, target, async () => {
      const change = { workspaceId, userId: target.userId };
      await notifyKeyChange(tx, change);
      changes.push(change);
    });
  });
  afterCommit(changes);
  return result;
}

const auditMemberEvent = (
  tx: Executor,
  actor: AdminActor,
  action: "member.update_roles" | "member.remove",
  target: TargetMember,
  details: Record<string, unknown>,
) =>
  recordAuditEvent(tx, {
    workspaceId: actor.workspace.id,
    actor: auditActorOf(actor),
    action,
    targetType: "member",
    targetId: target.userId,
    targetName: target.email,
    details,
  });

/**
 * Replaces a member's roles (`members:manage`). Never to or from Owner. Roles the actor could
 * not grant can be neither given nor taken away; the member keeps at least one role.
 */
export async function changeMemberRoles(
  actor: AdminActor,
  rawInput: unknown,
  db = getDb(),
): Promise<Result<{ roles: string[] }>> {
  const parsed = changeMemberRolesSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const refusal = "The Owner's roles change only by transferring ownership";
  return changeMember(actor, input.memberId, refusal, db, async (tx, me, target, keysChanged) => {
    const current = new Set(target.roles.map((r) => r.id));
    const wanted = new Set(input.roleIds);
    const added = input.roleIds.filter((id) => !current.has(id));
    const removed = target.roles.filter((r) => !wanted.has(r.id));
    const known = await rolesById(tx, actor.workspace.id, input.roleIds);
    const addable = checkGrantable(added, known, me.permissions);
    if (!addable.ok) return addable;
    for (const role of removed) {
      const missing = missingPermissions(role.permissions, me.permissions);
      if (missing.length) {
        const message = `You can't take away “${role.name}”: it holds permissions you don't have (${missing.join(", ")})`;
        return fail("forbidden", message, { roleIds: message });
      }
    }
    const next = [...target.roles.filter((r) => wanted.has(r.id)), ...addable.data];
    if (added.length === 0 && removed.length === 0) return ok({ roles: roleNames(next) });

    if (removed.length) {
      await tx.delete(memberRoles).where(
        and(
          eq(memberRoles.memberId, target.memberId),
          inArray(
            memberRoles.roleId,
            removed.map((r) => r.id),
          ),
        ),
      );
    }
    if (added.length) {
      await tx.insert(memberRoles).values(added.map((roleId) => ({ memberId: target.memberId, roleId, isOwner: false })));
    }
    await auditMemberEvent(tx, actor, "member.update_roles", target, { from: roleNames(target.roles), to: roleNames(next) });
    // The member's keys are limited by their permissions: those change now.
    await keysChanged();
    return ok({ roles: roleNames(next) });
  });
}

/**
 * Removes a member (`members:manage`): their keys stop authenticating at once ("Inactive —
 * creator removed") but stay listed. The Owner cannot be removed, and nobody can remove a
 * member holding permissions they lack themselves.
 */
export async function removeMember(
  actor: AdminActor,
  rawInput: unknown,
  db = getDb(),
): Promise<Result<{ email: string; inactiveKeys: number }>> {
  const parsed = removeMemberSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const refusal = "The Owner cannot be removed. Transfer ownership first.";
  return changeMember(actor, parsed.data.memberId, refusal, db, async (tx, me, target, keysChanged) => {
    const missing = missingPermissions(
      target.roles.flatMap((r) => r.permissions),
      me.permissions,
    );
    if (missing.length) {
      return fail("forbidden", `You can't remove a member who holds permissions you don't have (${missing.join(", ")})`);
    }
    const workspaceId = actor.workspace.id;
    const [keys] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdByUserId, target.userId)));
    await tx.delete(members).where(and(eq(members.id, target.memberId), eq(members.workspaceId, workspaceId)));
    const inactiveKeys = keys?.n ?? 0;
    await auditMemberEvent(tx, actor, "member.remove", target, { roles: roleNames(target.roles), inactiveKeys });
    await keysChanged();
    return ok({ email: target.email, inactiveKeys });
  });
}

/**
 * The Owner hands ownership to another member: they become the Owner (holding only that role),
 * the old Owner becomes an Administrator, and the owner key is deleted so the new Owner can
 * create their own. All or nothing.
 */
export async function transferOwnership(
  actor: AdminActor,
  rawInput: unknown,
  db = getDb(),
): Promise<Result<{ newOwnerEmail: string; ownerKeyDeleted: boolean }>> {
  type Out = { newOwnerEmail: string; ownerKeyDeleted: boolean };
  const parsed = transferOwnershipSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  const changes: KeyChange[] = [];
  const result = await db.transaction(async (tx) => {
    const me = await currentMembership(tx, actor);
    if (!me?.isOwner) return fail<Out>("forbidden", "Only the Owner can transfer ownership");
    // Lock both rows in id order so two concurrent transfers cannot deadlock.
    const [first, second] = [me.memberId, input.memberId].sort();
    const lockedFirst = await lockTarget(tx, workspaceId, first!);
    const lockedSecond = first === second ? lockedFirst : await lockTarget(tx, workspaceId, second!);
    const self = lockedFirst?.memberId === me.memberId ? lockedFirst : lockedSecond;
    const target = lockedFirst?.memberId === input.memberId ? lockedFirst : lockedSecond;
    if (!self || !isOwnerMember(self)) return fail<Out>("forbidden", "Only the Owner can transfer ownership");
    if (!target) return fail<Out>("not_found", GONE);
    if (target.memberId === self.memberId) return fail<Out>("invalid_request", "You are already the Owner");

    const [ownerRole] = await tx.select({ id: roles.id }).from(roles).where(and(eq(roles.workspaceId, workspaceId), eq(roles.builtIn, "owner")));
    const [adminRole] = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(and(eq(roles.workspaceId, workspaceId), eq(roles.builtIn, "administrator")));
    if (!ownerRole || !adminRole) throw new Error(`workspace ${workspaceId} lacks its built-in roles`);

    const deletedKeys = await tx
      .delete(apiKeys)
      .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.isOwnerKey, true)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    await tx.delete(memberRoles).where(eq(memberRoles.memberId, self.memberId));
    await tx.insert(memberRoles).values({ memberId: self.memberId, roleId: adminRole.id, isOwner: false });
    await tx.delete(memberRoles).where(eq(memberRoles.memberId, target.memberId));
    await tx.insert(memberRoles).values({ memberId: target.memberId, roleId: ownerRole.id, isOwner: true });

    for (const key of deletedKeys) {
      await recordAuditEvent(tx, {
        workspaceId,
        actor: auditActorOf(actor),
        action: "api_key.delete",
        targetType: "api_key",
        targetId: key.id,
        targetName: key.name,
        ownerOnly: true,
        details: { reason: "ownership transferred" },
      });
      changes.push({ workspaceId, keyId: key.id });
    }
    await recordAuditEvent(tx, {
      workspaceId,
      actor: auditActorOf(actor),
      action: "member.transfer_ownership",
      targetType: "member",
      targetId: target.userId,
      targetName: target.email,
      details: { previousOwner: self.email, previousOwnerRoles: ["Administrator"], newOwnerRoles: ["Owner"] },
    });
    changes.push({ workspaceId, userId: self.userId }, { workspaceId, userId: target.userId });
    for (const change of changes) await notifyKeyChange(tx, change);
    return ok<Out>({ newOwnerEmail: target.email, ownerKeyDeleted: deletedKeys.length > 0 });
  });
  if (result.ok) afterCommit(changes);
  return result;
}

/** How many keys each member created in the workspace (the owner key only when asked). */
export async function countKeysByCreator(
  workspaceId: string,
  { includeOwnerKey = false }: { includeOwnerKey?: boolean } = {},
  db: Executor = getDb(),
): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: apiKeys.createdByUserId, n: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), includeOwnerKey ? undefined : eq(apiKeys.isOwnerKey, false)))
    .groupBy(apiKeys.createdByUserId);
  return new Map(rows.map((r) => [r.userId, r.n]));
}
