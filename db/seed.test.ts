import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectRows, type DatabaseHandle } from "./client";
import { seedDemoData } from "./seed";
import { openTestDatabase } from "./testing";

// The demo seed only runs on an empty database; the shared server database in CI is not one.
describe.skipIf(Boolean(process.env.DATABASE_URL))("demo data", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(() => handle.close());

  it("seeds SPEC §7 once, and never into a database that has users", async () => {
    expect(await seedDemoData(handle.db)).toBe(true);
    const keys = await selectRows<{ name: string }>(
      handle.db,
      sql`select k.name from api_keys k join workspaces w on w.id = k.workspace_id where w.slug = 'acme' order by k.is_owner_key desc, k.created_at desc`,
    );
    expect(keys.map((r) => r.name)).toEqual([
      "Owner key",
      "tcross_ro",
      "srdkn",
      "rharman_automation_rw",
      "rharman_automation_ro",
      "productreport",
      "djm_dash",
      "chris_ro",
      "accountd",
    ]);
    expect(await seedDemoData(handle.db)).toBe(false);
  });
});
