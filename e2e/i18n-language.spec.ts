import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS } from "./support/users";

/** SPEC §14's anchors: the API keys heading and the create button in each language. */
const ANCHORS = {
  en: { heading: "API Key Management", create: "Create key", language: "Language" },
  "zh-CN": { heading: "API 密钥管理", create: "创建密钥", language: "语言" },
  uk: { heading: "Керування API-ключами", create: "Створити ключ", language: "Мова" },
} as const;

test.describe("the console's language (SPEC §14)", () => {
  test.describe.configure({ timeout: 120_000 });

  for (const [browserLocale, locale] of [
    ["zh-CN", "zh-CN"],
    ["uk-UA", "uk"],
  ] as const) {
    test(`follows the browser's Accept-Language: ${browserLocale}`, async ({ as }) => {
      const page = await as("admin", browserLocale);
      await page.goto("/w/acme/api-keys");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1, name: ANCHORS[locale].heading })).toBeVisible();
      await expect(page.getByRole("button", { name: ANCHORS[locale].create })).toBeVisible();
      await expect(page.getByRole("button", { name: ANCHORS[locale].language })).toBeVisible();
      // No English left in the page's main text (names and codes of the demo data aside).
      await expect(page.getByRole("main")).not.toContainText("Create key");
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-api-keys-${locale}`);
    });
  }

  test("an English browser gets English, an unknown language too", async ({ as }) => {
    for (const browserLocale of ["en-US", "fr-FR"]) {
      const page = await as("admin", browserLocale);
      await page.goto("/w/acme/api-keys");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1, name: ANCHORS.en.heading })).toBeVisible();
    }
  });

  test("the login page follows the browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "uk-UA" });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("button", { name: "Увійти" })).toBeVisible();
    await context.close();
  });

  test("the choice in the header's Language menu is kept on the user: it survives a reload and signing out and in, in another browser language", async ({ browser }) => {
    // A French browser: without a saved choice the console is English.
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const signIn = async (button: string) => {
      await page.goto("/login");
      await page.locator("input[name=email]").fill(E2E_USERS.polyglot);
      await page.locator("input[name=password]").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: button }).click();
      await expect(page).toHaveURL(/\/w\/lingua\/api-keys$/, { timeout: 30_000 });
    };
    await signIn("Sign in");
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS.en.heading })).toBeVisible();

    // Українська from the menu: every text changes at once, without a reload. (A press before
    // the page has hydrated does nothing: press again until the menu is open.)
    const items = page.getByRole("menuitem");
    await expect(async () => {
      await page.getByRole("button", { name: "Language" }).click();
      await expect(items.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(items).toHaveText([/English/, /简体中文/, /Українська/]);
    await page.getByRole("menuitem", { name: /Українська/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS.uk.heading })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    await expect(page.getByRole("button", { name: ANCHORS.uk.create })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS.uk.heading })).toBeVisible();

    // Signed out, the login page follows the (French → English) browser; signed in again, Ukrainian.
    await page.getByRole("button", { name: "Вийти" }).click();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await signIn("Sign in");
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS.uk.heading })).toBeVisible();

    // 简体中文, then back to English; the current language is marked in the menu.
    await expect(async () => {
      await page.getByRole("button", { name: ANCHORS.uk.language }).click();
      await expect(items.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("menuitem", { name: /Українська/ })).toContainText("✓");
    await page.getByRole("menuitem", { name: /简体中文/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS["zh-CN"].heading })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: ANCHORS["zh-CN"].language }).click();
    await page.getByRole("menuitem", { name: /English/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: ANCHORS.en.heading })).toBeVisible();
    await context.close();
  });
});
