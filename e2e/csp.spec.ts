import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/** CSP violations the page reports (the event and Chromium's console message), from now on. */
async function collectViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) violations.push(msg.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test("the console hydrates under its Content-Security-Policy: sign in, API keys, the Create dialog", async ({ page }) => {
  const violations = await collectViolations(page);
  const login = await page.goto("/login");
  expect(login!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  await page.getByLabel("Email").fill("admin@acme.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/[a-z]+\/api-keys$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "API Key Management" })).toBeVisible();
  // The dialog opens only once React has hydrated the button: a press before that does nothing,
  // so press until it opens (it never does if a blocked script kept React from hydrating).
  await expect(async () => {
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  expect(violations).toEqual([]);
});
