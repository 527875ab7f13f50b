import { getConfig } from "@/lib/config";
import { getDatabaseHandle, migrateDatabase } from "@/db/client";
import { seedDemoData } from "./seed";

/**
 * Start-up: migrate the database; the embedded default is also seeded with the demo data on
 * its first start. Returns whether demo data was seeded.
 */
export async function prepareDatabase(): Promise<{ seeded: boolean }> {
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  const seeded = getConfig().databaseUrl ? false : await seedDemoData(handle.db);
  return { seeded };
}
