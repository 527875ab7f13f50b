import { createKeyThroughDialog, deleteKeyThroughDialogs, expectAccessible, keyRow, uniqueName } from "./support/api-keys";
import { expect, screenshotBoth, test } from "./support/fixtures";

// Only this spec reports keys or changes Acme's leak policy, so the other API keys specs are undisturbed.
test.describe.configure({ mode: "serial", timeout: 150_000 });

test.describe("Leaked keys and decoy keys (SPEC §13)", () => {
  test("a key reported to POST /api/v1/leaks gets the Leaked badge with when and the source, and the audit event", async ({ as }) => {
    const page = await as("owner");
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("e2e-leaked");
    const secret = await createKeyThroughDialog(page, name);

    const reported = await page.request.post("/api/v1/leaks", {
      data: { keys: [secret, "ak_not-a-key"], source: "e2e scanner", url: "https://paste.example/e2e" },
    });
    expect(reported.status()).toBe(202);
    expect(await reported.json()).toEqual({ received: 2 });

    await page.reload();
    const row = keyRow(page, name);
    await expect(row.getByText("Leaked", { exact: true })).toBeVisible();
    await expect(row).toContainText(/Reported leaked \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}.* by e2e scanner/);
    await expectAccessible(page);
    await screenshotBoth(page, "leaks-list-badge");

    await row.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Leaked", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "https://paste.example/e2e" })).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "leaks-details");

    await page.goto("/w/acme/audit-log");
    const event = page.getByRole("row").filter({ hasText: "API key reported leaked" }).filter({ hasText: name });
    await expect(event).toHaveCount(1);
    await expect(event).toContainText("Leak report");

    await page.goto("/w/acme/api-keys");
    await deleteKeyThroughDialogs(page, name);
  });

  test("a decoy key is refused like an unknown key, shows the Decoy badge, and its use is in the audit log", async ({ as }) => {
    const page = await as("owner");
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("e2e-decoy");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    const decoy = dialog.getByRole("checkbox", { name: "Decoy key" });
    await expect(decoy).toHaveAccessibleDescription("Never authorizes anything; any use is recorded and raises an alert.");
    await decoy.check();
    await expectAccessible(page);
    await screenshotBoth(page, "leaks-decoy-checkbox");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    const secret = await created.getByLabel("API key secret").inputValue();
    await created.getByRole("button", { name: "Close" }).click();
    await expect(created).toBeHidden();
    await expect(keyRow(page, name).getByText("Decoy", { exact: true })).toBeVisible();

    const used = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret, "User-Agent": "e2e-attacker/1.0" } });
    expect(used.status()).toBe(401);
    expect(((await used.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");

    // The use is written off the request path: it shows up shortly after.
    await expect(async () => {
      await page.goto("/w/acme/audit-log");
      await expect(page.getByRole("row").filter({ hasText: "Decoy key used" }).filter({ hasText: name })).toHaveCount(1, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("row").filter({ hasText: "Decoy key used" }).filter({ hasText: name })).toContainText("e2e-attacker/1.0");

    await page.goto("/w/acme/api-keys");
    await deleteKeyThroughDialogs(page, name);
  });

  test("the Owner chooses what happens to a leaked key in Settings → Leaked keys", async ({ as }) => {
    const page = await as("owner");
    await page.goto("/w/acme/settings");
    const section = page.getByRole("region", { name: "Leaked keys" });
    await expect(section.getByRole("group", { name: "When a key is reported leaked" })).toBeVisible();
    const disable = section.getByRole("radio", { name: "Disable it" });
    const notify = section.getByRole("radio", { name: "Only notify" });
    await expect(disable).toBeChecked();
    await expect(section.getByRole("radio", { name: "Delete it" })).not.toBeChecked();
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshotBoth(page, "leaks-settings");

    await notify.check();
    await expect(page.getByText("Changes saved", { exact: true }).last()).toBeVisible();
    await page.reload();
    await expect(notify).toBeChecked();
    await disable.check();
    await expect(page.getByText("Changes saved", { exact: true }).last()).toBeVisible();
    await page.reload();
    await expect(disable).toBeChecked();
  });

  test("an Administrator sees the policy but cannot change it", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/settings");
    const section = page.getByRole("region", { name: "Leaked keys" });
    await expect(section.getByRole("radio", { name: "Disable it" })).toBeDisabled();
    await expect(section.getByText("Changing it needs the workspace:manage permission.")).toBeVisible();
  });
});
