import { eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { memberRoles, members, users, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadMembership } from "@/lib/auth/membership";
import { hashPassword } from "@/lib/auth/password";
import { randomBase62 } from "@/lib/crypto/random";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { addMemberSchema } from "@/lib/validations/members";
import { auditMemberEvent, checkGrantable, NO_PERMISSION, roleNames, rolesById } from "./grants";

export const INITIAL_PASSWORD_LENGTH = 20;

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

const alreadyMember = (email: string) => {
  const message = `${email} is already a member of this workspace`;
  return fail("conflict", message, { email: message });
};

const byEmail = (email: string) => sql`lower(${users.email}) = lower(${email})`;

/** The user with this email, created (with the prepared password hash) when there is none. */
async function findOrCreateUser(tx: Executor, input: { email: string; name: string }, existingId: string | undefined, passwordHash: string | null): Promise<{ user: User; created: boolean }> {
  const existing = existingId ? (await tx.select().from(users).where(eq(users.id, existingId)))[0] : undefined;
  if (existing) return { user: existing, created: false };
  const [inserted] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name || input.email.split("@")[0]!, passwordHash })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { user: inserted, created: true };
  // Someone created this user meanwhile: add them as an existing user.
  const [raced] = await tx.select().from(users).where(byEmail(input.email)).limit(1);
  return raced ? { user: raced, created: false } : refuse(fail("conflict", "Could not add this member; try again"));
}

/**
 * Adds the user with this email to the workspace (`members:manage`). An unknown email creates a
 * user with a generated initial password, returned once to show the person adding them.
 */
export async function addMember(actor: Actor, rawInput: unknown, db = getDb()): Promise<Result<AddedMember>> {
  const parsed = addMemberSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  // Refuse early, before paying for a password hash; the transaction checks again.
  const early = await loadMembership(actor.userId, { id: workspaceId }, db);
  if (!early?.permissions.has("members:manage")) return fail("forbidden", NO_PERMISSION);
  const grantable = checkGrantable(input.roleIds, await rolesById(db, workspaceId, input.roleIds), early.permissions);
  if (!grantable.ok) return grantable;
  const [existing] = await db.select({ id: users.id }).from(users).where(byEmail(input.email)).limit(1);
  // scrypt takes a while: hash before the transaction so no locks are held meanwhile.
  const initialPassword = existing ? null : generateInitialPassword();
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : null;

  return transact(
    async (tx, keyChanges) => {
      const me = await requireCurrentPermission(tx, actor, "members:manage", NO_PERMISSION);
      const granted = checkGrantable(input.roleIds, await rolesById(tx, workspaceId, input.roleIds), me.permissions);
      if (!granted.ok) return refuse(granted);
      const { user, created } = await findOrCreateUser(tx, input, existing?.id, passwordHash);
      const [member] = await tx.insert(members).values({ workspaceId, userId: user.id }).onConflictDoNothing().returning({ id: members.id });
      if (!member) return refuse(alreadyMember(user.email));
      await tx.insert(memberRoles).values(granted.data.map((r) => ({ memberId: member.id, roleId: r.id, isOwner: false })));
      // A returning member's old keys work again: every instance forgets them as inactive.
      await keyChanges.add({ workspaceId, userId: user.id });
      await auditMemberEvent(tx, me, "member.add", { userId: user.id, email: user.email }, { roles: roleNames(granted.data), newUser: created });
      return { memberId: member.id, userId: user.id, email: user.email, name: user.name, initialPassword: created ? initialPassword : null };
    },
    { db, constraints: { members_workspace_user_key: () => alreadyMember(input.email) } },
  );
}
