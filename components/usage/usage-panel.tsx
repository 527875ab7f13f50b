import { useFormatter, useTranslations } from "next-intl";
import type { UsageSeries } from "@/lib/usage/queries";
import { BucketTime } from "./bucket-time";
import { UsageChart } from "./usage-chart";
import { ViewAsTable } from "./view-as-table";

/** The numbers of the chart, newest first, buckets without requests left out. */
function UsageTable({ series, label }: { series: UsageSeries; label: string }) {
  const unit = series.range === "30d" ? "day" : "hour";
  const rows = series.buckets.filter((b) => b.success + b.refused > 0).reverse();
  const t = useTranslations("Usage.table");
  const format = useFormatter().number;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption", { label, unit })}</caption>
        <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2">
              {unit === "hour" ? t("hour") : t("dayUtc")}
            </th>
            <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">
              {t("requests")}
            </th>
            <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">
              {t("successful")}
            </th>
            <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">
              {t("refused")}
            </th>
            <th scope="col" className="px-3 py-2">
              {t("byCode")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((b) => (
            <tr key={b.start}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <BucketTime iso={b.start} unit={unit} />
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{format(b.success + b.refused)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format(b.success)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{format(b.refused)}</td>
              <td className="px-3 py-2 text-xs text-zinc-600 dark:text-zinc-400">
                {Object.entries(b.byCode)
                  .sort((x, y) => y[1] - x[1])
                  .map(([code, n]) => `${code}: ${format(n)}`)
                  .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One range: the totals, the chart and its table, or "No requests in this period". */
export function UsagePanel({ series, label }: { series: UsageSeries; label: string }) {
  const requests = series.totals.success + series.totals.refused;
  const t = useTranslations("Usage");
  const format = useFormatter().number;
  const number = (chunks: React.ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;
  return (
    <div>
      <div className="mb-4 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <p>{t.rich("totals.requests", { count: format(requests), number })}</p>
        <p>{t.rich("totals.refused", { count: format(series.totals.refused), number })}</p>
      </div>
      {requests === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 px-4 py-10 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {t("noRequests")}
        </p>
      ) : (
        <>
          <UsageChart series={series} label={label} />
          <ViewAsTable>
            <UsageTable series={series} label={label} />
          </ViewAsTable>
        </>
      )}
    </div>
  );
}
