import { expect, screenshotBoth, test } from "./support/fixtures";
import {
  deleteKeyThroughDialogs,
  keyRow,
  keysTable,
  meStatus,
  SECRET_PATTERN,
  uniqueName,
  expectAccessible,
} from "./support/api-keys";

// The Owner creates, modifies and deletes keys of its own (unique names): the demo keys other
// specs read are only ever opened, never changed. The tests build on each other.
// Axe scans and screenshots at two widths take a while on a busy machine.
test.describe.configure({ mode: "serial", timeout: 150_000 });

const name = uniqueName("e2e-dialogs");
let secret = "";

test("Create key → the secret once → Close → the new row", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const createButton = page.getByRole("button", { name: "Create key" });
  await createButton.click();

  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await expect(dialog.getByLabel("Name")).toHaveValue(/^API Key name \d{14}$/);
  await expect(dialog.getByLabel("Description")).toHaveValue("");
  await expect(dialog.getByRole("group", { name: "Roles" }).getByRole("checkbox", { name: "Read-only" })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: "Administrator" })).not.toBeChecked();
  // The owner key exists, so even the Owner is not offered the Owner role.
  await expect(dialog.getByRole("checkbox", { name: "Owner" })).toHaveCount(0);
  await expect(dialog.getByRole("radio", { name: "Permanent" })).toBeChecked();
  await expect(dialog.getByLabel("Expires at")).toHaveCount(0);
  await expectAccessible(page);
  await screenshotBoth(page, "api-keys-create-dialog");

  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Description").fill("Created by the e2e suite");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();

  const created = page.getByRole("dialog", { name: "API key created" });
  await expect(created).toBeVisible();
  await expect(page.getByText("API key created").last()).toBeVisible();
  secret = await created.getByLabel("API key secret").inputValue();
  expect(secret).toMatch(SECRET_PATTERN);
  await expect(created.getByLabel("API key secret")).toHaveAttribute("readonly", "");
  await expect(created.getByText("Store this key somewhere safe.")).toBeVisible();
  await expect(created.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  await expect(created.getByRole("button", { name: "Modify configuration" })).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "api-keys-created-dialog");

  await created.getByRole("button", { name: "Close" }).click();
  await expect(created).toBeHidden();
  await expect(createButton).toBeFocused();
  const row = keyRow(page, name);
  await expect(row).toContainText("Created by the e2e suite");
  await expect(row).toContainText("Read-only");
  await expect(row).toContainText("Permanent");
  await expect(row).toContainText("Never");
  await expect(row.getByRole("code")).toHaveText(`${secret.slice(0, 7)}…${secret.slice(-4)}`);
  // Newest first, right after the pinned owner key.
  await expect(keysTable(page).getByRole("row").nth(2).getByRole("rowheader")).toContainText(name);

  const status = await meStatus(page, secret);
  expect(status).toBe(200);
});

test("the Modify dialog shows every name error under the field", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const actions = keyRow(page, name).getByRole("button", { name: "Actions" });
  await actions.click();
  await page.getByRole("menuitem", { name: "Modify" }).click();

  const dialog = page.getByRole("dialog", { name: "Modify API key" });
  const nameField = dialog.getByLabel("Name");
  await expect(nameField).toHaveValue(name);
  await expect(dialog.getByLabel("Description")).toHaveValue("Created by the e2e suite");
  await expect(dialog.getByRole("checkbox", { name: "Read-only" })).toBeChecked();
  const save = dialog.getByRole("button", { name: "Save" });

  await nameField.fill("");
  await save.click();
  await expect(dialog.getByText("Name is required")).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");

  await nameField.fill("x".repeat(51));
  await save.click();
  await expect(dialog.getByText("Name must be at most 50 characters")).toBeVisible();

  // Unique case-insensitively, answered by the server.
  await nameField.fill("TCROSS_RO");
  await save.click();
  await expect(dialog.getByText("A key with this name already exists")).toBeVisible();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAttribute("aria-describedby", /error/);
  await expectAccessible(page);
  await screenshotBoth(page, "api-keys-modify-errors");

  // Nothing was saved; Escape closes and focus returns to the row's "Actions" button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
  await expect(keyRow(page, name)).toBeVisible();
  await expect(keyRow(page, "tcross_ro")).toBeVisible();
});

test("Modify saves a new description, roles and an expiry", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  await keyRow(page, name).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Modify" }).click();
  const dialog = page.getByRole("dialog", { name: "Modify API key" });
  await dialog.getByLabel("Description").fill("Modified by the e2e suite");
  await dialog.getByRole("checkbox", { name: "Standard" }).check();

  await dialog.getByRole("radio", { name: "Custom" }).check();
  const expiresAt = dialog.getByLabel("Expires at");
  await expiresAt.fill("2020-01-01 10:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Enter the expiry as YYYY-MM-DD HH:mm:ss", { exact: false })).toBeVisible();
  await expiresAt.fill("2020-01-01 10:00:00");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Expiry must be in the future")).toBeVisible();
  await dialog.getByRole("button", { name: "30 days" }).click();
  await expect(dialog.getByText("Expiry must be in the future")).toBeHidden();
  const chosen = await expiresAt.inputValue();
  expect(chosen).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(Date.parse(chosen.replace(" ", "T")) - Date.now()).toBeGreaterThan(29 * 86_400_000);

  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Changes saved")).toBeVisible();
  const row = keyRow(page, name);
  await expect(row).toContainText("Modified by the e2e suite");
  await expect(row).toContainText("Standard");
  await expect(row).toContainText(chosen);
  await expect(row).not.toContainText("Permanent");
});

test("Create → 'Modify configuration' opens Modify for the new key", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const other = uniqueName("e2e-modify-config");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(other);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await page.getByRole("dialog", { name: "API key created" }).getByRole("button", { name: "Modify configuration" }).click();

  const modify = page.getByRole("dialog", { name: "Modify API key" });
  await expect(modify.getByLabel("Name")).toHaveValue(other);
  await expect(page.getByRole("dialog", { name: "API key created" })).toHaveCount(0);
  await modify.getByLabel("Name").fill(`${other}-renamed`);
  await modify.getByRole("button", { name: "Save" }).click();
  await expect(modify).toBeHidden();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await expect(keyRow(page, `${other}-renamed`)).toBeVisible();

  await deleteKeyThroughDialogs(page, `${other}-renamed`);
});

test("the row menu and dialogs work by keyboard alone", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const actions = keyRow(page, name).getByRole("button", { name: "Actions" });
  await actions.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "View details" })).toBeVisible();
  // Typeahead: whether Radix put focus on the menu or its first item (Chrome's synthetic
  // pointer moves can make it think a mouse is in use), "m" moves to "Modify".
  await page.keyboard.press("m");
  await expect(page.getByRole("menuitem", { name: "Modify" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Modify API key" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Name")).toBeFocused();
  // Focus stays inside the dialog.
  for (let i = 0; i < 20; i++) await page.keyboard.press("Tab");
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(actions).toBeFocused();
});

test("Delete asks twice and needs the exact name", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const actions = keyRow(page, name).getByRole("button", { name: "Actions" });
  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();

  const warn = page.getByRole("alertdialog", { name: "Delete API key?" });
  await expect(warn).toContainText(name);
  await expect(warn).toContainText("refused");
  await expectAccessible(page);
  await screenshotBoth(page, "api-keys-delete-warning");
  // Cancel keeps the key.
  await warn.getByRole("button", { name: "Cancel" }).click();
  await expect(warn).toBeHidden();
  await expect(actions).toBeFocused();

  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await warn.getByRole("button", { name: "Continue" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm deletion" });
  const field = confirm.getByLabel("Type the key name to confirm");
  const remove = confirm.getByRole("button", { name: "Delete permanently" });
  await expect(field).toBeFocused();
  await expect(remove).toBeDisabled();
  await field.fill(name.toUpperCase());
  await expect(remove).toBeDisabled();
  await field.fill(`${name} `);
  await expect(remove).toBeDisabled();
  await field.fill(name);
  await expect(remove).toBeEnabled();
  await expectAccessible(page);
  await screenshotBoth(page, "api-keys-delete-confirm");

  await remove.click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("API key deleted")).toBeVisible();
  await expect(keyRow(page, name)).toHaveCount(0);
  await page.reload();
  await expect(keyRow(page, "tcross_ro")).toBeVisible();
  await expect(keyRow(page, name)).toHaveCount(0);

  const status = await meStatus(page, secret);
  expect(status).toBe(401);
});

test("a key created for a custom expiry shows it, and Create refuses the past", async ({ as }) => {
  const page = await as("owner");
  await page.goto("/w/acme/api-keys");
  const expiring = uniqueName("e2e-expiring");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(expiring);
  await dialog.getByRole("checkbox", { name: "Read-only" }).uncheck();
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText("Select at least one role")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "Standard" }).check();

  await dialog.getByRole("radio", { name: "Custom" }).check();
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText("Choose when the key expires")).toBeVisible();
  await dialog.getByLabel("Expires at").fill("2001-02-03 04:05:06");
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText("Expiry must be in the future")).toBeVisible();
  await dialog.getByRole("button", { name: "7 days" }).click();
  const chosen = await dialog.getByLabel("Expires at").inputValue();
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const created = page.getByRole("dialog", { name: "API key created" });
  await created.getByRole("button", { name: "Close" }).click();

  const row = keyRow(page, expiring);
  await expect(row).toContainText(chosen);
  await expect(row).toContainText("Standard");
  await expect(row.getByText("Expired", { exact: true })).toHaveCount(0);
  await deleteKeyThroughDialogs(page, expiring);
});
