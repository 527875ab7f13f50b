import Link from "next/link";
import { useTranslations } from "next-intl";

const linkClass =
  "inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800";
const disabledClass =
  "inline-flex h-8 items-center rounded-md border border-zinc-200 px-3 text-sm font-medium text-zinc-500 dark:border-zinc-800 dark:text-zinc-500";

/** "Previous" / "Next" (or other labels) between server pages addressed by opaque cursors in the URL. */
export function CursorPagination({
  summary,
  previousHref,
  nextHref,
  previousLabel,
  nextLabel,
}: {
  summary: React.ReactNode;
  previousHref: string | null;
  nextHref: string | null;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const t = useTranslations("DataTable");
  return (
    <nav
      aria-label={t("pagination")}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      <p className="text-zinc-600 dark:text-zinc-400" aria-live="polite">
        {summary}
      </p>
      {(previousHref || nextHref) && (
        <div className="flex gap-2">
          {previousHref ? (
            <Link href={previousHref} rel="prev" className={linkClass}>
              {previousLabel ?? t("previous")}
            </Link>
          ) : (
            <span aria-disabled="true" className={disabledClass}>
              {previousLabel ?? t("previous")}
            </span>
          )}
          {nextHref ? (
            <Link href={nextHref} rel="next" className={linkClass}>
              {nextLabel ?? t("next")}
            </Link>
          ) : (
            <span aria-disabled="true" className={disabledClass}>
              {nextLabel ?? t("next")}
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
