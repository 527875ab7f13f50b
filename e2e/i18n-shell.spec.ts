import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD } from "./support/users";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Messages } from "../lib/i18n/messages";

const load = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), "lib", "i18n", "messages", `${locale}.json`), "utf8")) as Messages;
const zh = load("zh-CN");
const uk = load("uk");

// The login page, the shell (navigation, 404, 403) and validation messages in the browser's
// language. Language comes from the browser (Accept-Language), never from a saved choice.

const LANGUAGES = [
  { locale: "zh-CN", short: "zh", m: zh },
  { locale: "uk-UA", short: "uk", m: uk },
] as const;

for (const { locale, short, m } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test("the login page: labels, field errors and a refused password", async ({ browser }) => {
      const context = await browser.newContext({ locale, timezoneId: "UTC" });
      const page = await context.newPage();
      await page.goto("/login");
      await expect(page.getByRole("heading", { name: m.Auth.tagline })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^${m.Auth.title} · Keyward$`));
      await page.getByRole("button", { name: m.Auth.signIn, exact: true }).click();
      await expect(page.getByText(m.Errors.messages.emailIsRequired)).toBeVisible();
      await expect(page.getByText(m.Errors.messages.passwordIsRequired)).toBeVisible();
      await page.getByLabel(m.Auth.email).fill(`nobody-${short}@acme.test`);
      await page.getByLabel(m.Auth.password).fill(`${DEMO_PASSWORD}-wrong`);
      await page.getByRole("button", { name: m.Auth.signIn, exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: m.Auth.invalidCredentials })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-shell-login-${short}`);
      await context.close();
    });

    test("the navigation and a page that does not exist", async ({ as }) => {
      const page = await as("owner", locale);
      await page.goto("/w/acme/no-such-page");
      const nav = page.getByRole("navigation", { name: m.Shell.nav.label });
      for (const key of ["apiKeys", "usage", "members", "roles", "auditLog", "settings"] as const) {
        await expect(nav.getByRole("link", { name: m.Shell.nav[key], exact: true })).toBeVisible();
      }
      await expect(page.getByRole("heading", { name: m.Shell.notFound.title, level: 1 })).toBeVisible();
      await expect(page.getByText(m.Shell.notFound.message)).toBeVisible();
      await expect(page.getByRole("link", { name: m.Shell.notFound.backToApiKeys })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-shell-404-${short}`);
    });

    test("a section the member may not open (403)", async ({ as }) => {
      const page = await as("viewer", locale);
      // A Read-only member reads settings (workspace:read) but not API keys.
      const response = await page.goto("/w/acme/api-keys");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: m.Shell.forbidden.apiKeys.title, level: 1 })).toBeVisible();
      await expect(page.getByText(m.Shell.forbidden.apiKeys.message)).toBeVisible();
      // The locked section stays in the navigation, named in the reader's language.
      const locked = page.getByRole("navigation", { name: m.Shell.nav.label }).locator('[aria-disabled="true"]', { hasText: m.Shell.nav.apiKeys });
      await expect(locked).toBeVisible();
      await expect(locked).toContainText(m.Shell.nav.noAccess);
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, `i18n-shell-403-${short}`);
    });

    test("a validation error of the workspace name, in the reader's language", async ({ as }) => {
      const page = await as("owner", locale);
      await page.goto("/w/acme/settings");
      const name = page.locator("#workspace-name");
      await name.fill("x".repeat(51));
      await page.locator('form:has(#workspace-name) button[type="submit"]').click();
      await expect(page.locator("#workspace-name-error")).toHaveText(m.Errors.messages.workspaceNameMustBeAtMost50Characters);
      await name.fill("   ");
      await page.locator('form:has(#workspace-name) button[type="submit"]').click();
      await expect(page.locator("#workspace-name-error")).toHaveText(m.Errors.messages.workspaceNameIsRequired);
      await screenshotBoth(page, `i18n-shell-validation-${short}`);
    });
  });
}
