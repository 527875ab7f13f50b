"use client";

import { toast } from "sonner";
import { deleteApiKeyAction } from "@/lib/actions/api-keys";
import { TwoStepDeleteDialog } from "@/components/ui/two-step-delete-dialog";
import type { ApiKeyView } from "@/lib/keys/types";
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
  const deletion = useServerAction(deleteApiKeyAction);

  const remove = async () => {
    const result = await deletion.run(slug, apiKey.id);
    if (!result.ok) return;
    toast.success("API key deleted");
    onDeleted?.();
    onOpenChange(false);
  };

  const name = <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{apiKey.name}</span>;

  return (
    <TwoStepDeleteDialog
      open={open}
      onOpenChange={onOpenChange}
      onCloseAutoFocus={onCloseAutoFocus}
      title="Delete API key?"
      description={<>You are about to delete {name}.</>}
      confirmDescription={<>Type {name} to delete it permanently.</>}
      confirmLabel="Type the key name to confirm"
      expected={apiKey.name}
      pending={deletion.pending}
      error={deletion.error}
      onConfirm={() => void remove()}
    >
      <ul className="list-disc space-y-1.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        <li>Every request that sends this key is refused at once, with 401 invalid_api_key.</li>
        <li>Integrations and services using it stop working until they get a new key.</li>
        {apiKey.isOwnerKey && <li>This is the workspace&apos;s owner key: it holds every permission.</li>}
        <li>The key cannot be restored. Its audit trail stays in the audit log.</li>
      </ul>
    </TwoStepDeleteDialog>
  );
}
