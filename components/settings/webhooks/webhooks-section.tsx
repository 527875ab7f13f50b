"use client";

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
  const [items, setItems] = useState(initial);
  const [adding, setAdding] = useState(false);
  const full = items.length >= WEBHOOK_ENDPOINTS_MAX;

  return (
    <SettingsSection
      id="webhooks"
      title="Webhooks"
      description="Signed HTTP notifications of every key event, and warnings 14, 7 and 1 days before a key expires."
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {items.length === 0 ? "No webhook endpoints yet." : `${items.length} of ${WEBHOOK_ENDPOINTS_MAX} endpoints`}
        </p>
        <Button onClick={() => setAdding(true)} disabled={full} title={full ? `At most ${WEBHOOK_ENDPOINTS_MAX} endpoints` : undefined}>
          Add endpoint
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
