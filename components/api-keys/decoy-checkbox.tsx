"use client";

import { useTranslations } from "next-intl";

/** SPEC §13: the create dialog's "Decoy key" checkbox and what it means. */
export function DecoyCheckbox({ checked, onChange, idPrefix }: { checked: boolean; onChange: (checked: boolean) => void; idPrefix: string }) {
  const t = useTranslations("KeyDialogs.decoy");
  const id = `${idPrefix}-decoy`;
  return (
    <div className="mt-4 flex items-start gap-3">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-help`}
        className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm font-medium">
          {t("label")}
        </label>
        <p id={`${id}-help`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("help")}
        </p>
      </div>
    </div>
  );
}
