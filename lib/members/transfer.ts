import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberRoles, roles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { deleteOwnerKeyOnTransfer } from "@/lib/keys/delete";
import { fail, invalidInput, type Result } from "@/lib/result";
import { refuse, requireCurrentPermission, transact } from "@/lib/transact";
import { transferOwnershipSchema } from "@/lib/validations/members";
import { auditMemberEvent, GONE, isOwnerMember, lockActorAndTarget, lockTarget } from "./grants";

const ONLY_OWNER = "Only the Owner can transfer ownership";

/**
 * The Owner hands ownership to another member: they become the Owner (holding only that role),
 * the old Owner becomes an Administrator, and the owner key is deleted so the new Owner can
 * create their own. All or nothing.
 */
export async function transferOwnership(
  actor: Actor,
  rawInput: unknown,
  db = getDb(),
): Promise<Result<{ newOwnerEmail: string; ownerKeyDeleted: boolean }>> {
  const parsed = transferOwnershipSchema.safeParse(rawInput);
  if (!parsed.success) return invalidInput(parsed.error.issues);
  const input = parsed.data;
  const workspaceId = actor.workspace.id;
  return transact(
    async (tx, keyChanges) => {
      await lockActorAndTarget(tx, actor, input.memberId);
      const me = await requireCurrentPermission(tx, actor, null, ONLY_OWNER);
      const self = await lockTarget(tx, workspaceId, me.membership.memberId);
      if (!self || !isOwnerMember(self)) refuse(fail("forbidden", ONLY_OWNER));
      const target = (await lockTarget(tx, workspaceId, input.memberId)) ?? refuse(fail("not_found", GONE));
      if (target.memberId === self!.memberId) refuse(fail("invalid_request", "You are already the Owner"));

      const builtIn = (role: "owner" | "administrator") =>
        tx.select({ id: roles.id }).from(roles).where(and(eq(roles.workspaceId, workspaceId), eq(roles.builtIn, role)));
      const [[ownerRole], [adminRole]] = await Promise.all([builtIn("owner"), builtIn("administrator")]);
      if (!ownerRole || !adminRole) throw new Error(`workspace ${workspaceId} lacks its built-in roles`);

      const ownerKeyDeleted = await deleteOwnerKeyOnTransfer(tx, keyChanges, me);
      await tx.delete(memberRoles).where(eq(memberRoles.memberId, self!.memberId));
      await tx.insert(memberRoles).values({ memberId: self!.memberId, roleId: adminRole.id, isOwner: false });
      await tx.delete(memberRoles).where(eq(memberRoles.memberId, target.memberId));
      await tx.insert(memberRoles).values({ memberId: target.memberId, roleId: ownerRole.id, isOwner: true });
      await auditMemberEvent(tx, me, "member.transfer_ownership", target, {
        previousOwner: self!.email,
        previousOwnerRoles: ["Administrator"],
        newOwnerRoles: ["Owner"],
      });
      await keyChanges.add({ workspaceId, userId: self!.userId });
      await keyChanges.add({ workspaceId, userId: target.userId });
      return { newOwnerEmail: target.email, ownerKeyDeleted };
    },
    { db },
  );
}
