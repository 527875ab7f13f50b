"use client";

import { useState } from "react";
import { toast } from "sonner";
import { deleteApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import type { ApiKeyView } from "@/lib/keys/types";
import { FormError } from "@/components/ui/form-errors";
import { useServerAction } from "@/lib/client/use-server-action";

/**
 * Delete, confirmed twice: "Delete API key?" says what breaks, then "Confirm deletion" asks for
 * the key's name. Mount it anew (a new `key`) for each opening.
 */
export function DeleteKeyDialog({
  open,
  onOpenChange,
  slug,
  apiKey,
  onDeleted,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "name" | "isOwnerKey">;
  onDeleted?: () => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const [step, setStep] = useState<"warn" | "confirm">("warn");
  const [typed, setTyped] = useState("");
  const deletion = useServerAction(deleteApiKeyAction);
  const matches = typed === apiKey.name;

  const remove = async () => {
    if (!matches) return;
    const result = await deletion.run(slug, apiKey.id);
    if (!result.ok) return;
    toast.success("API key deleted");
    onDeleted?.();
    onOpenChange(false);
  };

  const name = <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{apiKey.name}</span>;

  if (step === "warn") {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        role="alertdialog"
        title="Delete API key?"
        description={<>You are about to delete {name}.</>}
        onCloseAutoFocus={onCloseAutoFocus}
        footer={
          <>
            <Button variant="secondary" onClick={() => onOpenChange(false)} autoFocus>
              Cancel
            </Button>
            <Button variant="destructive" onClick={() => setStep("confirm")}>
              Continue
            </Button>
          </>
        }
      >
        <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          <li>Every request that sends this key is refused at once, with 401 invalid_api_key.</li>
          <li>Integrations and services using it stop working until they get a new key.</li>
          {apiKey.isOwnerKey && <li>This is the workspace&apos;s owner key: it holds every permission.</li>}
          <li>The key cannot be restored. Its audit trail stays in the audit log.</li>
        </ul>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      title="Confirm deletion"
      description={<>Type {name} to delete it permanently.</>}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="destructive" type="submit" form="delete-key-form" disabled={!matches} pending={deletion.pending}>
            Delete permanently
          </Button>
        </>
      }
    >
      <form
        id="delete-key-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void remove();
        }}
      >
        <FormError message={deletion.error} />
        <Label htmlFor="delete-key-confirm">Type the key name to confirm</Label>
        <Input
          id="delete-key-confirm"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          className="font-mono"
        />
      </form>
    </Dialog>
  );
}
