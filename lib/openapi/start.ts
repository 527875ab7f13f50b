import { writeFileSync } from "node:fs";
import type { DatabaseHandle } from "@/db/client";
import { log } from "@/lib/log";
import { onShutdown } from "@/lib/server/lifecycle";
import { listenForKeyChanges } from "@/lib/keys/revocation";
import { startWebhooks } from "@/lib/webhooks/start";
import { createOpenApiHandler, type OpenApiHandler } from "./handler";

/**
 * The Open API as a running process needs it: the handler, LISTEN for other instances' key
 * changes, and a shutdown hook that writes pending "last used" before the database closes
 * (register this before the database's own hook).
 *
 * KEYWARD_VERIFY_STATS_FILE (benchmarks only): on SIGUSR2 and at shutdown the verification
 * counters (database look-ups, "last used" writes) are written to that file, with the JS heap in
 * use (after a full garbage collection when node runs with --expose-gc). Nothing is served.
 */
export async function startOpenApi(handle: DatabaseHandle): Promise<OpenApiHandler> {
  const openApi = await createOpenApiHandler({ db: () => handle.db });
  const stopListening = await listenForKeyChanges(handle, () => openApi.clearCache());

  const statsFile = process.env.KEYWARD_VERIFY_STATS_FILE;
  const writeStats = () => {
    if (!statsFile) return;
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync(statsFile, JSON.stringify({ at: Date.now(), heapUsedBytes: process.memoryUsage().heapUsed, ...openApi.stats() }));
  };
  if (statsFile) process.on("SIGUSR2", writeStats);

  onShutdown("open api", async () => {
    await stopListening().catch((err: unknown) => log("warn", "unlisten failed", { err }));
    await openApi.close();
    writeStats();
  });
  // Webhooks (SPEC §12): the outbox dispatcher and the expiry checker, stopped before the database.
  startWebhooks(handle);
  return openApi;
}
