"use client";

import { useSyncExternalStore } from "react";

const pad = (n: number) => String(n).padStart(2, "0");
const subscribe = () => () => {};
const mounted = () => true;
const onServer = () => false;

/**
 * A bucket's start: hours in the viewer's zone ("YYYY-MM-DD HH:00", or "HH:00" when `short`),
 * days as their UTC date (daily buckets are UTC days). The server renders UTC; the browser swaps
 * in local time after hydration, as LocalTime does.
 */
export function BucketTime({ iso, unit, short = false }: { iso: string; unit: "hour" | "day"; short?: boolean }) {
  const local = useSyncExternalStore(subscribe, mounted, onServer) && unit === "hour";
  const d = new Date(iso);
  const [y, mo, day, h] = local
    ? [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours()]
    : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours()];
  const date = short ? `${pad(mo)}-${pad(day)}` : `${y}-${pad(mo)}-${pad(day)}`;
  const text = unit === "day" ? date : short ? `${pad(h)}:00` : `${date} ${pad(h)}:00`;
  return (
    <time dateTime={iso} className="tabular-nums whitespace-nowrap">
      {text}
    </time>
  );
}
