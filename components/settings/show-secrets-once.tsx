"use client";

import { useState } from "react";
import { toast } from "sonner";
import { setShowSecretsOnceAction } from "@/lib/actions/settings";
import { FormError } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/lib/client/use-server-action";

/** What turning the setting on deletes, said plainly before it happens. */
export function storedSecretsWarning(storedSecrets: number): string {
  if (storedSecrets === 0) return "No existing key has a stored secret, so nothing is deleted.";
  const keys = storedSecrets === 1 ? "1 existing key" : `${storedSecrets.toLocaleString("en-US")} existing keys`;
  return `The stored secrets of ${keys} will be deleted; they can no longer be revealed or copied.`;
}

/**
 * The "Show secrets only once" switch; turning it on deletes stored secrets after a confirmation
 * that says how many (`storedSecrets`: the keys the viewer can see that still have one).
 */
export function ShowSecretsOnce({
  slug,
  enabled,
  canManage,
  storedSecrets,
}: {
  slug: string;
  enabled: boolean;
  canManage: boolean;
  storedSecrets: number;
}) {
  const [confirming, setConfirming] = useState(false);
  const saving = useServerAction(setShowSecretsOnceAction);
  const { pending, error } = saving;

  const save = async (next: boolean) => {
    const result = await saving.run(slug, { enabled: next });
    if (!result.ok) return;
    toast.success("Changes saved");
    setConfirming(false);
  };

  return (
    <div>
      {!confirming && <FormError message={error} />}
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <label htmlFor="show-secrets-once" className="text-sm font-medium">
            Show secrets only once
          </label>
          <p id="show-secrets-once-help" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {enabled
              ? "On: a new key's secret is shown once, at creation, and never stored. Nobody can reveal or copy it later."
              : "Off: secrets are stored encrypted so a key's creator and members with api_keys:manage can reveal and copy them later."}
          </p>
        </div>
        <Switch
          id="show-secrets-once"
          checked={enabled}
          disabled={!canManage || pending}
          aria-describedby="show-secrets-once-help"
          onCheckedChange={(next) => (next ? setConfirming(true) : void save(false))}
        />
      </div>
      {!canManage && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Changing it needs the workspace:manage permission.</p>}
      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          if (!open) {
            setConfirming(false);
            saving.clearError();
          }
        }}
        role="alertdialog"
        title="Show secrets only once?"
        description={storedSecretsWarning(storedSecrets)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button variant="destructive" pending={pending} onClick={() => void save(true)}>
              Delete stored secrets and turn on
            </Button>
          </>
        }
      >
        <FormError message={error} />
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>Nobody will be able to reveal or copy the secret of a key created before now. This cannot be undone.</li>
          <li>The keys themselves keep working.</li>
          <li>New keys show their secret once, at creation.</li>
        </ul>
      </Dialog>
    </div>
  );
}
