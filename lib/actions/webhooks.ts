"use server";

import { revalidatePath } from "next/cache";
import { withWorkspaceAction } from "@/lib/auth/action";
import type { Result } from "@/lib/result";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  retryWebhookDelivery,
  revealWebhookSecret,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  updateWebhookEndpoint,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from "@/lib/webhooks/endpoints";

function afterWrite<T>(slug: string, result: Result<T>): Result<T> {
  if (result.ok) revalidatePath(`/w/${slug}/settings`);
  return result;
}

/** Adds an endpoint; the secret is not sent to the page (it is revealed on demand, audited). */
export async function createWebhookAction(slug: string, input: unknown): Promise<Result<WebhookEndpointView>> {
  return withWorkspaceAction(slug, async (actor) => {
    const result = afterWrite(slug, await createWebhookEndpoint(actor, input));
    return result.ok ? { ok: true, data: result.data.endpoint } : result;
  });
}

export async function updateWebhookAction(slug: string, id: string, input: unknown): Promise<Result<WebhookEndpointView>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await updateWebhookEndpoint(actor, String(id), input)));
}

export async function deleteWebhookAction(slug: string, id: string): Promise<Result<{ id: string; deleted: true }>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await deleteWebhookEndpoint(actor, String(id))));
}

/** Fetches the signing secret on demand ("Reveal", "Copy"): the page itself never holds it. */
export async function revealWebhookSecretAction(slug: string, id: string, purpose: "reveal" | "copy"): Promise<Result<{ secret: string }>> {
  return withWorkspaceAction(slug, (actor) => revealWebhookSecret(actor, String(id), purpose));
}

export async function rotateWebhookSecretAction(slug: string, id: string): Promise<Result<WebhookEndpointView>> {
  return withWorkspaceAction(slug, async (actor) => afterWrite(slug, await rotateWebhookSecret(actor, String(id))));
}

export async function sendWebhookTestAction(slug: string, id: string): Promise<Result<{ deliveryId: string }>> {
  return withWorkspaceAction(slug, (actor) => sendWebhookTestEvent(actor, String(id)));
}

export async function retryWebhookDeliveryAction(slug: string, id: string, deliveryId: string): Promise<Result<{ id: string }>> {
  return withWorkspaceAction(slug, (actor) => retryWebhookDelivery(actor, String(id), String(deliveryId)));
}

export async function listWebhookDeliveriesAction(slug: string, id: string): Promise<Result<{ items: WebhookDeliveryView[] }>> {
  return withWorkspaceAction(slug, (actor) => listWebhookDeliveries(actor, String(id)));
}
