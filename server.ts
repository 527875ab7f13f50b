import http from "node:http";
import next from "next";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/seed";
import { getDatabaseHandle } from "@/db/client";
import { prepareDatabase } from "@/lib/seed/prepare";
import { ConfigError, getConfig } from "@/lib/config";
import { log, routeConsoleToLog } from "@/lib/log";
import { onShutdown, runShutdownHooks } from "@/lib/server/lifecycle";
import { startOpenApi } from "@/lib/openapi/start";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { isForeignServerAction, refuseForeignServerAction, setBaselineHeaders } from "@/lib/server/http-guards";

const dev = process.argv.includes("--dev");

// Production logs are JSON lines only; `npm run dev` keeps Next's own output readable.
if (!dev) routeConsoleToLog();

async function main() {
  const config = getConfig();
  // next-auth takes the origin from the request's Host unless NEXTAUTH_URL pins it.
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.NEXTAUTH_SECRET ??= config.authSecret;

  // Next before the database. In the other order Node's own nextTick built every tick object
  // through V8's slow runtime path on each Open API request (perf, issue #20: ~2.5 µs of ~25).
  const app = next({ dev, dir: process.cwd() });
  await app.prepare();
  const nextHandler = app.getRequestHandler();

  const started = Date.now();
  const { seeded } = await prepareDatabase();
  const handle = getDatabaseHandle();
  log("info", "database ready", { driver: handle.kind, seeded, ms: Date.now() - started });
  // Registers its shutdown hook (flush "last used") before the database's, so it runs first.
  const openApi = await startOpenApi(handle);

  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/api/v1/") || req.url === "/api/v1") {
      // Sets the same baseline headers itself (in one writeHead on its fast path).
      openApi.handle(req, res);
      return;
    }
    setBaselineHeaders(res, false);
    if (isForeignServerAction(req)) {
      refuseForeignServerAction(res);
      return;
    }
    // The console's audit events record the socket address; a client cannot set it.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
    nextHandler(req, res).catch((err: unknown) => {
      log("error", "request failed", { path: req.url?.split("?")[0], err });
      if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
    });
  });
  server.keepAliveTimeout = 65_000;

  onShutdown("database", () => handle.close());
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("info", "shutting down", { signal });
    server.close();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
    runShutdownHooks()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log("error", "shutdown failed", { err });
        process.exit(1);
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  server.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    log("info", "Keyward is listening", { url: `http://localhost:${port}`, mode: dev ? "development" : "production" });
    if (!config.databaseUrl) demoSignIns(port);
  });
}

/** For a person at a terminal, the demo sign-ins as text; in a log, one JSON line (never the password). */
function demoSignIns(port: number) {
  if (!process.stdout.isTTY) {
    log("info", "demo sign-ins (the password is in the README)", { emails: DEMO_USERS.map((u) => u.email) });
    return;
  }
  process.stdout.write(
    `\n  Keyward: http://localhost:${port}\n  Demo sign-ins (password "${DEMO_PASSWORD}"):\n` +
      DEMO_USERS.map((u) => `    ${u.email}`).join("\n") +
      "\n\n",
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    log("error", "configuration error", { message: err.message });
  } else {
    log("error", "start-up failed", { err });
  }
  process.exit(1);
});
