import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { MembersView, type MemberRow } from "@/components/members/members-view";
import type { RoleOption } from "@/components/members/role-checkboxes";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { countKeysByCreator } from "@/lib/keys/queries";
import { canAddMembers, canGrantMemberRole, memberActions } from "@/lib/members/policy";
import { listMembers } from "@/lib/members/queries";
import { listRoles } from "@/lib/roles/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { membership } = await requireWorkspaceContext((await params).slug);
  const { workspace, permissions, isOwner } = membership;
  if (!permissions.has("members:read")) forbidden();
  const [members, roles, keyCounts] = await Promise.all([
    listMembers(workspace.id),
    listRoles(membership),
    countKeysByCreator(membership),
  ]);
  const canManage = canAddMembers(membership);
  const permissionsByRole = new Map(roles.map((r) => [r.id, r.permissions]));

  const roleOptions: RoleOption[] = roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    builtIn: r.builtIn,
    permissions: r.permissions,
    grantable: canGrantMemberRole(membership, r),
  }));
  const rows: MemberRow[] = members.map((m) => {
    const memberPermissions = m.roles.flatMap((r) => permissionsByRole.get(r.id) ?? []);
    return {
      ...m,
      keyCount: keyCounts.get(m.userId) ?? 0,
      isYou: m.userId === membership.userId,
      can: memberActions(membership, { isOwner: m.isOwner, permissions: memberPermissions }),
    };
  });
  const readOnly = roles.find((r) => r.builtIn === "read_only");
  const ownerKeyExists = isOwner && (roles.find((r) => r.builtIn === "owner")?.keyCount ?? 0) > 0;

  return (
    <MembersView
      slug={workspace.slug}
      workspaceName={workspace.name}
      members={rows}
      roles={roleOptions}
      defaultRoleIds={readOnly ? [readOnly.id] : []}
      canManage={canManage}
      ownerKeyExists={ownerKeyExists}
    />
  );
}
