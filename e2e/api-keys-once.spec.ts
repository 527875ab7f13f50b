import { signIn } from "./support/admin";
import { expectAccessible, keyRow as row, SECRET_PATTERN } from "./support/api-keys";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

// "Once" (e2e/support/seed.ts) shows secrets only once: nothing can reveal or copy a stored one.
const SHOWN_ONCE = "This key's secret was shown only once, when the key was created. It cannot be revealed or copied.";

test.describe("a workspace that shows secrets only once", () => {
  test("rows offer no Copy key and say why; a new key's secret is shown once, then never", async ({ browser, baseURL }) => {
    const page = await signIn(browser, E2E_USERS.onceOwner, DEMO_PASSWORD);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/w/once/api-keys");

    await expect(row(page, "once-seeded").getByText("Not stored")).toHaveAttribute("title", /this workspace shows secrets only once/);
    await expect(page.getByRole("table", { name: "API keys" }).getByRole("button", { name: "Copy key" })).toHaveCount(0);

    // A new key: its secret in the created dialog, with the once-only warning, and copyable there.
    const name = `once-${Date.now().toString(36)}`;
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    await expect(created.getByText("Store this key somewhere safe.")).toBeVisible();
    await expect(created.getByText("You won't be able to see it again.")).toBeVisible();
    const secret = await created.getByLabel("API key secret").inputValue();
    expect(secret).toMatch(SECRET_PATTERN);
    await created.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshotBoth(page, "api-keys-once-created");
    await created.getByRole("button", { name: "Close" }).click();
    await expect(created).toBeHidden();

    // Afterwards neither the list nor the details page can give it back.
    await expect(row(page, name).getByText("Not stored")).toBeVisible();
    await expect(row(page, name).getByRole("button", { name: "Copy key" })).toHaveCount(0);
    await row(page, name).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("main").getByText(SHOWN_ONCE)).toBeVisible();
    await expect(page.getByRole("button", { name: "Reveal" })).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    // The key works all the same.
    expect((await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } })).status()).toBe(200);
    await page.context().close();
  });

  test('a member without keys sees "No API keys yet" with the create button, and their first key replaces it', async ({ browser }) => {
    const page = await signIn(browser, E2E_USERS.newcomer, DEMO_PASSWORD);
    await page.goto("/w/once/api-keys");
    await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    // The Owner's key exists, but a Standard member sees only their own.
    expect(await page.content()).not.toContain("once-seeded");
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-empty");

    await page.getByRole("button", { name: "Create your first key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    await expect(created).toBeVisible();
    await created.getByRole("button", { name: "Close" }).click();
    await expect(page.getByRole("heading", { name: "No API keys yet" })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "API keys" }).locator("tbody tr")).toHaveCount(1);
    await expect(page.getByRole("table", { name: "API keys" })).toContainText("API Key name ");
    await page.context().close();
  });
});
