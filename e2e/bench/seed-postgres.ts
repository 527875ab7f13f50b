/**
 * The PostgreSQL bench database (BENCH_DATABASE_URL): DROPPED and re-created, migrated, the demo
 * data, then Acme gets 100,000 members (Standard) with 10 Read-only keys each, 1,000,000 keys in
 * all, written with COPY while the key indexes are dropped (re-created after, then VACUUM
 * ANALYZE); and a small workspace "bench-small" with 100 keys of admin@acme.test, the list's
 * baseline. Every secret is a real, well-formed one the bench keeps in memory.
 */
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { migrateDatabase, openPostgres, selectRows, type DatabaseHandle } from "@/db/client";
import { apiKeyRoles, apiKeys, memberRoles, members, roles, users, workspaces } from "@/db/schema";
import { BASE62 } from "@/lib/crypto/random";
import { generateKeyId, generateSecret, hashSecret, isWellFormedSecret, secretHint } from "@/lib/keys/format";
import { seedDemoData } from "@/lib/seed/seed";
import { createBuiltInRoles } from "@/lib/workspaces/roles";

export type PostgresBenchData = {
  handle: DatabaseHandle;
  /** An Administrator key of admin@acme.test: the warm key, and the one that deletes keys in the revocation run. */
  warmSecret: string;
  adminId: string;
  /** The secrets of the 1,000,000 Read-only keys, in key order, and their ids. */
  secrets: string[];
  keyIds: string[];
  seedMs: number;
};

const WORDS = ["billing", "reports", "deploy", "analytics", "sync", "backup", "ci", "export"];

/** The name list.ts's embedded seed gives key `g`: word searches match an eighth of the keys. */
export const benchKeyName = (g: number) => `${WORDS[g % WORDS.length]}_${createHash("md5").update(String(g)).digest("hex").slice(0, 8)}_${g}`;

/**
 * Key `g`'s secret, derived (not random) so that BENCH_REUSE=1 can use a database seeded by an
 * earlier run: `ak_` + 26 base62 from SHA-256 + the format's CRC32 checksum.
 */
export function benchSecret(g: number): string {
  const digest = createHash("sha256").update(`keyward-bench-${g}`).digest();
  let body = "ak_";
  for (let i = 0; i < 26; i++) body += BASE62[digest[i]! % 62];
  let rest = crc32(body);
  let checksum = "";
  for (let i = 0; i < 6; i++) {
    checksum = BASE62[rest % 62] + checksum;
    rest = Math.floor(rest / 62);
  }
  return body + checksum;
}

const benchKeyId = (g: number) => `key_${String(g).padStart(16, "0")}`;

/** Drops and re-creates the database `url` names (a plain name only), connecting through "postgres". */
export async function recreate(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`BENCH_DATABASE_URL: unexpected database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.unsafe(`create database "${name}"`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The secrets and ids of an earlier run's keys, when `url` holds that many (less the few a revocation run deleted): no seeding. */
async function reuse(url: string, count: number): Promise<PostgresBenchData | null> {
  const handle = openPostgres(url);
  try {
    // A database seeded before the newest migrations gets them (they only add).
    if (handle.kind === "postgres") await migrateDatabase(handle);
    const [row] = await selectRows<{ n: number; warm: string | null; admin: string | null }>(
      handle.db,
      sql`select (select count(*)::int from api_keys where id like 'key\_0%') as n,
                 (select value from bench_meta where name = 'warm') as warm,
                 (select id::text from users where email = 'admin@acme.test') as admin`,
    );
    if (!row || row.n < count - 1_000 || row.n > count || !row.warm || !row.admin) throw new Error("not a bench database of this size");
    const secrets = Array.from({ length: count }, (_, g) => benchSecret(g));
    if (!isWellFormedSecret(secrets[0]!)) throw new Error("bench secrets are not well formed");
    return { handle, warmSecret: row.warm, adminId: row.admin, secrets, keyIds: secrets.map((_, g) => benchKeyId(g)), seedMs: 0 };
  } catch {
    await handle.close();
    return null;
  }
}

export async function preparePostgresBench(url: string, memberCount = 100_000, keysPerMember = 10): Promise<PostgresBenchData> {
  const started = performance.now();
  if (process.env.BENCH_REUSE === "1") {
    const reused = await reuse(url, memberCount * keysPerMember);
    if (reused) return reused;
    console.log("BENCH_REUSE=1: no bench database of this size there; seeding one.");
  }
  await recreate(url);
  const handle = openPostgres(url);
  if (handle.kind !== "postgres") throw new Error("unreachable");
  await migrateDatabase(handle);
  await seedDemoData(handle.db);
  const db = handle.db;
  const [acme] = await db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@acme.test"));
  const roleId = async (builtIn: "administrator" | "standard" | "read_only") => {
    const [role] = await db.select({ id: roles.id }).from(roles).where(and(eq(roles.workspaceId, acme!.id), eq(roles.builtIn, builtIn)));
    return role!.id;
  };
  const [administrator, standard, readOnly] = await Promise.all([roleId("administrator"), roleId("standard"), roleId("read_only")]);

  const warmSecret = generateSecret();
  const warmId = generateKeyId();
  await db.insert(apiKeys).values({
    id: warmId,
    workspaceId: acme!.id,
    name: "bench warm key",
    secretHash: hashSecret(warmSecret),
    hint: secretHint(warmSecret),
    createdByUserId: admin!.id,
  });
  await db.insert(apiKeyRoles).values({ apiKeyId: warmId, roleId: administrator });

  // Members: one statement each.
  await db.execute(sql`
    insert into users (email, name, password_hash)
    select 'bench-' || g || '@bench.test', 'Bench ' || g, null from generate_series(1, ${memberCount}) g`);
  await db.execute(sql`
    insert into members (workspace_id, user_id)
    select ${acme!.id}::uuid, id from users where email like '%@bench.test'`);
  await db.execute(sql`
    insert into member_roles (member_id, role_id, is_owner)
    select m.id, ${standard}::uuid, false from members m join users u on u.id = m.user_id where u.email like '%@bench.test'`);
  const creators = (await selectRows<{ id: string }>(db, sql`select id from users where email like '%@bench.test' order by id`)).map((r) => r.id);

  // Keys: COPY without the secondary indexes, which are built once afterwards.
  const indexes = await selectRows<{ name: string; def: string }>(
    db,
    sql`select indexname as name, indexdef as def from pg_indexes where tablename = 'api_keys' and indexname <> 'api_keys_pkey'`,
  );
  for (const index of indexes) await handle.client.unsafe(`drop index "${index.name}"`);
  const count = memberCount * keysPerMember;
  const secrets: string[] = new Array<string>(count);
  const keyIds: string[] = new Array<string>(count);
  const now = Date.now();
  const copy = await handle.client`copy api_keys (id, workspace_id, name, description, secret_hash, hint, created_by_user_id, created_at, updated_at) from stdin`.writable();
  const BATCH = 5_000;
  for (let start = 0; start < count; start += BATCH) {
    let chunk = "";
    for (let g = start; g < Math.min(count, start + BATCH); g++) {
      const secret = benchSecret(g);
      const id = benchKeyId(g);
      secrets[g] = secret;
      keyIds[g] = id;
      const at = new Date(now - (count - g) * 30_000).toISOString();
      const description = g % 10 === 0 ? `Monthly export for team ${g}` : "";
      chunk += `${id}\t${acme!.id}\t${benchKeyName(g)}\t${description}\t${hashSecret(secret)}\t${secretHint(secret)}\t${creators[Math.floor(g / keysPerMember)]}\t${at}\t${at}\n`;
    }
    if (!copy.write(chunk)) await new Promise((resolve) => copy.once("drain", resolve));
  }
  await new Promise<void>((resolve, reject) => {
    copy.once("finish", resolve);
    copy.once("error", reject);
    copy.end();
  });
  await db.execute(sql`
    insert into api_key_roles (api_key_id, role_id)
    select id, ${readOnly}::uuid from api_keys where id like 'key\\_0%' and workspace_id = ${acme!.id}::uuid`);
  await Promise.all(indexes.map((index) => handle.client.unsafe(index.def)));

  // The list's baseline: a workspace with 100 keys, half of them admin@acme.test's.
  const [small] = await db.insert(workspaces).values({ name: "Bench small", slug: "bench-small", plan: "small" }).returning();
  const smallRoles = await createBuiltInRoles(db, small!.id);
  const [rita] = await db.insert(users).values({ email: "bench-small@bench.test", name: "Bench Small", passwordHash: null }).returning();
  for (const [userId, role] of [
    [admin!.id, smallRoles.administrator],
    [rita!.id, smallRoles.standard],
  ] as const) {
    const [member] = await db.insert(members).values({ workspaceId: small!.id, userId }).returning();
    await db.insert(memberRoles).values({ memberId: member!.id, roleId: role, isOwner: false });
  }
  const smallKeys = Array.from({ length: 100 }, (_, g) => {
    const secret = generateSecret();
    return {
      id: generateKeyId(),
      workspaceId: small!.id,
      name: benchKeyName(g + 1),
      description: g % 10 === 0 ? `Monthly export for team ${g + 1}` : "",
      secretHash: hashSecret(secret),
      hint: secretHint(secret),
      createdByUserId: g % 2 === 0 ? admin!.id : rita!.id,
      createdAt: new Date(now - (100 - g) * 30_000),
    };
  });
  await db.insert(apiKeys).values(smallKeys);
  await db.insert(apiKeyRoles).values(smallKeys.map((k) => ({ apiKeyId: k.id, roleId: smallRoles.read_only })));
  // The warm key's secret, for BENCH_REUSE=1 (a bench database holds nothing else of value).
  await handle.client.unsafe("create table bench_meta (name text primary key, value text not null)");
  await handle.client`insert into bench_meta ${handle.client({ name: "warm", value: warmSecret })}`;
  await handle.client.unsafe("vacuum analyze");
  return { handle, warmSecret, adminId: admin!.id, secrets, keyIds, seedMs: performance.now() - started };
}
