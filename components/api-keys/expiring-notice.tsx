"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Badge } from "@/components/ui/badge";
import { EXPIRING_WITHIN_DAYS } from "@/lib/keys/expiring";

const DAY = 86_400_000;

/** SPEC §9.4: "Expires today" under 24 hours, else "Expires in N days" (whole days, rounded down); null past 7 days or expired. */
export function expiresInLabel(expiresAt: string, now: number): string | null {
  const left = Date.parse(expiresAt) - now;
  if (!(left > 0) || left > EXPIRING_WITHIN_DAYS * DAY) return null;
  const days = Math.floor(left / DAY);
  if (days === 0) return "Expires today";
  return days === 1 ? "Expires in 1 day" : `Expires in ${days} days`;
}

// The clock, to the minute, on the client only: the server renders no countdown that the
// browser (another moment, another zone) would contradict.
let minute = Date.now();
const subscribe = (onChange: () => void) => {
  const id = setInterval(() => {
    minute = Date.now();
    onChange();
  }, 60_000);
  return () => clearInterval(id);
};

function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => minute,
    () => null,
  );
}

/** The badge beside "Expires" of a key expiring within 7 days. */
export function ExpiresInBadge({ expiresAt }: { expiresAt: string }) {
  const now = useNow();
  const label = now === null ? null : expiresInLabel(expiresAt, now);
  return label ? <Badge tone="amber">{label}</Badge> : null;
}

/** "N keys expire within 7 days." above the table, with "Show them" (the Status filter). */
export function ExpiringNotice({ count, href }: { count: number; href: string }) {
  if (count === 0) return null;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p>{count === 1 ? "1 key expires within 7 days." : `${count} keys expire within 7 days.`}</p>
      <Link href={href} prefetch={false} className="font-medium underline underline-offset-2 hover:no-underline">
        Show them
      </Link>
    </div>
  );
}
