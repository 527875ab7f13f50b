import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { RolesView, type RoleRow } from "@/components/roles/roles-view";
import { requireWorkspaceContext } from "@/lib/auth/context";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { listRoles } from "@/lib/roles/queries";
import { seesOwnerKey } from "@/lib/keys/policy";
import { roleUsage } from "@/lib/roles/usage";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Roles");
  return { title: t("title") };
}

export default async function RolesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { membership } = await requireWorkspaceContext((await params).slug);
  const { workspace, permissions } = membership;
  // Roles are what members hold: whoever may see members may see roles (as GET /api/v1/roles).
  if (!permissions.has("members:read") && !permissions.has("roles:manage")) forbidden();
  const canManage = permissions.has("roles:manage");
  const roles = await listRoles(membership);
  const rows: RoleRow[] = await Promise.all(
    roles.map(async (r) => {
      let usage = r.builtIn === null ? await roleUsage(workspace.id, r.id, { includeOwnerKey: seesOwnerKey(membership) }) : null;
      // Key names are for those who may see every key.
      if (usage && !permissions.has("api_keys:read")) usage = { ...usage, keys: [] };
      return { ...r, usage, editable: canManage && r.builtIn === null };
    }),
  );
  return <RolesView slug={workspace.slug} roles={rows} canManage={canManage} held={PERMISSIONS.filter((p) => permissions.has(p))} />;
}
