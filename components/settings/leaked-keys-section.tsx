"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/ui/form-errors";
import { SettingsSection } from "@/components/settings/settings-section";
import { setLeakPolicyAction } from "@/lib/actions/leaks";
import { useServerAction } from "@/lib/client/use-server-action";
import type { LeakPolicy } from "@/db/schema/workspaces";

// Not LEAK_POLICIES from db/schema: that module would bring drizzle into the browser bundle.
const POLICIES: readonly LeakPolicy[] = ["disable", "delete", "notify"];

/**
 * SPEC §13, Settings → "Leaked keys": "When a key is reported leaked" (POST /api/v1/leaks or
 * GitHub secret scanning). Saved on choice; `workspace:manage` to change it.
 */
export function LeakedKeysSection({ slug, policy, canManage }: { slug: string; policy: LeakPolicy; canManage: boolean }) {
  const t = useTranslations("Settings");
  const [current, setCurrent] = useState(policy);
  const saving = useServerAction(setLeakPolicyAction);

  const choose = async (next: LeakPolicy) => {
    const before = current;
    setCurrent(next);
    const result = await saving.run(slug, { policy: next });
    if (!result.ok) return setCurrent(before);
    toast.success(t("saved"));
  };

  return (
    <SettingsSection
      id="leaked-keys"
      title={t("leaks.title")}
      description={t("leaks.description")}
    >
      <FormError message={saving.error} />
      <fieldset disabled={!canManage || saving.pending} aria-describedby={canManage ? undefined : "leak-policy-permission"}>
        <legend className="text-sm font-medium">{t("leaks.legend")}</legend>
        <div className="mt-2 space-y-2">
          {POLICIES.map((value) => (
            <div key={value} className="flex items-start gap-3">
              <input
                type="radio"
                id={`leak-policy-${value}`}
                name="leak-policy"
                value={value}
                checked={current === value}
                onChange={() => void choose(value)}
                aria-describedby={`leak-policy-${value}-help`}
                className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600 disabled:opacity-60"
              />
              <div className="min-w-0">
                <label htmlFor={`leak-policy-${value}`} className="text-sm font-medium">
                  {t(`leaks.policies.${value}.label`)}
                </label>
                <p id={`leak-policy-${value}-help`} className="text-sm text-zinc-600 dark:text-zinc-400">
                  {t(`leaks.policies.${value}.help`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>
      {!canManage && (
        <p id="leak-policy-permission" className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
          {t("needsManage")}
        </p>
      )}
    </SettingsSection>
  );
}
