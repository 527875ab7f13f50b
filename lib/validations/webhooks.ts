import { z } from "zod";
import { description, requiredOr } from "./common";

/**
 * Every event an endpoint may subscribe to (SPEC §12): the key events of lib/keys/events.ts
 * (a test keeps the two lists equal; this one is imported by the browser) and `webhook.test`.
 */
export const WEBHOOK_EVENT_TYPES = [
  "api_key.created",
  "api_key.updated",
  "api_key.rolled",
  "api_key.disabled",
  "api_key.enabled",
  "api_key.deleted",
  "api_key.expiring",
  "api_key.expired",
  "api_key.leaked",
  "api_key.decoy_used",
  "api_key.rate_limited",
  "webhook.test",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_ENDPOINTS_MAX = 20;
export const WEBHOOK_DESCRIPTION_MAX = 200;
export const URL_MAX = 2000;

/** A webhook URL as typed: absolute http(s), no credentials in it. Field messages for `url`. */
export function parseWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: "Enter a valid URL, such as https://example.com/webhooks" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "The URL must start with https://" };
  if (url.username || url.password) return { ok: false, message: "The URL must not contain a user name or password" };
  if (!url.hostname) return { ok: false, message: "Enter a valid URL, such as https://example.com/webhooks" };
  return { ok: true, url };
}

/** The URL's form; where it points (https, public address) is checked by lib/webhooks when saved. */
export const webhookUrlSchema = z
  .string({ error: requiredOr("URL is required", "URL must be text") })
  .trim()
  .min(1, "URL is required")
  .max(URL_MAX, `URL must be at most ${URL_MAX} characters`)
  .superRefine((value, ctx) => {
    const parsed = parseWebhookUrl(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
  })
  .meta({
    format: "uri",
    maxLength: URL_MAX,
    description:
      "Where events are POSTed: https:// to a public address (http:// or a private address only when the server sets WEBHOOK_ALLOW_PRIVATE_NETWORKS=true)",
    example: "https://example.com/webhooks/keyward",
  });

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event" }), {
    error: requiredOr("Choose at least one event", "Events must be a list of event names"),
  })
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length * 2, "Too many events")
  .transform((events) => WEBHOOK_EVENT_TYPES.filter((e) => events.includes(e)))
  .meta({ description: "The events to send (at least one), e.g. api_key.created" });

export const webhookDescriptionSchema = description({ max: WEBHOOK_DESCRIPTION_MAX });

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  description: webhookDescriptionSchema.optional().default(""),
  events: webhookEventsSchema,
});

export const updateWebhookSchema = z
  .strictObject({
    url: webhookUrlSchema.optional(),
    description: webhookDescriptionSchema.optional(),
    events: webhookEventsSchema.optional(),
    enabled: z.boolean({ error: "enabled must be true or false" }).optional().meta({ description: "Whether events are sent to it" }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change")
  .meta({ minProperties: 1, description: "Only the fields to change" });

export const revealWebhookSecretSchema = z.strictObject({
  purpose: z.enum(["reveal", "copy"], { error: "purpose must be reveal or copy" }),
});

export type CreateWebhookInput = z.input<typeof createWebhookSchema>;
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;
