"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { TwoStepDeleteDialog } from "@/components/ui/two-step-delete-dialog";
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
  const t = useTranslations("ApiKeys.bulk");
  const deletion = useServerAction(bulkApiKeysAction);
  const n = keys.length;

  const remove = async () => {
    const result = await deletion.run(slug, { action: "delete", keyIds: keys.map((k) => k.id) });
    if (!result.ok) return;
    const outcome = bulkOutcome(result.data.results, "deleted", t);
    if (outcome.failed === 0) toast.success(outcome.message);
    else toast.error(outcome.message);
    onDone?.(result.data.results.filter((r) => r.ok).map((r) => r.keyId));
    onOpenChange(false);
  };

  return (
    <TwoStepDeleteDialog
      open={open}
      onOpenChange={onOpenChange}
      onCloseAutoFocus={onCloseAutoFocus}
      title={t("deleteTitle", { count: n })}
      description={t("deleteDescription")}
      confirmDescription={t("confirmDescription", { count: n, word: CONFIRM_WORD })}
      confirmLabel={t("confirmLabel", { word: CONFIRM_WORD })}
      expected={CONFIRM_WORD}
      pending={deletion.pending}
      error={deletion.error}
      onConfirm={() => void remove()}
    >
      <ul aria-label={t("keysToDelete")} className="list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {keys.slice(0, LISTED).map((k) => (
          <li key={k.id} className="break-words">
            {k.name}
          </li>
        ))}
      </ul>
      {n > LISTED && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("andMore", { count: n - LISTED })}</p>}
    </TwoStepDeleteDialog>
  );
}
