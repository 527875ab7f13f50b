/**
 * The API keys list at 100 and at 100,000 keys: server time of `listApiKeys` (what the list
 * page awaits) for the first page, the next page, "Created by: Me", the other orders and
 * searches, each on a fresh embedded database; and the list and details routes' first-load
 * JavaScript from the production build in `.next`. Prints a table; not a test. Run alone with
 * `npx tsx e2e/bench/list.ts`, or as part of `npm run bench`.
 *
 * BENCH_LIST_RUNS: timed runs per measurement (median reported; default 15).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { migrateDatabase, openPglite, setDatabaseHandle } from "@/db/client";
import { roles, users, workspaces } from "@/db/schema";
import { seedDemoData } from "@/lib/seed/seed";
import { loadMembershipBySlug } from "@/lib/auth/membership";
import { actorFromMembership } from "@/lib/auth/actor";
import { listApiKeys } from "@/lib/keys/rules";
import { type BundleSize, firstLoadJs, printBundleSizes } from "./bundle-size";

const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 15);
const WARMUP = 3;
/** A measurement stops early after this long (slow cases at 100,000 keys). */
const BUDGET_MS = 20_000;
const SIZES = [100, 100_000];

type Timing = { name: string; median: number; p90: number; runs: number; note: string };

async function time(name: string, run: () => Promise<string>): Promise<Timing> {
  let note = "";
  for (let i = 0; i < WARMUP; i++) note = await run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < RUNS && (samples.length < 3 || performance.now() - started < BUDGET_MS)) {
    const t = performance.now();
    note = await run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, median: at(0.5), p90: at(0.9), runs: samples.length, note };
}

/** A fresh embedded database with the demo data plus `count` keys in Acme, inserted in one statement. */
export async function seededDatabase(dir: string, count: number) {
  const handle = openPglite(path.join(dir, "pgdata"));
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  setDatabaseHandle(handle);
  const db = handle.db;
  const [acme] = await db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.test"));
  const [member] = await db.select().from(users).where(eq(users.email, "member@acme.test"));
  const [readOnly] = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.workspaceId, acme!.id), eq(roles.builtIn, "read_only")));

  const started = performance.now();
  // Names like "deploy_3fa9c1d2_42": eight common words, so a word search matches an eighth of them.
  await db.execute(sql`
    insert into api_keys (id, workspace_id, name, description, secret_hash, secret_ciphertext, hint,
                          created_by_user_id, created_at, updated_at, last_used_at)
    select 'key_' || lpad(g::text, 16, '0'),
           ${acme!.id}::uuid,
           (array['billing','reports','deploy','analytics','sync','backup','ci','export'])[1 + g % 8]
             || '_' || substr(md5(g::text), 1, 8) || '_' || g,
           case when g % 10 = 0 then 'Monthly export for team ' || g else '' end,
           md5('bench-a' || g) || md5('bench-b' || g),
           null,
           'ak_' || substr(md5('hint' || g), 1, 4) || '…' || substr(md5('hint' || g), 5, 4),
           case when g % 2 = 0 then ${admin!.id}::uuid else ${member!.id}::uuid end,
           now() - make_interval(secs => g * 30),
           now() - make_interval(secs => g * 30),
           case when g % 3 = 0 then null else now() - make_interval(secs => g) end
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into api_key_roles (api_key_id, role_id)
    select 'key_' || lpad(g::text, 16, '0'), ${readOnly!.id}::uuid from generate_series(1, ${count}) g`);
  await db.execute(sql`analyze`);
  const seedMs = performance.now() - started;
  return { handle, adminId: admin!.id, seedMs };
}

async function measureSize(count: number): Promise<{ rows: Timing[]; seedMs: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "keyward-bench-list-"));
  process.env.DATA_DIR ??= dir;
  const { handle, adminId, seedMs } = await seededDatabase(dir, count);
  try {
    return { rows: await listTimings(adminId, "acme", count), seedMs };
  } finally {
    setDatabaseHandle(undefined);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The list's measurements as `adminId` in workspace `slug` holding `count` keys, on the process's database handle. */
export async function listTimings(adminId: string, slug: string, count: number): Promise<Timing[]> {
  const membership = await loadMembershipBySlug(adminId, slug);
  const actor = actorFromMembership(membership!, { name: "Adam Admin", email: "admin@acme.test" });
  const list = async (input: Record<string, unknown>) => {
    const result = await listApiKeys(actor, input);
    if (!result.ok) throw new Error(`listApiKeys failed: ${result.error}`);
    return result.data;
  };
  const describe = (page: Awaited<ReturnType<typeof list>>) =>
    `${page.items.length} rows of ${page.total.toLocaleString("en-US")}${page.totalCapped ? "+" : ""}${page.items[0] ? `, first ${page.items[0].name}` : ""}`;
  // The search cursor is an offset into its (at most 1,000) matches; page 20 is the deepest.
  const offsetCursor = (o: number) => Buffer.from(JSON.stringify({ d: "offset", o })).toString("base64url");
  const second = (await list({})).nextCursor;
  const byNameSecond = (await list({ sort: "-name" })).nextCursor;

  const label = (s: string) => `${count.toLocaleString("en-US")} keys: ${s}`;
  const rows = [
    await time(label("first page"), async () => describe(await list({}))),
    ...(second ? [await time(label("second page (cursor)"), async () => describe(await list({ cursor: second })))] : []),
    await time(label("Created by: Me, first page"), async () => describe(await list({ createdBy: "me" }))),
    await time(label("sorted by name, first page"), async () => describe(await list({ sort: "name" }))),
    ...(byNameSecond
      ? [await time(label("sorted Z to A, second page"), async () => describe(await list({ sort: "-name", cursor: byNameSecond })))]
      : []),
    await time(label("oldest first, first page"), async () => describe(await list({ sort: "created" }))),
    // SPEC §9.4's Status filter, on the (workspace_id, expires_at) and disabled-keys indexes.
    await time(label("Status: Expiring soon"), async () => describe(await list({ status: "expiring" }))),
    await time(label("Status: Expired"), async () => describe(await list({ status: "expired" }))),
    await time(label("Status: Disabled"), async () => describe(await list({ status: "disabled" }))),
    await time(label("Status: Active"), async () => describe(await list({ status: "active" }))),
    await time(label('search "deploy" (substring)'), async () => describe(await list({ q: "deploy" }))),
    await time(label('search "deploy", page 20'), async () => describe(await list({ q: "deploy", cursor: offsetCursor(950) }))),
    await time(label('search "deplyo" (typo)'), async () => describe(await list({ q: "deplyo" }))),
    await time(label('search "7f3" (fragment)'), async () => describe(await list({ q: "7f3" }))),
    await time(label('search "prodrep" (typo)'), async () => describe(await list({ q: "prodrep" }))),
    await time(label('search "zzqx" (no match)'), async () => describe(await list({ q: "zzqx" }))),
    await time(label("search a Key ID"), async () => describe(await list({ q: `key_${String(count / 2).padStart(16, "0")}` }))),
    await time(label("search a hint"), async () => describe(await list({ q: benchHint(count / 2) }))),
    await time(label("search a hint's first part"), async () => describe(await list({ q: benchHint(count / 2).slice(0, 7) }))),
    await time(label('search "Monthly" (description)'), async () => describe(await list({ q: "Monthly" }))),
  ];
  return rows;
}

/** The hint the seed gives key number `g` (see `seededDatabase`). */
function benchHint(g: number): string {
  const hex = createHash("md5").update(`hint${g}`).digest("hex");
  return `ak_${hex.slice(0, 4)}…${hex.slice(4, 8)}`;
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

export async function benchList(): Promise<void> {
  process.env.KEY_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
  process.env.AUTH_SECRET ??= "bench-list";
  console.log("\nAPI keys list: server time of listApiKeys (embedded PGlite, one process)");
  const results: Timing[] = [];
  const seeds: string[] = [];
  for (const size of SIZES) {
    const { rows, seedMs } = await measureSize(size);
    results.push(...rows);
    seeds.push(`${size.toLocaleString("en-US")} keys seeded in ${(seedMs / 1000).toFixed(1)} s (one INSERT … SELECT generate_series)`);
  }
  printTimings(results);
  for (const line of seeds) console.log(line);
  printFirstLoadJs();
}

/** The timings as a table, each beside the same measurement at the smallest size ("× at 100"). */
export function printTimings(results: Timing[]): void {
  const base = new Map<string, number>();
  for (const r of results) {
    const what = r.name.replace(/^[\d,]+ keys: /, "");
    if (!base.has(what)) base.set(what, r.median);
  }
  const ratio = (r: Timing) => (r.median / (base.get(r.name.replace(/^[\d,]+ keys: /, "")) ?? r.median)).toFixed(2);
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\n${"measurement".padEnd(width)} | ${"× smallest".padStart(10)} | ${"median ms".padStart(9)} | ${"p90 ms".padStart(7)} | ${"runs".padStart(4)} | result`);
  console.log(`${"-".repeat(width)}-|-${"-".repeat(10)}-|-${"-".repeat(9)}-|-${"-".repeat(7)}-|-${"-".repeat(4)}-|-------`);
  for (const r of results) {
    console.log(`${r.name.padEnd(width)} | ${ratio(r).padStart(10)} | ${ms(r.median).padStart(9)} | ${ms(r.p90).padStart(7)} | ${String(r.runs).padStart(4)} | ${r.note}`);
  }
  console.log("");
}

/** First-load JS (gzip) of the keys list, the details page and the login page, from the build in .next. */
function printFirstLoadJs(): void {
  const sizes = [firstLoadJs("w/[slug]/api-keys/(list)"), firstLoadJs("w/[slug]/api-keys/[keyId]"), firstLoadJs("(auth)/login")].filter(
    (s): s is BundleSize => s !== null,
  );
  if (sizes.length === 0) {
    console.log("First-load JS: no production build in .next (run `npx next build`).\n");
    return;
  }
  printBundleSizes(sizes);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchList().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
