"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { deleteRoleAction } from "@/lib/actions/roles";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { RoleUsage } from "@/lib/roles/rules";

export function DeleteRoleDialog({
  slug,
  role,
  onClose,
}: {
  slug: string;
  role: { id: string; name: string; usage: RoleUsage };
  onClose: () => void;
}) {
  const t = useTranslations("Roles");
  const deletion = useServerAction(deleteRoleAction);
  const { usage } = role;
  const inUse = usage.memberCount > 0 || usage.keyCount > 0;

  const remove = async () => {
    const result = await deletion.run(slug, { roleId: role.id });
    if (!result.ok) return;
    toast.success(t("deleteDialog.deleted"));
    onClose();
  };

  if (inUse) {
    return (
      <Dialog
        open
        onOpenChange={(open) => !open && onClose()}
        title={t("deleteDialog.inUseTitle")}
        description={t("deleteDialog.inUseDescription", { name: role.name })}
        footer={<Button onClick={onClose}>{t("deleteDialog.close")}</Button>}
      >
        <UsageList usage={usage} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title={t("deleteDialog.title")}
      description={t("deleteDialog.description", { name: role.name })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" pending={deletion.pending} onClick={remove}>
            {t("deleteDialog.confirm")}
          </Button>
        </>
      }
    >
      <FormError message={deletion.error} />
    </Dialog>
  );
}

export function UsageList({ usage }: { usage: RoleUsage }) {
  const t = useTranslations("Roles.usage");
  const more = (total: number, shown: number) =>
    total > shown ? <li className="text-zinc-500 dark:text-zinc-400">{t("andMore", { count: total - shown })}</li> : null;
  return (
    <div className="space-y-3 text-sm">
      {usage.memberCount > 0 && (
        <div>
          <h3 className="font-medium">{t("heldByMembers", { count: usage.memberCount })}</h3>
          <ul className="mt-1 list-disc pl-5">
            {usage.members.map((m) => (
              <li key={m.userId}>
                {m.name} <span className="text-zinc-600 dark:text-zinc-400">({m.email})</span>
              </li>
            ))}
            {more(usage.memberCount, usage.members.length)}
          </ul>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t("changeOnMembersPage")}</p>
        </div>
      )}
      {usage.keyCount > 0 && (
        <div>
          <h3 className="font-medium">{t("heldByKeys", { count: usage.keyCount })}</h3>
          <ul className="mt-1 list-disc pl-5">
            {usage.keys.map((k) => (
              <li key={k.id}>
                <span className="font-mono">{k.name}</span>
              </li>
            ))}
            {more(usage.keyCount, usage.keys.length)}
          </ul>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{t("modifyOnKeysPage")}</p>
        </div>
      )}
    </div>
  );
}
