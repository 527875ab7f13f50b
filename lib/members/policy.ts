import { missingPermissions } from "@/lib/auth/actor";
import type { Membership } from "@/lib/auth/membership";
import type { Permission } from "@/lib/auth/permissions";

/** Who is asking: their current permissions and whether they are the Owner. */
type Viewer = Pick<Membership, "permissions" | "isOwner">;
type Member = { isOwner: boolean; permissions: readonly Permission[] };

/** A role may be given to (or taken from) a member by someone holding all its permissions; Owner never (transfer). */
export function canGrantMemberRole(viewer: Viewer, role: { builtIn: string | null; permissions: readonly Permission[] }): boolean {
  return role.builtIn !== "owner" && missingPermissions(role.permissions, viewer.permissions).length === 0;
}

export function canAddMembers(viewer: Viewer): boolean {
  return viewer.permissions.has("members:manage");
}

/** What the viewer may do to this member; lib/members/rules.ts checks the same again in its transactions. */
export function memberActions(viewer: Viewer, member: Member): { changeRoles: boolean; remove: boolean; transfer: boolean } {
  const manage = viewer.permissions.has("members:manage") && !member.isOwner;
  return {
    changeRoles: manage,
    remove: manage && missingPermissions(member.permissions, viewer.permissions).length === 0,
    transfer: viewer.isOwner && !member.isOwner,
  };
}
