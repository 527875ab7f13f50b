"use client";

import { useFormatter } from "next-intl";
import { createContext, useContext } from "react";

const RequestCounts = createContext<Record<string, number> | null>(null);

/** "Requests (24 h)" of the keys on the page, read once for the whole page (lib/usage queryRequestsLast24h). */
export function RequestCountsProvider({ counts, children }: { counts: Record<string, number>; children: React.ReactNode }) {
  return <RequestCounts.Provider value={counts}>{children}</RequestCounts.Provider>;
}

/** The list cell: the key's requests in the last 24 hours, refused included. */
export function RequestCount({ keyId }: { keyId: string }) {
  const n = useContext(RequestCounts)?.[keyId] ?? 0;
  const format = useFormatter();
  return <span className={n === 0 ? "text-zinc-500 tabular-nums dark:text-zinc-400" : "tabular-nums"}>{format.number(n)}</span>;
}
