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

  it("records each demo key's creation in the audit log, by its creator at its creation time", async () => {
    await seedDemoData(database().db);
    const rows = await selectRows<{ name: string; actor: string; actor_user: string; creator: string; at: Date; created: Date; owner_only: boolean; details: { roles: string[]; expiresAt: string | null } }>(
      database().db,
      sql`select k.name, e.actor_name as actor, e.actor_user_id as actor_user, k.created_by_user_id as creator, e.created_at as at,
                 k.created_at as created, e.owner_only, e.details
            from api_keys k
            join audit_events e on e.target_id = k.id and e.target_type = 'api_key' and e.action = 'api_key.create'
           order by k.created_at desc`,
    );
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      expect(r.actor_user, r.name).toBe(r.creator);
      expect(new Date(r.at).getTime(), r.name).toBe(new Date(r.created).getTime());
      expect(r.owner_only, r.name).toBe(r.name === "Owner key");
    }
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.chris_ro).toMatchObject({ actor: "Mia Member", details: { roles: ["Read-only"], expiresAt: null } });
    expect(byName.productreport).toMatchObject({ actor: "Adam Admin", details: { roles: ["Read-only"], expiresAt: "2025-01-31T00:00:00.000Z" } });
    expect(byName["Owner key"]).toMatchObject({ actor: "Olivia Owner", details: { roles: ["Owner"] } });
  });
});
