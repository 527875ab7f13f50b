import type { Page } from "@playwright/test";
import { signIn } from "./support/admin";
import { createKeyThroughDialog, expectAccessible, keyRow, keysTable, meStatus, SECRET_PATTERN, uniqueName } from "./support/api-keys";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

// SPEC §9 in the "Lifecycle" workspace (e2e/support/seed.ts), on keys this spec makes itself:
// nothing another spec reads is changed. The tests build on each other.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const LIST = "/w/lifecycle/api-keys";
const rolled = uniqueName("e2e-roll");
let page: Page;
/** The rolled key's current secret (set by the roll test). */
let rolledSecret = "";

test.beforeAll(async ({ browser }) => {
  page = await signIn(browser, E2E_USERS.lifecycleAdmin, DEMO_PASSWORD);
});

test.afterAll(async () => {
  await page.context().close();
});

const toasts = () => page.getByRole("region", { name: /Notifications/ });

async function meCode(secret: string): Promise<string | undefined> {
  const response = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } });
  const body = (await response.json()) as { error?: { code: string } };
  return body.error?.code;
}

test("a key expiring within 7 days has a badge, a notice above the list and a Status filter", async () => {
  await page.goto(LIST);
  await expect(keyRow(page, "expires-soon")).toContainText("Expires in 3 days");
  await expect(keyRow(page, "permanent-one")).not.toContainText("Expires in");
  const notice = page.getByRole("status").filter({ hasText: "1 key expires within 7 days." });
  await expect(notice).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-expiring-notice");

  await notice.getByRole("link", { name: "Show them" }).click();
  await expect(page).toHaveURL(/[?&]status=expiring/);
  await expect(page.getByLabel("Status")).toHaveValue("expiring");
  await expect(keyRow(page, "expires-soon")).toBeVisible();
  await expect(keyRow(page, "permanent-one")).toHaveCount(0);

  await page.getByLabel("Status").selectOption({ label: "Disabled" });
  await expect(page).toHaveURL(/[?&]status=disabled/);
  await expect(page.getByRole("heading", { name: "No keys match" })).toBeVisible();
  await page.getByLabel("Status").selectOption({ label: "All" });
  await expect(page).not.toHaveURL(/status=/);
  await expect(keyRow(page, "permanent-one")).toBeVisible();
});

test('Roll key with a grace period: both secrets work until "Expire now"', async () => {
  await page.goto(LIST);
  const oldSecret = await createKeyThroughDialog(page, rolled);
  await keyRow(page, rolled).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Roll key" }).click();

  const dialog = page.getByRole("dialog", { name: "Roll API key" });
  const grace = dialog.getByRole("group", { name: "Old secret keeps working for" });
  for (const label of ["Not at all", "1 hour", "24 hours", "7 days"]) await expect(grace.getByRole("radio", { name: label })).toBeVisible();
  await expect(grace.getByRole("radio", { name: "24 hours" })).toBeChecked();
  await grace.getByRole("radio", { name: "1 hour" }).check();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-roll-dialog");
  await dialog.getByRole("button", { name: "Roll key" }).click();

  const done = page.getByRole("dialog", { name: "API key rolled" });
  await expect(done).toBeVisible();
  await expect(toasts().getByText("API key rolled")).toBeVisible();
  await expect(done.getByText("Store this key somewhere safe.")).toBeVisible();
  await expect(done.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  const newSecret = await done.getByRole("textbox").inputValue();
  expect(newSecret).toMatch(SECRET_PATTERN);
  expect(newSecret).not.toBe(oldSecret);
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-rolled-dialog");
  await done.getByRole("button", { name: "Close" }).click();
  await expect(done).toBeHidden();

  rolledSecret = newSecret;
  expect(await meStatus(page, newSecret)).toBe(200);
  expect(await meStatus(page, oldSecret)).toBe(200);

  await keyRow(page, rolled).getByRole("link", { name: rolled }).click();
  await expect(page.getByRole("heading", { name: rolled, level: 1 })).toBeVisible();
  const previous = page.getByRole("definition").filter({ hasText: "works until" });
  await expect(previous).toContainText(/works until \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(page.getByText("Previous secret", { exact: true })).toBeVisible();
  await expect(previous.getByText("Last used")).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-details-previous-secret");

  await page.getByRole("button", { name: "Expire now" }).click();
  await expect(page.getByText("Previous secret", { exact: true })).toHaveCount(0);
  expect(await meCode(oldSecret)).toBe("invalid_api_key");
  expect(await meStatus(page, newSecret)).toBe(200);
});

test("Disable asks once and the key is refused; Enable does not ask", async () => {
  await page.goto(LIST);
  await keyRow(page, rolled).getByRole("link", { name: rolled }).click();
  await expect(page.getByRole("heading", { name: rolled, level: 1 })).toBeVisible();
  const secret = rolledSecret;
  expect(secret).toMatch(SECRET_PATTERN);

  await page.getByRole("button", { name: "Disable", exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: "Disable API key?" });
  await expect(dialog.getByText("Requests with this key will be refused until it is enabled again.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-disable-dialog");
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts().getByText("API key disabled")).toBeVisible();
  await expect(page.getByText("Disabled", { exact: true }).first()).toBeVisible();
  expect(await meCode(secret)).toBe("disabled_api_key");

  await page.getByRole("button", { name: "Enable", exact: true }).click();
  await expect(toasts().getByText("API key enabled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Disable", exact: true })).toBeVisible();
  expect(await meStatus(page, secret)).toBe(200);

  // The row menu offers the same.
  await page.goto(LIST);
  await keyRow(page, rolled).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Disable" }).click();
  await page.getByRole("alertdialog", { name: "Disable API key?" }).getByRole("button", { name: "Disable" }).click();
  await expect(keyRow(page, rolled).getByText("Disabled", { exact: true })).toBeVisible();
  await keyRow(page, rolled).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Enable" }).click();
  await expect(keyRow(page, rolled).getByText("Disabled", { exact: true })).toHaveCount(0);
});

test("bulk delete of 3 keys, confirmed twice with DELETE typed", async () => {
  await page.goto(LIST);
  const names = [uniqueName("e2e-bulk"), uniqueName("e2e-bulk"), uniqueName("e2e-bulk")];
  const secrets: string[] = [];
  for (const name of names) secrets.push(await createKeyThroughDialog(page, name));

  await expect(keysTable(page).getByRole("checkbox", { name: "Select all on this page" })).toBeAttached();
  for (const name of names) await keyRow(page, name).getByRole("checkbox", { name: `Select ${name}` }).check();
  const toolbar = page.getByRole("toolbar", { name: "Selected keys" });
  await expect(toolbar).toContainText("3 selected");
  for (const label of ["Disable", "Enable", "Delete", "Clear selection"]) await expect(toolbar.getByRole("button", { name: label })).toBeVisible();
  // The three "created" toasts stack, the ones behind faded: in CI axe caught one mid-fade as low
  // contrast. The selection is what this scan is about; it runs once they are gone.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 20_000 });
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-list-selection");

  await toolbar.getByRole("button", { name: "Delete" }).click();
  const warn = page.getByRole("alertdialog", { name: "Delete 3 API keys?" });
  for (const name of names) await expect(warn.getByText(name)).toBeVisible();
  await expectAccessible(page);
  await screenshotBoth(page, "lifecycle-bulk-delete-dialog");
  await warn.getByRole("button", { name: "Continue" }).click();

  const confirm = page.getByRole("alertdialog", { name: "Confirm deletion" });
  const button = confirm.getByRole("button", { name: "Delete permanently" });
  await expect(button).toBeDisabled();
  await expectAccessible(page);
  await confirm.getByLabel("Type DELETE to confirm").fill("delete");
  await expect(button).toBeDisabled();
  await confirm.getByLabel("Type DELETE to confirm").fill("DELETE");
  await expect(button).toBeEnabled();
  await screenshotBoth(page, "lifecycle-bulk-delete-confirm");
  await button.click();
  await expect(confirm).toBeHidden();
  await expect(toasts().getByText("3 API keys deleted")).toBeVisible();
  for (const name of names) await expect(keyRow(page, name)).toHaveCount(0);
  for (const secret of secrets) expect(await meCode(secret)).toBe("invalid_api_key");
  await expect(toolbar).toHaveCount(0);
});
