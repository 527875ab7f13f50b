"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { FieldError, Input, Label, inputClass } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { allowlistLines, allowlistWarning, IP_ALLOWLIST_MAX, RATE_LIMIT_MAX, RATE_LIMIT_WINDOWS } from "@/lib/keys/restrictions";
import type { KeyForm } from "./key-form-fields";

const hintClass = "mt-1 text-xs text-zinc-500 dark:text-zinc-400";

/** SPEC §10 "Restrictions" in the create and modify dialogs: "Allowed IP addresses" and "Rate limit". */
export function RestrictionsFields({ form, idPrefix }: { form: KeyForm; idPrefix: string }) {
  const t = useTranslations("KeyDialogs.restrictions");
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const id = (field: string) => `${idPrefix}-${field}`;
  const allowlistText = useWatch({ control, name: "ipAllowlist" });
  const mode = useWatch({ control, name: "rateLimit.mode" });
  // The admin may save a list that lets no one in; the dialog only says so.
  const warning = allowlistWarning(allowlistLines(allowlistText ?? "")) ? t("neverMatches") : null;
  const allowlistError = errors.ipAllowlist?.message;
  const limitError = errors.rateLimit?.limit?.message ?? errors.rateLimit?.message;

  return (
    <fieldset className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <legend className="float-left mb-1 w-full text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t("legend")}</legend>

      <div className="clear-both">
        <Label htmlFor={id("ipAllowlist")}>{t("allowlist")}</Label>
        <textarea
          id={id("ipAllowlist")}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          // i18n-ignore: example addresses, the same in every language
          placeholder={"203.0.113.0/24\n2001:db8::/32"}
          className={cn(inputClass, "resize-y font-mono")}
          aria-invalid={allowlistError ? true : undefined}
          aria-describedby={[allowlistError ? id("ipAllowlist-error") : null, warning ? id("ipAllowlist-warning") : null, id("ipAllowlist-hint")]
            .filter(Boolean)
            .join(" ")}
          {...register("ipAllowlist")}
        />
        <p id={id("ipAllowlist-hint")} className={hintClass}>
          {t("allowlistHint", { max: IP_ALLOWLIST_MAX })}
        </p>
        <FieldError id={id("ipAllowlist-error")} message={allowlistError} />
        {warning && !allowlistError && (
          <p id={id("ipAllowlist-warning")} role="status" className="mt-1 text-sm text-amber-700 dark:text-amber-400">
            {warning}
          </p>
        )}
      </div>

      <fieldset aria-describedby={limitError ? id("rateLimit-error") : undefined}>
        <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("rateLimit")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="none" className="h-4 w-4 accent-indigo-600" {...register("rateLimit.mode")} />
            {t("noLimit")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="limit" className="h-4 w-4 accent-indigo-600" {...register("rateLimit.mode")} />
            {t("limit")}
          </label>
        </div>
        {mode === "limit" && (
          <div className="mt-3 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50">
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <Label htmlFor={id("rateLimit-limit")}>{t("requests")}</Label>
                <Input
                  id={id("rateLimit-limit")}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={9}
                  aria-invalid={limitError ? true : undefined}
                  aria-describedby={[limitError ? id("rateLimit-error") : null, id("rateLimit-hint")].filter(Boolean).join(" ")}
                  className="w-32 tabular-nums"
                  {...register("rateLimit.limit")}
                />
              </div>
              <div>
                <Label htmlFor={id("rateLimit-window")}>{t("per")}</Label>
                <select id={id("rateLimit-window")} className={cn(inputClass, "w-32")} {...register("rateLimit.window")}>
                  {RATE_LIMIT_WINDOWS.map((w) => (
                    <option key={w} value={w}>
                      {t(`windows.${w}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p id={id("rateLimit-hint")} className={hintClass}>
              {t("rateLimitHint", { max: RATE_LIMIT_MAX })}
            </p>
            <FieldError id={id("rateLimit-error")} message={limitError} />
          </div>
        )}
      </fieldset>
    </fieldset>
  );
}
