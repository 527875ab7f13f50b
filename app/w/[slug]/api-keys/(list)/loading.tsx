import { useTranslations } from "next-intl";
import { ApiKeysPageHeader } from "@/components/api-keys/api-keys-list-header";
import { Skeleton } from "@/components/ui/skeleton";

const COLUMNS = ["w-32", "w-28", "w-20", "w-32", "w-24", "w-32", "w-24"];

/** The list's shape while the server loads it: same header, toolbar and row heights. */
export default function Loading() {
  const t = useTranslations("ApiKeys");
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        {t("loading")}
      </span>
      <ApiKeysPageHeader actions={<Skeleton className="h-9 w-28 rounded-md" />} />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Skeleton className="h-9 w-full rounded-md sm:max-w-xs" />
        <Skeleton className="h-8 w-44 rounded-md" />
      </div>
      <div className="overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex gap-8 border-b border-zinc-200 bg-zinc-50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
          {COLUMNS.map((w, i) => (
            <Skeleton key={i} className={`h-3 ${w} shrink-0`} />
          ))}
        </div>
        <div className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {Array.from({ length: 8 }, (_, row) => (
            <div key={row} className="flex h-16 items-center gap-8 px-4">
              {COLUMNS.map((w, i) => (
                <Skeleton key={i} className={`h-3.5 ${w} shrink-0`} />
              ))}
            </div>
          ))}
        </div>
        <div className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <Skeleton className="h-4 w-16" />
        </div>
      </div>
    </div>
  );
}
