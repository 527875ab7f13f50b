"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, inputClass } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { RoleName } from "@/components/ui/role-name";
import type { Permission } from "@/lib/auth/permissions";
import type { GrantableRole } from "@/lib/keys/types";
import { API_KEY_DESCRIPTION_MAX } from "@/lib/validations/api-keys";
import { RestrictionsFields } from "./restrictions-fields";
import { EXPIRES_AT_FORMAT, EXPIRY_PRESET_DAYS, dateTimeLocalInDays, type KeyFormData, type KeyFormValues } from "./key-form";

export type KeyForm = UseFormReturn<KeyFormValues, unknown, KeyFormData>;

/**
 * A role offered in the form; `permissions` is empty for a role the viewer cannot grant but the
 * key holds. `locked`: shown checked, cannot change (the Owner role of the owner key).
 */
export type RoleOption = Pick<GrantableRole, "id" | "name" | "permissions"> &
  Partial<Pick<GrantableRole, "builtIn">> & { locked?: boolean };

/** Permission areas in the Roles page's order, with their messages (`KeyDialogs.permissionAreas`). */
const PERMISSION_AREAS = [
  { prefix: "workspace:", area: "workspace" },
  { prefix: "members:", area: "members" },
  { prefix: "roles:", area: "roles" },
  { prefix: "api_keys:", area: "apiKeys" },
  { prefix: "audit:", area: "audit" },
] as const;
const PERMISSION_ACTIONS = ["read", "manage", "create", "verify"] as const;
type PermissionAction = (typeof PERMISSION_ACTIONS)[number];
const isAction = (value: string): value is PermissionAction => (PERMISSION_ACTIONS as readonly string[]).includes(value);

/**
 * A role's permissions as people read them, by area as the Roles page groups them:
 * "Workspace: read · Members: read · API keys: create, verify" (a tooltip says what each allows).
 */
function PermissionSummary({ permissions }: { permissions: readonly Permission[] }) {
  const t = useTranslations("KeyDialogs");
  const tPermission = useTranslations("Common.permissionDescriptions");
  const parts = PERMISSION_AREAS.flatMap(({ prefix, area }) => {
    const inArea = permissions.filter((p) => p.startsWith(prefix));
    if (inArea.length === 0) return [];
    const actions = inArea.map((p) => {
      const action = p.slice(prefix.length);
      return isAction(action) ? t(`permissionActions.${action}`) : action;
    });
    return [`${t(`permissionAreas.${area}`)}${t("areaSeparator")}${actions.join(t("listSeparator"))}`];
  });
  return <span title={permissions.map((p) => tPermission(p)).join("\n")}>{parts.join(" · ")}</span>;
}

/** Name, Description, Roles, Expiration and Restrictions: shared by the create and modify dialogs. */
export function KeyFormFields({ form, roles, idPrefix }: { form: KeyForm; roles: RoleOption[]; idPrefix: string }) {
  const t = useTranslations("KeyDialogs.form");
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const id = (field: string) => `${idPrefix}-${field}`;
  const errorId = (field: string) => `${idPrefix}-${field}-error`;
  const described = (field: string, hint?: string) =>
    [errors[field as keyof KeyFormValues] ? errorId(field) : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-5">
      <div>
        <Label htmlFor={id("name")}>{t("name")}</Label>
        <Input
          id={id("name")}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={described("name")}
          {...register("name")}
        />
        <FieldError id={errorId("name")} message={errors.name?.message} />
      </div>

      <div>
        <Label htmlFor={id("description")}>{t("description")}</Label>
        <textarea
          id={id("description")}
          rows={2}
          className={cn(inputClass, "resize-y")}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={described("description", id("description-hint"))}
          {...register("description")}
        />
        <p id={id("description-hint")} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {t("descriptionHint", { max: API_KEY_DESCRIPTION_MAX })}
        </p>
        <FieldError id={errorId("description")} message={errors.description?.message} />
      </div>

      <fieldset aria-describedby={errors.roleIds ? errorId("roleIds") : undefined}>
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("roles")}</legend>
        <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">
          {t("rolesHint")}
        </p>
        <Controller
          control={control}
          name="roleIds"
          render={({ field }) => (
            <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-300 dark:divide-zinc-800 dark:border-zinc-700">
              {roles.map((role) => {
                const checked = field.value.includes(role.id);
                return (
                  <li key={role.id} className="flex items-start gap-3 px-3 py-2">
                    <input
                      type="checkbox"
                      id={id(`role-${role.id}`)}
                      checked={checked}
                      disabled={role.locked}
                      onChange={() =>
                        field.onChange(checked ? field.value.filter((v) => v !== role.id) : [...field.value, role.id])
                      }
                      onBlur={field.onBlur}
                      aria-describedby={role.permissions.length ? id(`role-${role.id}-perms`) : undefined}
                      className="mt-0.5 h-4 w-4 shrink-0 accent-indigo-600 disabled:opacity-60"
                    />
                    <div className="min-w-0">
                      <label htmlFor={id(`role-${role.id}`)} className="text-sm font-medium">
                        <RoleName name={role.name} builtIn={role.builtIn} />
                      </label>
                      {role.permissions.length > 0 && (
                        <p id={id(`role-${role.id}-perms`)} className="text-xs break-words text-zinc-500 dark:text-zinc-400">
                          <PermissionSummary permissions={role.permissions} />
                        </p>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        />
        <FieldError id={errorId("roleIds")} message={errors.roleIds?.message} />
      </fieldset>

      <ExpirationField form={form} id={id} errorId={errorId} />

      <RestrictionsFields form={form} idPrefix={idPrefix} />
    </div>
  );
}

function ExpirationField({
  form,
  id,
  errorId,
}: {
  form: KeyForm;
  id: (field: string) => string;
  errorId: (field: string) => string;
}) {
  const t = useTranslations("KeyDialogs.form");
  const { register, setValue, control, formState } = form;
  const expiration = useWatch({ control, name: "expiration" });
  const error = formState.errors.expiresAt?.message;
  const panel = useRef<HTMLDivElement>(null);
  // Counts the times the user picked "Custom": each brings the new field into view and focus
  // (it opens at the bottom of the dialog's scrolling body, out of sight on phones and laptops).
  const [chosen, setChosen] = useState(0);
  const fieldId = id("expiresAt");
  useEffect(() => {
    if (chosen === 0) return;
    panel.current?.scrollIntoView({ block: "nearest" });
    document.getElementById(fieldId)?.focus({ preventScroll: true });
  }, [chosen, fieldId]);

  const preset = (days: number) => {
    setValue("expiration", "custom", { shouldDirty: true });
    setValue("expiresAt", dateTimeLocalInDays(days), {
      shouldDirty: true,
      shouldValidate: true,
    });
  };

  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("expiration")}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {(["permanent", "custom"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              value={value}
              className="h-4 w-4 accent-indigo-600"
              {...register("expiration", { onChange: (e) => e.target.value === "custom" && setChosen((n) => n + 1) })}
            />
            {t(value)}
          </label>
        ))}
      </div>
      {expiration === "custom" && (
        <div ref={panel} className="mt-3 scroll-my-4 rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/50">
          <Label htmlFor={fieldId}>{t("expiresAt")}</Label>
          {/* A text field, not datetime-local: that shows the browser's locale (often 12 h, no seconds). */}
          <Input
            id={fieldId}
            type="text"
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={EXPIRES_AT_FORMAT}
            maxLength={19}
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? errorId("expiresAt") : null, id("expiresAt-hint")].filter(Boolean).join(" ")}
            className="font-mono tabular-nums sm:max-w-64"
            {...register("expiresAt")}
          />
          <FieldError id={errorId("expiresAt")} message={error} />
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <span id={id("expiresAt-hint")} className="text-xs text-zinc-500 dark:text-zinc-400">
              {t("expiresAtHint", { format: EXPIRES_AT_FORMAT })}
            </span>
            {EXPIRY_PRESET_DAYS.map((days) => (
              <Button key={days} variant="secondary" size="sm" onClick={() => preset(days)}>
                {t("inDays", { count: days })}
              </Button>
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}
