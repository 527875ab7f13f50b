"use client";

import { useFormatter, useTranslations } from "next-intl";
import { toast } from "sonner";
import { listWebhookDeliveriesAction, retryWebhookDeliveryAction } from "@/lib/actions/webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { useServerAction } from "@/lib/client/use-server-action";
import type { WebhookDeliveryView } from "@/lib/webhooks/endpoints";

const TONE = { delivered: "indigo", pending: "amber", failed: "red" } as const;

const cell = "px-3 py-2 text-left align-top";

/** An endpoint's last 100 deliveries: event, time, HTTP status, duration, attempt, and "Retry". */
export function DeliveryLog({
  slug,
  endpointId,
  deliveries,
  onChange,
}: {
  slug: string;
  endpointId: string;
  deliveries: WebhookDeliveryView[];
  onChange: (deliveries: WebhookDeliveryView[]) => void;
}) {
  const t = useTranslations("Webhooks.deliveries");
  const format = useFormatter();
  const refresh = useServerAction(listWebhookDeliveriesAction);
  const retry = useServerAction(retryWebhookDeliveryAction);

  async function reload() {
    const result = await refresh.run(slug, endpointId);
    if (!result.ok) return void toast.error(result.error);
    onChange(result.data.items);
  }

  async function retryOne(id: string) {
    const result = await retry.run(slug, endpointId, id);
    if (!result.ok) return void toast.error(result.error);
    toast.success(t("retried"));
    await reload();
  }

  const headingId = `deliveries-${endpointId}`;
  return (
    <div className="mt-4">
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="text-sm font-medium">
          {t("title")}
        </h4>
        <Button variant="ghost" size="sm" pending={refresh.pending} onClick={reload}>
          {t("refresh")}
        </Button>
      </div>
      {deliveries.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>
      ) : (
        <div className="mt-2 max-h-96 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="w-full min-w-[40rem] text-sm" aria-labelledby={headingId}>
            <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className={cell}>{t("columns.event")}</th>
                <th scope="col" className={cell}>{t("columns.time")}</th>
                <th scope="col" className={cell}>{t("columns.httpStatus")}</th>
                <th scope="col" className={cell}>{t("columns.duration")}</th>
                <th scope="col" className={cell}>{t("columns.attempt")}</th>
                <th scope="col" className={cell}>
                  <span className="sr-only">{t("columns.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className={cell}>
                    <code className="font-mono text-[13px]">{d.event}</code>
                    <div className="mt-1">
                      <Badge tone={TONE[d.status]}>{t(`status.${d.status}`)}</Badge>
                    </div>
                  </td>
                  <td className={cell}>
                    <LocalTime iso={d.lastAttemptAt ?? d.createdAt} relative="under" />
                  </td>
                  <td className={cell} title={d.error ?? undefined}>
                    {d.httpStatus ?? (d.attempt > 0 ? t("noAnswer") : "—")}
                  </td>
                  <td className={`${cell} tabular-nums`}>{d.durationMs === null ? "—" : t("durationMs", { ms: format.number(d.durationMs) })}</td>
                  <td className={`${cell} tabular-nums`}>{d.attempt}</td>
                  <td className={`${cell} text-right`}>
                    <Button variant="secondary" size="sm" disabled={retry.pending} onClick={() => retryOne(d.id)} aria-label={t("retryLabel", { id: d.id, event: d.event })}>
                      {t("retry")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
