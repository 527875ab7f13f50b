import type { Browser, Locator, Page } from "@playwright/test";
import { signIn } from "./support/admin";
import { keyRow, keysTable, uniqueName } from "./support/api-keys";
import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS, storageStateOf, USERS, type DemoRole } from "./support/users";

// A phone (375 × 740). Toasts are NOT made click-through here: a toast over a button must fail.
const PHONE = { width: 375, height: 740 };
test.describe.configure({ timeout: 150_000 });

async function phoneAs(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(role), timezoneId: "UTC", viewport: PHONE });
  return context.newPage();
}

/** Nothing scrolls sideways: the page is no wider than the window. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "document scrollWidth").toBeLessThanOrEqual(innerWidth);
}

/**
 * Visible, wholly inside the window once scrolled to (vertically: nothing scrolls sideways), and
 * the topmost element at its centre, so a tap lands on it.
 */
async function expectUsable(button: Locator): Promise<void> {
  await expect(button).toBeVisible();
  await button.scrollIntoViewIfNeeded();
  await expect(button).toBeInViewport({ ratio: 1 });
  await button.click({ trial: true, timeout: 5_000 });
}

/** The characters after which a name's text wraps onto a new line. */
async function lineBreaksIn(element: Locator): Promise<string[]> {
  return element.evaluate((el) => {
    const node = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops: { char: string; top: number }[] = [];
    for (let n = node.nextNode(); n; n = node.nextNode()) {
      for (let i = 0; i < (n.textContent ?? "").length; i++) {
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        tops.push({ char: n.textContent![i]!, top: Math.round(range.getBoundingClientRect().top) });
      }
    }
    return tops.flatMap((t, i) => (i > 0 && t.top > tops[i - 1]!.top ? [tops[i - 1]!.char] : []));
  });
}

/** Screenshots of a screen at 375 and 1440 px, light and dark, into e2e/screenshots/mobile/. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: width === 375 ? PHONE.height : 900 });
      await page.screenshot({ path: `e2e/screenshots/mobile/${name}-${width}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize(PHONE);
}

test.describe("on a phone (375 px)", () => {
  test("the keys list is a list of cards: Actions and Copy key in view, names wrap at word ends, Settings reachable", async ({ browser }) => {
    const page = await phoneAs(browser, "owner");
    await page.goto("/w/acme/api-keys");
    const table = keysTable(page);
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: "Name" })).toHaveCount(1);
    await expectNoSidewaysScroll(page);
    // The header keeps the brand and who is signed in; the nav wraps rather than hiding Settings.
    await expect(page.getByRole("link", { name: "Keyward" })).toBeInViewport();
    await expect(page.getByText(`Signed in as ${USERS.owner}`)).toBeInViewport();
    await expectUsable(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }));

    const row = keyRow(page, "rharman_automation_rw");
    await expectUsable(row.getByRole("button", { name: "Actions" }));
    await expectUsable(row.getByRole("button", { name: "Copy key" }));
    for (const char of await lineBreaksIn(row.getByRole("link", { name: "rharman_automation_rw" }))) expect("_-. ").toContain(char);
    // Card labels are drawn from data-label by CSS, so cell text stays the value alone.
    await expect(row.locator('[data-label="Created"]')).toBeVisible();
    await expect(row.locator('[data-label="Last used"]')).toBeVisible();

    await row.getByRole("button", { name: "Actions" }).click();
    await expectUsable(page.getByRole("menuitem", { name: "Delete" }));
    await expectNoSidewaysScroll(page);
    await page.keyboard.press("Escape");
    await screenshots(page, "keys-list");

    await page.getByRole("link", { name: "tcross_ro" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "tcross_ro" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await screenshots(page, "key-details");

    await page.goto("/w/acme/api-keys?q=zzqxv");
    await expect(page.getByRole("heading", { name: "No keys match" })).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page);
    await screenshots(page, "keys-no-match");
    await page.context().close();
  });

  test("members and the audit log fit too, with each row's Action and menu in view", async ({ browser }) => {
    const page = await phoneAs(browser, "owner");
    await page.goto("/w/acme/members");
    const members = page.getByRole("table", { name: "Members" });
    await expect(members).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectUsable(members.getByRole("button", { name: /^Actions for / }).first());
    await screenshots(page, "members");

    // An event of our own, so the audit log has at least one row.
    await page.goto("/w/acme/api-keys");
    await page.getByRole("link", { name: "tcross_ro" }).click();
    await page.getByRole("button", { name: "Reveal" }).click();
    await expect(page.getByRole("button", { name: "Hide" })).toBeVisible();
    await page.goto("/w/acme/audit-log");
    const events = page.getByRole("table", { name: "Audit events" });
    await expect(events.getByRole("rowheader").first()).toBeInViewport();
    await expectNoSidewaysScroll(page);
    await screenshots(page, "audit-log");

    const response = await page.goto("/w/acme/nope");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
    await screenshots(page, "route-404");
    await page.goto("/w/acme/api-keys/key_doesNotExist0000");
    await expect(page.getByRole("heading", { name: "API key not found" })).toBeVisible();
    await screenshots(page, "key-404");
    await page.context().close();
  });

  test("create with a Custom expiry, copy, modify, delete: every button in view and clickable", async ({ browser, baseURL }) => {
    const page = await phoneAs(browser, "owner");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/w/acme/api-keys");
    const name = uniqueName("e2e-phone");
    await expectUsable(page.getByRole("button", { name: "Create key" }));
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("radio", { name: "Custom" }).check();
    // The field opens at the bottom of the scrolling body: it is brought into view and focused.
    const expiresAt = dialog.getByLabel("Expires at");
    await expect(expiresAt).toBeFocused();
    await expect(expiresAt).toBeInViewport({ ratio: 1 });
    await expect(expiresAt).toHaveAttribute("placeholder", "YYYY-MM-DD HH:mm:ss");
    await expectUsable(dialog.getByRole("button", { name: "Create", exact: true }));
    await expectNoSidewaysScroll(page);
    await screenshots(page, "create-custom");
    await expiresAt.fill("2099-12-31 23:59:58");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();

    const created = page.getByRole("dialog", { name: "API key created" });
    await expectUsable(created.getByRole("button", { name: "Copy", exact: true }));
    await screenshots(page, "key-created");
    await created.getByRole("button", { name: "Copy", exact: true }).click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Copied" });
    await expect(toast).toBeVisible();
    let toastBox = (await toast.boundingBox())!;
    await created.getByRole("button", { name: "Modify configuration" }).click();

    // The "Copied" toast (4 s) must not lie over the Modify dialog's buttons.
    const modify = page.getByRole("dialog", { name: "Modify API key" });
    const save = modify.getByRole("button", { name: "Save" });
    const cancel = modify.getByRole("button", { name: "Cancel" });
    await expect(save).toBeVisible();
    toastBox = (await toast.boundingBox()) ?? toastBox;
    for (const button of [save, cancel]) {
      const box = (await button.boundingBox())!;
      const overlaps = box.x < toastBox.x + toastBox.width && toastBox.x < box.x + box.width && box.y < toastBox.y + toastBox.height && toastBox.y < box.y + box.height;
      expect(overlaps, "toast overlaps a dialog button").toBe(false);
      await expectUsable(button);
    }
    await expectNoSidewaysScroll(page);
    await screenshots(page, "modify-with-toast");
    await modify.getByLabel("Name").fill(`${name}-renamed`);
    await save.click();
    await expect(modify).toBeHidden();
    const row = keyRow(page, `${name}-renamed`);
    await expect(row).toContainText("2099-12-31 23:59:58");

    await expectUsable(row.getByRole("button", { name: "Actions" }));
    await row.getByRole("button", { name: "Actions" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const step1 = page.getByRole("alertdialog", { name: "Delete API key?" });
    await expectUsable(step1.getByRole("button", { name: "Continue" }));
    await expectNoSidewaysScroll(page);
    await screenshots(page, "delete-step1");
    await step1.getByRole("button", { name: "Continue" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirm deletion" });
    await confirm.getByLabel("Type the key name to confirm").fill(`${name}-renamed`);
    await expectUsable(confirm.getByRole("button", { name: "Delete permanently" }));
    await expectNoSidewaysScroll(page);
    await screenshots(page, "delete-step2");
    await confirm.getByRole("button", { name: "Delete permanently" }).click();
    await expect(confirm).toBeHidden();
    await expect(keyRow(page, `${name}-renamed`)).toHaveCount(0);
    await page.context().close();
  });

  test("a show-once workspace lists no Copy key; the switch says how many stored secrets it deletes", async ({ browser }) => {
    const once = await signIn(browser, E2E_USERS.onceOwner, DEMO_PASSWORD);
    await once.setViewportSize(PHONE);
    await once.goto("/w/once/api-keys");
    const row = keyRow(once, "once-seeded");
    await expect(row.getByText("Not stored")).toBeVisible();
    await expect(keysTable(once).getByRole("button", { name: "Copy key" })).toHaveCount(0);
    await expectNoSidewaysScroll(once);
    await screenshots(once, "once-list");
    await row.getByRole("link", { name: "once-seeded" }).click();
    await expect(once.getByRole("main")).toContainText("It cannot be revealed or copied.");
    await expectNoSidewaysScroll(once);
    await screenshots(once, "once-details");
    await once.context().close();

    // Acme stores secrets; the Owner is told how many the switch would delete (and cancels).
    const page = await phoneAs(browser, "owner");
    await page.goto("/w/acme/settings");
    await expectNoSidewaysScroll(page);
    await screenshots(page, "settings");
    await page.getByRole("switch", { name: "Show secrets only once" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Show secrets only once?" });
    await expect(confirm).toContainText(/The stored secrets of \d+ existing keys? will be deleted; they can no longer be revealed or copied\./);
    await expectUsable(confirm.getByRole("button", { name: "Cancel" }));
    await expectUsable(confirm.getByRole("button", { name: "Delete stored secrets and turn on" }));
    await screenshots(page, "settings-once-confirm");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("switch", { name: "Show secrets only once" })).not.toBeChecked();
    await page.context().close();
  });

  test("the favicon and app icon are served", async ({ request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\//);
    expect((await request.get("/icon.svg")).status()).toBe(200);
  });
});
