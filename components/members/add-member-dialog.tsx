"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { addMemberAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FieldError, Input, Label } from "@/components/ui/input";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import { addMemberSchema, type AddMemberData, type AddMemberInput } from "@/lib/validations/members";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";
import { RoleCheckboxes, type RoleOption } from "./role-checkboxes";

type Added = { email: string; initialPassword: string };

export function AddMemberDialog({
  slug,
  roles,
  defaultRoleIds,
  open,
  onOpenChange,
}: {
  slug: string;
  roles: RoleOption[];
  defaultRoleIds: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const t = useTranslations("Members");
  const [added, setAdded] = useState<Added | null>(null);
  const form = useForm<AddMemberInput, unknown, AddMemberData>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", name: "", roleIds: defaultRoleIds },
  });
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  const add = useServerAction(addMemberAction, { fields: ["email", "name", "roleIds"], setError });

  const close = (next: boolean) => {
    if (next) return onOpenChange(true);
    onOpenChange(false);
    // The password leaves memory with the dialog.
    setAdded(null);
    add.clearError();
    reset();
  };

  const onSubmit = handleSubmit(async (values) => {
    const result = await add.run(slug, values);
    if (!result.ok) return;
    toast.success(t("add.added"));
    if (result.data.initialPassword) {
      setAdded({ email: result.data.email, initialPassword: result.data.initialPassword });
    } else {
      close(false);
    }
  });

  if (added) {
    return (
      <Dialog
        open={open}
        onOpenChange={close}
        title={t("add.addedTitle")}
        description={t("add.addedDescription", { email: added.email })}
        footer={<Button onClick={() => close(false)}>{t("done")}</Button>}
      >
        <ShownOnceSecret
          id="initial-password"
          label={t("add.initialPassword")}
          value={added.initialPassword}
          copyLabel={t("add.copyPassword")}
        >
          {t("add.shareSecurely")}
        </ShownOnceSecret>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t("add.title")}
      description={t("add.description")}
      footer={
        <>
          <Button variant="secondary" onClick={() => close(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form="add-member-form" pending={isSubmitting}>
            {t("add.submit")}
          </Button>
        </>
      }
    >
      <form id="add-member-form" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={add.error} />
        <div>
          <Label htmlFor="member-email">{t("add.email")}</Label>
          <Input
            id="member-email"
            type="email"
            autoComplete="off"
            autoFocus
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "member-email-error" : undefined}
            {...register("email")}
          />
          <FieldError id="member-email-error" message={errors.email?.message} />
        </div>
        <div>
          <Label htmlFor="member-name">{t("add.name")}</Label>
          <Input
            id="member-name"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "member-name-error" : "member-name-hint"}
            {...register("name")}
          />
          <p id="member-name-hint" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t("add.nameHint")}
          </p>
          <FieldError id="member-name-error" message={errors.name?.message} />
        </div>
        <Controller
          control={control}
          name="roleIds"
          render={({ field }) => (
            <RoleCheckboxes id="add-member-roles" roles={roles} value={field.value} onChange={field.onChange} error={errors.roleIds?.message} />
          )}
        />
      </form>
    </Dialog>
  );
}
