import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";

// SPEC §4. An email no other test uses: the 10 failures count against it (and add 10 to this
// address's 50, which the rest of the suite stays far below).
test("after 10 failed sign-ins for one email, /login says when to try again", async ({ page }) => {
  test.setTimeout(180_000);
  const email = `throttled-${randomBytes(4).toString("hex")}@e2e.test`;
  await page.goto("/login");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 1; i <= 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Invalid email or password", { timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled({ timeout: 30_000 });
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-describedby", /sign-in-error/);
});
