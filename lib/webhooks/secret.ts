import { randomBytes } from "node:crypto";

export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** `whsec_` + base64 of 24 random bytes, the Standard Webhooks secret format. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(24).toString("base64");
}

/** What the page shows without revealing: `whsec_` + the first 4 characters + "…". */
export function webhookSecretHint(secret: string): string {
  return `${secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
}

/** Bound as associated data of the sealed secret: a ciphertext copied to another row does not open. */
export const webhookSecretContext = (endpointId: string) => `webhook_endpoint:${endpointId}`;
