"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Breakable } from "@/components/ui/breakable";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { Menu, MenuItem } from "@/components/ui/menu";
import { RoleName } from "@/components/ui/role-name";
import type { BuiltInRole } from "@/db/schema";
import { AddMemberDialog } from "./add-member-dialog";
import { DataTable, type DataTableColumn } from "@/components/data-table/data-table";
import { ChangeRolesDialog } from "./change-roles-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";
import type { RoleOption } from "./role-checkboxes";
import { TransferOwnershipDialog } from "./transfer-ownership-dialog";

export type MemberRow = {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  roles: { id: string; name: string; builtIn: BuiltInRole | null }[];
  isOwner: boolean;
  createdAt: string;
  keyCount: number;
  isYou: boolean;
  can: { changeRoles: boolean; remove: boolean; transfer: boolean };
};

type Open =
  | { kind: "roles"; member: MemberRow }
  | { kind: "remove"; member: MemberRow }
  | { kind: "transfer"; member: MemberRow }
  | null;

export function MembersView({
  slug,
  workspaceName,
  members,
  roles,
  defaultRoleIds,
  canManage,
  ownerKeyExists,
}: {
  slug: string;
  workspaceName: string;
  members: MemberRow[];
  roles: RoleOption[];
  defaultRoleIds: string[];
  canManage: boolean;
  ownerKeyExists: boolean;
}) {
  const t = useTranslations("Members");
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const columns = useMemo(() => memberColumns(setOpen, t), [t]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { count: members.length, workspace: workspaceName })}
        actions={canManage && <Button onClick={() => setAdding(true)}>{t("addMember")}</Button>}
      />
      <DataTable label={t("tableLabel")} columns={columns} data={members} getRowId={(m) => m.memberId} />
      {canManage && <AddMemberDialog slug={slug} roles={roles} defaultRoleIds={defaultRoleIds} open={adding} onOpenChange={setAdding} />}
      {open?.kind === "roles" && (
        <ChangeRolesDialog
          slug={slug}
          roles={roles.filter((r) => r.builtIn !== "owner")}
          member={{ ...open.member, roleIds: open.member.roles.map((r) => r.id) }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === "remove" && (
        <RemoveMemberDialog slug={slug} workspaceName={workspaceName} member={open.member} onClose={() => setOpen(null)} />
      )}
      {open?.kind === "transfer" && (
        <TransferOwnershipDialog
          slug={slug}
          workspaceName={workspaceName}
          member={open.member}
          ownerKeyExists={ownerKeyExists}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

function memberColumns(setOpen: (open: Open) => void, t: ReturnType<typeof useTranslations<"Members">>): DataTableColumn<MemberRow>[] {
  return [
    {
      id: "name",
      header: t("columns.name"),
      meta: { rowHeader: true, cellClassName: "sm:min-w-48" },
      cell: ({ row: { original: m } }) => (
        <div>
          <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{m.name}</span>
          {m.isYou && <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
          <div className="text-xs break-words text-zinc-600 dark:text-zinc-400">
            <Breakable text={m.email} />
          </div>
        </div>
      ),
    },
    {
      id: "roles",
      header: t("columns.roles"),
      cell: ({ row: { original: m } }) => (
        <ul className="flex flex-wrap gap-1" aria-label={t("rolesOf", { name: m.name })}>
          {m.roles.map((r) => (
            <li key={r.id}>
              <Badge tone={r.builtIn === "owner" ? "indigo" : "neutral"}>
                <RoleName name={r.name} builtIn={r.builtIn} />
              </Badge>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: "keys",
      header: t("columns.apiKeys"),
      meta: { cellClassName: "tabular-nums", mobile: "half" },
      cell: ({ row: { original: m } }) => m.keyCount,
    },
    {
      id: "joined",
      header: t("columns.joined"),
      meta: { mobile: "half" },
      cell: ({ row: { original: m } }) => <LocalTime iso={m.createdAt} relative="under" />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("columns.actions")}</span>,
      meta: { headerClassName: "w-12", cellClassName: "text-right", mobile: "corner" },
      cell: ({ row: { original: m } }) =>
        m.can.changeRoles || m.can.remove || m.can.transfer ? (
          <Menu label={t("actionsFor", { name: m.name })} trigger={<span aria-hidden="true">⋯</span>}>
            {m.can.changeRoles && <MenuItem onSelect={() => setOpen({ kind: "roles", member: m })}>{t("changeRoles")}</MenuItem>}
            {m.can.transfer && <MenuItem onSelect={() => setOpen({ kind: "transfer", member: m })}>{t("transferOwnership")}</MenuItem>}
            {m.can.remove && (
              <MenuItem destructive onSelect={() => setOpen({ kind: "remove", member: m })}>
                {t("removeMember")}
              </MenuItem>
            )}
          </Menu>
        ) : null,
    },
  ];
}
