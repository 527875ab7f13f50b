import { addNewMember, memberRow, uniqueSuffix } from "./support/admin";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";

// Generous: these flows take many steps, and the e2e machine is shared.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const roleRow = (page: import("@playwright/test").Page, name: string) =>
  page.getByRole("table", { name: "Roles" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });

test.describe("Roles page", () => {
  test("shows the built-in roles read-only with their permissions", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/roles");
    await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
    for (const name of ["Owner", "Administrator", "Standard", "Read-only"]) {
      await expect(roleRow(page, name)).toContainText("Built-in");
    }
    await expect(roleRow(page, "Standard")).toContainText("api_keys:create");
    await expect(roleRow(page, "Read-only")).not.toContainText("api_keys:create");
    await expect(roleRow(page, "Administrator")).not.toContainText("roles:manage");
    // Administrators lack roles:manage: nothing to create or edit.
    await expect(page.getByRole("button", { name: "Create role" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("the Owner creates, edits and deletes a custom role; a role in use says by whom", async ({ as }) => {
    const page = await as("owner");
    const name = `Auditors ${uniqueSuffix()}`;
    await page.goto("/w/acme/roles");
    await page.getByRole("button", { name: "Create role" }).click();
    const dialog = page.getByRole("dialog", { name: "Create role" });
    // Validation under the field, nothing created.
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByText("Name is required")).toBeVisible();
    await expect(dialog.getByText("Select at least one permission")).toBeVisible();
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Description").fill("Read the audit log");
    await expect(dialog.getByRole("group", { name: "API keys" })).toBeVisible();
    await dialog.getByRole("checkbox", { name: /^audit:read/ }).check();
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "roles-create-dialog");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Role created", { exact: true }).last()).toBeVisible();
    await expect(roleRow(page, name)).toContainText("Custom");
    await expect(roleRow(page, name)).toContainText("audit:read");

    // A duplicate name, in other letter case, is refused under the field.
    await page.getByRole("button", { name: "Create role" }).click();
    await dialog.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
    await dialog.getByRole("checkbox", { name: /^audit:read/ }).check();
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByText("A role with this name already exists")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await roleRow(page, name).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit role" });
    await expect(edit.getByLabel("Name", { exact: true })).toHaveValue(name);
    await edit.getByRole("checkbox", { name: /^members:read/ }).check();
    await screenshotBoth(page, "roles-edit-dialog");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(edit).toBeHidden();
    await expect(roleRow(page, name)).toContainText("members:read");

    // Give it to a new member: now it cannot be deleted, and the dialog says who holds it.
    const email = `auditor-${uniqueSuffix()}@e2e.test`;
    await addNewMember(page, "acme", email, [name], "Ada Auditor");
    await expect(memberRow(page, email)).toContainText(name);
    await page.goto("/w/acme/roles");
    await expect(roleRow(page, name).getByRole("cell").nth(1)).toHaveText("1");
    await roleRow(page, name).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const inUse = page.getByRole("dialog", { name: "This role is in use" });
    await expect(inUse).toContainText("Held by 1 member");
    await expect(inUse).toContainText("Ada Auditor");
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "roles-in-use-dialog");
    await inUse.getByRole("button", { name: "Close" }).click();

    await page.goto("/w/acme/members");
    await memberRow(page, email).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Remove member" }).click();
    const remove = page.getByRole("alertdialog", { name: "Remove member?" });
    await remove.getByRole("button", { name: "Remove member" }).click();
    // Wait for the action itself: while the dialog is open the table is aria-hidden, so "no
    // such row" would hold at once, and navigating away would cancel the removal.
    await expect(remove).toBeHidden();
    await expect(page.getByText("Member removed", { exact: true }).last()).toBeVisible();
    await expect(memberRow(page, email)).toHaveCount(0);

    await page.goto("/w/acme/roles");
    await roleRow(page, name).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Delete role?" });
    await confirm.getByRole("button", { name: "Delete role" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText("Role deleted", { exact: true }).last()).toBeVisible();
    await expect(roleRow(page, name)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "roles");
  });
});
