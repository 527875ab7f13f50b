"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { changeMemberRolesAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { changeMemberRolesSchema, type ChangeMemberRolesData, type ChangeMemberRolesInput } from "@/lib/validations/members";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";
import { RoleCheckboxes, type RoleOption } from "./role-checkboxes";

export type MemberRef = { memberId: string; name: string; email: string; roleIds: string[] };

export function ChangeRolesDialog({
  slug,
  member,
  roles,
  onClose,
}: {
  slug: string;
  member: MemberRef;
  roles: RoleOption[];
  onClose: () => void;
}) {
  const t = useTranslations("Members");
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangeMemberRolesInput, unknown, ChangeMemberRolesData>({
    resolver: zodResolver(changeMemberRolesSchema),
    defaultValues: { memberId: member.memberId, roleIds: member.roleIds },
  });
  const change = useServerAction(changeMemberRolesAction, { fields: ["roleIds"], setError });

  const onSubmit = handleSubmit(async (values) => {
    const result = await change.run(slug, values);
    if (!result.ok) return;
    toast.success(t("changeRolesDialog.saved"));
    onClose();
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("changeRolesDialog.title")}
      description={t.rich("changeRolesDialog.description", {
        name: member.name,
        email: member.email,
        strong: (chunks) => <strong className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</strong>,
      })}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t("cancel")}
          </Button>
          <Button type="submit" form="change-roles-form" pending={isSubmitting}>
            {t("save")}
          </Button>
        </>
      }
    >
      <form id="change-roles-form" onSubmit={onSubmit} noValidate>
        <FormError message={change.error} />
        <Controller
          control={control}
          name="roleIds"
          render={({ field }) => (
            <RoleCheckboxes id="change-roles" roles={roles} value={field.value} onChange={field.onChange} error={errors.roleIds?.message} />
          )}
        />
      </form>
    </Dialog>
  );
}
