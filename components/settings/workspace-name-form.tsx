"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { renameWorkspaceAction } from "@/lib/actions/settings";
import { FormError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/input";
import { useServerAction } from "@/lib/client/use-server-action";
import { renameWorkspaceSchema, type RenameWorkspaceInput } from "@/lib/validations/settings";

export function WorkspaceNameForm({ slug, name, canManage }: { slug: string; name: string; canManage: boolean }) {
  const t = useTranslations("Settings");
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<RenameWorkspaceInput>({ resolver: zodResolver(renameWorkspaceSchema), defaultValues: { name } });
  const rename = useServerAction(renameWorkspaceAction, { fields: ["name"], setError });

  const onSubmit = handleSubmit(async (values) => {
    const result = await rename.run(slug, values);
    if (!result.ok) return;
    reset({ name: result.data.name });
    toast.success(t("saved"));
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={rename.error} />
      <Label htmlFor="workspace-name">{t("workspaceName")}</Label>
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
              {t("needsManage")}
            </p>
          )}
        </div>
        {canManage && (
          <Button type="submit" className="self-start" pending={isSubmitting} disabled={!isDirty}>
            {t("save")}
          </Button>
        )}
      </div>
    </form>
  );
}
