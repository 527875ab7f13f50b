"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { UsageSnippet } from "./usage-snippet";
import { Dialog } from "@/components/ui/dialog";
import { ShownOnceSecret } from "@/components/ui/shown-once-secret";
import type { CreatedApiKey, CreateKeyOptions, ApiKeyView } from "@/lib/keys/types";
import { createFormDefaults, expiresAtInput, keyFormSchema, KEY_FORM_FIELDS } from "./key-form";
import { KeyFormFields } from "./key-form-fields";
import { DecoyCheckbox } from "./decoy-checkbox";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

const FORM_ID = "create-key-form";

/**
 * "Create API key", then "API key created" with the secret. Mount it anew (a new `key`) for
 * each opening: the pre-filled name carries the time the dialog opened.
 */
export function CreateKeyDialog({
  open,
  onOpenChange,
  slug,
  options,
  onModify,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  options: CreateKeyOptions;
  onModify: (key: ApiKeyView) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [decoy, setDecoy] = useState(false);
  const t = useTranslations("KeyDialogs");
  const tValidation = useTranslations("KeyDialogs.validation");
  const schema = useMemo(() => keyFormSchema(tValidation), [tValidation]);
  const readOnlyRole = options.roles.find((r) => r.builtIn === "read_only");
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: createFormDefaults(readOnlyRole?.id),
  });
  const create = useServerAction(createApiKeyAction, { fields: KEY_FORM_FIELDS, setError: form.setError });

  const submit = form.handleSubmit(async (data) => {
    const result = await create.run(slug, {
      name: data.name,
      description: data.description,
      roleIds: data.roleIds,
      expiresAt: expiresAtInput(data),
      ipAllowlist: data.ipAllowlist,
      rateLimit: data.rateLimit,
      decoy,
    });
    if (!result.ok) return;
    setCreated(result.data);
    toast.success(t("create.toast"));
  });

  if (created) {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title={t("created.title")}
        description={t("created.description", { name: created.key.name })}
        onCloseAutoFocus={onCloseAutoFocus}
        dismissOnOutsideClick={false}
        footer={
          <>
            <Button variant="secondary" onClick={() => onModify(created.key)}>
              {t("created.modifyConfiguration")}
            </Button>
            <Button onClick={() => onOpenChange(false)}>{t("close")}</Button>
          </>
        }
      >
        <ShownOnceSecret id="created-key-secret" label={t("created.secretLabel")} value={created.secret} autoFocus>
          <p className="font-medium">{t("created.storeSafely")}</p>
          {!created.key.secretStored ? (
            <p className="mt-0.5">{t("created.notShownAgain")}</p>
          ) : (
            <p className="mt-0.5">{t("created.anyoneWithSecret")}</p>
          )}
        </ShownOnceSecret>
        <div className="mt-4">
          <UsageSnippet />
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("create.title")}
      description={t("create.description")}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("cancel")}
          </Button>
          <Button type="submit" form={FORM_ID} pending={form.formState.isSubmitting}>
            {t("create.submit")}
          </Button>
        </>
      }
    >
      <form id={FORM_ID} noValidate onSubmit={submit}>
        <FormError message={create.error} />
        <KeyFormFields form={form} roles={options.roles} idPrefix="create-key" />
        <DecoyCheckbox checked={decoy} onChange={setDecoy} idPrefix="create-key" />
      </form>
    </Dialog>
  );
}
