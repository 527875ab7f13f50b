import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openPglite, openPostgres } from "./client";

/** vitest global setup: migrate the test database once (or build a migrated PGlite snapshot). */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const host = new URL(url).hostname;
    if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !process.env.KEYWARD_ALLOW_REMOTE_TEST_DB) {
      throw new Error(`Refusing to run tests against the non-local database host "${host}".`);
    }
    const handle = openPostgres(url, 1);
    await migrateDatabase(handle);
    await handle.close();
    return async () => {};
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "keyward-test-"));
  const handle = openPglite(undefined);
  await migrateDatabase(handle);
  if (handle.kind !== "pglite") throw new Error("unreachable");
  const dump = await handle.client.dumpDataDir("none");
  const file = path.join(dir, "snapshot.tar");
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  process.env.KEYWARD_TEST_SNAPSHOT = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
