"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/ui/menu";
import { RoleName } from "@/components/ui/role-name";
import type { BuiltInRole } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";
import type { RoleUsage } from "@/lib/roles/rules";
import { DeleteRoleDialog } from "./delete-role-dialog";
import { PERMISSION_AREAS } from "./permission-checkboxes";
import { RoleFormDialog } from "./role-form-dialog";

export type RoleRow = {
  id: string;
  name: string;
  description: string;
  builtIn: BuiltInRole | null;
  permissions: Permission[];
  memberCount: number;
  keyCount: number;
  /** Custom roles only. */
  usage: RoleUsage | null;
  /** Whether the viewer may edit it: a custom role, roles:manage. */
  editable: boolean;
};

type Open = { kind: "create" } | { kind: "edit"; role: RoleRow } | { kind: "delete"; role: RoleRow } | null;

export function RolesView({
  slug,
  roles,
  canManage,
  held,
}: {
  slug: string;
  roles: RoleRow[];
  canManage: boolean;
  held: Permission[];
}) {
  const t = useTranslations("Roles");
  const [open, setOpen] = useState<Open>(null);
  const columns = useMemo(() => roleColumns(setOpen, t), [t]);
  const custom = roles.filter((r) => r.builtIn === null);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={canManage && <Button onClick={() => setOpen({ kind: "create" })}>{t("createRole")}</Button>}
      />
      <DataTable label={t("tableLabel")} columns={columns} data={roles} getRowId={(r) => r.id} />
      {custom.length === 0 && (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          {canManage ? t("noCustomRolesManage") : t("noCustomRoles")}
        </p>
      )}
      {open?.kind === "create" && <RoleFormDialog slug={slug} held={held} onClose={() => setOpen(null)} />}
      {open?.kind === "edit" && <RoleFormDialog slug={slug} held={held} role={open.role} onClose={() => setOpen(null)} />}
      {open?.kind === "delete" && open.role.usage && (
        <DeleteRoleDialog slug={slug} role={{ ...open.role, usage: open.role.usage }} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

function PermissionList({ permissions }: { permissions: Permission[] }) {
  const t = useTranslations("Roles.areas");
  return (
    <dl className="grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
      {PERMISSION_AREAS.map((area) => {
        const inArea = permissions.filter((p) => p.startsWith(area.prefix));
        if (inArea.length === 0) return null;
        return (
          <div key={area.prefix} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{t(area.id)}</dt>
            <dd className="flex flex-wrap gap-1">
              {inArea.map((p) => (
                <code key={p} className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                  {p}
                </code>
              ))}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A built-in role's description in the reader's language (a custom role's is its creator's text). */
function RoleDescription({ builtIn }: { builtIn: BuiltInRole }) {
  const t = useTranslations("Common.roleDescriptions");
  return t(builtIn);
}

function roleColumns(setOpen: (open: Open) => void, t: ReturnType<typeof useTranslations<"Roles">>): DataTableColumn<RoleRow>[] {
  return [
    {
      id: "name",
      header: t("columns.role"),
      meta: { rowHeader: true, cellClassName: "min-w-48 max-w-72" },
      cell: ({ row: { original: r } }) => (
        <div>
          <div className="flex flex-wrap items-center gap-1.5">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">
              <RoleName name={r.name} builtIn={r.builtIn} />
            </span>
            <Badge tone={r.builtIn ? "neutral" : "indigo"}>{r.builtIn ? t("builtIn") : t("custom")}</Badge>
          </div>
          {(r.builtIn || r.description) && (
            <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">{r.builtIn ? <RoleDescription builtIn={r.builtIn} /> : r.description}</p>
          )}
        </div>
      ),
    },
    {
      id: "permissions",
      header: t("columns.permissions"),
      meta: { cellClassName: "min-w-64" },
      cell: ({ row: { original: r } }) => <PermissionList permissions={r.permissions} />,
    },
    { id: "members", header: t("columns.members"), meta: { cellClassName: "tabular-nums" }, cell: ({ row: { original: r } }) => r.memberCount },
    { id: "keys", header: t("columns.apiKeys"), meta: { cellClassName: "tabular-nums" }, cell: ({ row: { original: r } }) => r.keyCount },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      meta: { headerClassName: "w-12", cellClassName: "text-right" },
      cell: ({ row: { original: r } }) =>
        r.editable ? (
          <Menu label={t("actionsFor", { name: r.name })} trigger={<span aria-hidden="true">⋯</span>}>
            <MenuItem onSelect={() => setOpen({ kind: "edit", role: r })}>{t("edit")}</MenuItem>
            <MenuItem destructive onSelect={() => setOpen({ kind: "delete", role: r })}>
              {t("delete")}
            </MenuItem>
          </Menu>
        ) : null,
    },
  ];
}
