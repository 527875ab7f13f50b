"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { createRoleAction, updateRoleAction } from "@/lib/actions/roles";
import { FormError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import type { Permission } from "@/lib/auth/permissions";
import { createRoleSchema, type CreateRoleData, type RoleFormInput } from "@/lib/validations/roles";
import { useServerAction } from "@/lib/client/use-server-action";
import { PermissionCheckboxes } from "./permission-checkboxes";

export type EditableRole = { id: string; name: string; description: string; permissions: Permission[] };

/** "Create role" (no `role`) or "Edit role". */
export function RoleFormDialog({
  slug,
  role,
  held,
  onClose,
}: {
  slug: string;
  role?: EditableRole;
  held: Permission[];
  onClose: () => void;
}) {
  const t = useTranslations("Roles");
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RoleFormInput, unknown, CreateRoleData>({
    resolver: zodResolver(createRoleSchema),
    defaultValues: role
      ? { name: role.name, description: role.description, permissions: role.permissions }
      : { name: "", description: "", permissions: [] },
  });
  const fields = { fields: ["name", "description", "permissions"] as const, setError };
  const create = useServerAction(createRoleAction, fields);
  const update = useServerAction(updateRoleAction, fields);
  const formError = role ? update.error : create.error;

  const onSubmit = handleSubmit(async (values) => {
    const result = role ? await update.run(slug, { roleId: role.id, ...values }) : await create.run(slug, values);
    if (!result.ok) return;
    toast.success(role ? t("form.saved") : t("form.created"));
    onClose();
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={role ? t("form.editTitle") : t("form.createTitle")}
      description={role ? t("form.editDescription") : t("form.createDescription")}
      className="max-w-2xl"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" form="role-form" pending={isSubmitting}>
            {role ? t("form.save") : t("form.create")}
          </Button>
        </>
      }
    >
      <form id="role-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={formError} />
        <div>
          <Label htmlFor="role-name">{t("form.name")}</Label>
          <Input
            id="role-name"
            autoComplete="off"
            autoFocus
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "role-name-error" : undefined}
            {...register("name")}
          />
          <FieldError id="role-name-error" message={errors.name?.message} />
        </div>
        <div>
          <Label htmlFor="role-description">{t("form.description")}</Label>
          <Input
            id="role-description"
            autoComplete="off"
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? "role-description-error" : undefined}
            {...register("description")}
          />
          <FieldError id="role-description-error" message={errors.description?.message} />
        </div>
        <Controller
          control={control}
          name="permissions"
          render={({ field }) => (
            <PermissionCheckboxes
              id="role-permissions"
              value={field.value as Permission[]}
              onChange={field.onChange}
              held={held}
              error={errors.permissions?.message}
            />
          )}
        />
      </form>
    </Dialog>
  );
}
