import type { DatabaseHandle } from "@/db/client";
import { onShutdown } from "@/lib/server/lifecycle";
import { WebhookDispatcher } from "./dispatcher";
import { startExpiryChecker } from "./expiry";

/**
 * This instance's webhook services: the dispatcher (polls the outbox every WEBHOOK_POLL_MS,
 * default 1000) and the expiry checker (at start and every EXPIRY_CHECK_MS). At shutdown the
 * attempts in flight finish before the database closes (register this before the database's hook).
 */
export function startWebhooks(handle: DatabaseHandle): void {
  const pollMs = Number(process.env.WEBHOOK_POLL_MS ?? 1000);
  const dispatcher = new WebhookDispatcher({ db: () => handle.db, pollMs: Number.isFinite(pollMs) && pollMs >= 50 ? pollMs : 1000 });
  dispatcher.start();
  const stopChecker = startExpiryChecker({ db: () => handle.db });
  onShutdown("webhooks", async () => {
    await Promise.all([dispatcher.stop(), stopChecker()]);
  });
}
