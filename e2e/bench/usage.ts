/**
 * Usage counting (SPEC §11), part of `npm run bench` (or alone: `npx tsx e2e/bench/usage.ts`):
 *  1. GET /api/v1/me, warm cache, with counting on vs off in the same run: the Open API alone
 *     (lib/openapi/test-instance.ts) started alternately with USAGE_COUNTING=on/off on one fresh
 *     embedded database, best of BENCH_ROUNDS each (target: on ≥ 0.8 × off).
 *  2. The API keys list at 100,000 keys: listApiKeys alone vs listApiKeys + the "Requests (24 h)"
 *     query for its 50 keys, over 720,000 hourly buckets (target ≤ 1.2 ×).
 * Prints tables; not a test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { setDatabaseHandle } from "@/db/client";
import { actorFromMembership } from "@/lib/auth/actor";
import { loadMembershipBySlug } from "@/lib/auth/membership";
import { listApiKeys } from "@/lib/keys/rules";
import { getRequestsLast24h } from "@/lib/usage/read";
import { seededDatabase } from "./list";
import { prepareBenchDatabase } from "./seed";
import { CONNECTIONS, DURATION, ROUNDS } from "./settings";

const LIST_RUNS = Number(process.env.BENCH_LIST_RUNS ?? 15);
const ROOT = process.cwd();

function startInstance(dataDir: string, counting: boolean): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/openapi/test-instance.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, DATABASE_URL: "", USAGE_COUNTING: counting ? "on" : "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith('{"port"')) resolve({ url: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`, child });
    });
  });
}

async function stopInstance(child: ChildProcess): Promise<void> {
  // Drops startInstance's "exited early" rejection first, then waits for the exit.
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function measureMe(dataDir: string, secret: string, counting: boolean) {
  const { url, child } = await startInstance(dataDir, counting);
  try {
    const me = `${url}/api/v1/me`;
    const headers = { "x-api-key": secret };
    await autocannon({ url: me, headers, connections: CONNECTIONS, duration: 2 });
    const r = await autocannon({ url: me, headers, connections: CONNECTIONS, duration: DURATION });
    return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, total: r.requests.total };
  } finally {
    await stopInstance(child);
  }
}

async function benchCounting(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-usage-"));
  try {
    const { warmSecret } = await prepareBenchDatabase(dataDir, 10);
    let off: Awaited<ReturnType<typeof measureMe>> | undefined;
    let on: Awaited<ReturnType<typeof measureMe>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const a = await measureMe(dataDir, warmSecret, false);
      const b = await measureMe(dataDir, warmSecret, true);
      if (!off || a.rps > off.rps) off = a;
      if (!on || b.rps > on.rps) on = b;
    }
    if (!off || !on) throw new Error("BENCH_ROUNDS must be at least 1");
    const line = (name: string, r: typeof off) =>
      `${name.padEnd(34)} | ${String(Math.round(r.rps)).padStart(7)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${r.non2xx ? `${r.non2xx} non-2xx` : ""}`;
    return [
      `${"GET /api/v1/me, warm, best of " + ROUNDS} | ${"req/s".padStart(7)} | p50 ms | p99 ms |`,
      line("counting off (USAGE_COUNTING=off)", off),
      line("counting on (default)", on),
      `Counting on = ${(on.rps / off.rps).toFixed(2)} × counting off (target ≥ 0.80).`,
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function benchListColumn(): Promise<string[]> {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.AUTH_SECRET ??= "bench-usage";
  const dir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-usage-list-"));
  process.env.DATA_DIR ??= dir;
  const { handle, adminId } = await seededDatabase(dir, 100_000);
  try {
    const started = performance.now();
    // Every key used in 6 of the last 24 hours; a fifth of them also refused.
    await handle.db.execute(sql`
      insert into key_usage_hours (key_id, workspace_id, hour, outcome, n)
      select k.id, k.workspace_id, date_trunc('hour', now()) - make_interval(hours => h * 4), o.outcome, 1 + (h * 7) % 50
      from api_keys k, generate_series(0, 5) h, (values ('success'), ('forbidden')) o(outcome)
      where o.outcome = 'success' or right(k.id, 1) in ('0', '5')`);
    await handle.db.execute(sql`analyze`);
    const seeded = performance.now() - started;
    const membership = await loadMembershipBySlug(adminId, "acme");
    const actor = actorFromMembership(membership!, { name: "Adam Admin", email: "admin@acme.test" });
    const page = async (withUsage: boolean) => {
      const listed = await listApiKeys(actor, {});
      if (!listed.ok) throw new Error(listed.error);
      if (withUsage) await getRequestsLast24h(actor, listed.data.items.map((k) => k.id));
    };
    for (let i = 0; i < 3; i++) {
      await page(false);
      await page(true);
    }
    const without: number[] = [];
    const withUsage: number[] = [];
    for (let i = 0; i < LIST_RUNS; i++) {
      let t = performance.now();
      await page(false);
      without.push(performance.now() - t);
      t = performance.now();
      await page(true);
      withUsage.push(performance.now() - t);
    }
    const a = median(without);
    const b = median(withUsage);
    return [
      `API keys list, 100,000 keys, first page (${LIST_RUNS} runs, median): without the usage column ${a.toFixed(1)} ms, with it ${b.toFixed(1)} ms = ${(b / a).toFixed(2)} × (target ≤ 1.20).`,
      `(720,000 hourly usage buckets seeded in ${(seeded / 1000).toFixed(1)} s.)`,
    ];
  } finally {
    setDatabaseHandle(undefined);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchUsage(): Promise<void> {
  console.log("\nUsage counting (SPEC §11)");
  const lines = [...(await benchCounting()), "", ...(await benchListColumn())];
  console.log(`\n${lines.join("\n")}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchUsage().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
