import { expect, type Page } from "@playwright/test";
import { chooseFromRowMenu, expectNoSeriousA11yViolations } from "./fixtures";

/** Page helpers for the API keys screens (SPEC §4 names). */
export const keysTable = (page: Page) => page.getByRole("table", { name: "API keys" });

export const keyRow = (page: Page, name: string) =>
  keysTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: false }) })
    .filter({ has: page.getByRole("link", { name, exact: true }) });

export const SECRET_PATTERN = /^ak_[0-9A-Za-z]{32}$/;

/** A key name no other test (or run) uses. */
export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates a key through the dialog (Read-only, Permanent) and returns its secret; the dialog is closed after. */
export async function createKeyThroughDialog(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  const created = page.getByRole("dialog", { name: "API key created" });
  const secret = await created.getByLabel("API key secret").inputValue();
  await created.getByRole("button", { name: "Close" }).click();
  await expect(created).toBeHidden();
  return secret;
}

/** Deletes a key through both confirmations. */
export async function deleteKeyThroughDialogs(page: Page, name: string): Promise<void> {
  await chooseFromRowMenu(page, keyRow(page, name).getByRole("button", { name: "Actions" }), "Delete");
  await page.getByRole("alertdialog", { name: "Delete API key?" }).getByRole("button", { name: "Continue" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm deletion" });
  await confirm.getByLabel("Type the key name to confirm").fill(name);
  await confirm.getByRole("button", { name: "Delete permanently" }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, name)).toHaveCount(0);
}

/** GET /api/v1/me with a secret: its status (a 404 is a failure of the test, never a skip). */
export async function meStatus(page: Page, secret: string): Promise<number> {
  const response = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } });
  return response.status();
}

/** The axe scan, once CSS transitions have settled (a button fading back from pending reads as low contrast). */
export async function expectAccessible(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await expectNoSeriousA11yViolations(page);
}
