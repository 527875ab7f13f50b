/**
 * `npm run bench`: the Open API verification path against the production server, beside the bare
 * node:http ceilings measured in the same run, then the other scenarios (SCENARIOS, at the end).
 * Prints tables; not a test (nothing here fails on a slow machine). Loopback only, bounded runs.
 *
 * Without BENCH_DATABASE_URL: a fresh embedded PGlite database with 10,000 keys (one process: no
 * cold ceiling, no second instance). With BENCH_DATABASE_URL=postgres://…/keyward_bench: that
 * database is DROPPED and re-created with 1,000,000 keys (e2e/bench/seed-postgres.ts; BENCH_REUSE=1
 * keeps one seeded earlier), and the run adds the cold ceiling, PostgreSQL CPU, memory after
 * BENCH_SEEN distinct keys (default 1,000,000), revocation across two instances and the list at
 * 100 and 1,000,000 keys.
 *
 * BENCH_DURATION, BENCH_ROUNDS, BENCH_CONNECTIONS: the timed runs (settings.ts); BENCH_COLD (keys in
 * each cold run; default 10,000 embedded, 50,000 on PostgreSQL, where BENCH_ROUNDS cold runs
 * alternate with the cold ceiling's, each on keys not presented before).
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonOptions, type AutocannonResult } from "autocannon";
import type { OpenApiStats } from "@/lib/openapi/handler";
import type { PostgresBenchData } from "./seed-postgres";
import { CONNECTIONS, DURATION, ROUNDS } from "./settings";

const ROOT = process.cwd();
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || undefined;
const COLD_KEYS = Number(process.env.BENCH_COLD ?? (POSTGRES_URL ? 50_000 : 10_000));
const SEEN = Number(process.env.BENCH_SEEN ?? 1_000_000);
const COUNTED = 10_000;
const REVOCATIONS = 50;

type Row = { name: string; rps: number; p50: number; p99: number; cpu?: number; note?: string };

/** What every scenario may use: the PostgreSQL bench database once seeded (shared by the scenarios). */
export type BenchContext = { postgresUrl?: string; postgres?: PostgresBenchData; root: string };
type Scenario = { name: string; run: (context: BenchContext) => Promise<void> };

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

/**
 * One autocannon run. A run of a fixed `amount` ends at autocannon's next one-second tick, not at
 * its last answer, so its `duration` (and req/s) is rounded up to whole seconds: 50,000 answers
 * in 4.2 s read as 5.01 s. Such a run's duration is taken from the last answer instead.
 */
async function load(options: AutocannonOptions): Promise<AutocannonResult> {
  if (options.amount === undefined) return autocannon({ connections: CONNECTIONS, ...options });
  const started = performance.now();
  let answered = started;
  const onResponse = () => {
    answered = performance.now();
  };
  const requests = (options.requests ?? [{}]).map((r) => ({ ...r, onResponse }));
  const result = await autocannon({ connections: CONNECTIONS, ...options, requests });
  return { ...result, duration: (answered - started) / 1000 };
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
type ServerStats = OpenApiStats & { heapUsedBytes?: number };

async function readStats(server: ChildProcess, file: string): Promise<ServerStats> {
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  server.kill("SIGUSR2");
  for (let i = 0; i < 100; i++) {
    await sleep(20);
    if (existsSync(file) && (statSync(file).mtimeMs !== before || readFileSync(file, "utf8") !== previous)) break;
  }
  return JSON.parse(readFileSync(file, "utf8")) as ServerStats;
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

/** CPU (ms) of the PostgreSQL backends serving `database` (the servers' and ceilings' connections); from /proc. */
async function postgresCpu(context: BenchContext): Promise<Map<number, number>> {
  const client = context.postgres?.handle.kind === "postgres" ? context.postgres.handle.client : undefined;
  if (!client || !context.postgresUrl) return new Map();
  const name = decodeURIComponent(new URL(context.postgresUrl).pathname.slice(1));
  const rows = await client<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid) ?? 0]));
}

/** PostgreSQL CPU between two samples, in cores over `seconds`. */
function coresBetween(before: Map<number, number>, after: Map<number, number>, seconds: number): number | undefined {
  if (after.size === 0) return undefined;
  let ms = 0;
  for (const [pid, at] of after) ms += at - (before.get(pid) ?? 0);
  return ms / 1000 / seconds;
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number | undefined): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Each request a different key, one pass over `secrets`. */
function coldLoad(url: string, secrets: readonly string[]): Promise<AutocannonResult> {
  let next = 0;
  return load({
    url,
    amount: secrets.length,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-api-key": secrets[next++ % secrets.length]! } }) }],
  });
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** A second Open API instance (lib/openapi/test-instance.ts) on the bench database; resolves with its URL. */
async function secondInstance(url: string, children: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/openapi/test-instance.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const found = buffered.split("\n").find((l) => l.startsWith('{"port"'));
      if (found) resolve(found);
    });
    child.once("exit", (code) => reject(new Error(`second instance exited with ${code}`)));
  });
  return `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`;
}

/**
 * Revocation across two instances: a key verified (cached) by instance B is deleted through
 * instance A's API; B is asked until it refuses the key. The time from A's answer to B's first 401.
 */
async function revocation(context: BenchContext, a: string, b: string, managerSecret: string): Promise<number[]> {
  const data = context.postgres!;
  const client = data.handle.kind === "postgres" ? data.handle.client : undefined;
  if (!client) return [];
  const ids = (await client<{ id: string }[]>`select id from api_keys where id like 'key\\_0%' order by id desc limit ${REVOCATIONS}`).map((r) => r.id);
  const samples: number[] = [];
  for (const id of ids) {
    const secret = data.secrets[Number(id.slice(4))]!;
    const cached = await fetch(`${b}/api/v1/me`, { headers: { "x-api-key": secret } });
    if (cached.status !== 200) continue;
    const deleted = await fetch(`${a}/api/v1/keys/${id}`, { method: "DELETE", headers: { "x-api-key": managerSecret } });
    if (deleted.status !== 200) throw new Error(`DELETE /api/v1/keys/${id} answered ${deleted.status}: ${await deleted.text()}`);
    const at = performance.now();
    while ((await fetch(`${b}/api/v1/me`, { headers: { "x-api-key": secret } })).status === 200) {
      if (performance.now() - at > 10_000) break;
    }
    samples.push(performance.now() - at);
  }
  return samples.sort((x, y) => x - y);
}

/** The verification path: warm and cold, beside their ceilings; database work, memory, revocation. */
async function benchVerification(context: BenchContext): Promise<void> {
  const started = Date.now();
  ensureBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-"));
  const children: ChildProcess[] = [];
  const cleanup = () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  const url = context.postgresUrl;

  try {
    let warmSecret: string;
    let secrets: readonly string[];
    let databaseEnv: Record<string, string>;
    if (url) {
      console.log(`PostgreSQL bench database ${new URL(url).pathname.slice(1)}: 100,000 members × 10 keys…`);
      context.postgres ??= await (await import("./seed-postgres")).preparePostgresBench(url);
      console.log(context.postgres.seedMs ? `Seeded in ${(context.postgres.seedMs / 1000).toFixed(0)} s.` : "Reused (BENCH_REUSE=1).");
      ({ warmSecret, secrets } = context.postgres);
      databaseEnv = { DATABASE_URL: url };
    } else {
      process.env.DATA_DIR = dataDir;
      console.log(`Fresh embedded database in ${dataDir}: demo data + ${COLD_KEYS} keys (embedded: smaller counts; set BENCH_DATABASE_URL for 1,000,000)…`);
      const { prepareBenchDatabase } = await import("./seed");
      ({ warmSecret, coldSecrets: secrets } = await prepareBenchDatabase(dataDir, COLD_KEYS));
      databaseEnv = { DATA_DIR: dataDir };
    }

    const port = await freePort();
    const statsFile = path.join(dataDir, "verify-stats.json");
    // --expose-gc: the stats file reports the heap after a full collection (lib/openapi/start.ts).
    const server = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "server.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...databaseEnv, NODE_ENV: "production", PORT: String(port), KEYWARD_VERIFY_STATS_FILE: statsFile },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/v1/openapi.json`, server);

    const ceiling = async (env: Record<string, string>) => {
      const child = fork(path.join(ROOT, "e2e/bench/bare-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit", env: { ...process.env, ...env } });
      children.push(child);
      const info = await new Promise<{ port: number; secret: string }>((resolve) => child.once("message", (m) => resolve(m as never)));
      return { child, url: `http://127.0.0.1:${info.port}/api/v1/me`, secret: info.secret };
    };
    const bare = await ceiling({});
    const bareCold = url ? await ceiling({ BENCH_CEILING_DATABASE_URL: url }) : undefined;

    const me = `${base}/api/v1/me`;
    const check = await fetch(me, { headers: { "x-api-key": warmSecret } });
    if (check.status !== 200) throw new Error(`GET /api/v1/me answered ${check.status}: ${await check.text()}`);

    // Other work on the machine skews single runs: the two are measured alternately, best of each kept.
    console.log(`Timed runs: ${ROUNDS} × ${DURATION} s each, alternating, after a 2 s warm-up, ${CONNECTIONS} connections…`);
    const rps = (r: AutocannonResult) => r.requests.total / r.duration;
    let bareRun: Awaited<ReturnType<typeof measured>> | undefined;
    let meRun: Awaited<ReturnType<typeof measured>> | undefined;
    for (let round = 0; round < ROUNDS; round++) {
      if (round === 0) await load({ url: bare.url, headers: { "x-api-key": bare.secret }, duration: 2 });
      const b = await measured(bare.child.pid, () => load({ url: bare.url, headers: { "x-api-key": bare.secret }, duration: DURATION }));
      if (round === 0) await load({ url: me, headers: { "x-api-key": warmSecret }, duration: 2 });
      const m = await measured(server.pid, () => load({ url: me, headers: { "x-api-key": warmSecret }, duration: DURATION }));
      if (!bareRun || rps(b) > rps(bareRun)) bareRun = b;
      if (!meRun || rps(m) > rps(meRun)) meRun = m;
    }
    bare.child.kill();
    if (!bareRun || !meRun) throw new Error("BENCH_ROUNDS must be at least 1");
    const rssWarm = rssMb(server.pid);

    const s0 = await readStats(server, statsFile);
    const counted = await measured(server.pid, () => load({ url: me, headers: { "x-api-key": warmSecret }, amount: COUNTED }));
    const s1 = await readStats(server, statsFile);

    // On PostgreSQL the cold runs alternate with the cold ceiling's like the warm ones, best of
    // each kept: round r presents keys no run has presented to the server (the ceiling has no
    // cache, so it is given the same keys just before). Embedded: one run (no ceiling to pace).
    const coldRounds = bareCold ? Math.max(1, Math.min(ROUNDS, Math.floor(secrets.length / COLD_KEYS))) : 1;
    const coldSets = Array.from({ length: coldRounds }, (_, r) => secrets.slice(r * COLD_KEYS, (r + 1) * COLD_KEYS));
    const coldSet = coldSets[0]!;
    console.log(`Cold runs: ${coldRounds} × ${coldSet.length.toLocaleString("en-US")} requests${bareCold ? " each side, alternating" : ""}, each a key not seen before…`);
    type ColdRun = Awaited<ReturnType<typeof measured>> & { cores?: number };
    let coldCeiling: ColdRun | undefined;
    let cold: ColdRun | undefined;
    for (const keys of coldSets) {
      if (bareCold) {
        const before = await postgresCpu(context);
        const c: ColdRun = await measured(bareCold.child.pid, () => coldLoad(bareCold.url, keys));
        c.cores = coresBetween(before, await postgresCpu(context), c.duration);
        if (!coldCeiling || rps(c) > rps(coldCeiling)) coldCeiling = c;
      }
      const before = await postgresCpu(context);
      const m: ColdRun = await measured(server.pid, () => coldLoad(me, keys));
      m.cores = coresBetween(before, await postgresCpu(context), m.duration);
      if (!cold || rps(m) > rps(cold)) cold = m;
    }
    bareCold?.child.kill();
    if (!cold) throw new Error("no cold run");
    const coldRequests = coldRounds * coldSet.length;
    const s2 = await readStats(server, statsFile);

    let seen = coldRequests;
    if (url && SEEN > coldRequests) {
      const rest = secrets.slice(coldRequests, SEEN);
      console.log(`Presenting ${rest.length.toLocaleString("en-US")} more keys (${SEEN.toLocaleString("en-US")} distinct keys seen in all)…`);
      await coldLoad(me, rest);
      seen += rest.length;
    }
    const s3 = await readStats(server, statsFile);
    const rssSeen = rssMb(server.pid);

    let revoked: number[] = [];
    if (url) {
      console.log(`Revocation: ${REVOCATIONS} keys cached by instance B, deleted through the server (A)…`);
      revoked = await revocation(context, base, await secondInstance(url, children), warmSecret);
    }

    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    const final = JSON.parse(readFileSync(statsFile, "utf8")) as ServerStats;

    const ratio = rps(meRun) / rps(bareRun);
    const cpuRatio = bareRun.cpuPerRequest && meRun.cpuPerRequest ? bareRun.cpuPerRequest / meRun.cpuPerRequest : undefined;
    const cores = (c: number | undefined) => (c === undefined ? "" : `PostgreSQL ${c.toFixed(2)} cores`);
    const rows: Row[] = [
      row(`bare node:http + SHA-256 + Map (warm ceiling), best of ${ROUNDS}`, bareRun),
      row(`GET /api/v1/me, one warm key (production server), best of ${ROUNDS}`, meRun, `${ratio.toFixed(2)} × ceiling (target ≥ 0.80); p99 ${(meRun.latency.p99 / bareRun.latency.p99).toFixed(2)} × (target ≤ 2)`),
      row(`GET /api/v1/me, ${COUNTED} requests, one key`, counted),
    ];
    if (coldCeiling) rows.push(row(`bare node:http + SHA-256 + prepared point look-up (cold ceiling), best of ${coldRounds}`, coldCeiling, cores(coldCeiling.cores)));
    rows.push(
      row(
        `GET /api/v1/me, every request a key not seen (${coldSet.length.toLocaleString("en-US")} keys)${coldRounds > 1 ? `, best of ${coldRounds}` : ""}`,
        cold,
        [coldCeiling && `${(rps(cold) / rps(coldCeiling)).toFixed(2)} × cold ceiling (target ≥ 0.70)`, cores(cold.cores)].filter(Boolean).join("; "),
      ),
    );
    const d = (a: OpenApiStats, b: OpenApiStats) => ({
      queries: b.verifier.queries - a.verifier.queries,
      lookups: (b.verifier.lookups ?? 0) - (a.verifier.lookups ?? 0),
      roleQueries: (b.verifier.roleQueries ?? 0) - (a.verifier.roleQueries ?? 0),
      writes: b.lastUsed.writes - a.lastUsed.writes,
      rows: b.lastUsed.keysWritten - a.lastUsed.keysWritten,
    });
    const warm = d(s0, s1);
    const coldCounts = d(s1, s2);
    const flush = d(s3, final);
    const per10k = (n: number) => ((n * 10_000) / coldRequests).toFixed(0);
    const ms = (n: number) => n.toFixed(1);
    const mb = (bytes: number | undefined) => (bytes === undefined ? "n/a" : (bytes / 1_048_576).toFixed(0));
    printTable(rows, [
      `Database work per ${COUNTED} requests (one key, cache warm): ${warm.queries} look-up queries, ${warm.roleQueries} role queries, ${warm.writes} "last used" UPDATEs (${warm.rows} rows).`,
      `Database work per 10,000 requests, each a new key: ${per10k(coldCounts.lookups)} keys looked up in ${per10k(coldCounts.queries)} queries (misses arriving together share one), ${per10k(coldCounts.roleQueries)} role queries, ${per10k(coldCounts.writes)} "last used" UPDATEs.`,
      `"Last used" written at shutdown (LAST_USED_FLUSH_MS=${process.env.LAST_USED_FLUSH_MS ?? 60000}): ${flush.writes} batched UPDATEs carrying ${flush.rows} rows.`,
      `Whole run: ${final.verifier.lookups} keys looked up in ${final.verifier.queries} queries, ${final.verifier.roleQueries ?? 0} role queries, ${final.lastUsed.writes} UPDATEs (${final.lastUsed.keysWritten} rows).`,
      `Server memory (RSS, with Next.js): ${rssWarm?.toFixed(0) ?? "n/a"} MB after the warm runs, ${rssSeen?.toFixed(0) ?? "n/a"} MB with ${seen.toLocaleString("en-US")} distinct keys seen; ${s3.cachedKeys.toLocaleString("en-US")} keys cached (the cache is bounded).`,
      `JS heap in use after a full GC: ${mb(s0.heapUsedBytes)} MB after the warm runs, ${mb(s3.heapUsedBytes)} MB with ${seen.toLocaleString("en-US")} keys seen (usage and "last used" maps pending included), ${mb(final.heapUsedBytes)} MB once they were written at shutdown.`,
      revoked.length
        ? `Revocation across two instances (${revoked.length} keys): p50 ${ms(percentile(revoked, 0.5))} ms, p95 ${ms(percentile(revoked, 0.95))} ms, p99 ${ms(percentile(revoked, 0.99))} ms, max ${ms(revoked[revoked.length - 1]!)} ms (target p99 ≤ 1,000).`
        : "Revocation across two instances: needs BENCH_DATABASE_URL (the embedded database is one process's).",
      cpuRatio === undefined
        ? "Server CPU per request: not available on this system."
        : `Server CPU per request: the warm ceiling costs ${cpuRatio.toFixed(2)} × what GET /api/v1/me costs (the req/s ratio's machine-load-independent twin).`,
      `Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} at the end; total verification bench time ${Math.round((Date.now() - started) / 1000)} s.`,
    ]);
  } finally {
    cleanup();
  }
}

/** The API keys list: embedded at 100 and 100,000 keys (list.ts); on PostgreSQL at 100 and 1,000,000. */
async function benchListScenario(context: BenchContext): Promise<void> {
  const list = await import("./list");
  if (!context.postgres) {
    await list.benchList();
    return;
  }
  const { setDatabaseHandle } = await import("@/db/client");
  setDatabaseHandle(context.postgres.handle);
  console.log("\nAPI keys list on PostgreSQL: server time of listApiKeys (this process)");
  const rows = [
    ...(await list.listTimings(context.postgres.adminId, "bench-small", 100)),
    ...(await list.listTimings(context.postgres.adminId, "acme", context.postgres.secrets.length)),
  ];
  list.printTimings(rows);
}

/** Every scenario, in order. Another benchmark joins with one line here (a file exporting its run). */
const SCENARIOS: Scenario[] = [
  { name: "verification", run: benchVerification },
  { name: "list", run: benchListScenario },
  { name: "restrictions", run: async () => (await import("./restrictions")).benchRestrictions() },
  { name: "usage", run: async () => (await import("./usage")).benchUsage() },
];

async function main(): Promise<void> {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.AUTH_SECRET ??= "keyward-bench";
  const only = process.env.BENCH_ONLY?.split(",");
  const context: BenchContext = { postgresUrl: POSTGRES_URL, root: ROOT };
  try {
    for (const scenario of SCENARIOS) {
      if (only && !only.includes(scenario.name)) continue;
      await scenario.run(context);
    }
  } finally {
    await context.postgres?.handle.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
