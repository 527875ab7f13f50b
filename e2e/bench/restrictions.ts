/**
 * SPEC §10 on the hot path: GET /api/v1/me with a key holding a 10-entry IP allowlist and a rate
 * limit too high to trigger, beside the bare node:http ceiling of the same run (in-process
 * limiter, target ≥ 0.7 ×); then the same with REDIS_URL (the shared limiter): its req/s and
 * the p99 it adds. Run alone with `npx tsx e2e/bench/restrictions.ts`, or as part of
 * `npm run bench`; on a fresh embedded database, or with BENCH_DATABASE_URL on a fresh PostgreSQL
 * database beside that one. Loopback only, bounded runs. BENCH_DURATION, BENCH_ROUNDS, BENCH_CONNECTIONS
 * as in settings.ts; BENCH_REDIS_URL (default REDIS_URL, else redis://127.0.0.1:6379).
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq } from "drizzle-orm";
import autocannon, { type AutocannonResult } from "autocannon";
import { migrateDatabase, openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { apiKeyRoles, apiKeys, roles, users, workspaces } from "@/db/schema";
import { generateKeyId, generateSecret, hashSecret, secretHint } from "@/lib/keys/format";
import { seedDemoData } from "@/lib/seed/seed";
import { recreate } from "./seed-postgres";
import { CONNECTIONS, DURATION, ROUNDS } from "./settings";

const ROOT = process.cwd();
const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

// Ten entries, the caller's (loopback) last: every request walks the whole list once, then the memo.
const ALLOWLIST = [
  "203.0.113.0/24",
  "198.51.100.7",
  "2001:db8::/32",
  "192.0.2.0/25",
  "10.20.0.0/16",
  "172.16.5.4",
  "2001:db8:ffff::1",
  "100.64.0.0/10",
  "::1",
  "127.0.0.1",
];

const signed = (n: number) => `${n >= 0 ? "+" : "−"}${Math.abs(n).toFixed(0)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function reachable(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * The scenario's database: a fresh embedded one in `dataDir`, or with BENCH_DATABASE_URL a
 * fresh PostgreSQL database beside it (its name + "_restrictions", dropped and re-created).
 */
type Target = { env: Record<string, string>; open: () => DatabaseHandle; describe: string };

async function target(dataDir: string): Promise<Target> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const pgdata = path.join(dataDir, "pgdata");
    return { env: { DATA_DIR: dataDir }, open: () => openPglite(pgdata), describe: `fresh embedded database in ${dataDir}` };
  }
  const database = `${new URL(url).pathname.slice(1)}_restrictions`;
  const own = new URL(url);
  own.pathname = `/${database}`;
  await recreate(own.href);
  return { env: { DATABASE_URL: own.href }, open: () => openPostgres(own.href), describe: `fresh PostgreSQL database ${database}` };
}

/** The demo data plus a plain and a restricted Administrator key of admin@acme.test. */
async function prepare(handle: DatabaseHandle): Promise<{ plain: string; restricted: string }> {
  try {
    await migrateDatabase(handle);
    await seedDemoData(handle.db);
    const db = handle.db;
    const [acme] = await db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.test"));
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.workspaceId, acme!.id), eq(roles.builtIn, "administrator")));
    const insert = async (name: string, restrictions: Partial<typeof apiKeys.$inferInsert>) => {
      const secret = generateSecret();
      const id = generateKeyId();
      await db.insert(apiKeys).values({ id, workspaceId: acme!.id, name, secretHash: hashSecret(secret), hint: secretHint(secret), createdByUserId: admin!.id, ...restrictions });
      await db.insert(apiKeyRoles).values({ apiKeyId: id, roleId: role!.id });
      return secret;
    };
    return {
      plain: await insert("bench plain key", {}),
      restricted: await insert("bench restricted key", { ipAllowlist: ALLOWLIST, rateLimit: 1_000_000, rateLimitWindow: "second" }),
    };
  } finally {
    await handle.close();
  }
}

async function startServer(database: Record<string, string>, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), ...database, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/v1/openapi.json`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error("server did not start in time");
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

type Run = { rps: number; p50: number; p99: number; cpu?: number; problems: string };

/** CPU time (user + system, ms) a process has used so far, from /proc; undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

async function load(url: string, secret: string, duration: number, pid?: number): Promise<Run> {
  const before = cpuMs(pid);
  const r: AutocannonResult = await autocannon({ url, connections: CONNECTIONS, duration, headers: { "x-api-key": secret } });
  const after = cpuMs(pid);
  const problems = [r.non2xx && `${r.non2xx} non-2xx`, r.errors && `${r.errors} errors`, r.timeouts && `${r.timeouts} timeouts`].filter(Boolean).join("; ");
  const cpu = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / r.requests.total;
  return { rps: Math.round(r.requests.total / r.duration), p50: r.latency.p50, p99: r.latency.p99, cpu, problems };
}

/** Each target measured in turn per round after a warm-up, best round kept (other load on the machine skews single runs). */
async function alternate(targets: { name: string; url: string; secret: string; pid?: number }[]): Promise<Map<string, Run>> {
  const best = new Map<string, Run>();
  for (const t of targets) await load(t.url, t.secret, 2);
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of targets) {
      const run = await load(t.url, t.secret, DURATION, t.pid);
      const previous = best.get(t.name);
      if (!previous || run.rps > previous.rps) best.set(t.name, run);
    }
  }
  return best;
}

async function check(url: string, secret: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/me`, { headers: { "x-api-key": secret } });
  if (res.status !== 200) throw new Error(`GET /api/v1/me answered ${res.status}: ${await res.text()}`);
  if (res.headers.get("ratelimit-limit") !== "1000000") throw new Error("the restricted key carries no RateLimit-Limit");
}

export async function benchRestrictions(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-restrictions-"));
  const children: ChildProcess[] = [];
  try {
    const db = await target(dataDir);
    console.log(`Restrictions bench: ${db.describe}…`);
    const secrets = await prepare(db.open());
    const bare = fork(path.join(ROOT, "e2e/bench/bare-server.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    children.push(bare);
    const ceiling = await new Promise<{ port: number; secret: string }>((resolve) => bare.once("message", (m) => resolve(m as never)));
    const bareUrl = `http://127.0.0.1:${ceiling.port}/api/v1/me`;

    const memory = await startServer(db.env, { REDIS_URL: "" });
    children.push(memory.child);
    await check(memory.url, secrets.restricted);
    console.log(`Timed runs: ${ROUNDS} × ${DURATION} s each, alternating, ${CONNECTIONS} connections…`);
    const first = await alternate([
      { name: "bare", url: bareUrl, secret: ceiling.secret, pid: bare.pid },
      { name: "restricted", url: `${memory.url}/api/v1/me`, secret: secrets.restricted, pid: memory.child.pid },
      { name: "plain", url: `${memory.url}/api/v1/me`, secret: secrets.plain, pid: memory.child.pid },
    ]);
    await stop(memory.child);

    let redis: Map<string, Run> | undefined;
    if (await reachable(REDIS_URL)) {
      const shared = await startServer(db.env, { REDIS_URL });
      children.push(shared.child);
      await check(shared.url, secrets.restricted);
      redis = await alternate([
        { name: "bare", url: bareUrl, secret: ceiling.secret, pid: bare.pid },
        { name: "restricted", url: `${shared.url}/api/v1/me`, secret: secrets.restricted, pid: shared.child.pid },
      ]);
      await stop(shared.child);
    }
    bare.kill();

    const b = first.get("bare")!;
    const rows: [string, Run, string][] = [
      [`bare node:http + SHA-256 + Map (ceiling), best of ${ROUNDS}`, b, ""],
      ["GET /api/v1/me, key without restrictions", first.get("plain")!, `${(first.get("plain")!.rps / b.rps).toFixed(2)} × ceiling`],
      [
        "GET /api/v1/me, 10-entry allowlist + rate limit, in-process limiter",
        first.get("restricted")!,
        `${(first.get("restricted")!.rps / b.rps).toFixed(2)} × ceiling (target ≥ 0.70)`,
      ],
    ];
    if (redis) {
      const rb = redis.get("bare")!;
      const r = redis.get("restricted")!;
      rows.push([`bare node:http ceiling (Redis round), best of ${ROUNDS}`, rb, ""]);
      rows.push([
        `GET /api/v1/me, 10-entry allowlist + rate limit, Redis limiter (${REDIS_URL})`,
        r,
        `${(r.rps / rb.rps).toFixed(2)} × ceiling; p99 ${signed(r.p99 - first.get("restricted")!.p99)} ms vs in-process`,
      ]);
    } else {
      console.log(`No Redis answers at ${REDIS_URL}: the Redis limiter is not measured.`);
    }
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`\n${"measurement".padEnd(width)} | ${"req/s".padStart(7)} | ${"p50 ms".padStart(6)} | ${"p99 ms".padStart(6)} | ${"CPU µs/req".padStart(10)} | note`);
    console.log(`${"-".repeat(width)}-|-${"-".repeat(7)}-|-${"-".repeat(6)}-|-${"-".repeat(6)}-|-${"-".repeat(10)}-|-----`);
    for (const [name, run, note] of rows) {
      const notes = [note, run.problems].filter(Boolean).join("; ");
      const cpu = run.cpu === undefined ? "n/a" : run.cpu.toFixed(1);
      console.log(`${name.padEnd(width)} | ${String(run.rps).padStart(7)} | ${String(run.p50).padStart(6)} | ${String(run.p99).padStart(6)} | ${cpu.padStart(10)} | ${notes}`);
    }
    const restricted = first.get("restricted")!;
    if (b.cpu && restricted.cpu) {
      console.log(`\nServer CPU per request: the ceiling costs ${(b.cpu / restricted.cpu).toFixed(2)} × what the restricted GET /api/v1/me costs (in process; the req/s ratio's machine-load-independent twin).`);
    }
    console.log("");
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // As run.ts does: the servers on PostgreSQL need both (the embedded default makes its own).
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.AUTH_SECRET ??= "keyward-bench";
  benchRestrictions().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
