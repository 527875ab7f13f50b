import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { memberRoles, members, roles, users, type BuiltInRole } from "@/db/schema";
import { compareRoles } from "@/lib/roles/order";

export type MemberView = {
  memberId: string;
  userId: string;
  email: string;
  name: string;
  roles: { id: string; name: string; builtIn: BuiltInRole | null }[];
  isOwner: boolean;
  createdAt: string;
};

/** Members of a workspace with their roles: the Owner first, then by name. */
export async function listMembers(workspaceId: string, db: Executor = getDb()): Promise<MemberView[]> {
  const rows = await db
    .select({
      memberId: members.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      createdAt: members.createdAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(asc(users.name), asc(users.email));
  if (rows.length === 0) return [];
  const roleRows = await db
    .select({ memberId: memberRoles.memberId, id: roles.id, name: roles.name, builtIn: roles.builtIn })
    .from(memberRoles)
    .innerJoin(members, eq(members.id, memberRoles.memberId))
    .innerJoin(roles, eq(roles.id, memberRoles.roleId))
    .where(and(eq(members.workspaceId, workspaceId), eq(roles.workspaceId, workspaceId)));
  const byMember = new Map<string, MemberView["roles"]>();
  for (const r of roleRows) {
    const list = byMember.get(r.memberId) ?? [];
    list.push({ id: r.id, name: r.name, builtIn: r.builtIn });
    byMember.set(r.memberId, list);
  }
  const views = rows.map((r) => {
    const memberRoleList = (byMember.get(r.memberId) ?? []).sort(compareRoles);
    return {
      memberId: r.memberId,
      userId: r.userId,
      email: r.email,
      name: r.name,
      roles: memberRoleList,
      isOwner: memberRoleList.some((role) => role.builtIn === "owner"),
      createdAt: r.createdAt.toISOString(),
    };
  });
  return views.sort((a, b) => Number(b.isOwner) - Number(a.isOwner));
}
