"use client";

import { useLinkStatus } from "next/link";
import { useTranslations } from "next-intl";

/**
 * Put inside a `<Link>`: while the page it leads to loads, a bar runs along the top of the
 * window, so a click on a slow network visibly did something.
 */
export function NavigationPending() {
  const { pending } = useLinkStatus();
  const t = useTranslations("Shell.nav");
  if (!pending) return null;
  return (
    <span
      role="progressbar"
      aria-label={t("loadingPage")}
      className="pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5 origin-left animate-[navigation-pending_1.2s_ease-out_infinite] bg-indigo-600 dark:bg-indigo-400"
    />
  );
}
