import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, letClicksThroughToasts } from "./fixtures";

/** A suffix making names of things a spec creates unique in the shared e2e database. */
export const uniqueSuffix = () => randomBytes(3).toString("hex");

/**
 * Adds a brand-new user to the current workspace from the Members page with the given roles
 * (by label) and returns the initial password the dialog shows once.
 */
export async function addNewMember(page: Page, slug: string, email: string, roleNames: string[], name = ""): Promise<string> {
  await page.goto(`/w/${slug}/members`);
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog", { name: "Add member" });
  await dialog.getByLabel("Email").fill(email);
  if (name) await dialog.getByLabel("Name (for a new account)").fill(name);
  const roles = dialog.getByRole("group", { name: "Roles" });
  for (const box of await roles.getByRole("checkbox", { checked: true }).all()) await box.uncheck();
  for (const role of roleNames) await roles.getByRole("checkbox", { name: new RegExp(`^${role}\\b`) }).check();
  await dialog.getByRole("button", { name: "Add member" }).click();
  const added = page.getByRole("dialog", { name: "Member added" });
  // A new user's password is hashed with scrypt (128 MiB): slow on a busy machine.
  await expect(added).toBeVisible({ timeout: 30_000 });
  const password = await added.getByLabel("Initial password").inputValue();
  expect(password).toMatch(/^[0-9A-Za-z]{20}$/);
  await added.getByRole("button", { name: "Done" }).click();
  await expect(added).toBeHidden();
  return password;
}

/** A page signed in with email and password in a fresh browser context (closed by the caller). */
export async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: "UTC" });
  await letClicksThroughToasts(context);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Verifying the password costs one scrypt: give a busy machine time.
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/[a-z-]+$/, { timeout: 30_000 });
  return page;
}

/** The table row naming this member (its row header holds the email). */
export const memberRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });
