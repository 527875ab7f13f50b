"use client";

import { useState } from "react";
import { toast } from "sonner";
import { rotateSharedSecretAction } from "@/lib/actions/shared-secret";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { SharedSecretStatus } from "@/lib/signing/shared-secret";
import { useServerAction } from "@/lib/client/use-server-action";
import { ROTATION_GRACE_PERIODS, type RotationGracePeriod } from "@/lib/validations/signing";

const OPTIONS: Record<RotationGracePeriod, { label: string; help: string }> = {
  none: { label: "None", help: "The current secret stops working at once." },
  "1h": { label: "1 hour", help: "The current secret keeps working for 1 hour." },
  "24h": { label: "24 hours", help: "The current secret keeps working for 24 hours." },
};

/** "Rotate": a new secret, the current one kept valid for the chosen grace period. */
export function RotateSharedSecretDialog({
  slug,
  open,
  onOpenChange,
  onRotated,
}: {
  slug: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRotated: (status: SharedSecretStatus) => void;
}) {
  const [grace, setGrace] = useState<RotationGracePeriod>("1h");
  const rotation = useServerAction(rotateSharedSecretAction);
  const { pending, error } = rotation;

  async function rotate(event: React.FormEvent) {
    event.preventDefault();
    const result = await rotation.run(slug, { grace });
    if (!result.ok) return;
    onRotated(result.data);
    onOpenChange(false);
    toast.success("Shared secret rotated");
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!pending) onOpenChange(next);
        if (!next) rotation.clearError();
      }}
      title="Rotate API shared secret"
      description="A new secret replaces the current one. Update your integrations to sign with the new secret before the grace period ends."
      footer={
        <>
          <Button variant="secondary" disabled={pending} onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="rotate-shared-secret" pending={pending}>
            Rotate
          </Button>
        </>
      }
    >
      <form id="rotate-shared-secret" onSubmit={rotate}>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">Grace period</legend>
          <div className="space-y-2">
            {ROTATION_GRACE_PERIODS.map((value) => (
              <label
                key={value}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-zinc-200 p-3 has-[:checked]:border-indigo-500 dark:border-zinc-700"
              >
                <input
                  type="radio"
                  name="grace"
                  value={value}
                  checked={grace === value}
                  onChange={() => setGrace(value)}
                  aria-labelledby={`grace-${value}-label`}
                  aria-describedby={`grace-${value}-help`}
                  className="mt-0.5 accent-indigo-600"
                />
                <span>
                  <span id={`grace-${value}-label`} className="block text-sm font-medium">
                    {OPTIONS[value].label}
                  </span>
                  <span id={`grace-${value}-help`} className="block text-sm text-zinc-600 dark:text-zinc-400">
                    {OPTIONS[value].help}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
