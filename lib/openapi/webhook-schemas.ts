import { z } from "zod";
import { DELIVERY_LOG_SIZE } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/validations/webhooks";

/** Response shapes and examples of the webhook endpoints (SPEC §12), for openapi.json. */

const about = <S extends z.ZodType>(schema: S, description: string): S => schema.meta({ description });
const instant = z.iso.datetime({ offset: true });

export const webhookIdParamSchema = z
  .string()
  .max(100, "Webhook id must be at most 100 characters")
  .meta({ description: "The webhook endpoint's id (a UUID)", example: "5b9e0c1a-3f2d-4e8b-9a7c-1d2e3f4a5b6c" });

const event = about(z.enum(WEBHOOK_EVENT_TYPES), "An event name, e.g. api_key.created");

export const webhookEndpointSchema = z
  .object({
    id: about(z.uuid(), "The endpoint's id"),
    url: about(z.string(), "Where events are POSTed"),
    description: about(z.string(), "What the endpoint is for; may be empty"),
    events: about(z.array(event), "The events sent to it"),
    enabled: about(z.boolean(), "Whether events are sent to it (switched off by hand, or after failing for 5 days)"),
    secretHint: about(z.string(), "`whsec_` + the first 4 characters of the signing secret + `…`"),
    failingSince: about(instant.nullable(), "Since when its deliveries have failed without a success; null while they succeed"),
    createdAt: about(instant, "When it was added (ISO 8601, UTC)"),
  })
  .meta({ id: "WebhookEndpoint", description: "A webhook endpoint (never its signing secret)" });

export const webhookEndpointListSchema = z
  .object({ items: about(z.array(webhookEndpointSchema), "The workspace's endpoints, oldest first") })
  .meta({ id: "WebhookEndpointList", description: "The workspace's webhook endpoints" });

export const createdWebhookEndpointSchema = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: about(z.string().regex(/^whsec_[A-Za-z0-9+/]{32}$/), "The signing secret (`whsec_` + base64 of 24 random bytes): returned here once; the console can reveal it later"),
  })
  .meta({ id: "CreatedWebhookEndpoint", description: "The new endpoint and its signing secret" });

export const deletedWebhookEndpointSchema = z
  .object({ id: about(z.uuid(), "The deleted endpoint's id"), deleted: about(z.literal(true), "Always true") })
  .meta({ id: "DeletedWebhookEndpoint", description: "The endpoint that was deleted" });

export const webhookDeliveryListSchema = z
  .object({
    items: about(
      z.array(
        z
          .object({
            id: about(z.string(), "The delivery's id, sent as the `webhook-id` header"),
            event: about(z.string(), "The event type"),
            createdAt: about(instant, "When the event happened"),
            status: about(z.enum(["pending", "delivered", "failed"]), "pending (waiting for an attempt), delivered (2xx), failed (every retry failed)"),
            attempt: about(z.int(), "Attempts made so far"),
            lastAttemptAt: about(instant.nullable(), "When the last attempt started"),
            httpStatus: about(z.int().nullable(), "The last attempt's HTTP status; null: no answer"),
            durationMs: about(z.int().nullable(), "How long the last attempt took, in milliseconds"),
            error: about(z.string().nullable(), "Why the last attempt failed"),
            nextAttemptAt: about(instant.nullable(), "When the next attempt is due; null when none is"),
          })
          .meta({ id: "WebhookDelivery", description: "One event sent to the endpoint, and how its attempts went" }),
      ),
      `The last ${DELIVERY_LOG_SIZE} deliveries, newest first`,
    ),
  })
  .meta({ id: "WebhookDeliveryList", description: "An endpoint's delivery log" });

const endpoint = {
  id: "5b9e0c1a-3f2d-4e8b-9a7c-1d2e3f4a5b6c",
  url: "https://example.com/webhooks/keyward",
  description: "Security tooling",
  events: ["api_key.created", "api_key.deleted", "api_key.expiring"],
  enabled: true,
  secretHint: "whsec_MfKQ…",
  failingSince: null,
  createdAt: "2026-11-30T09:15:00.000Z",
};

export const WEBHOOK_EXAMPLES = {
  create: { url: endpoint.url, description: endpoint.description, events: endpoint.events },
  update: { enabled: false },
  endpoint,
  list: { items: [endpoint] },
  created: { endpoint, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
  deleted: { id: endpoint.id, deleted: true },
  deliveries: {
    items: [
      {
        id: "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
        event: "api_key.created",
        createdAt: "2026-12-01T08:00:00.000Z",
        status: "delivered",
        attempt: 1,
        lastAttemptAt: "2026-12-01T08:00:00.412Z",
        httpStatus: 200,
        durationMs: 87,
        error: null,
        nextAttemptAt: null,
      },
    ],
  },
};
