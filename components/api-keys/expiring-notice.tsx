"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EXPIRING_WITHIN_DAYS } from "@/lib/keys/expiring";

const DAY = 86_400_000;

/** SPEC §9.4: whole days left (rounded down; 0 = "Expires today", under 24 hours), else "Expires in N days"; null past 7 days or expired. */
export function expiresInDays(expiresAt: string, now: number): number | null {
  const left = Date.parse(expiresAt) - now;
  if (!(left > 0) || left > EXPIRING_WITHIN_DAYS * DAY) return null;
  return Math.floor(left / DAY);
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
  const t = useTranslations("ApiKeys.expiring");
  const now = useNow();
  const days = now === null ? null : expiresInDays(expiresAt, now);
  if (days === null) return null;
  return <Badge tone="amber">{days === 0 ? t("today") : t("inDays", { days })}</Badge>;
}

/** "N keys expire within 7 days." above the table, with "Show them" (the Status filter). */
export function ExpiringNotice({ count, href }: { count: number; href: string }) {
  const t = useTranslations("ApiKeys.expiring");
  if (count === 0) return null;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <p>{t("notice", { count, days: EXPIRING_WITHIN_DAYS })}</p>
      <Link href={href} prefetch={false} className="font-medium underline underline-offset-2 hover:no-underline">
        {t("showThem")}
      </Link>
    </div>
  );
}
