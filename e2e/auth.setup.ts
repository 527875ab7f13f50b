import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, storageStateOf, USERS, type DemoRole } from "./support/users";

for (const role of Object.keys(USERS) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(USERS[role]);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Generous: a sign-in pays for one scrypt hash (128 MiB), slow on a loaded 2-core machine.
    // Each lands on the first section they may open (the Read-only viewer on Members).
    await expect(page).toHaveURL(/\/w\/[a-z]+\/(api-keys|members)$/, { timeout: 30_000 });
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
