import { addNewMember, memberRow, signIn, uniqueSuffix } from "./support/admin";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";
import { USERS } from "./support/users";

// These tests add, change and remove members they create themselves; the demo members stay as seeded.
// Generous: these flows take many steps, and the e2e machine is shared.
test.describe.configure({ mode: "serial", timeout: 150_000 });

test.describe("Members page", () => {
  test("lists Acme's members with their roles, the Owner first", async ({ as }) => {
    const page = await as("viewer");
    await page.goto("/w/acme/members");
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Members" });
    await expect(table.getByRole("rowheader").first()).toContainText(USERS.owner);
    for (const [email, role] of [
      [USERS.owner, "Owner"],
      [USERS.admin, "Administrator"],
      [USERS.member, "Standard"],
      [USERS.viewer, "Read-only"],
    ] as const) {
      await expect(memberRow(page, email).getByRole("list", { name: /Roles of/ })).toContainText(role);
    }
    // Read-only members see, but cannot change anything.
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test("an Administrator adds a new person, who signs in with the initial password shown once", async ({ as, browser }) => {
    const page = await as("admin");
    const email = `new-${uniqueSuffix()}@e2e.test`;
    await page.goto("/w/acme/members");
    await page.getByRole("button", { name: "Add member" }).click();
    const dialog = page.getByRole("dialog", { name: "Add member" });
    await expect(dialog.getByRole("checkbox", { name: /^Read-only/ })).toBeChecked();
    // No privilege escalation: the Owner role is not offered.
    await expect(dialog.getByRole("checkbox", { name: /^Owner/ })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "members-add-dialog");

    // Bad input gets a message under the field and changes nothing.
    await dialog.getByLabel("Email").fill("not-an-email");
    await dialog.getByRole("checkbox", { name: /^Read-only/ }).uncheck();
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(dialog.getByText("Enter a valid email address")).toBeVisible();
    await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText("Select at least one role")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Add member" }).click();
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Name (for a new account)").fill("Nora New");
    await dialog.getByRole("button", { name: "Add member" }).click();
    const added = page.getByRole("dialog", { name: "Member added" });
    await expect(added).toContainText("It won't be shown again.", { timeout: 30_000 });
    const password = await added.getByLabel("Initial password").inputValue();
    expect(password).toMatch(/^[0-9A-Za-z]{20}$/);
    await expect(page.getByText("Member added", { exact: true }).last()).toBeVisible();
    await screenshotBoth(page, "members-added-dialog");
    await added.getByRole("button", { name: "Done" }).click();
    await expect(memberRow(page, email)).toContainText("Nora New");
    await expect(memberRow(page, email)).toContainText("Read-only");

    // Adding the same person again is refused under the field.
    await page.getByRole("button", { name: "Add member" }).click();
    await dialog.getByLabel("Email").fill(email.toUpperCase());
    await dialog.getByRole("button", { name: "Add member" }).click();
    await expect(dialog.getByText(/already a member of this workspace/)).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    const newcomer = await signIn(browser, email, password);
    await newcomer.goto("/w/acme/members");
    await expect(memberRow(newcomer, email)).toContainText("(you)");
    await newcomer.context().close();
  });

  test("changing a member's roles shows at once; roles the actor lacks are not offered", async ({ as }) => {
    const page = await as("admin");
    const email = `roles-${uniqueSuffix()}@e2e.test`;
    await addNewMember(page, "acme", email, ["Read-only"]);
    await memberRow(page, email).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Change roles" }).click();
    const dialog = page.getByRole("dialog", { name: "Change roles" });
    await expect(dialog.getByRole("checkbox", { name: /^Owner/ })).toHaveCount(0);
    await dialog.getByRole("checkbox", { name: /^Standard/ }).check();
    await dialog.getByRole("checkbox", { name: /^Read-only/ }).uncheck();
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "members-change-roles-dialog");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Changes saved", { exact: true }).last()).toBeVisible();
    const roles = memberRow(page, email).getByRole("list", { name: /Roles of/ });
    await expect(roles).toHaveText("Standard");
    await page.reload();
    await expect(roles).toHaveText("Standard");
  });

  test("removing a member says their keys become inactive, and they are gone", async ({ as }) => {
    const page = await as("admin");
    const email = `leaving-${uniqueSuffix()}@e2e.test`;
    await addNewMember(page, "acme", email, ["Standard"]);
    // The Owner's row offers no removal.
    await expect(memberRow(page, USERS.owner).getByRole("button", { name: /^Actions for/ })).toHaveCount(0);
    await memberRow(page, email).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Remove member" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Remove member?" });
    await expect(dialog).toContainText("loses access to Acme");
    await screenshotBoth(page, "members-remove-dialog");
    await dialog.getByRole("button", { name: "Remove member" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Member removed", { exact: true }).last()).toBeVisible();
    await expect(memberRow(page, email)).toHaveCount(0);
    // A member with keys: the confirmation names the consequence.
    await memberRow(page, USERS.member).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Remove member" }).click();
    await expect(dialog).toContainText("“Inactive — creator removed”");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(memberRow(page, USERS.member)).toHaveCount(1);
  });

  test("only the Owner sees Transfer ownership, and its confirmation says the owner key is deleted", async ({ as }) => {
    const admin = await as("admin");
    await admin.goto("/w/acme/members");
    await memberRow(admin, USERS.viewer).getByRole("button", { name: /^Actions for/ }).click();
    await expect(admin.getByRole("menuitem", { name: "Change roles" })).toBeVisible();
    await expect(admin.getByRole("menuitem", { name: "Transfer ownership" })).toHaveCount(0);
    await admin.keyboard.press("Escape");

    const page = await as("owner");
    await page.goto("/w/acme/members");
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "members");
    await memberRow(page, USERS.admin).getByRole("button", { name: /^Actions for/ }).click();
    await page.getByRole("menuitem", { name: "Transfer ownership" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Transfer ownership?" });
    await expect(dialog).toContainText("You become an Administrator.");
    await expect(dialog).toContainText("The owner key is deleted");
    const confirm = dialog.getByRole("button", { name: "Transfer ownership" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the member's email to confirm").fill("someone-else@acme.test");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the member's email to confirm").fill(USERS.admin);
    await expect(confirm).toBeEnabled();
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "members-transfer-dialog");
    // Escape closes without transferring: the demo Owner stays the Owner for the other specs.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(memberRow(page, USERS.owner).getByRole("list", { name: /Roles of/ })).toHaveText("Owner");
  });
});
