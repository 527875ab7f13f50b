"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { inputClass } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { actionLabel } from "./action-labels";

/** "Action" and "Actor" filters, kept in the URL (?action=&actor=); a change starts from the newest page. */
export function AuditFilters({
  actions,
  actors,
  action,
  actor,
}: {
  actions: string[];
  actors: { userId: string; name: string; email: string }[];
  action: string;
  actor: string;
}) {
  const t = useTranslations("AuditLog");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // The selects' own state: two quick changes must not build the second URL from a stale first.
  const [values, setValues] = useState({ action, actor });

  const apply = (nextValues: { action: string; actor: string }) => {
    setValues(nextValues);
    const next = new URLSearchParams();
    if (nextValues.action) next.set("action", nextValues.action);
    if (nextValues.actor) next.set("actor", nextValues.actor);
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };
  const update = (key: "action" | "actor", value: string) => apply({ ...values, [key]: value });

  // Wide enough for "Olivia Owner (owner@acme.test)"; narrower screens get the full width.
  const selectClass = cn(inputClass, "w-full sm:w-auto sm:min-w-64 sm:max-w-sm");
  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end" aria-busy={pending || undefined}>
      <div>
        <label htmlFor="audit-action" className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("filters.action")}
        </label>
        <select id="audit-action" className={selectClass} value={values.action} onChange={(e) => update("action", e.target.value)}>
          <option value="">{t("filters.allActions")}</option>
          {/* A filter from a shared link may name an action this workspace has not recorded. */}
          {values.action && !actions.includes(values.action) && <option value={values.action}>{actionLabel(values.action, t)}</option>}
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a, t)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-actor" className="mb-1 block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {t("filters.actor")}
        </label>
        <select id="audit-actor" className={selectClass} value={values.actor} onChange={(e) => update("actor", e.target.value)}>
          <option value="">{t("filters.anyone")}</option>
          {values.actor && !actors.some((a) => a.userId === values.actor) && <option value={values.actor}>{t("filters.formerMember")}</option>}
          {actors.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.name} ({a.email})
            </option>
          ))}
        </select>
      </div>
      {(values.action || values.actor) && (
        <button
          type="button"
          onClick={() => apply({ action: "", actor: "" })}
          className="self-start rounded-md px-2 py-2 text-sm font-medium text-indigo-700 underline hover:no-underline sm:self-auto dark:text-indigo-300"
        >
          {t("filters.clear")}
        </button>
      )}
      {pending && (
        <p className="text-sm text-zinc-600 sm:pb-2 dark:text-zinc-400" role="status">
          {t("filters.loading")}
        </p>
      )}
    </div>
  );
}
