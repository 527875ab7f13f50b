"use client";

import { toast } from "sonner";
import { listWebhookDeliveriesAction, retryWebhookDeliveryAction } from "@/lib/actions/webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { useServerAction } from "@/lib/client/use-server-action";
import type { WebhookDeliveryView } from "@/lib/webhooks/endpoints";

const STATUS = {
  delivered: { label: "Delivered", tone: "indigo" },
  pending: { label: "Pending", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
} as const;

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
    toast.success("Delivery queued for another attempt");
    await reload();
  }

  const headingId = `deliveries-${endpointId}`;
  return (
    <div className="mt-4">
      <div className="flex items-center justify-between gap-2">
        <h4 id={headingId} className="text-sm font-medium">
          Deliveries
        </h4>
        <Button variant="ghost" size="sm" pending={refresh.pending} onClick={reload}>
          Refresh
        </Button>
      </div>
      {deliveries.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet.</p>
      ) : (
        <div className="mt-2 max-h-96 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={headingId}>
          <table className="w-full min-w-[40rem] text-sm" aria-labelledby={headingId}>
            <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className={cell}>Event</th>
                <th scope="col" className={cell}>Time</th>
                <th scope="col" className={cell}>HTTP status</th>
                <th scope="col" className={cell}>Duration</th>
                <th scope="col" className={cell}>Attempt</th>
                <th scope="col" className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className={cell}>
                    <code className="font-mono text-[13px]">{d.event}</code>
                    <div className="mt-1">
                      <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
                    </div>
                  </td>
                  <td className={cell}>
                    <LocalTime iso={d.lastAttemptAt ?? d.createdAt} relative="under" />
                  </td>
                  <td className={cell} title={d.error ?? undefined}>
                    {d.httpStatus ?? (d.attempt > 0 ? "No answer" : "—")}
                  </td>
                  <td className={`${cell} tabular-nums`}>{d.durationMs === null ? "—" : `${d.durationMs} ms`}</td>
                  <td className={`${cell} tabular-nums`}>{d.attempt}</td>
                  <td className={`${cell} text-right`}>
                    <Button variant="secondary" size="sm" disabled={retry.pending} onClick={() => retryOne(d.id)} aria-label={`Retry delivery ${d.id} (${d.event})`}>
                      Retry
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
