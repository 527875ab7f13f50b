"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { rollApiKeyAction } from "@/lib/actions/api-keys";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ApiKeyView } from "@/lib/keys/types";
import { GRACE_PERIODS, type GracePeriod } from "@/lib/validations/key-lifecycle";

const FORM_ID = "roll-key-form";

/** The radio labels' messages (`KeyDialogs.roll.grace`); the values sent stay "none", "1h", "24h", "7d". */
const GRACE_MESSAGES = { none: "none", "1h": "oneHour", "24h": "oneDay", "7d": "sevenDays" } as const satisfies Record<GracePeriod, string>;

/** "Roll API key": the grace of the old secret, then "API key rolled" with the new one. Mount anew for each opening. */
export function RollKeyDialog({
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
  const [grace, setGrace] = useState<GracePeriod>("24h");
  const [rolled, setRolled] = useState<{ secret: string; stored: boolean } | null>(null);
  const roll = useServerAction(rollApiKeyAction);

  const submit = async () => {
    const result = await roll.run(slug, apiKey.id, { gracePeriod: grace });
    if (!result.ok) return;
    setRolled({ secret: result.data.secret, stored: result.data.key.secretStored });
    toast.success(t("roll.toast"));
  };

  if (rolled) {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={t("roll.rolledTitle")}
        description={t("roll.rolledDescription", { name: apiKey.name })}
        onCloseAutoFocus={onCloseAutoFocus}
        dismissOnOutsideClick={false}
        footer={<Button onClick={() => onOpenChange(false)}>{t("close")}</Button>}
      >
        <ShownOnceSecret id="rolled-key-secret" label={t("roll.newSecretLabel")} value={rolled.secret} autoFocus>
          <p className="font-medium">{t("created.storeSafely")}</p>
          {!rolled.stored && <p className="mt-0.5">{t("created.notShownAgain")}</p>}
        </ShownOnceSecret>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("roll.title")}
      description={t("roll.description", { name: apiKey.name })}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={FORM_ID} pending={roll.pending}>
            {t("roll.submit")}
          </Button>
        </>
      }
    >
      <form
        id={FORM_ID}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormError message={roll.error} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("roll.graceLegend")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {GRACE_PERIODS.map((value) => (
              <label
                key={value}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-sm has-checked:border-indigo-500 has-checked:bg-indigo-50 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600 dark:border-zinc-700 dark:has-checked:border-indigo-400 dark:has-checked:bg-indigo-950"
              >
                <input
                  type="radio"
                  name="grace-period"
                  value={value}
                  checked={grace === value}
                  onChange={() => setGrace(value)}
                  className="accent-indigo-600"
                />
                {t(`roll.grace.${GRACE_MESSAGES[value]}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          {grace === "none" ? t("roll.noGraceHint") : t("roll.graceHint")}
        </p>
      </form>
    </Dialog>
  );
}
