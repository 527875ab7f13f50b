"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiKeyAction } from "@/app/w/[slug]/api-keys/actions";
import { Button } from "@/components/ui/button";
import { UsageSnippet } from "./usage-snippet";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { CreatedApiKey, CreateKeyOptions, ApiKeyView } from "@/lib/keys/types";
import { createFormDefaults, expiresAtInput, keyFormSchema, KEY_FORM_FIELDS } from "./key-form";
import { KeyFormFields } from "./key-form-fields";
import { applyServerErrors, FormError } from "@/components/ui/form-bits";

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
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(() => keyFormSchema(), []);
  const readOnlyRole = options.roles.find((r) => r.builtIn === "read_only");
  const form = useForm({
    resolver: zodResolver(schema),
    defaultValues: createFormDefaults(readOnlyRole?.id),
  });

  const submit = form.handleSubmit(async (data) => {
    setFormError(null);
    const result = await createApiKeyAction(slug, {
      name: data.name,
      description: data.description,
      roleIds: data.roleIds,
      expiresAt: expiresAtInput(data),
    });
    if (!result.ok) {
      setFormError(applyServerErrors(result, KEY_FORM_FIELDS, form.setError));
      return;
    }
    setCreated(result.data);
    toast.success("API key created");
  });

  if (created) {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="API key created"
        description={`“${created.key.name}” is ready. Copy its secret now.`}
        onCloseAutoFocus={onCloseAutoFocus}
        dismissOnOutsideClick={false}
        footer={
          <>
            <Button variant="secondary" onClick={() => onModify(created.key)}>
              Modify configuration
            </Button>
            <Button onClick={() => onOpenChange(false)}>Close</Button>
          </>
        }
      >
        <Label htmlFor="created-key-secret">API key secret</Label>
        <div className="flex flex-col gap-2 sm:flex-row">
          <Input
            id="created-key-secret"
            readOnly
            autoFocus
            value={created.secret}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-[13px]"
            spellCheck={false}
          />
          <CopyButton getText={() => created.secret} label="Copy" size="md" className="justify-center" />
        </div>
        <div
          role="note"
          className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          <p className="font-medium">Store this key somewhere safe.</p>
          {!created.key.secretStored ? (
            <p className="mt-0.5">You won&apos;t be able to see it again.</p>
          ) : (
            <p className="mt-0.5">Anyone with this secret can call the API with the key&apos;s permissions.</p>
          )}
        </div>
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
      title="Create API key"
      description="An integration sends the key's secret with each Open API request."
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form={FORM_ID} pending={form.formState.isSubmitting}>
            Create
          </Button>
        </>
      }
    >
      <form id={FORM_ID} noValidate onSubmit={submit}>
        <FormError message={formError} />
        <KeyFormFields form={form} roles={options.roles} idPrefix="create-key" />
      </form>
    </Dialog>
  );
}
