"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { changeMemberRolesAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { changeMemberRolesSchema, type ChangeMemberRolesData, type ChangeMemberRolesInput } from "@/lib/validations/members";
import { applyServerErrors, FormError, NETWORK_ERROR } from "@/components/ui/form-bits";
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
  const [formError, setFormError] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ChangeMemberRolesInput, unknown, ChangeMemberRolesData>({
    resolver: zodResolver(changeMemberRolesSchema),
    defaultValues: { memberId: member.memberId, roleIds: member.roleIds },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await changeMemberRolesAction(slug, values);
      if (!result.ok) {
        setFormError(applyServerErrors(result, ["roleIds"], setError));
        return;
      }
      toast.success("Changes saved");
      onClose();
    } catch {
      setFormError(NETWORK_ERROR);
    }
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Change roles"
      description={
        <>
          Roles of <strong className="font-medium text-zinc-900 dark:text-zinc-100">{member.name}</strong> ({member.email}). Their
          API keys gain or lose permissions at once.
        </>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="change-roles-form" pending={isSubmitting}>
            Save
          </Button>
        </>
      }
    >
      <form id="change-roles-form" onSubmit={onSubmit} noValidate>
        <FormError message={formError} />
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
