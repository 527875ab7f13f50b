import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { keyRow, uniqueName } from "./support/api-keys";

// A server action request that never gets an answer (offline, dropped) must not leave a dialog
// stuck: the dialog says so, its buttons work again, and a retry once the network is back succeeds.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";
const name = uniqueName("e2e-network");

/** Aborts every server action call (a POST carrying Next's `next-action` header) until `restore`. */
async function dropServerActions(page: Page): Promise<{ aborted: () => number; restore: () => Promise<void> }> {
  let aborted = 0;
  const pattern = "**/*";
  await page.route(pattern, async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      aborted++;
      return route.abort("internetdisconnected");
    }
    return route.fallback();
  });
  return { aborted: () => aborted, restore: () => page.unroute(pattern) };
}

test("Create key: a dropped request shows the network error, and Create works again", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(name);

  const network = await dropServerActions(page);
  const create = dialog.getByRole("button", { name: "Create", exact: true });
  await create.click();
  await expect(dialog.getByRole("alert")).toHaveText(NETWORK_ERROR);
  expect(network.aborted()).toBeGreaterThan(0);
  await expect(create).toBeEnabled();
  await expect(create).not.toHaveAttribute("aria-busy");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeEnabled();
  await expect(dialog.getByLabel("Name")).toHaveValue(name);

  await network.restore();
  await create.click();
  const created = page.getByRole("dialog", { name: "API key created" });
  await expect(created.getByLabel("API key secret")).toHaveValue(/^ak_/);
  await created.getByRole("button", { name: "Close" }).click();
  await expect(keyRow(page, name)).toBeVisible();
});

test("Copy key: a dropped request says the server could not be reached, not that the clipboard failed", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  const network = await dropServerActions(page);
  const copy = keyRow(page, name).getByRole("button", { name: "Copy key" });
  await copy.click();
  await expect(page.getByText(NETWORK_ERROR)).toBeVisible();
  await expect(page.getByText("Could not copy to the clipboard")).toHaveCount(0);
  expect(network.aborted()).toBeGreaterThan(0);
  await expect(copy).toBeEnabled();
  await network.restore();
});

test("Delete key: a dropped request shows the network error, and Delete permanently works again", async ({ as }) => {
  const page = await as("admin");
  await page.goto("/w/acme/api-keys");
  await keyRow(page, name).getByRole("button", { name: "Actions" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog", { name: "Delete API key?" }).getByRole("button", { name: "Continue" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Confirm deletion" });
  await confirm.getByLabel("Type the key name to confirm").fill(name);

  const network = await dropServerActions(page);
  const remove = confirm.getByRole("button", { name: "Delete permanently" });
  await remove.click();
  await expect(confirm.getByRole("alert")).toHaveText(NETWORK_ERROR);
  expect(network.aborted()).toBeGreaterThan(0);
  await expect(remove).toBeEnabled();
  await expect(remove).not.toHaveAttribute("aria-busy");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeEnabled();

  await network.restore();
  await remove.click();
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, name)).toHaveCount(0);
});
