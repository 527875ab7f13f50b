"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { setApiKeyEnabledAction } from "@/lib/actions/api-keys";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ApiKeyView } from "@/lib/keys/types";

/** "Disable API key?", asked once (enabling does not ask). Mount anew for each opening. */
export function DisableKeyDialog({
  open,
  onOpenChange,
  slug,
  apiKey,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "name">;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const t = useTranslations("KeyDialogs");
  const disable = useServerAction(setApiKeyEnabledAction);
  const run = async () => {
    const result = await disable.run(slug, apiKey.id, false);
    if (!result.ok) return;
    toast.success(t("disable.toast"));
    onOpenChange(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      title={t("disable.title")}
      description={t("disable.description")}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} autoFocus>
            {t("cancel")}
          </Button>
          <Button variant="destructive" onClick={() => void run()} pending={disable.pending}>
            {t("disable.submit")}
          </Button>
        </>
      }
    >
      <FormError message={disable.error} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        {t.rich("disable.body", {
          name: apiKey.name,
          strong: (chunks) => <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{chunks}</span>,
        })}
      </p>
    </Dialog>
  );
}
