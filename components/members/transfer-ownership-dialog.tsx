"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { transferOwnershipAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

export function TransferOwnershipDialog({
  slug,
  workspaceName,
  member,
  ownerKeyExists,
  onClose,
}: {
  slug: string;
  workspaceName: string;
  member: { memberId: string; name: string; email: string };
  ownerKeyExists: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("Members");
  const router = useRouter();
  const [typed, setTyped] = useState("");
  const transferring = useServerAction(transferOwnershipAction);
  const matches = typed.trim().toLowerCase() === member.email.toLowerCase();

  const transfer = async () => {
    const result = await transferring.run(slug, { memberId: member.memberId });
    if (!result.ok) return;
    toast.success(t("transferDialog.transferred"));
    onClose();
    router.refresh();
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title={t("transferDialog.title")}
      description={t.rich("transferDialog.description", {
        name: member.name,
        workspace: workspaceName,
        strong: (chunks) => <strong className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</strong>,
      })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button variant="destructive" pending={transferring.pending} disabled={!matches} onClick={transfer}>
            {t("transferDialog.confirm")}
          </Button>
        </>
      }
    >
      <FormError message={transferring.error} />
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
        {ownerKeyExists ? (
          <li>
            {t.rich("transferDialog.ownerKeyDeleted", {
              name: member.name,
              strong: (chunks) => <strong className="font-medium">{chunks}</strong>,
            })}
          </li>
        ) : (
          <li>{t("transferDialog.canCreateOwnerKey", { name: member.name })}</li>
        )}
        <li>{t("transferDialog.keysKeepWorking")}</li>
        <li>{t("transferDialog.onlyNewOwner")}</li>
      </ul>
      <Label htmlFor="transfer-confirm">{t("transferDialog.confirmLabel")}</Label>
      <Input
        id="transfer-confirm"
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={member.email}
      />
    </Dialog>
  );
}
