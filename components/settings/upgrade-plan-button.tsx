"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { upgradePlanAction } from "@/lib/actions/settings";
import { Button } from "@/components/ui/button";

/** "Upgrade to Small": the Free plan's next step, for members with workspace:manage. */
export function UpgradePlanButton({ slug }: { slug: string }) {
  const t = useTranslations("Settings.plan");
  const small = useTranslations("Common.plans")("small");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState("");
  return (
    <div className="mt-3">
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            setError("");
            const result = await upgradePlanAction(slug, { plan: "small" });
            if (!result.ok) return setError(result.error);
            toast.success(t("upgraded", { plan: small }));
            router.push(`/w/${slug}/api-keys`);
          })
        }
      >
        {t("upgrade", { plan: small })}
      </Button>
      <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">{t("upgradeHelp")}</p>
      {error && (
        <p role="alert" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
