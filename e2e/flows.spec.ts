import { expect, screenshotBoth, test } from "./support/fixtures";
import { createKeyThroughDialog, deleteKeyThroughDialogs, expectAccessible, keyRow as row, keysTable as table, uniqueName } from "./support/api-keys";

// Issue 13: search by what identifies a key, focus that stays put, usage help, the shared-secret
// shortcut and the row links that no longer prefetch.
test.describe.configure({ timeout: 120_000 });

test.describe("search by hint, Key ID and secret", () => {
  test("a pasted hint or Key ID finds the key, ranked by relevance", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const hint = (await row(page, "tcross_ro").getByRole("code").textContent())!.trim();
    const search = page.getByRole("searchbox", { name: "Search keys by name" });

    await search.fill(hint);
    await expect(table(page).getByRole("rowheader")).toHaveCount(1);
    await expect(row(page, "tcross_ro")).toBeVisible();
    await expect(page.getByText(/^1 key matches “.+”, most relevant first/)).toBeVisible();
    await search.fill(hint.slice(0, 7));
    await expect(page).toHaveURL(new RegExp(`\\?q=${hint.slice(0, 7)}$`));
    await expect(row(page, "tcross_ro")).toBeVisible();

    await row(page, "tcross_ro").getByRole("link", { name: "tcross_ro" }).click();
    const keyId = (await page.getByRole("code").filter({ hasText: /^key_/ }).textContent())!.trim();
    await page.goto("/w/acme/api-keys");
    await page.getByRole("searchbox", { name: "Search keys by name" }).fill(keyId);
    await expect(page).toHaveURL(new RegExp(`\\?q=${keyId}$`));
    await expect(table(page).getByRole("rowheader")).toHaveCount(1);
    await expect(row(page, "tcross_ro")).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-search-key-id");
  });

  test("description words find the key; no footer under 'No keys match'", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys?q=dashboards");
    await expect(row(page, "tcross_ro")).toBeVisible();
    await page.goto("/w/acme/api-keys?q=zzqx-nothing");
    await expect(page.getByRole("heading", { name: "No keys match" })).toBeVisible();
    await expect(page.getByText(/keys? match “zzqx-nothing”/)).toHaveCount(0);
  });

  test("a pasted secret is looked up by hash and never lands in the URL", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("flows-secret");
    const secret = await createKeyThroughDialog(page, name);
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    await page.getByRole("searchbox", { name: "Search keys by name" }).fill(secret);
    await expect(page).toHaveURL(/\?q=key_[0-9A-Za-z]{16}$/);
    await expect(row(page, name)).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Search keys by name" })).toHaveValue(/^key_/);
    expect(urls.filter((u) => u.includes(secret) || u.includes(encodeURIComponent(secret)))).toEqual([]);
    expect(page.url()).not.toContain("ak_");
    await page.getByRole("button", { name: "Clear search" }).click();
    await deleteKeyThroughDialogs(page, name);
  });
});

test.describe("focus, usage help and shortcuts", () => {
  test("Copy in 'API key created' keeps focus; the dialog shows how to use the key", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("flows-focus");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    const copy = created.getByRole("button", { name: "Copy", exact: true });
    await copy.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Copied", { exact: true }).last()).toBeVisible();
    await expect(copy).toBeFocused();

    await expect(created).toContainText("X-Api-Key");
    await expect(created).toContainText("DF-API-KEY");
    await expect(created).toContainText("Authorization: Bearer");
    await expect(created.getByText(/curl -H "X-Api-Key: \$KEYWARD_API_KEY" http:\/\/localhost:\d+\/api\/v1\/me/)).toBeVisible();
    await expect(created.getByRole("link", { name: "OpenAPI document" })).toHaveAttribute("href", "/api/v1/openapi.json");
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-created-usage");
    await created.getByRole("button", { name: "Close" }).click();

    await row(page, name).getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Use this key" })).toBeVisible();
    const openapi = page.getByRole("link", { name: "OpenAPI document" });
    expect((await page.request.get((await openapi.getAttribute("href"))!)).status()).toBe(200);
    await screenshotBoth(page, "api-keys-details-usage");
    await page.goto("/w/acme/api-keys");
    await deleteKeyThroughDialogs(page, name);
  });

  test("sorting a header with Enter keeps focus on that header", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    const byName = table(page).getByRole("columnheader", { name: "Name" }).getByRole("button");
    await byName.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=name/);
    await expect(byName).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=-name/);
    await expect(byName).toBeFocused();
  });

  test("'API shared secret' is beside 'Create key' only for workspace:manage and opens its Settings section", async ({ as }) => {
    const admin = await as("admin");
    await admin.goto("/w/acme/api-keys");
    await expect(admin.getByRole("button", { name: "Create key" })).toBeVisible();
    await expect(admin.getByRole("link", { name: "API shared secret" })).toHaveCount(0);

    const page = await as("owner");
    await page.goto("/w/acme/api-keys");
    await page.getByRole("link", { name: "API shared secret" }).click();
    await expect(page).toHaveURL(/\/w\/acme\/settings#shared-secret$/);
    await expect(page.getByRole("heading", { level: 2, name: "API shared secret" })).toBeInViewport();
  });

  test("the keys page prefetches no row or nav link on load", async ({ as }) => {
    const page = await as("admin");
    const prefetches: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
    });
    await page.goto("/w/acme/api-keys");
    await expect(row(page, "tcross_ro")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(prefetches).toEqual([]);
  });
});
