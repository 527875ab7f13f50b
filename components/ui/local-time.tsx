"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD HH:mm:ss` in the viewer's time zone (or UTC). */
export function formatDateTime(date: Date, utc = false): string {
  const [y, mo, d, h, mi, s] = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** The viewer's zone as "Europe/Berlin, UTC+01:00" for the instant (offsets change with DST). */
export function zoneLabel(date: Date): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const offset = `UTC${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
  return zone && zone !== "UTC" ? `${zone}, ${offset}` : offset;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["week", 7 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];
const formats = new Map<string, Intl.RelativeTimeFormat>();
const relativeFormat = (locale: string) => {
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  return format;
};

/**
 * "3 days ago", "in 5 days", "now": the largest whole unit that fits, in `locale`'s words and
 * plural forms ("через 3 дні", "3天后").
 */
export function relativeTime(date: Date, now = Date.now(), locale = "en"): string {
  const RELATIVE = relativeFormat(locale);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return RELATIVE.format(0, "second");
  for (const [unit, size] of UNITS) {
    if (abs >= size) return RELATIVE.format(Math.trunc(seconds / size), unit);
  }
  return RELATIVE.format(Math.sign(seconds), "minute");
}

const subscribe = () => () => {};
const mounted = () => true;
const onServer = () => false;

/** The date and the time may go on two lines, each kept whole (never "2026-12-" / "02"). */
function WrapAtSpace({ text }: { text: string }) {
  const [date, time] = text.split(" ");
  return (
    <>
      <span className="whitespace-nowrap">{date}</span> <span className="whitespace-nowrap">{time}</span>
    </>
  );
}

/**
 * A timestamp as `YYYY-MM-DD HH:mm:ss` in the viewer's time zone, with a relative time ("3 days
 * ago") under or beside it, and the zone in the tooltip. The server renders UTC (it cannot know
 * the zone, nor when the page is read) and the browser swaps in local time and the relative part
 * after hydration without a mismatch; a reserved line keeps the table rows from shifting.
 */
export function LocalTime({
  iso,
  className,
  relative = "beside",
  wrap = false,
}: {
  iso: string;
  className?: string;
  relative?: "under" | "beside" | false;
  /** May break between the date and the time where its column is narrow (a wide table). */
  wrap?: boolean;
}) {
  const date = new Date(iso);
  const locale = useLocale();
  const local = useSyncExternalStore(subscribe, mounted, onServer);
  const exact = formatDateTime(date, !local);
  const title = local ? `${exact} (${zoneLabel(date)})` : `${exact} (UTC)`;
  const time = (
    <time dateTime={iso} title={title} className={cn("tabular-nums", !wrap && "whitespace-nowrap", className)}>
      {wrap ? <WrapAtSpace text={exact} /> : exact}
    </time>
  );
  if (!relative) return time;
  const ago = local ? relativeTime(date, undefined, locale) : "\u00a0";
  return (
    <span className={relative === "under" ? "inline-flex flex-col items-start" : "whitespace-nowrap"}>
      {time}
      {relative === "beside" && " "}
      <span className="text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">{relative === "beside" && local ? `(${ago})` : ago}</span>
    </span>
  );
}
