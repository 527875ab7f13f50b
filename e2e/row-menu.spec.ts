import type { Page } from "@playwright/test";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { keyRow, keysTable } from "./support/api-keys";

// Issue 13: the row menus (Radix dropdown menu) load only when one is about to open, and then
// work exactly as before, with the mouse and with the keyboard.

/** The scripts of the page's first load (in its HTML) that carry Radix's dropdown menu. */
async function menuScriptsInFirstLoad(page: Page): Promise<{ scripts: number; withMenu: string[] }> {
  return page.evaluate(async () => {
    const urls = (window as unknown as { __firstLoadScripts: string[] }).__firstLoadScripts;
    const withMenu: string[] = [];
    for (const url of urls) {
      const body = await (await fetch(url)).text();
      if (body.includes("DropdownMenuContent")) withMenu.push(url);
    }
    return { scripts: urls.length, withMenu };
  });
}

/** Waits until React has hydrated the row's Actions button (its props are attached). */
async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector('table[aria-label="API keys"] button[aria-label="Actions"]');
    return button !== null && Object.keys(button).some((k) => k.startsWith("__reactProps"));
  });
}

test("the row menu's code is not in the page's first load, and the menu works", async ({ as }) => {
  const page = await as("admin");
  // The scripts the HTML itself loads: the first load (later ones are added by dynamic imports).
  await page.addInitScript(
    'document.addEventListener("DOMContentLoaded", () => { window.__firstLoadScripts = [...document.querySelectorAll("script[src]")].map((s) => s.src); });',
  );
  await page.goto("/w/acme/api-keys");
  await expect(keysTable(page)).toBeVisible();
  await waitForHydration(page);
  const firstLoad = await menuScriptsInFirstLoad(page);
  expect(firstLoad.scripts).toBeGreaterThan(3);
  expect(firstLoad.withMenu).toEqual([]);

  const actions = keyRow(page, "productreport").getByRole("button", { name: "Actions" });
  await actions.click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["View details", "Modify", "Roll key", "Disable", "Delete"]);
  await menu.getByRole("menuitem", { name: "Modify" }).click();
  const dialog = page.getByRole("dialog", { name: "Modify API key" });
  await expect(dialog.getByLabel("Name")).toHaveValue("productreport");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
});

test("a single press with no hover first (a touch) opens the menu", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  await waitForHydration(page);
  // The code loads (if the idle preload has not yet) and the menu opens from the same press.
  const actions = keyRow(page, "djm_dash").getByRole("button", { name: "Actions" });
  await actions.dispatchEvent("pointerdown", { button: 0, pointerType: "touch", isPrimary: true });
  await expect(page.getByRole("menuitem", { name: "View details" })).toBeVisible();
  await page.getByRole("menuitem", { name: "View details" }).click();
  await expect(page).toHaveURL(/\/w\/acme\/api-keys\/key_/);
  await expect(page.getByRole("heading", { name: "djm_dash" })).toBeVisible();
});

test("the row menu works from the keyboard: Enter, Space and ArrowDown open it with focus in it", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  await waitForHydration(page);
  const actions = keyRow(page, "srdkn").getByRole("button", { name: "Actions" });
  const menu = page.getByRole("menu");

  await actions.focus();
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("menuitem", { name: "View details" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Modify" })).toBeFocused();
  // ArrowUp from the first item wraps to the last (review #27).
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(actions).toBeFocused();

  for (const key of ["Space", "ArrowDown"]) {
    await page.keyboard.press(key);
    await expect(menu.getByRole("menuitem").first()).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    await expect(actions).toBeFocused();
  }

  // A second row's menu, its first opening, from the keyboard too.
  const other = keyRow(page, "accountd").getByRole("button", { name: "Actions" });
  await other.focus();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "View details" })).toBeFocused();
  // Enter only once "Modify" has the focus (on a loaded machine the first item's focus can land
  // after the ArrowDown: then ArrowDown again).
  await expect(async () => {
    await page.keyboard.press("ArrowDown");
    await expect(menu.getByRole("menuitem", { name: "Modify" })).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Modify API key" });
  await expect(dialog.getByLabel("Name")).toHaveValue("accountd");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(other).toBeFocused();
  await other.press("Enter");
  await expect(menu).toBeVisible();
  await screenshotBoth(page, "row-menu-open");
});

test("the workspace switcher opens from the keyboard and lists the workspaces", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  await waitForHydration(page);
  const switcher = page.getByRole("button", { name: /Switch workspace/ });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText([/Acme/, /Globex/]);
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/w\/globex\/api-keys$/);
});
