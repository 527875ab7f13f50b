"use client";

import { startTransition, useOptimistic } from "react";
import { useTranslations } from "next-intl";
import type { KeyStatusFilter } from "@/lib/validations/key-lifecycle";
import { useListQuery } from "./list-query";

const OPTIONS: KeyStatusFilter[] = ["all", "active", "expiring", "expired", "disabled"];

/** SPEC §9.4: the "Status" filter, `?status=`, resolved on the server with the search and "Created by". */
export function StatusFilter({ value }: { value: KeyStatusFilter }) {
  const t = useTranslations("ApiKeys.status");
  const { setParams } = useListQuery();
  const [selected, setSelected] = useOptimistic(value);
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      {t("label")}
      <select
        value={selected}
        onChange={(e) => {
          const next = e.currentTarget.value as KeyStatusFilter;
          startTransition(() => {
            setSelected(next);
            setParams({ status: next === "all" ? null : next });
          });
        }}
        className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {OPTIONS.map((o) => (
          <option key={o} value={o}>
            {t(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
