import { expect, screenshotBoth, test } from "./support/fixtures";
import { keyRow, SECRET_PATTERN, expectAccessible } from "./support/api-keys";

test.describe("the key details page", () => {
  // Axe scans and screenshots at two widths take a while on a busy machine.
  test.describe.configure({ timeout: 90_000 });

  test("shows a key's settings, reveals its secret and records it in the audit trail", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await keyRow(page, "productreport").getByRole("button", { name: "Actions" }).click();
    await page.getByRole("menuitem", { name: "View details" }).click();
    await expect(page).toHaveURL(/\/w\/acme\/api-keys\/key_[0-9A-Za-z]{16}$/);
    const keyId = page.url().split("/").pop()!;

    await expect(page.getByRole("heading", { level: 1, name: "productreport" })).toBeVisible();
    await expect(page.getByText("Monthly product report")).toBeVisible();
    await expect(page.getByText("Expired", { exact: true }).first()).toBeVisible();
    const details = page.getByRole("region", { name: "Key settings" });
    await expect(details.getByText(keyId)).toBeVisible();
    await expect(details.getByRole("button", { name: "Copy key ID" })).toBeVisible();
    await expect(details).toContainText("Read-only");
    await expect(details).toContainText("workspace:read");
    await expect(details).toContainText("members:read");
    await expect(details).not.toContainText("api_keys:create");
    await expect(details).toContainText("Adam Admin");
    await expect(details).toContainText("2024-01-02 05:00:00");
    await expect(details).toContainText("2025-01-31 00:00:00");
    await expect(details).toContainText("2024-12-09 16:21:36");
    await expect(page.getByRole("button", { name: "Modify" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();

    // The page holds no secret until "Reveal" asks the server.
    expect(await page.content()).not.toMatch(/ak_[0-9A-Za-z]{32}/);
    await expect(details.getByText(/^ak_[0-9A-Za-z]{4}•{24}[0-9A-Za-z]{4}$/)).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-details");

    await details.getByRole("button", { name: "Reveal" }).click();
    const revealed = details.getByText(SECRET_PATTERN);
    await expect(revealed).toBeVisible();
    await expect(details.getByRole("button", { name: "Hide" })).toBeVisible();
    await screenshotBoth(page, "api-keys-details-revealed");
    await details.getByRole("button", { name: "Hide" }).click();
    await expect(revealed).toHaveCount(0);

    // The trail shows the reveal without a reload (issue 13 #17), in words.
    const trail = page.getByRole("table", { name: "Audit trail" });
    await expect(trail.getByRole("row").filter({ hasText: "API key secret revealed" }).first()).toContainText("Adam Admin");
    await expect(trail.getByRole("columnheader")).toHaveText(["Time", "Action", "Actor", "IP address", "Details"]);
    await screenshotBoth(page, "api-keys-details-audit-trail");
  });

  test("Modify on the details page saves and shows the change", async ({ as }) => {
    const page = await as("owner");
    await page.goto("/w/acme/api-keys");
    await keyRow(page, "Owner key").getByRole("link", { name: "Owner key" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Owner key" })).toBeVisible();
    await expect(page.getByText("Owner", { exact: true }).first()).toBeVisible();
    // Every permission, whoever created it (listed under "Effective permissions", and again under "Permissions used").
    await expect(page.getByText("audit:read").first()).toBeVisible();

    await page.getByRole("button", { name: "Modify" }).click();
    const dialog = page.getByRole("dialog", { name: "Modify API key" });
    // The Owner role cannot leave the owner key.
    await expect(dialog.getByRole("checkbox", { name: "Owner" })).toBeChecked();
    await expect(dialog.getByRole("checkbox", { name: "Owner" })).toBeDisabled();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: "Modify" })).toBeFocused();
  });

  test("the owner key's id is a 404 for everyone but the Owner", async ({ as }) => {
    const owner = await as("owner");
    await owner.goto("/w/acme/api-keys");
    const href = await keyRow(owner, "Owner key").getByRole("link", { name: "Owner key" }).getAttribute("href");

    const page = await as("admin");
    const response = await page.goto(href!);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "API key not found" })).toBeVisible();
    expect(await page.content()).not.toContain("Workspace owner's key");
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-details-not-found");
  });

  test("a member cannot open another member's key, nor a malformed id", async ({ as }) => {
    const admin = await as("admin");
    await admin.goto("/w/acme/api-keys");
    const href = await keyRow(admin, "tcross_ro").getByRole("link", { name: "tcross_ro" }).getAttribute("href");

    const page = await as("member");
    expect((await page.goto(href!))?.status()).toBe(404);
    expect((await page.goto("/w/acme/api-keys/not-a-key"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "API key not found" })).toBeVisible();
  });

  test("a Read-only member gets the no-permission page", async ({ as }) => {
    const admin = await as("admin");
    await admin.goto("/w/acme/api-keys");
    const href = await keyRow(admin, "tcross_ro").getByRole("link", { name: "tcross_ro" }).getAttribute("href");
    const page = await as("viewer");
    expect((await page.goto(href!))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have permission to manage API keys" })).toBeVisible();
    expect(await page.content()).not.toContain("tcross_ro");
  });
});
