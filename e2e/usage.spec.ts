import type { Page } from "@playwright/test";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { createKeyThroughDialog, expectAccessible, keyRow, uniqueName } from "./support/api-keys";

/** Reloads until `text` is on the page: counts reach the database within USAGE_FLUSH_MS (200 ms in e2e). */
async function reloadUntilVisible(page: Page, text: string | RegExp): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test.describe("usage (SPEC §11)", () => {
  test.describe.configure({ timeout: 150_000 });

  test("requests made with a new key show on its details page, in the list and on the Usage page", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("usage");
    const secret = await createKeyThroughDialog(page, name);

    // Read-only: workspace:read and members:read. 7 successes (2 needing members:read), 3 refusals.
    for (let i = 0; i < 5; i++) expect((await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } })).status()).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await page.request.get("/api/v1/members", { headers: { "X-Api-Key": secret, "User-Agent": "usage-e2e/1.0" } });
      expect(res.status()).toBe(200);
    }
    for (let i = 0; i < 3; i++) expect((await page.request.get("/api/v1/audit-log", { headers: { "X-Api-Key": secret } })).status()).toBe(403);

    await keyRow(page, name).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await reloadUntilVisible(page, "Requests: 10");
    const usage = page.getByRole("region", { name: "Usage", exact: true });
    await expect(usage.getByRole("tab", { name: "24 hours", selected: true })).toBeVisible();
    await expect(usage.getByText("Requests: 10")).toBeVisible();
    await expect(usage.getByText("Refused: 3")).toBeVisible();
    await expect(usage.getByRole("img", { name: /7 successful and 3 refused requests, by hour/ })).toBeVisible();

    await usage.getByRole("button", { name: "View as table" }).click();
    const table = usage.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Refused", exact: true })).toBeVisible();
    await expect(table.getByRole("row").nth(1)).toContainText("forbidden: 3");

    await usage.getByRole("tab", { name: "7 days" }).click();
    await expect(usage.getByRole("tabpanel").getByText("Requests: 10")).toBeVisible();
    await usage.getByRole("tabpanel").getByRole("button", { name: "View as table" }).click();
    await expect(usage.getByRole("tabpanel").getByRole("table")).toContainText("forbidden: 3");
    await screenshotBoth(page, "usage-key-details-7-days-table");
    await usage.getByRole("tab", { name: "30 days" }).click();
    await expect(usage.getByRole("tabpanel").getByRole("img", { name: /by day/ })).toBeVisible();
    await usage.getByRole("tab", { name: "24 hours" }).click();

    const from = page.getByRole("region", { name: "Last used from" });
    await expect(from).toContainText("usage-e2e/1.0");
    const permissions = page.getByRole("region", { name: "Permissions used" });
    await expect(permissions.getByText("This key used 1 of its 2 permissions in the last 30 days.")).toBeVisible();
    await expect(permissions.getByRole("listitem").filter({ hasText: "members:read" })).toContainText("Used");
    await expect(permissions.getByRole("listitem").filter({ hasText: "workspace:read" })).toContainText("Unused");

    await expectAccessible(page);
    await screenshotBoth(page, "usage-key-details");

    await permissions.getByRole("link", { name: "Modify roles" }).click();
    const modify = page.getByRole("dialog", { name: "Modify API key" });
    await expect(modify).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(modify).toBeHidden();

    // The list's column counts every request of the last 24 hours, refused included.
    await page.goto("/w/acme/api-keys");
    await expect(page.getByRole("columnheader", { name: "Requests (24 h)" })).toBeVisible();
    await expect(keyRow(page, name).getByRole("cell").filter({ hasText: /^10$/ })).toHaveCount(1);
    await screenshotBoth(page, "usage-list-column");

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Usage" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "24 hours", selected: true })).toBeVisible();
    await expect(page.getByRole("tabpanel").getByRole("img", { name: /successful and \d+ refused requests, by hour/ })).toBeVisible();
    const byRefusals = page.getByRole("tabpanel").getByRole("table", { name: "Top keys by refusals" });
    await expect(byRefusals.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("tabpanel").getByRole("table", { name: "Top keys by requests" })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "usage-workspace");
    await byRefusals.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  test("a key without requests says so, and the Usage page is closed to members without api_keys:read", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await keyRow(page, "rharman_automation_rw").getByRole("link", { name: "rharman_automation_rw", exact: true }).click();
    const usage = page.getByRole("region", { name: "Usage", exact: true });
    await expect(usage.getByText("No requests in this period")).toBeVisible();
    await expect(usage.getByText("Requests: 0")).toBeVisible();
    await expect(page.getByRole("region", { name: "Last used from" })).toContainText("Never");

    const viewer = await as("viewer");
    const response = await viewer.goto("/w/acme/usage");
    expect(response?.status()).toBe(403);
    await expect(viewer.getByRole("heading", { name: "You don't have permission to see usage" })).toBeVisible();
  });
});
