/**
 * The e2e server: a production build on a fresh database with the demo data and the e2e-only
 * workspaces of e2e/support/seed.ts. Against DATABASE_URL (CI) a new database named after it is
 * created on that server; otherwise a fresh embedded one in a temporary directory.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];

async function freshServerDatabase(url: string): Promise<string> {
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.includes(parsed.hostname)) throw new Error(`Refusing to run e2e against the non-local host ${parsed.hostname}`);
  const name = `${parsed.pathname.slice(1) || "keyward"}_e2e`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: process.env.E2E_PORT ?? "3210" };
env.LAST_USED_FLUSH_MS ??= "200";
env.USAGE_FLUSH_MS ??= "200";
// e2e/webhooks.spec.ts delivers to a receiver it starts on 127.0.0.1.
env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ??= "true";
env.WEBHOOK_POLL_MS ??= "250";
let dataDir: string | undefined;
if (process.env.DATABASE_URL) {
  env.DATABASE_URL = await freshServerDatabase(process.env.DATABASE_URL);
  env.AUTH_SECRET ??= "e2e-auth-secret";
  env.KEY_ENCRYPTION_KEY ??= "ZTJlLWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=";
} else {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-e2e-"));
  env.DATA_DIR = dataDir;
}
// The demo data and the e2e-only workspaces, before the server opens the database.
const seed = spawn("npx", ["tsx", "e2e/support/seed.ts"], { env, stdio: "inherit" });
await new Promise<void>((resolve, reject) => seed.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`seed exited ${code}`)))));

const child = spawn("npx", ["tsx", "server.ts"], { env, stdio: "inherit" });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
