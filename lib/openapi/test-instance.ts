/**
 * One Open API instance without the console, wired like server.ts (handler, LISTEN, shutdown
 * flush) on DATABASE_URL and a free loopback port, which it prints as {"port":N}. The
 * two-instance test starts two of these on one database.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDatabaseHandle } from "@/db/client";
import { onShutdown, runShutdownHooks } from "@/lib/server/lifecycle";
import { startOpenApi } from "./start";

const handle = getDatabaseHandle();
const openApi = await startOpenApi(handle);
onShutdown("database", () => handle.close());
const server = http.createServer((req, res) => openApi.handle(req, res));
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void runShutdownHooks().finally(() => process.exit(0));
});
