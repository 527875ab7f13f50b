"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { rotateSharedSecretAction } from "@/lib/actions/shared-secret";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { SharedSecretStatus } from "@/lib/signing/shared-secret";
import { useServerAction } from "@/lib/client/use-server-action";
import { ROTATION_GRACE_PERIODS, type RotationGracePeriod } from "@/lib/validations/signing";

/** "Rotate": a new secret, the current one kept valid for the chosen grace period. */
export function RotateSharedSecretDialog({
  slug,
  open,
  onOpenChange,
  onRotated,
}: {
  slug: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRotated: (status: SharedSecretStatus) => void;
}) {
  const t = useTranslations("Settings.sharedSecret");
  const [grace, setGrace] = useState<RotationGracePeriod>("1h");
  const rotation = useServerAction(rotateSharedSecretAction);
  const { pending, error } = rotation;

  async function rotate(event: React.FormEvent) {
    event.preventDefault();
    const result = await rotation.run(slug, { grace });
    if (!result.ok) return;
    onRotated(result.data);
    onOpenChange(false);
    toast.success(t("rotated"));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!pending) onOpenChange(next);
        if (!next) rotation.clearError();
      }}
      title={t("rotateDialog.title")}
      description={t("rotateDialog.description")}
      footer={
        <>
          <Button variant="secondary" disabled={pending} onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form="rotate-shared-secret" pending={pending}>
            {t("rotate")}
          </Button>
        </>
      }
    >
      <form id="rotate-shared-secret" onSubmit={rotate}>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("rotateDialog.grace")}</legend>
          <div className="space-y-2">
            {ROTATION_GRACE_PERIODS.map((value) => (
              <label
                key={value}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 p-3 has-[:checked]:border-indigo-500 dark:border-zinc-700"
              >
                <input
                  type="radio"
                  name="grace"
                  value={value}
                  checked={grace === value}
                  onChange={() => setGrace(value)}
                  aria-labelledby={`grace-${value}-label`}
                  aria-describedby={`grace-${value}-help`}
                  className="mt-0.5 accent-indigo-600"
                />
                <span>
                  <span id={`grace-${value}-label`} className="block text-sm font-medium">
                    {t(`rotateDialog.options.${value}.label`)}
                  </span>
                  <span id={`grace-${value}-help`} className="block text-sm text-zinc-600 dark:text-zinc-400">
                    {t(`rotateDialog.options.${value}.help`)}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
