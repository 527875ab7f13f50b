"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { removeMemberAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

export function RemoveMemberDialog({
  slug,
  workspaceName,
  member,
  onClose,
}: {
  slug: string;
  workspaceName: string;
  member: { memberId: string; name: string; email: string; keyCount: number; isYou: boolean };
  onClose: () => void;
}) {
  const t = useTranslations("Members");
  const removal = useServerAction(removeMemberAction);

  const remove = async () => {
    const result = await removal.run(slug, { memberId: member.memberId });
    if (!result.ok) return;
    toast.success(t("removeDialog.removed"));
    onClose();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title={t("removeDialog.title")}
      description={t.rich(member.isYou ? "removeDialog.descriptionYou" : "removeDialog.description", {
        name: member.name,
        email: member.email,
        workspace: workspaceName,
        strong: (chunks) => <strong className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</strong>,
      })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" pending={removal.pending} onClick={remove}>
            {t("removeDialog.confirm")}
          </Button>
        </>
      }
    >
      <FormError message={removal.error} />
      <p className="text-sm">
        {member.keyCount > 0
          ? t.rich("removeDialog.keys", { count: member.keyCount, strong: (chunks) => <strong className="font-medium">{chunks}</strong> })
          : t("removeDialog.noKeys")}
      </p>
    </Dialog>
  );
}
