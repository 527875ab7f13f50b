import type { BulkKeyResult } from "@/lib/keys/bulk";

/** The toast after a bulk action: "3 API keys deleted", or "2 deleted, 1 could not be deleted". */
export function bulkOutcome(results: BulkKeyResult[], verb: "deleted" | "disabled" | "enabled"): { message: string; failed: number } {
  const done = results.filter((r) => r.ok).length;
  const failed = results.length - done;
  if (failed === 0) return { message: `${done} API ${done === 1 ? "key" : "keys"} ${verb}`, failed };
  return { message: `${done} ${verb}, ${failed} could not be ${verb}`, failed };
}
