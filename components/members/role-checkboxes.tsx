"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { RoleName } from "@/components/ui/role-name";
import type { BuiltInRole } from "@/db/schema";

export type RoleOption = {
  id: string;
  name: string;
  description: string;
  builtIn: BuiltInRole | null;
  permissions: string[];
  /** False when the role holds a permission the viewer lacks, or is Owner. */
  grantable: boolean;
};

/**
 * A group of role checkboxes. Roles the viewer cannot grant are disabled; one the member
 * already holds stays checked (the server keeps it).
 */
export function RoleCheckboxes({
  id,
  roles,
  value,
  onChange,
  error,
  disabled = false,
}: {
  id: string;
  roles: RoleOption[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("Members.roleCheckboxes");
  const roleDescriptions = useTranslations("Common.roleDescriptions");
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("legend")}</legend>
      <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {roles.map((role) => {
          const checked = value.includes(role.id);
          const inputId = `${id}-${role.id}`;
          return (
            <li key={role.id}>
              <label
                htmlFor={inputId}
                className={cn(
                  "flex gap-3 px-3 py-2.5",
                  role.grantable && !disabled ? "cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/40" : "cursor-not-allowed",
                )}
              >
                <input
                  id={inputId}
                  type="checkbox"
                  className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600"
                  checked={checked}
                  disabled={disabled || !role.grantable}
                  onChange={(e) => onChange(e.target.checked ? [...value, role.id] : value.filter((v) => v !== role.id))}
                />
                <span className="min-w-0">
                  <span className={cn("block text-sm font-medium", !role.grantable && "text-zinc-500 dark:text-zinc-400")}>
                    <RoleName name={role.name} builtIn={role.builtIn} />
                    {role.builtIn === null && " "}
                    {role.builtIn === null && <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">{t("custom")}</span>}
                  </span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {role.grantable
                      ? role.builtIn
                        ? roleDescriptions(role.builtIn)
                        : role.description || role.permissions.join(", ")
                      : role.builtIn === "owner"
                        ? t("onlyByTransfer")
                        : t("lacksPermissions")}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
