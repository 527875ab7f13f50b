import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations, screenshotBoth } from "./support/fixtures";
import { DEMO_PASSWORD, USERS } from "./support/users";

test.describe("sign-in", () => {
  test("a wrong password says only 'Invalid email or password'", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.admin);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/login/);
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "login-error");
  });

  test("an unknown email gets the same answer", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("nobody@acme.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Invalid email or password");
  });

  test("signed-out visitors are sent to /login", async ({ page }) => {
    await page.goto("/w/acme/api-keys");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  });

  test("the session cookie is httpOnly", async ({ as }) => {
    const page = await as("admin");
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes("next-auth.session-token"));
    expect(session?.httpOnly).toBe(true);
  });
});

test.describe("where each demo user lands", () => {
  // SPEC §4: `/` opens the first section the member may open; the nav names every section and
  // marks the ones they cannot open instead of linking to a 403 (issue 13 #8).
  const landings = [
    ["owner", "acme", "api-keys", []],
    ["admin", "acme", "api-keys", []],
    ["member", "acme", "api-keys", ["Audit log"]],
    ["viewer", "acme", "members", ["API Keys", "Audit log"]],
    ["globexOwner", "globex", "api-keys", []],
  ] as const;
  for (const [role, slug, section, locked] of landings) {
    test(`${role} lands on ${slug} ${section}`, async ({ as }) => {
      const page = await as(role);
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/w/${slug}/${section}$`));
      const nav = page.getByRole("navigation", { name: "Workspace" });
      for (const label of ["API Keys", "Members", "Roles", "Audit log", "Settings"]) {
        if ((locked as readonly string[]).includes(label)) {
          await expect(nav.getByRole("link", { name: label })).toHaveCount(0);
          await expect(nav.getByText(label)).toBeVisible();
          await expect(nav.getByText(label).locator("..")).toContainText("(no access)");
        } else {
          await expect(nav.getByRole("link", { name: label })).toBeVisible();
        }
      }
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  }

  test("a Read-only member's 403 page links to a section they may open", async ({ as }) => {
    const page = await as("viewer");
    expect((await page.goto("/w/acme/api-keys"))?.status()).toBe(403);
    await page.getByRole("link", { name: "Go to Members" }).click();
    await expect(page).toHaveURL(/\/w\/acme\/members$/);
    await screenshotBoth(page, "members-viewer-landing");
  });

  test("the workspace switcher lists only the user's workspaces", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await page.getByRole("button", { name: /Switch workspace/ }).click();
    const items = page.getByRole("menuitem");
    await expect(items).toHaveCount(2);
    await page.getByRole("menuitem", { name: /Globex/ }).click();
    await expect(page).toHaveURL(/\/w\/globex\/api-keys$/);
    await screenshotBoth(page, "workspace-shell");
  });

  test("a workspace the user is not in is a 404", async ({ as }) => {
    const page = await as("member");
    const response = await page.goto("/w/globex/api-keys");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("sign out ends the session", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS.viewer);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/w\/acme\/members$/, { timeout: 30_000 });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/w/acme/api-keys");
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });
});
