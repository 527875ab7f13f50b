import { expect, screenshotBoth, test } from "./support/fixtures";
import { createKeyThroughDialog, deleteKeyThroughDialogs, keyRow, uniqueName, expectAccessible } from "./support/api-keys";

// member@acme.test holds one demo key (chris_ro); the limit is 10 keys per member.
test("at 10 keys 'Create key' is disabled and says why", async ({ as }) => {
  test.setTimeout(180_000);
  const page = await as("member");
  await page.goto("/w/acme/api-keys");
  await expect(keyRow(page, "chris_ro")).toBeVisible();
  const prefix = uniqueName("e2e-limit");
  const created: string[] = [];
  try {
    const createButton = page.getByRole("button", { name: "Create key" });
    while (await createButton.isEnabled()) {
      const name = `${prefix}-${created.length + 1}`;
      await createKeyThroughDialog(page, name);
      created.push(name);
      await expect(keyRow(page, name)).toBeVisible();
      expect(created.length).toBeLessThanOrEqual(9);
    }
    expect(created).toHaveLength(9);
    await expect(createButton).toBeDisabled();
    await expect(createButton).toHaveAccessibleDescription(/limit of 10 API keys/);
    await expect(page.getByText(/limit of 10 API keys/)).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "api-keys-limit-reached");

    // Deleting one makes room again.
    await deleteKeyThroughDialogs(page, created.pop()!);
    await expect(createButton).toBeEnabled();
  } finally {
    for (const name of created.reverse()) await deleteKeyThroughDialogs(page, name);
  }
  await expect(page.getByRole("button", { name: "Create key" })).toBeEnabled();
});
