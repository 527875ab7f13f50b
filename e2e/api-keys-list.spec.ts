import type { Response } from "@playwright/test";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { keyRow as row, keysTable as table, SECRET_PATTERN as SECRET, expectAccessible } from "./support/api-keys";

// Read-only checks of the demo data (SPEC §7). Other specs add and delete keys of their own at
// the same time, so nothing here counts rows or relies on rows other than the demo keys.
// Axe scans and screenshots at two widths take a while on a busy machine.
test.describe.configure({ timeout: 90_000 });

test.describe("the API keys list", () => {
  test("shows the demo keys with their roles, times, expiry and usage", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API Key Management" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toBeEnabled();
    await expect(page.getByRole("searchbox", { name: "Search keys by name" })).toBeVisible();

    const headers = table(page).getByRole("columnheader");
    // The first header is the "Select all on this page" checkbox (its name is its label).
    await expect(headers).toHaveText(["", "Name", "Key", "Roles", "Created", "Expires", "Last used", "Requests (24 h)", "Created by", "Actions"]);
    await expect(headers.first().getByRole("checkbox", { name: "Select all on this page" })).toBeVisible();

    const tcross = row(page, "tcross_ro");
    await expect(tcross).toContainText("Reporting dashboards (read-only)");
    await expect(tcross).toContainText("Read-only");
    await expect(tcross).toContainText("2024-07-29 18:59:11");
    await expect(tcross).toContainText("Permanent");
    await expect(tcross).toContainText("Adam Admin");
    await expect(tcross.getByRole("button", { name: "Copy key" })).toBeVisible();
    await expect(tcross.getByRole("code")).toHaveText(/^ak_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);

    const product = row(page, "productreport");
    await expect(product).toContainText("2025-01-31 00:00:00");
    await expect(product.getByText("Expired", { exact: true })).toBeVisible();
    await expect(product).toContainText("2024-12-09 16:21:36");

    const rharman = row(page, "rharman_automation_rw");
    await expect(rharman).toContainText("Administrator");
    await expect(rharman.getByText("Never", { exact: true })).toBeVisible();
    await expect(rharman.getByText("Expired", { exact: true })).toHaveCount(0);

    await expect(row(page, "chris_ro")).toContainText("Mia Member");
    // The exact local time with its zone on hover (never raw UTC ISO), and how long ago it was.
    await expect(tcross.locator("time").nth(1)).toHaveAttribute("title", "2024-07-29 18:59:11 (UTC+00:00)");
    await expect(tcross).toContainText(/2024-07-29 18:59:11\s*\d+ years? ago|2024-07-29 18:59:11\s*last year/);

    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-list-admin");
    await page.emulateMedia({ colorScheme: "dark" });
    await screenshotBoth(page, "api-keys-list-admin-dark");
  });

  test("shows times in the viewer's time zone", async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", timezoneId: "Asia/Tokyo" });
    const page = await context.newPage();
    await page.goto("/w/acme/api-keys");
    // 18:59:11 UTC is 03:59:11 the next day in Tokyo (UTC+9).
    await expect(row(page, "tcross_ro")).toContainText("2024-07-30 03:59:11");
    await context.close();
  });

  test("pins the owner key first with an 'Owner' badge for the Owner", async ({ as }) => {
    const page = await as("owner");
    await page.goto("/w/acme/api-keys");
    const first = table(page).getByRole("row").nth(1);
    await expect(first.getByRole("rowheader")).toContainText("Owner key");
    await expect(first.getByText("Owner", { exact: true }).first()).toBeVisible();
    await expect(row(page, "tcross_ro").getByText("Owner", { exact: true })).toHaveCount(0);
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-list-owner");
  });

  test("never sends the owner key to an Administrator, in HTML or RSC payloads", async ({ as }) => {
    const owner = await as("owner");
    await owner.goto("/w/acme/api-keys");
    const ownerKeyHref = await row(owner, "Owner key").getByRole("link", { name: "Owner key" }).getAttribute("href");
    const ownerKeyId = ownerKeyHref!.split("/").pop()!;
    expect(ownerKeyId).toMatch(/^key_[0-9A-Za-z]{16}$/);

    const page = await as("admin");
    const bodies: Promise<string>[] = [];
    page.on("response", (response: Response) => {
      const type = response.headers()["content-type"] ?? "";
      if (type.includes("text/html") || type.includes("text/x-component")) bodies.push(response.text().catch(() => ""));
    });
    await page.goto("/w/acme/api-keys");
    await expect(row(page, "tcross_ro")).toBeVisible();
    await expect(table(page).getByText("Owner key")).toHaveCount(0);
    // A client-side search (an RSC request) for it finds nothing either.
    await page.getByRole("searchbox", { name: "Search keys by name" }).fill("Owner key");
    await expect(page.getByText("No keys match")).toBeVisible();
    await expect(page).toHaveURL(/q=Owner\+key/);
    const html = await page.content();
    const all = [html, ...(await Promise.all(bodies))];
    expect(all.length).toBeGreaterThan(2);
    for (const body of all) {
      expect(body).not.toContain(ownerKeyId);
      expect(body).not.toContain("Workspace owner's key");
      expect(body).not.toMatch(/ak_[0-9A-Za-z]{32}/);
    }

    // Nor is it found by its id.
    const response = await page.goto(`/w/acme/api-keys/${ownerKeyId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "API key not found" })).toBeVisible();
    expect(await page.content()).not.toContain("Workspace owner's key");
  });

  test("a member sees only their own keys, without 'Created by'", async ({ as }) => {
    const page = await as("member");
    await page.goto("/w/acme/api-keys");
    await expect(row(page, "chris_ro")).toBeVisible();
    await expect(table(page).getByText("tcross_ro")).toHaveCount(0);
    await expect(table(page).getByRole("columnheader", { name: "Created by" })).toHaveCount(0);
    await expect(page.getByRole("radio", { name: "Me" })).toHaveCount(0);
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-list-member");
  });

  test("'Created by: Me' keeps only the viewer's keys, in the URL", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await expect(page.getByRole("radio", { name: "Anyone" })).toBeChecked();
    await page.getByText("Me", { exact: true }).click();
    await expect(page).toHaveURL(/createdBy=me/);
    await expect(table(page).getByText("chris_ro")).toHaveCount(0);
    await expect(row(page, "tcross_ro")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("radio", { name: "Me" })).toBeChecked();
    await expect(table(page).getByText("chris_ro")).toHaveCount(0);
  });

  test("a Read-only member is told they may not manage API keys", async ({ as }) => {
    const page = await as("viewer");
    expect((await page.goto("/w/acme/api-keys"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have permission to manage API keys" })).toBeVisible();
    // Still inside the workspace shell, with the way to the pages they may open.
    await expect(page.getByRole("link", { name: "Members", exact: true })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    expect(await page.content()).not.toContain("tcross_ro");
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-forbidden");
  });

  test("a free-plan workspace explains that API keys need the Small plan", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/globex/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API Key Management" })).toBeVisible();
    await expect(page.getByText("API keys are available on the Small plan and above.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-free-plan");
  });
});

test.describe("search", () => {
  test("finds keys by substring and despite typos, kept in the URL", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const search = page.getByRole("searchbox", { name: "Search keys by name" });

    await search.fill("rharman");
    await expect(page).toHaveURL(/\?q=rharman$/);
    await expect(row(page, "rharman_automation_rw")).toBeVisible();
    await expect(row(page, "rharman_automation_ro")).toBeVisible();
    await expect(table(page).getByText("tcross_ro")).toHaveCount(0);

    for (const typo of ["prodrep", "prodcut", "PRODUCTREPORT"]) {
      await search.fill(typo);
      await expect(page).toHaveURL(new RegExp(`\\?q=${typo}$`));
      await expect(table(page).getByRole("rowheader").first()).toContainText("productreport");
    }

    // The URL alone restores the search.
    await page.goto("/w/acme/api-keys?q=prodcut");
    await expect(page.getByRole("searchbox", { name: "Search keys by name" })).toHaveValue("prodcut");
    await expect(row(page, "productreport")).toBeVisible();
  });

  test("says 'No keys match' and clears back to every key", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const search = page.getByRole("searchbox", { name: "Search keys by name" });
    await search.fill("zzqx-no-such-key");
    await expect(page.getByRole("heading", { name: "No keys match" })).toBeVisible();
    await expect(page).toHaveURL(/q=zzqx-no-such-key/);
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-search-no-match");

    await page.getByRole("button", { name: "Clear search" }).click();
    await expect(search).toHaveValue("");
    await expect(search).toBeFocused();
    await expect(page).toHaveURL(/\/api-keys$/);
    await expect(row(page, "tcross_ro")).toBeVisible();
  });

  test("waits for a pause in typing before asking the server", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await expect(row(page, "tcross_ro")).toBeVisible();
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["rsc"] && request.url().includes("q=")) requests.push(request.url());
    });
    await page.getByRole("searchbox", { name: "Search keys by name" }).pressSequentially("djm_d", { delay: 40 });
    await expect(row(page, "djm_dash")).toBeVisible();
    await expect(page).toHaveURL(/q=djm_d$/);
    expect(requests.length).toBe(1);
  });
});

test.describe("Copy key", () => {
  test("copies the full secret, which authenticates", async ({ as, baseURL }) => {
    const page = await as("admin");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/w/acme/api-keys");
    expect(await page.content()).not.toMatch(/ak_[0-9A-Za-z]{32}/);

    await row(page, "tcross_ro").getByRole("button", { name: "Copy key" }).click();
    await expect(page.getByText("Copied", { exact: true })).toBeVisible();
    const secret = await page.evaluate(() => navigator.clipboard.readText());
    expect(secret).toHaveLength(35);
    expect(secret).toMatch(SECRET);

    const me = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } });
    expect(me.status()).toBe(200);
    expect(JSON.stringify(await me.json())).toContain("tcross_ro");
  });
});
