"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";

/** The areas permissions are grouped in; `id` names its message (`Roles.areas.*`), `label` is the English name. */
export const PERMISSION_AREAS: { id: "workspace" | "members" | "roles" | "apiKeys" | "audit"; label: string; prefix: string }[] = [
  { id: "workspace", label: "Workspace", prefix: "workspace:" },
  { id: "members", label: "Members", prefix: "members:" },
  { id: "roles", label: "Roles", prefix: "roles:" },
  { id: "apiKeys", label: "API keys", prefix: "api_keys:" },
  { id: "audit", label: "Audit log", prefix: "audit:" },
];

export function permissionsOfArea(prefix: string): Permission[] {
  return PERMISSIONS.filter((p) => p.startsWith(prefix));
}

/**
 * Permission checkboxes grouped by area. Permissions the viewer lacks are disabled, checked or
 * not: nobody grants or takes away what they do not hold.
 */
export function PermissionCheckboxes({
  id,
  value,
  onChange,
  held,
  error,
}: {
  id: string;
  value: Permission[];
  onChange: (next: Permission[]) => void;
  held: readonly Permission[];
  error?: string;
}) {
  const t = useTranslations("Roles");
  const descriptions = useTranslations("Common.permissionDescriptions");
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("permissionCheckboxes.legend")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {PERMISSION_AREAS.map((area) => (
          <fieldset key={area.prefix} className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <legend className="px-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{t(`areas.${area.id}`)}</legend>
            <ul className="space-y-1.5">
              {permissionsOfArea(area.prefix).map((permission) => {
                const inputId = `${id}-${permission.replace(":", "-")}`;
                const allowed = held.includes(permission);
                return (
                  <li key={permission}>
                    <label htmlFor={inputId} className={cn("flex gap-2.5", allowed ? "cursor-pointer" : "cursor-not-allowed")}>
                      <input
                        id={inputId}
                        type="checkbox"
                        className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600"
                        checked={value.includes(permission)}
                        disabled={!allowed}
                        onChange={(e) =>
                          onChange(
                            e.target.checked
                              ? PERMISSIONS.filter((p) => p === permission || value.includes(p))
                              : value.filter((p) => p !== permission),
                          )
                        }
                      />
                      <span className="min-w-0">
                        <code className={cn("block text-xs font-medium", !allowed && "text-zinc-500 dark:text-zinc-400")}>{permission}</code>
                        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                          {descriptions(permission)}
                          {!allowed && ` ${t("permissionCheckboxes.notHeld")}`}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
