"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/endpoints";
import { WEBHOOK_ENDPOINTS_MAX } from "@/lib/validations/webhooks";
import { SettingsSection } from "../settings-section";
import { AddWebhookDialog } from "./add-webhook-dialog";
import { EndpointCard } from "./endpoint-card";

export type WebhookSectionData = { endpoint: WebhookEndpointView; deliveries: WebhookDeliveryView[] }[];

/** Settings → "Webhooks" (workspace:manage): the workspace's endpoints and "Add endpoint". */
export function WebhooksSection({ slug, initial }: { slug: string; initial: WebhookSectionData }) {
  const t = useTranslations("Webhooks");
  const [items, setItems] = useState(initial);
  const [adding, setAdding] = useState(false);
  const full = items.length >= WEBHOOK_ENDPOINTS_MAX;

  return (
    <SettingsSection
      id="webhooks"
      title={t("title")}
      description={t("description")}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {items.length === 0 ? t("none") : t("count", { count: items.length, max: WEBHOOK_ENDPOINTS_MAX })}
        </p>
        <Button onClick={() => setAdding(true)} disabled={full} title={full ? t("atMost", { max: WEBHOOK_ENDPOINTS_MAX }) : undefined}>
          {t("add")}
        </Button>
      </div>
      {items.length > 0 && (
        <div className="mt-4 space-y-4">
          {items.map(({ endpoint, deliveries }) => (
            <EndpointCard
              key={endpoint.id}
              slug={slug}
              endpoint={endpoint}
              deliveries={deliveries}
              onDeleted={(id) => setItems((all) => all.filter((i) => i.endpoint.id !== id))}
            />
          ))}
        </div>
      )}
      <AddWebhookDialog
        slug={slug}
        open={adding}
        onOpenChange={setAdding}
        onAdded={(endpoint) => setItems((all) => [...all, { endpoint, deliveries: [] }])}
      />
    </SettingsSection>
  );
}
