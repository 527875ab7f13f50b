"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { deleteApiKeyAction } from "@/lib/actions/api-keys";
import { TwoStepDeleteDialog } from "@/components/ui/two-step-delete-dialog";
import type { ApiKeyView } from "@/lib/keys/types";
import { useServerAction } from "@/lib/client/use-server-action";

/**
 * Delete, confirmed twice: "Delete API key?" says what breaks, then "Confirm deletion" asks for
 * the key's name. Mount it anew (a new `key`) for each opening.
 */
export function DeleteKeyDialog({
  open,
  onOpenChange,
  slug,
  apiKey,
  onDeleted,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "name" | "isOwnerKey">;
  onDeleted?: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const t = useTranslations("KeyDialogs");
  const deletion = useServerAction(deleteApiKeyAction);

  const remove = async () => {
    const result = await deletion.run(slug, apiKey.id);
    if (!result.ok) return;
    toast.success(t("delete.toast"));
    onDeleted?.();
    onOpenChange(false);
  };

  const strong = (chunks: React.ReactNode) => (
    <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{chunks}</span>
  );

  return (
    <TwoStepDeleteDialog
      open={open}
      onOpenChange={onOpenChange}
      onCloseAutoFocus={onCloseAutoFocus}
      title={t("delete.title")}
      description={t.rich("delete.description", { name: apiKey.name, strong })}
      confirmDescription={t.rich("delete.confirmDescription", { name: apiKey.name, strong })}
      confirmLabel={t("delete.confirmLabel")}
      expected={apiKey.name}
      pending={deletion.pending}
      error={deletion.error}
      onConfirm={() => void remove()}
    >
      <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        <li>{t("delete.refused")}</li>
        <li>{t("delete.integrationsStop")}</li>
        {apiKey.isOwnerKey && <li>{t("delete.ownerKey")}</li>}
        <li>{t("delete.cannotRestore")}</li>
      </ul>
    </TwoStepDeleteDialog>
  );
}
