"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { setApiKeyEnabledAction } from "@/lib/actions/api-keys";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ApiKeyView } from "@/lib/keys/types";

/** "Disable API key?", asked once (enabling does not ask). Mount anew for each opening. */
export function DisableKeyDialog({
  open,
  onOpenChange,
  slug,
  apiKey,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  apiKey: Pick<ApiKeyView, "id" | "name">;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const disable = useServerAction(setApiKeyEnabledAction);
  const run = async () => {
    const result = await disable.run(slug, apiKey.id, false);
    if (!result.ok) return;
    toast.success("API key disabled");
    onOpenChange(false);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      title="Disable API key?"
      description="Requests with this key will be refused until it is enabled again."
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)} autoFocus>
            Cancel
          </Button>
          <Button variant="destructive" onClick={() => void run()} pending={disable.pending}>
            Disable
          </Button>
        </>
      }
    >
      <FormError message={disable.error} />
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-medium break-words text-zinc-900 dark:text-zinc-100">{apiKey.name}</span> answers 401
        disabled_api_key meanwhile. It keeps its secret, roles and settings, and still counts toward the limit of keys.
      </p>
    </Dialog>
  );
}
