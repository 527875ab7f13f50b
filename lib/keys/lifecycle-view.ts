import { apiKeys } from "@/db/schema";
import type { PreviousSecretView } from "./types";

/** The key row columns of SPEC §9 (disabled, previous secret), as lists and details read them. */
export const lifecycleColumns = {
  disabledAt: apiKeys.disabledAt,
  previousSecretHint: apiKeys.previousSecretHint,
  previousSecretValidUntil: apiKeys.previousSecretValidUntil,
  previousSecretLastUsedAt: apiKeys.previousSecretLastUsedAt,
};

export type LifecycleRow = {
  disabledAt: Date | null;
  previousSecretHint: string | null;
  previousSecretValidUntil: Date | null;
  previousSecretLastUsedAt: Date | null;
};

/** The previous secret while it still works (its grace is read against the clock), else null. */
export function previousSecretOf(row: LifecycleRow, now: number = Date.now()): PreviousSecretView | null {
  const until = row.previousSecretValidUntil;
  if (!row.previousSecretHint || !until || until.getTime() <= now) return null;
  return {
    hint: row.previousSecretHint,
    validUntil: until.toISOString(),
    lastUsedAt: row.previousSecretLastUsedAt?.toISOString() ?? null,
  };
}

export function lifecycleView(row: LifecycleRow): { enabled: boolean; previousSecret: PreviousSecretView | null } {
  return { enabled: row.disabledAt === null, previousSecret: previousSecretOf(row) };
}
