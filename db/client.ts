import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ConfigError, getConfig } from "@/lib/config";
import { loadedAtStart } from "./pglite-extension";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: what domain functions accept. */
export type Executor = Database | Transaction;

export type DatabaseHandle =
  | { kind: "pglite"; db: Database; client: PGlite; close: () => Promise<void> }
  | { kind: "postgres"; db: Database; client: postgres.Sql; url: string; close: () => Promise<void> };

const MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "db/migrations");

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Claims an embedded data directory for this process (`<dataDir>.lock` holds its pid): two
 * processes writing one PGlite directory would corrupt it, so a second `npm start` or a
 * `db:seed` beside a running server stops with a clear error instead. A lock left by a process
 * that is gone is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(lockPath), { recursive: true });
  for (;;) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new ConfigError(
          `The embedded database in ${path.dirname(lockPath)} is in use by another process (pid ${owner}). Stop it first, or set DATA_DIR to another folder.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  const release = () => {
    try {
      if (readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath, { force: true });
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

export function openPglite(dataDir: string | undefined): DatabaseHandle {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  const client = new PGlite({ dataDir, extensions: { pg_trgm: loadedAtStart("pg_trgm", pg_trgm) } });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function openPostgres(url: string, max = 10): DatabaseHandle {
  const client = postgres(url, { max, onnotice: () => {}, connection: { application_name: "keyward" } });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return { kind: "postgres", db, client, url, close: () => client.end({ timeout: 5 }) };
}

const holder = globalThis as unknown as { __keywardDb?: DatabaseHandle };

/**
 * The process's one database handle. Kept on globalThis because the custom server and Next's
 * server bundles load this module separately, and two PGlite instances must never open one
 * data directory.
 */
export function getDatabaseHandle(): DatabaseHandle {
  if (!holder.__keywardDb) {
    const config = getConfig();
    holder.__keywardDb = config.databaseUrl
      ? openPostgres(config.databaseUrl)
      : openPglite(path.join(config.dataDir, "pgdata"));
  }
  return holder.__keywardDb;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Replaces the process's handle (tests, scripts); the previous one is not closed. */
export function setDatabaseHandle(handle: DatabaseHandle | undefined): void {
  holder.__keywardDb = handle;
}

export async function migrateDatabase(handle: DatabaseHandle = getDatabaseHandle()): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(drizzlePglite({ client: handle.client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // Serialise concurrent instances starting against one database.
    const lockClient = postgres(handle.url, { max: 1, onnotice: () => {} });
    try {
      await lockClient`select pg_advisory_lock(72410001)`;
      await migratePostgres(drizzlePostgres({ client: lockClient, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      await lockClient`select pg_advisory_unlock(72410001)`;
    } finally {
      await lockClient.end({ timeout: 5 });
    }
  }
}

/** Rows of a raw `db.execute(sql…)`: PGlite answers `{ rows }`, postgres.js an array. */
export async function selectRows<T extends Record<string, unknown>>(
  db: Executor,
  query: Parameters<Executor["execute"]>[0],
): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
