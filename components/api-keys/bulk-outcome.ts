import type { useTranslations } from "next-intl";
import type { BulkKeyResult } from "@/lib/keys/bulk";

type BulkT = ReturnType<typeof useTranslations<"ApiKeys.bulk">>;

/** The toast after a bulk action: "3 API keys deleted", or "2 deleted, 1 could not be deleted" (`t`: the "ApiKeys.bulk" messages). */
export function bulkOutcome(results: BulkKeyResult[], verb: "deleted" | "disabled" | "enabled", t: BulkT): { message: string; failed: number } {
  const done = results.filter((r) => r.ok).length;
  const failed = results.length - done;
  if (failed === 0) return { message: t(`done.${verb}`, { count: done }), failed };
  return { message: t(`partly.${verb}`, { done, failed }), failed };
}
