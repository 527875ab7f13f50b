import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { seedDemoData } from "./seed";
import { withTestDatabase } from "@/lib/testing/database";

// The demo seed only runs on an empty database; the shared server database in CI is not one, so
// this file always has an embedded database of its own.
describe("demo data", () => {
  const database = withTestDatabase({ embedded: true });

  it("seeds SPEC §7 once, and never into a database that has users", async () => {
    expect(await seedDemoData(database().db)).toBe(true);
    const keys = await selectRows<{ name: string }>(
      database().db,
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
    expect(await seedDemoData(database().db)).toBe(false);
  });
});
