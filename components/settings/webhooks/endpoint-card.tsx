"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import {
  deleteWebhookAction,
  listWebhookDeliveriesAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
  updateWebhookAction,
} from "@/lib/actions/webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { Switch } from "@/components/ui/switch";
import { useServerAction } from "@/lib/client/use-server-action";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/endpoints";
import { ConfirmDialog } from "./confirm-dialog";
import { DeliveryLog } from "./delivery-log";

const term = "font-medium text-zinc-800 dark:text-zinc-200";

/** One endpoint: URL, events, signing secret, "Send test event", enabled switch, "Delete", deliveries. */
export function EndpointCard({
  slug,
  endpoint: initial,
  deliveries: initialDeliveries,
  onDeleted,
}: {
  slug: string;
  endpoint: WebhookEndpointView;
  deliveries: WebhookDeliveryView[];
  onDeleted: (id: string) => void;
}) {
  const t = useTranslations("Webhooks");
  const [endpoint, setEndpoint] = useState(initial);
  const [deliveries, setDeliveries] = useState(initialDeliveries);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const reveal = useServerAction(revealWebhookSecretAction);
  const copy = useServerAction(revealWebhookSecretAction);
  const rotation = useServerAction(rotateWebhookSecretAction);
  const removal = useServerAction(deleteWebhookAction);
  const toggle = useServerAction(updateWebhookAction);
  const test = useServerAction(sendWebhookTestAction);
  const refresh = useServerAction(listWebhookDeliveriesAction);
  const id = endpoint.id;

  async function toggleReveal() {
    if (revealed) return setRevealed(null);
    const result = await reveal.run(slug, id, "reveal");
    if (!result.ok) return void toast.error(result.error);
    setRevealed(result.data.secret);
  }

  async function copySecret() {
    const result = await copy.run(slug, id, "copy");
    if (!result.ok) {
      toast.error(result.error);
      return null;
    }
    return result.data.secret;
  }

  async function rotate() {
    const result = await rotation.run(slug, id);
    if (!result.ok) return;
    setEndpoint(result.data);
    setRevealed(null);
    setConfirm(null);
    toast.success(t("endpoint.secretRotated"));
  }

  async function remove() {
    const result = await removal.run(slug, id);
    if (!result.ok) return;
    setConfirm(null);
    onDeleted(id);
    toast.success(t("endpoint.deleted"));
  }

  async function setEnabled(enabled: boolean) {
    const result = await toggle.run(slug, id, { enabled });
    if (!result.ok) return void toast.error(result.error);
    setEndpoint(result.data);
    toast.success(enabled ? t("endpoint.enabledToast") : t("endpoint.disabledToast"));
  }

  async function sendTest() {
    const result = await test.run(slug, id);
    if (!result.ok) return void toast.error(result.error);
    toast.success(t("endpoint.testQueued"));
    const log = await refresh.run(slug, id);
    if (log.ok) setDeliveries(log.data.items);
  }

  const switchLabel = `endpoint-enabled-${id}`;
  const { failingSince } = endpoint;
  return (
    <article data-testid="webhook-endpoint" aria-label={t("endpoint.label", { url: endpoint.url })} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="font-mono text-sm break-all" data-testid="webhook-url">
            {endpoint.url}
          </p>
          {endpoint.description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{endpoint.description}</p>}
          {!endpoint.enabled && failingSince && (
            <p className="mt-1 text-sm text-red-700 dark:text-red-300">
              {t.rich("endpoint.disabledSince", { time: () => <LocalTime iso={failingSince} relative={false} /> })}
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-2">
          <span id={switchLabel} className="text-sm text-zinc-700 dark:text-zinc-300">
            {t("endpoint.enabled")}
          </span>
          <Switch aria-labelledby={switchLabel} checked={endpoint.enabled} pending={toggle.pending} onCheckedChange={setEnabled} />
        </div>
      </div>

      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-3">
        <dt className={term}>{t("endpoint.events")}</dt>
        <dd className="mb-2 flex flex-wrap gap-1 sm:mb-0">
          {endpoint.events.map((event) => (
            <Badge key={event} className="font-mono">
              {event}
            </Badge>
          ))}
        </dd>
        <dt className={term}>{t("endpoint.signingSecret")}</dt>
        <dd className="min-w-0">
          <code data-testid="webhook-secret" className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm break-all dark:bg-zinc-800">
            {revealed ?? endpoint.secretHint}
          </code>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" pending={reveal.pending} onClick={toggleReveal}>
              {revealed ? t("endpoint.hide") : t("endpoint.reveal")}
            </Button>
            <CopyButton label={t("endpoint.copy")} getText={copySecret} />
            <Button variant="secondary" size="sm" onClick={() => setConfirm("rotate")}>
              {t("endpoint.rotate")}
            </Button>
          </div>
        </dd>
      </dl>

      <div className="mt-4 flex flex-wrap gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <Button variant="secondary" size="sm" pending={test.pending} onClick={sendTest}>
          {t("endpoint.sendTest")}
        </Button>
        <Button variant="destructive" size="sm" onClick={() => setConfirm("delete")}>
          {t("endpoint.delete")}
        </Button>
      </div>

      <DeliveryLog slug={slug} endpointId={id} deliveries={deliveries} onChange={setDeliveries} />

      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => setConfirm(open ? "rotate" : null)}
        title={t("rotateDialog.title")}
        description={t("rotateDialog.description")}
        confirm={t("rotateDialog.confirm")}
        pending={rotation.pending}
        error={rotation.error}
        onConfirm={rotate}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => setConfirm(open ? "delete" : null)}
        title={t("deleteDialog.title")}
        description={t.rich("deleteDialog.description", {
          url: endpoint.url,
          mono: (chunks) => <span className="font-mono break-all">{chunks}</span>,
        })}
        confirm={t("deleteDialog.confirm")}
        destructive
        pending={removal.pending}
        error={removal.error}
        onConfirm={remove}
      />
    </article>
  );
}
