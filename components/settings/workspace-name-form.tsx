"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { renameWorkspaceAction } from "@/lib/actions/settings";
import { applyServerErrors, FormError, NETWORK_ERROR } from "@/components/ui/form-bits";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { renameWorkspaceSchema, type RenameWorkspaceInput } from "@/lib/validations/settings";

export function WorkspaceNameForm({ slug, name, canManage }: { slug: string; name: string; canManage: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<RenameWorkspaceInput>({ resolver: zodResolver(renameWorkspaceSchema), defaultValues: { name } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await renameWorkspaceAction(slug, values);
      if (!result.ok) {
        setFormError(applyServerErrors(result, ["name"], setError));
        return;
      }
      reset({ name: result.data.name });
      toast.success("Changes saved");
    } catch {
      setFormError(NETWORK_ERROR);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Label htmlFor="workspace-name">Workspace name</Label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <Input
            id="workspace-name"
            readOnly={!canManage}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "workspace-name-error" : canManage ? undefined : "workspace-name-readonly"}
            {...register("name")}
          />
          <FieldError id="workspace-name-error" message={errors.name?.message} />
          {!canManage && (
            <p id="workspace-name-readonly" className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              Changing it needs the workspace:manage permission.
            </p>
          )}
        </div>
        {canManage && (
          <Button type="submit" className="self-start" pending={isSubmitting} disabled={!isDirty}>
            Save
          </Button>
        )}
      </div>
    </form>
  );
}
