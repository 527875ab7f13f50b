"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { modifyApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ApiKeyView, GrantableRole } from "@/lib/keys/types";
import type { ModifyApiKeyInput } from "@/lib/validations/api-keys";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";
import { expiresAtInput, keyFormSchema, modifyFormDefaults, KEY_FORM_FIELDS } from "./key-form";
import { KeyFormFields, type RoleOption } from "./key-form-fields";

const FORM_ID = "modify-key-form";

/**
 * Roles to offer: those the viewer may grant, plus any the key already holds. The Owner role
 * never moves onto or off an existing key, so the owner key's roles are locked.
 */
function roleOptions(grantable: GrantableRole[], key: ApiKeyView): RoleOption[] {
  // The owner key holds the Owner role alone: built-in, so it is named in the reader's language.
  if (key.isOwnerKey) return key.roles.map((role) => ({ ...role, builtIn: "owner", permissions: [], locked: true }));
  const offered: RoleOption[] = grantable.filter((r) => r.builtIn !== "owner");
  for (const role of key.roles) {
    if (!offered.some((r) => r.id === role.id)) offered.push({ ...role, permissions: [] });
  }
  return offered;
}

/** "Modify API key": sends only what changed. Mount it anew (a new `key`) for each opening. */
export function ModifyKeyDialog({
  open,
  onOpenChange,
  slug,
  apiKey,
  roles,
  onSaved,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  apiKey: ApiKeyView;
  roles: GrantableRole[];
  onSaved?: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const t = useTranslations("KeyDialogs");
  const tValidation = useTranslations("KeyDialogs.validation");
  const defaults = useMemo(() => modifyFormDefaults(apiKey), [apiKey]);
  const schema = useMemo(() => keyFormSchema(tValidation, defaults.expiresAt || undefined), [tValidation, defaults]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: defaults });
  const modify = useServerAction(modifyApiKeyAction, { fields: KEY_FORM_FIELDS, setError: form.setError });
  const options = useMemo(() => roleOptions(roles, apiKey), [roles, apiKey]);
  // Read during render so react-hook-form tracks which fields changed.
  const { isSubmitting } = form.formState;
  void form.formState.dirtyFields;

  const submit = form.handleSubmit(async (data) => {
    const dirty = form.formState.dirtyFields;
    const input: ModifyApiKeyInput = {};
    if (dirty.name) input.name = data.name;
    if (dirty.description) input.description = data.description;
    if (dirty.roleIds) input.roleIds = data.roleIds;
    if (dirty.ipAllowlist) input.ipAllowlist = data.ipAllowlist;
    if (dirty.rateLimit) input.rateLimit = data.rateLimit;
    if (dirty.expiration || dirty.expiresAt) {
      const expiresAt = expiresAtInput(data);
      if (expiresAt !== apiKey.expiresAt) input.expiresAt = expiresAt;
    }
    if (Object.keys(input).length === 0) {
      onOpenChange(false);
      return;
    }
    const result = await modify.run(slug, apiKey.id, input);
    if (!result.ok) return;
    toast.success(t("modify.toast"));
    onSaved?.();
    onOpenChange(false);
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("modify.title")}
      description={t.rich("modify.description", {
        name: apiKey.name,
        strong: (chunks) => <span className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</span>,
      })}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={FORM_ID} pending={isSubmitting}>
            {t("modify.submit")}
          </Button>
        </>
      }
    >
      <form id={FORM_ID} noValidate onSubmit={submit}>
        <FormError message={modify.error} />
        <KeyFormFields form={form} roles={options} idPrefix="modify-key" />
      </form>
    </Dialog>
  );
}
