"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { bulkApiKeysAction } from "@/lib/actions/api-keys";
import { bulkOutcome } from "./bulk-outcome";
import { useKeySelection } from "./key-selection";
import { useLifecycleDialogs } from "./lifecycle-dialogs";

/** "N selected" and what can be done to them (SPEC §9.3); shown while one or more rows are ticked. */
export function BulkToolbar({ slug }: { slug: string }) {
  const t = useTranslations("ApiKeys.bulk");
  const selection = useKeySelection();
  const dialogs = useLifecycleDialogs();
  const [pending, setPending] = useState<"disable" | "enable" | null>(null);
  if (!selection || selection.selected.size === 0) return null;
  const keys = selection.selectable.filter((k) => selection.selected.has(k.id));

  const run = async (action: "disable" | "enable") => {
    setPending(action);
    const result = await bulkApiKeysAction(slug, { action, keyIds: keys.map((k) => k.id) }).catch(() => null);
    setPending(null);
    if (!result || !result.ok) {
      toast.error(result && !result.ok ? result.error : t("nothingChanged"));
      return;
    }
    const outcome = bulkOutcome(result.data.results, action === "disable" ? "disabled" : "enabled", t);
    if (outcome.failed === 0) toast.success(outcome.message);
    else toast.error(outcome.message);
  };

  return (
    <div
      role="toolbar"
      aria-label={t("toolbarLabel")}
      className="mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2 dark:border-indigo-900 dark:bg-indigo-950/60"
    >
      <p className="mr-auto text-sm font-medium text-indigo-900 dark:text-indigo-100" aria-live="polite">
        {t("selected", { count: keys.length })}
      </p>
      <Button size="sm" variant="secondary" pending={pending === "disable"} disabled={pending !== null} onClick={() => void run("disable")}>
        {t("disable")}
      </Button>
      <Button size="sm" variant="secondary" pending={pending === "enable"} disabled={pending !== null} onClick={() => void run("enable")}>
        {t("enable")}
      </Button>
      <Button
        size="sm"
        variant="destructive"
        disabled={pending !== null}
        onClick={(e) => dialogs.openBulkDelete(keys, () => selection.clear(), e.currentTarget)}
      >
        {t("delete")}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => selection.clear()}>
        {t("clear")}
      </Button>
    </div>
  );
}
