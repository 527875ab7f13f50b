import { readFile } from "node:fs/promises";
import { uniqueSuffix } from "./support/admin";
import { chooseFromRowMenu, expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";

// Generous: these flows take many steps, and the e2e machine is shared.
test.describe.configure({ mode: "serial", timeout: 150_000 });

test.describe("Audit log page", () => {
  test("shows the events of a role created, edited and deleted in the console, filterable and exportable", async ({ as }) => {
    const page = await as("owner");
    const name = `=HYPERLINK("x") ${uniqueSuffix()}`;
    await page.goto("/w/acme/roles");
    await page.getByRole("button", { name: "Create role" }).click();
    const create = page.getByRole("dialog", { name: "Create role" });
    await create.getByLabel("Name", { exact: true }).fill(name);
    await create.getByRole("checkbox", { name: /^audit:read/ }).check();
    await create.getByRole("button", { name: "Create" }).click();
    await expect(create).toBeHidden();
    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit role" });
    await edit.getByLabel("Description").fill("edited");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    // The saved role re-renders its row: open the menu on the row as it now is.
    await expect(row).toContainText("edited");
    await chooseFromRowMenu(page, row.getByRole("button", { name: /^Actions for/ }), "Delete");
    const confirm = page.getByRole("alertdialog", { name: "Delete role?" });
    await confirm.getByRole("button", { name: "Delete role" }).click();
    // The table is aria-hidden while the dialog is open: wait for the deletion itself.
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Role deleted", { exact: true }).last()).toBeVisible();
    await expect(row).toHaveCount(0);

    await page.goto("/w/acme/audit-log");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    const events = page.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: name });
    await expect(events).toHaveCount(3);
    // Newest first: deleted, edited, created; each with the actor and a time.
    await expect(events.nth(0)).toContainText("Role deleted");
    await expect(events.nth(1)).toContainText("Role edited");
    await expect(events.nth(2)).toContainText("Role created");
    await expect(events.nth(0)).toContainText("Olivia Owner");
    await expect(events.nth(0).locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "audit-log");

    // The action filter lives in the URL and survives a reload.
    await page.getByLabel("Action").selectOption("role.create");
    await expect(page).toHaveURL(/[?&]action=role\.create/);
    await expect(events).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel("Action")).toHaveValue("role.create");
    await expect(events).toHaveCount(1);
    const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
    for (const text of await rows.allInnerTexts()) if (!text.startsWith("Time")) expect(text).toContain("Role created");

    // The export carries the filter, and a formula-looking name is defused.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await (await download).path();
    const csv = await readFile(file, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(`"Time (UTC)","Actor","Actor user ID","Actor key ID","Action","Target type","Target ID","Target","IP","Details"`);
    expect(lines.slice(1).every((l) => l.includes(`"role.create"`))).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"") `);

    await page.getByLabel("Action").selectOption("");
    await page.getByLabel("Actor").selectOption({ label: "Olivia Owner (owner@acme.test)" });
    await expect(page).toHaveURL(/[?&]actor=[0-9a-f-]{36}/);
    await expect(page).not.toHaveURL(/action=/);
    await expect(events).toHaveCount(3);
  });

  test("pages through older events and back", async ({ as }) => {
    const page = await as("owner");
    // The shared demo workspace may not hold 50 events yet; each export is itself an audit event.
    for (let i = 0; i < 51; i++) expect((await page.request.get("/w/acme/audit-log/export")).status()).toBe(200);
    await page.goto("/w/acme/audit-log");
    const table = page.getByRole("table", { name: "Audit events" });
    // Rows without their relative times ("now", "1 minute ago"), which change while the test runs.
    const rowTexts = () =>
      table.getByRole("row").evaluateAll((rows) =>
        rows.map((row) => {
          const copy = row.cloneNode(true) as HTMLElement;
          copy.querySelectorAll("time + span").forEach((relative) => relative.remove());
          return copy.textContent ?? "";
        }),
      );
    const firstPage = await rowTexts();
    expect(firstPage.length).toBe(51);
    expect(firstPage[1]).toContain("Audit log exported");
    await page.getByRole("link", { name: "Older" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(page.getByRole("link", { name: "Newer" })).toBeVisible();
    const secondPage = await rowTexts();
    expect(secondPage.slice(1)).not.toContain(firstPage[1]);
    await page.getByRole("link", { name: "Newer" }).click();
    // Keyset pages: the same 50 events come back even if other tests logged newer ones meanwhile.
    await expect(table.getByRole("row")).toHaveCount(51);
    await expect.poll(rowTexts).toEqual(firstPage);
  });

  test("a Standard member without audit:read gets a 403 page, and the export refuses them", async ({ as }) => {
    const page = await as("member");
    expect((await page.goto("/w/acme/audit-log"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have permission to read the audit log" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const response = await page.request.get("/w/acme/audit-log/export");
    expect(response.status()).toBe(403);
    await expectNoSeriousA11yViolations(page);
  });
});
