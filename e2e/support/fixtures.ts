import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { storageStateOf, type DemoRole } from "./users";

/**
 * Toasts (bottom right) let clicks through in the tests. A toast pauses while the pointer is over
 * it, and Playwright moves the pointer onto its target before clicking: a toast lying over a
 * row's "Actions" button then waited forever for the click it was blocking. Toasts stay visible
 * and readable; only the pointer passes through them.
 */
export async function letClicksThroughToasts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("DOMContentLoaded", () => {
      const style = document.createElement("style");
      style.textContent = "[data-sonner-toaster], [data-sonner-toast] { pointer-events: none !important; }";
      document.head.append(style);
    });
  });
}

/** A page signed in as a demo user (storage state from auth.setup.ts). */
async function pageAs(browser: Browser, role: DemoRole, locale?: string): Promise<Page> {
  // locale: the browser's language (Accept-Language and navigator.language), e.g. "zh-CN" or "uk-UA".
  const context = await browser.newContext({ storageState: storageStateOf(role), timezoneId: "UTC", ...(locale ? { locale } : {}) });
  await letClicksThroughToasts(context);
  return context.newPage();
}

type Fixtures = {
  /** Opens a new signed-in page for the role, its browser in `locale` if given; closed after the test. */
  as: (role: DemoRole, locale?: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  as: async ({ browser }, use) => {
    const pages: Page[] = [];
    await use(async (role, locale) => {
      const page = await pageAs(browser, role, locale);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
});

export { expect };

/** axe scan in the light and the dark theme (`prefers-color-scheme`): fails on serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // Colours change through CSS transitions: scan the settled theme.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const results = await new AxeBuilder({ page }).analyze();
    for (const v of results.violations) {
      if (v.impact === "serious" || v.impact === "critical") {
        found.push(`${colorScheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(found).toEqual([]);
}

/**
 * Whether `screenshotBoth` takes its pictures: always locally; in CI (`CI` set, as .ci/run does)
 * only with `E2E_SCREENSHOTS=1`. They are for people to look at, and four full-page pictures at
 * two widths in two themes cost a CI run minutes; no test checks them.
 */
export const TAKE_SCREENSHOTS = !process.env.CI || process.env.E2E_SCREENSHOTS === "1";

/** Screenshots at 1440 and 375 px wide, light and dark, into e2e/screenshots/ (looked at by people). */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  const original = page.viewportSize();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const suffix = colorScheme === "dark" ? "-dark" : "";
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `e2e/screenshots/${name}-desktop${suffix}.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.screenshot({ path: `e2e/screenshots/${name}-mobile${suffix}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (original) await page.setViewportSize(original);
}

/**
 * Opens a row's actions menu with `trigger` and chooses `item`. Seen on a loaded machine: the
 * menu opened but the item never settled for a click, or the click on the trigger landed as the
 * row re-rendered and no menu opened. Closes whatever opened and tries again rather than wait
 * out the test.
 */
export async function chooseFromRowMenu(page: Page, trigger: Locator, item: string): Promise<void> {
  await expect(async () => {
    if (await page.getByRole("menu").isVisible()) await page.keyboard.press("Escape");
    await trigger.click();
    await page.getByRole("menuitem", { name: item }).click({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
}
