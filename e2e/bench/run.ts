/**
 * `npm run bench`: the Open API verification path against the production server on a fresh
 * embedded database, beside the bare node:http ceiling measured in the same run. Prints a
 * table; not a test (nothing here fails on a slow machine). Loopback only, bounded runs.
 *
 * BENCH_DURATION (seconds per timed run, default 10), BENCH_ROUNDS (alternating runs of the ceiling and
 * the server, best kept; default 2) and BENCH_CONNECTIONS (default 50).
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonOptions, type AutocannonResult } from "autocannon";
import type { OpenApiStats } from "@/lib/openapi/handler";

const ROOT = process.cwd();
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const COLD_KEYS = 10_000;
const COUNTED = 10_000;

type Row = { name: string; rps: number; p50: number; p99: number; cpu?: number; note?: string };

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** A run and the server CPU it cost per request (µs): unlike req/s, this barely moves with other load on the machine. */
async function measured(pid: number | undefined, run: () => Promise<AutocannonResult>): Promise<AutocannonResult & { cpuPerRequest?: number }> {
  const before = cpuMs(pid);
  const result = await run();
  const after = cpuMs(pid);
  const cpuPerRequest = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests.total;
  return { ...result, cpuPerRequest };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function ensureBuild(): void {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("No production build (.next): running `next build` first…");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", cwd: ROOT });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`server did not answer ${url} in time`);
}

async function load(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon({ connections: CONNECTIONS, ...options });
}

const row = (name: string, r: AutocannonResult & { cpuPerRequest?: number }, note?: string): Row => {
  const problems = [r.non2xx && `${r.non2xx} non-2xx`, r.errors && `${r.errors} errors`, r.timeouts && `${r.timeouts} timeouts`];
  return {
    name,
    rps: Math.round(r.requests.total / r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpu: r.cpuPerRequest,
    note: [note, ...problems].filter(Boolean).join("; "),
  };
};

/** The server's verification counters (KEYWARD_VERIFY_STATS_FILE, written on SIGUSR2). */
async function readStats(server: ChildProcess, file: string): Promise<OpenApiStats> {
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  server.kill("SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await sleep(20);
    if (existsSync(file) && (statSync(file).mtimeMs !== before || readFileSync(file, "utf8") !== previous)) break;
  }
  return JSON.parse(readFileSync(file, "utf8")) as OpenApiStats;
}

function printTable(rows: Row[], lines: string[]): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const width = Math.max(...rows.map((r) => r.name.length));
  const cpu = (r: Row) => (r.cpu === undefined ? "n/a" : r.cpu.toFixed(1));
  console.log(`\n${pad("measurement", width)} | ${"req/s".padStart(7)} | ${"p50 ms".padStart(6)} | ${"p99 ms".padStart(6)} | ${"CPU µs/req".padStart(10)} | note`);
  console.log(`${"-".repeat(width)}-|-${"-".repeat(7)}-|-${"-".repeat(6)}-|-${"-".repeat(6)}-|-${"-".repeat(10)}-|-----`);
  for (const r of rows) {
    console.log(
      `${pad(r.name, width)} | ${String(r.rps).padStart(7)} | ${String(r.p50).padStart(6)} | ${String(r.p99).padStart(6)} | ${cpu(r).padStart(10)} | ${r.note ?? ""}`,
    );
  }
  console.log("");
  for (const line of lines) console.log(line);
  console.log("");
}

async function main(): Promise<void> {
  const started = Date.now();
  ensureBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-"));
  process.env.DATA_DIR = dataDir;
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });

  try {
    console.log(`Fresh embedded database in ${dataDir}: demo data + ${COLD_KEYS} keys…`);
    const { prepareBenchDatabase } = await import("./seed");
    const data = await prepareBenchDatabase(dataDir, COLD_KEYS);

    const port = await freePort();
    const statsFile = path.join(dataDir, "verify-stats.json");
    const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, KEYWARD_VERIFY_STATS_FILE: statsFile },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/openapi.json`, server);

    const bare = fork(path.join(ROOT, "e2e/bench/bare-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    children.push(bare);
    const ceiling = await new Promise<{ port: number; secret: string }>((resolve) => bare.once("message", (m) => resolve(m as never)));

    const me = `${base}/api/v1/me`;
    const check = await fetch(me, { headers: { "x-api-key": data.warmSecret } });
    if (check.status !== 200) throw new Error(`GET /api/v1/me answered ${check.status}: ${await check.text()}`);

    // Other work on the machine skews single runs: the two are measured alternately, best of each kept.
    console.log(`Timed runs: ${ROUNDS} × ${DURATION} s each, alternating, after a 2 s warm-up, ${CONNECTIONS} connections…`);
    const rps = (r: AutocannonResult) => r.requests.total / r.duration;
    let bareRun: Awaited<ReturnType<typeof measured>> | undefined;
    let meRun: Awaited<ReturnType<typeof measured>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      const bareUrl = `http://127.0.0.1:${ceiling.port}/api/v1/me`;
      if (round === 0) await load({ url: bareUrl, headers: { "x-api-key": ceiling.secret }, duration: 2 });
      const b = await measured(bare.pid, () => load({ url: bareUrl, headers: { "x-api-key": ceiling.secret }, duration: DURATION }));
      if (round === 0) await load({ url: me, headers: { "x-api-key": data.warmSecret }, duration: 2 });
      const m = await measured(server.pid, () => load({ url: me, headers: { "x-api-key": data.warmSecret }, duration: DURATION }));
      if (!bareRun || rps(b) > rps(bareRun)) bareRun = b;
      if (!meRun || rps(m) > rps(meRun)) meRun = m;
    }
    bare.kill();
    if (!bareRun || !meRun) throw new Error("BENCH_ROUNDS must be at least 1");

    const s0 = await readStats(server, statsFile);
    const counted = await measured(server.pid, () => load({ url: me, headers: { "x-api-key": data.warmSecret }, amount: COUNTED }));
    const s1 = await readStats(server, statsFile);

    let next = 0;
    const secrets = data.coldSecrets;
    const cold = await measured(server.pid, () =>
      load({
        url: me,
        amount: secrets.length,
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-api-key": secrets[next++ % secrets.length]! } }) }],
      }),
    );
    const s2 = await readStats(server, statsFile);

    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    const final = JSON.parse(readFileSync(statsFile, "utf8")) as OpenApiStats;

    const ratio = rps(meRun) / rps(bareRun);
    const cpuRatio = bareRun.cpuPerRequest && meRun.cpuPerRequest ? bareRun.cpuPerRequest / meRun.cpuPerRequest : undefined;
    const rows: Row[] = [
      row(`bare node:http + SHA-256 + Map (ceiling), best of ${ROUNDS}`, bareRun),
      row(`GET /api/v1/me, valid key (production server), best of ${ROUNDS}`, meRun, `${ratio.toFixed(2)} × ceiling (target ≥ 0.50)`),
      row(`GET /api/v1/me, ${COUNTED} requests, one key`, counted),
      row(`GET /api/v1/me, cold cache (${secrets.length} keys, each request a new key)`, cold),
    ];
    const d = (a: OpenApiStats, b: OpenApiStats) => ({
      queries: b.verifier.queries - a.verifier.queries,
      writes: b.lastUsed.writes - a.lastUsed.writes,
      rows: b.lastUsed.keysWritten - a.lastUsed.keysWritten,
    });
    const warm = d(s0, s1);
    const coldCounts = d(s1, s2);
    const flush = d(s2, final);
    printTable(rows, [
      `Database work per ${COUNTED} verified requests (one key, cache warm): ${warm.queries} look-up queries, ${warm.writes} "last used" UPDATEs (${warm.rows} rows).`,
      `Database work per ${secrets.length} verified requests (each a new key): ${coldCounts.queries} look-up queries, ${coldCounts.writes} "last used" UPDATEs (${coldCounts.rows} rows).`,
      `"Last used" written at shutdown (LAST_USED_FLUSH_MS=${process.env.LAST_USED_FLUSH_MS ?? 60000}): ${flush.writes} batched UPDATEs carrying ${flush.rows} rows, for ${secrets.length + 1} keys used.`,
      `Whole run: ${final.verifier.queries} look-up queries, ${final.lastUsed.writes} UPDATEs (${final.lastUsed.keysWritten} rows), ${final.cachedKeys} keys cached at exit.`,
      cpuRatio === undefined
        ? "Server CPU per request: not available on this system."
        : `Server CPU per request: the ceiling costs ${cpuRatio.toFixed(2)} × what GET /api/v1/me costs (the req/s ratio's machine-load-independent twin).`,
      `Total bench time: ${Math.round((Date.now() - started) / 1000)} s.`,
    ]);
  } finally {
    cleanup();
  }

  // Other benchmarks join the same command when present.
  const list = path.join(ROOT, "e2e/bench/list.ts");
  if (existsSync(list)) {
    const mod = (await import(list)) as { benchList?: () => Promise<void> };
    await mod.benchList?.();
  }
  const usage = path.join(ROOT, "e2e/bench/usage.ts");
  if (existsSync(usage)) await ((await import(usage)) as { benchUsage?: () => Promise<void> }).benchUsage?.();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
