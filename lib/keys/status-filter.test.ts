import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTeam, mustOk } from "@/lib/testing";
import { withTestDatabase } from "@/lib/testing/database";
import { createKey, setKeyExpiry } from "@/lib/testing/keys";
import { listApiKeys, setApiKeyEnabled } from "./rules";
import { countExpiringKeys } from "./status-filter";

withTestDatabase();

const DAY = 86_400_000;
const names = (page: { items: { name: string }[] }) => page.items.map((k) => k.name).sort();

async function keysInEveryState() {
  const team = await createTeam();
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
  await createKey(team.admin, { name: "permanent" });
  await createKey(team.admin, { name: "in 30 days", expiresAt: at(30) });
  await createKey(team.admin, { name: "in 3 days", expiresAt: at(3) });
  await createKey(team.admin, { name: "in 2 hours", expiresAt: at(2 / 24) });
  const expired = await createKey(team.admin, { name: "expired", expiresAt: at(1) });
  await setKeyExpiry(expired.key.id, new Date(Date.now() - DAY));
  const off = await createKey(team.admin, { name: "disabled, expiring", expiresAt: at(2) });
  mustOk(await setApiKeyEnabled(team.admin, off.key.id, false));
  await createKey(team.standard, { name: "standard's, in 5 days", expiresAt: at(5) });
  return team;
}

describe("the Status filter (SPEC §9.4)", () => {
  it("lists exactly the keys of each status, server-side", async () => {
    const team = await keysInEveryState();
    const list = async (status: string) => names(mustOk(await listApiKeys(team.admin, { status })));
    expect(await list("all")).toHaveLength(7);
    expect(await list("active")).toEqual(["in 2 hours", "in 3 days", "in 30 days", "permanent", "standard's, in 5 days"]);
    expect(await list("expiring")).toEqual(["in 2 hours", "in 3 days", "standard's, in 5 days"]);
    expect(await list("expired")).toEqual(["expired"]);
    expect(await list("disabled")).toEqual(["disabled, expiring"]);
    expect(mustOk(await listApiKeys(team.admin, { status: "expiring" })).total).toBe(3);
    expect(await listApiKeys(team.admin, { status: "soon" })).toMatchObject({
      ok: false,
      code: "invalid_request",
      fieldErrors: { status: "Status must be one of all, active, expiring, expired, disabled" },
    });
  });

  it("combines with the search and Created by, and counts what the notice says", async () => {
    const team = await keysInEveryState();
    expect(names(mustOk(await listApiKeys(team.admin, { status: "expiring", q: "days" })))).toEqual(["in 3 days", "standard's, in 5 days"]);
    expect(names(mustOk(await listApiKeys(team.admin, { status: "expiring", createdBy: "me" })))).toEqual(["in 2 hours", "in 3 days"]);
    expect(names(mustOk(await listApiKeys(team.standard, { status: "expiring" })))).toEqual(["standard's, in 5 days"]);
    expect(await countExpiringKeys(team.admin)).toBe(3);
    expect(await countExpiringKeys(team.standard)).toBe(1);
  });

  it("is served by the expiry and disabled indexes", async () => {
    const team = await keysInEveryState();
    // Many plain keys beside the few expiring, expired and disabled ones, as a big workspace has.
    await getDb().execute(sql`
      insert into api_keys (id, workspace_id, name, secret_hash, hint, created_by_user_id)
      select 'key_' || lpad(n::text, 16, '0') || ${team.ws.id.slice(0, 4)}, ${team.ws.id}, 'bulk-' || n, md5(${team.ws.id} || n), 'ak_x…x', ${team.admin.userId}
      from generate_series(1, 3000) as n`);
    await getDb().execute(sql`analyze api_keys`);
    const plan = async (query: string) => JSON.stringify(await getDb().execute(sql.raw(`explain ${query}`)));
    const inWorkspace = `from api_keys where workspace_id = '${team.ws.id}'`;
    const page = "order by created_at desc nulls last, id desc nulls last limit 51";
    expect(await plan(`select id ${inWorkspace} and disabled_at is not null ${page}`)).toContain("api_keys_workspace_disabled_created_idx");
    // The notice's count and a page of expiring keys read only the expiry range of the index.
    const expiring = "disabled_at is null and expires_at > now() and expires_at <= now() + interval '7 days'";
    expect(await plan(`select count(*) ${inWorkspace} and ${expiring}`)).toContain("api_keys_workspace_expires_idx");
    expect(await plan(`select id ${inWorkspace} and ${expiring} ${page}`)).toContain("api_keys_workspace_expires_idx");
    expect(await plan(`select id ${inWorkspace} and disabled_at is null and expires_at is not null and expires_at <= now() ${page}`)).toContain(
      "api_keys_workspace_expires_idx",
    );
  });
});
