"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { setShowSecretsOnceAction } from "@/lib/actions/settings";
import { FormError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/lib/client/use-server-action";

/**
 * The "Show secrets only once" switch; turning it on deletes stored secrets after a confirmation
 * that says how many (`storedSecrets`: the keys the viewer can see that still have one).
 */
export function ShowSecretsOnce({
  slug,
  enabled,
  canManage,
  storedSecrets,
}: {
  slug: string;
  enabled: boolean;
  canManage: boolean;
  storedSecrets: number;
}) {
  const t = useTranslations("Settings");
  const [confirming, setConfirming] = useState(false);
  const saving = useServerAction(setShowSecretsOnceAction);
  const { pending, error } = saving;

  const save = async (next: boolean) => {
    const result = await saving.run(slug, { enabled: next });
    if (!result.ok) return;
    toast.success(t("saved"));
    setConfirming(false);
  };

  return (
    <div>
      {!confirming && <FormError message={error} />}
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <label htmlFor="show-secrets-once" className="text-sm font-medium">
            {t("showOnce.label")}
          </label>
          <p id="show-secrets-once-help" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {enabled ? t("showOnce.on") : t("showOnce.off")}
          </p>
        </div>
        <Switch
          id="show-secrets-once"
          checked={enabled}
          disabled={!canManage || pending}
          aria-describedby="show-secrets-once-help"
          onCheckedChange={(next) => (next ? setConfirming(true) : void save(false))}
        />
      </div>
      {!canManage && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t("needsManage")}</p>}
      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(false);
            saving.clearError();
          }
        }}
        role="alertdialog"
        title={t("showOnce.confirmTitle")}
        description={
          // What turning the setting on deletes, said plainly before it happens.
          storedSecrets === 0 ? t("showOnce.nothingStored") : t("showOnce.storedDeleted", { count: storedSecrets })
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
            <Button variant="destructive" pending={pending} onClick={() => void save(true)}>
              {t("showOnce.confirm")}
            </Button>
          </>
        }
      >
        <FormError message={error} />
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>{t("showOnce.consequences.noReveal")}</li>
          <li>{t("showOnce.consequences.keysKeepWorking")}</li>
          <li>{t("showOnce.consequences.newKeys")}</li>
        </ul>
      </Dialog>
    </div>
  );
}
