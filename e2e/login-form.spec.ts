import { expect, test } from "./support/fixtures";
import { DEMO_PASSWORD, USERS } from "./support/users";

// Issue 13: the login page checks its fields itself (no zod, no form library, no next-auth
// client in its bundle), with the messages the server's schema gives.

test("the login page's scripts carry neither zod nor next-auth's client", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.waitForLoadState("networkidle");
  const found = await page.evaluate(async () => {
    const urls = [...new Set(performance.getEntriesByType("resource").map((e) => e.name))].filter((u) => /\/_next\/static\/.*\.js/.test(u));
    const hits: string[] = [];
    for (const url of urls) {
      const body = await (await fetch(url)).text();
      if (body.includes("ZodError")) hits.push(`zod in ${url}`);
      if (body.includes("__NEXTAUTH")) hits.push(`next-auth/react in ${url}`);
    }
    return { scripts: urls.length, hits };
  });
  expect(found.scripts).toBeGreaterThan(0);
  expect(found.hits).toEqual([]);
});

test("empty and malformed fields get their message under the field, and nothing is sent", async ({ page }) => {
  await page.goto("/login");
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/")) requests.push(r.url());
  });
  const email = page.getByLabel("Email");
  const password = page.getByLabel("Password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Email is required");
  await expect(page.locator("#password-error")).toHaveText("Password is required");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAttribute("aria-describedby", /email-error/);
  await expect(email).toBeFocused();

  await email.fill("owner@acme");
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
  await password.fill("x");
  await expect(page.locator("#password-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter a valid email address");
  await expect(email).toBeFocused();
  expect(requests).toEqual([]);

  // Fixed: the sign-in goes through and lands where the member may go.
  await email.fill(`  ${USERS.member}  `);
  await password.fill(DEMO_PASSWORD);
  await expect(page.locator("#email-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/acme\/api-keys$/, { timeout: 30_000 });
});

test("signing in returns to the page that asked for it", async ({ page }) => {
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/w/acme/members")}`);
  await page.getByLabel("Email").fill(USERS.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).press("Enter");
  await expect(page).toHaveURL(/\/w\/acme\/members$/, { timeout: 30_000 });
});
