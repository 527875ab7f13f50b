"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-errors";
import { Input, Label } from "@/components/ui/input";
import { bulkApiKeysAction } from "@/lib/actions/api-keys";
import { useServerAction } from "@/lib/client/use-server-action";
import type { ApiKeyView } from "@/lib/keys/types";
import { bulkOutcome } from "./bulk-outcome";

const LISTED = 10;
const CONFIRM_WORD = "DELETE";

/** Bulk delete, confirmed twice: "Delete N API keys?" then "Confirm deletion" with DELETE typed. */
export function BulkDeleteDialog({
  open,
  onOpenChange,
  slug,
  keys,
  onDone,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  slug: string;
  keys: Pick<ApiKeyView, "id" | "name">[];
  /** After the request, with the ids that were deleted. */
  onDone?: (deleted: string[]) => void;
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const [step, setStep] = useState<"warn" | "confirm">("warn");
  const [typed, setTyped] = useState("");
  const deletion = useServerAction(bulkApiKeysAction);
  const matches = typed === CONFIRM_WORD;
  const n = keys.length;
  const title = `Delete ${n} API ${n === 1 ? "key" : "keys"}?`;

  const remove = async () => {
    if (!matches) return;
    const result = await deletion.run(slug, { action: "delete", keyIds: keys.map((k) => k.id) });
    if (!result.ok) return;
    const outcome = bulkOutcome(result.data.results, "deleted");
    if (outcome.failed === 0) toast.success(outcome.message);
    else toast.error(outcome.message);
    onDone?.(result.data.results.filter((r) => r.ok).map((r) => r.keyId));
    onOpenChange(false);
  };

  if (step === "warn") {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        role="alertdialog"
        title={title}
        description="Every request that sends one of these keys is refused at once. Deleted keys cannot be restored."
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
        <ul aria-label="Keys to delete" className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {keys.slice(0, LISTED).map((k) => (
            <li key={k.id} className="break-words">
              {k.name}
            </li>
          ))}
        </ul>
        {n > LISTED && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">and {n - LISTED} more</p>}
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      role="alertdialog"
      title="Confirm deletion"
      description={<>Type {CONFIRM_WORD} to delete {n === 1 ? "this key" : `these ${n} keys`} permanently.</>}
      onCloseAutoFocus={onCloseAutoFocus}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="destructive" type="submit" form="bulk-delete-form" disabled={!matches} pending={deletion.pending}>
            Delete permanently
          </Button>
        </>
      }
    >
      <form
        id="bulk-delete-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void remove();
        }}
      >
        <FormError message={deletion.error} />
        <Label htmlFor="bulk-delete-confirm">Type DELETE to confirm</Label>
        <Input
          id="bulk-delete-confirm"
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
