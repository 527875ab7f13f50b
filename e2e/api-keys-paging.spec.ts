import { signIn } from "./support/admin";
import { expectAccessible, keysTable as table } from "./support/api-keys";
import { expect, screenshotBoth, test } from "./support/fixtures";
import { DEMO_PASSWORD, E2E_USERS, PAGING_KEYS, pagingKeyName } from "./support/users";

// "Paging" (e2e/support/seed.ts) holds 120 keys, page-key-001 the newest; nothing else writes there.
test.describe("the API keys list past one page", () => {
  test("pages through 120 keys 50 at a time, forward and back, and keeps the page on reload", async ({ browser }) => {
    const page = await signIn(browser, E2E_USERS.pager, DEMO_PASSWORD);
    await page.goto("/w/paging/api-keys");
    const rows = table(page).locator("tbody tr");
    const nav = page.getByRole("navigation", { name: "Pagination" });
    const expectPage = async (first: number, last: number) => {
      await expect(rows).toHaveCount(last - first + 1);
      await expect(rows.first()).toContainText(pagingKeyName(first));
      await expect(rows.last()).toContainText(pagingKeyName(last));
    };

    await expectPage(1, 50);
    await expect(nav).toContainText(`${PAGING_KEYS} keys`);
    await expect(nav.getByText("Previous")).toHaveAttribute("aria-disabled", "true");

    await nav.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expectPage(51, 100);
    await nav.getByRole("link", { name: "Next" }).click();
    await expectPage(101, 120);
    await expect(nav.getByText("Next")).toHaveAttribute("aria-disabled", "true");
    await page.reload();
    await expectPage(101, 120);

    await nav.getByRole("link", { name: "Previous" }).click();
    await expectPage(51, 100);
    await nav.getByRole("link", { name: "Previous" }).click();
    await expectPage(1, 50);
    await expectAccessible(page);
    await page.context().close();
  });

  test("Name and Created headers order the list, kept in the URL and across pages", async ({ browser }) => {
    const page = await signIn(browser, E2E_USERS.pager, DEMO_PASSWORD);
    await page.goto("/w/paging/api-keys");
    const rows = table(page).locator("tbody tr");
    const header = (name: string) => table(page).getByRole("columnheader", { name, exact: true });
    await expect(header("Created")).toHaveAttribute("aria-sort", "descending");
    await expect(header("Name")).toHaveAttribute("aria-sort", "none");

    await header("Created").getByRole("button").click();
    await expect(page).toHaveURL(/sort=created/);
    await expect(rows.first()).toContainText(pagingKeyName(PAGING_KEYS));
    await expect(header("Created")).toHaveAttribute("aria-sort", "ascending");

    await header("Name").getByRole("button").click();
    await expect(page).toHaveURL(/sort=name/);
    await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");
    await expect(rows.first()).toContainText(pagingKeyName(1));
    // Z to A, by keyboard, then the next page keeps the order.
    await header("Name").getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=-name/);
    await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).toContainText(pagingKeyName(PAGING_KEYS));
    await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/sort=-name/);
    await expect(rows.first()).toContainText(pagingKeyName(PAGING_KEYS - 50));
    await screenshotBoth(page, "api-keys-sorted");

    // A search orders by relevance: the headers do not sort then.
    await page.getByRole("searchbox", { name: "Search keys by name" }).fill("page-key-007");
    await expect(rows.first()).toContainText("page-key-007");
    await expect(header("Name").getByRole("button")).toHaveCount(0);
    await expect(header("Name")).not.toHaveAttribute("aria-sort");
    await page.context().close();
  });

  test("search pages too, and puts the key named exactly like the query first", async ({ browser }) => {
    const page = await signIn(browser, E2E_USERS.pager, DEMO_PASSWORD);
    await page.goto("/w/paging/api-keys?q=page-key-115");
    const rows = table(page).locator("tbody tr");
    await expect(rows.first()).toContainText("page-key-115");
    // Every key is a near miss of "page-key-115", so the matches span pages like the list.
    const nav = page.getByRole("navigation", { name: "Pagination" });
    await expect(nav).toContainText(`${PAGING_KEYS} keys match “page-key-115”`);
    await expect(rows).toHaveCount(50);
    await nav.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/q=page-key-115.*cursor=|cursor=.*q=page-key-115/);
    await expect(rows).toHaveCount(50);
    await expect(rows.getByText("page-key-115", { exact: true })).toHaveCount(0);
    await screenshotBoth(page, "api-keys-search-page-2");
    await page.context().close();
  });
});
