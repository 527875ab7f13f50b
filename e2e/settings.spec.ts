import { addNewMember, signIn, uniqueSuffix } from "./support/admin";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

// Generous: these flows take many steps, and the e2e machine is shared.
test.describe.configure({ mode: "serial", timeout: 150_000 });

// Globex has no keys: toggling its settings cannot disturb the API Keys specs, which use Acme.
test.describe("Settings page", () => {
  test("shows name and plan; the Owner renames the workspace; on Free the key settings are greyed out with the reason", async ({ as }) => {
    const page = await as("globexOwner");
    await page.goto("/w/globex/settings");
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByText("API keys are available on the Small plan and above.")).toBeVisible();
    const name = page.getByLabel("Workspace name");
    await expect(name).toHaveValue("Globex");
    // The Free plan's next step (issue 13 #7); the rule itself is tested in lib/workspaces/plan.test.ts.
    await expect(page.getByRole("button", { name: "Upgrade to Small" })).toBeVisible();
    await expect(page.getByText("API key secrets and the API shared secret apply once the workspace is on the Small plan or above.")).toBeVisible();
    await expect(page.locator("[inert]").getByRole("switch", { name: "Show secrets only once" })).toHaveCount(1);
    await expect(page.locator("[inert]").getByRole("heading", { name: "API shared secret" })).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "settings");

    await name.fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Workspace name is required")).toBeVisible();
    await name.fill("Globex Labs");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Changes saved", { exact: true }).last()).toBeVisible();
    await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText("Globex Labs");
    await name.fill("Globex");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: /Switch workspace/ })).toContainText(/^Globex\s*Free/);
    await page.goto("/w/globex/audit-log");
    await expect(page.getByRole("row").filter({ hasText: "Workspace renamed" }).first()).toContainText("Globex Labs");
  });

  test("the Owner toggles 'Show secrets only once' after a confirmation", async ({ browser }) => {
    const page = await signIn(browser, E2E_USERS.pager, DEMO_PASSWORD);
    await page.goto("/w/quiet/settings");
    const toggle = page.getByRole("switch", { name: "Show secrets only once" });
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    const confirm = page.getByRole("alertdialog", { name: "Show secrets only once?" });
    // Globex has no keys: the confirmation says plainly that nothing is deleted.
    await expect(confirm).toContainText("No existing key has a stored secret, so nothing is deleted.");
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "settings-secrets-once-dialog");
    // Cancel changes nothing.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(toggle).not.toBeChecked();
    await toggle.click();
    await confirm.getByRole("button", { name: "Delete stored secrets and turn on" }).click();
    await expect(confirm).toBeHidden();
    await expect(toggle).toBeChecked();
    await page.reload();
    await expect(toggle).toBeChecked();
    // Off applies at once, without a confirmation.
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await page.reload();
    await expect(toggle).not.toBeChecked();

    await page.goto("/w/quiet/audit-log");
    await expect(page.getByRole("row").filter({ hasText: "Settings changed" })).toHaveCount(2);
    await expect(page.getByRole("row").filter({ hasText: "Show secrets only once: off → on" })).toHaveCount(1);
    await page.context().close();
  });

  test("an Administrator sees the settings but cannot change them", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/settings");
    await expect(page.getByLabel("Workspace name")).toHaveAttribute("readonly", "");
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(page.getByRole("switch", { name: "Show secrets only once" })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
  });

  test("a member whose roles lack workspace:read gets a 403 page", async ({ as, browser }) => {
    const owner = await as("owner");
    const role = `Member lister ${uniqueSuffix()}`;
    await owner.goto("/w/acme/roles");
    await owner.getByRole("button", { name: "Create role" }).click();
    const dialog = owner.getByRole("dialog", { name: "Create role" });
    await dialog.getByLabel("Name", { exact: true }).fill(role);
    await dialog.getByRole("checkbox", { name: /^members:read/ }).check();
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
    const email = `lister-${uniqueSuffix()}@e2e.test`;
    const password = await addNewMember(owner, "acme", email, [role]);

    const page = await signIn(browser, email, password);
    expect((await page.goto("/w/acme/settings"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have permission to view settings" })).toBeVisible();
    await expect(page.getByLabel("Workspace name")).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "settings-forbidden");
    await page.context().close();
  });
});
