"use client";

import { useSyncExternalStore } from "react";

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD HH:mm:ss` in the viewer's time zone (or UTC). */
export function formatDateTime(date: Date, utc = false): string {
  const [y, mo, d, h, mi, s] = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

const subscribe = () => () => {};

/**
 * A timestamp shown in the viewer's time zone. The server renders UTC (it cannot know the
 * zone) and the browser swaps in local time after hydration without a mismatch; both have the
 * same width, so nothing shifts. The exact instant is in the tooltip.
 */
export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const date = new Date(iso);
  const local = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = formatDateTime(date, !local);
  return (
    <time dateTime={iso} title={date.toISOString()} className={className ?? "tabular-nums whitespace-nowrap"}>
      {text}
    </time>
  );
}
