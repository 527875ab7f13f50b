import { expect, screenshotBoth, test } from "./support/fixtures";
import { expectAccessible, keyRow, uniqueName } from "./support/api-keys";

// SPEC §10: restrictions set in the console are enforced by the Open API at once.
test.describe("key restrictions", () => {
  test.describe.configure({ timeout: 120_000 });

  test("set an IP allowlist and a rate limit in the dialogs, see them on the details page, get 403 and 429", async ({ as }) => {
    const page = await as("admin");
    const name = uniqueName("restricted");
    await page.goto("/w/acme/api-keys");
    await page.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill(name);

    const section = dialog.getByRole("group", { name: "Restrictions" });
    const allowlist = section.getByLabel("Allowed IP addresses");
    // A bad line is refused under the field, naming it; nothing is created.
    await allowlist.fill("198.51.100.0/24\nnot-an-address");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(section.getByText("Not an IP address or CIDR range: not-an-address")).toBeVisible();
    await expect(allowlist).toHaveAttribute("aria-invalid", "true");
    // A list no client can ever match is allowed, with a warning.
    await allowlist.fill("0.0.0.0");
    await expect(section.getByText("No address is allowed by this list")).toBeVisible();
    await allowlist.fill("198.51.100.0/24");
    await expect(section.getByText("No address is allowed by this list")).toHaveCount(0);

    const rateLimit = section.getByRole("group", { name: "Rate limit" });
    await expect(rateLimit.getByLabel("No limit")).toBeChecked();
    await rateLimit.getByLabel("Limit", { exact: true }).check();
    await rateLimit.getByLabel("Requests").fill("0");
    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    await expect(rateLimit.getByText("Rate limit must be at least 1")).toBeVisible();
    await rateLimit.getByLabel("Requests").fill("2");
    await rateLimit.getByLabel("Per").selectOption("minute");
    await section.scrollIntoViewIfNeeded();
    await expectAccessible(page);
    await screenshotBoth(page, "restrictions-create-dialog");

    await dialog.getByRole("button", { name: "Create", exact: true }).click();
    const created = page.getByRole("dialog", { name: "API key created" });
    const secret = await created.getByLabel("API key secret").inputValue();
    await created.getByRole("button", { name: "Close" }).click();
    await expect(created).toBeHidden();

    await keyRow(page, name).getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const details = page.getByRole("region", { name: "Key settings" });
    await expect(details.getByText("Allowed IP addresses")).toBeVisible();
    await expect(details.getByText("198.51.100.0/24")).toBeVisible();
    await expect(details.getByText("2 requests per minute")).toBeVisible();
    await expectAccessible(page);
    await screenshotBoth(page, "restrictions-details");

    // This browser calls from the loopback address: not in the list.
    const me = () => page.request.get("/api/v1/me", { headers: { "X-Api-Key": secret } });
    const refused = await me();
    expect(refused.status()).toBe(403);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("ip_not_allowed");
    expect(body.error.message).toMatch(/^Requests from (127\.0\.0\.1|::1) are not allowed for this API key\.$/);

    // Modify lets the loopback addresses in; the change applies at once.
    await page.getByRole("button", { name: "Modify" }).click();
    const modify = page.getByRole("dialog", { name: "Modify API key" });
    const modifySection = modify.getByRole("group", { name: "Restrictions" });
    await expect(modifySection.getByLabel("Allowed IP addresses")).toHaveValue("198.51.100.0/24");
    await expect(modifySection.getByLabel("Requests")).toHaveValue("2");
    await modifySection.getByLabel("Allowed IP addresses").fill("127.0.0.1\n::1");
    await modifySection.scrollIntoViewIfNeeded();
    await screenshotBoth(page, "restrictions-modify-dialog");
    await modify.getByRole("button", { name: "Save" }).click();
    await expect(modify).toBeHidden();
    await expect(details.getByText("::1", { exact: true })).toBeVisible();

    const answers = [await me(), await me(), await me()];
    expect(answers.map((a) => a.status())).toEqual([200, 200, 429]);
    expect(answers[0]!.headers()["ratelimit-limit"]).toBe("2");
    expect(answers[0]!.headers()["ratelimit-remaining"]).toBe("1");
    const limited = answers[2]!;
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("key_rate_limited");
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(limited.headers()["ratelimit-remaining"]).toBe("0");

    // The audit trail says what changed.
    await page.reload();
    await expect(page.getByRole("table", { name: "Audit trail" })).toContainText("Allowed IP addresses: + 127.0.0.1 + ::1 − 198.51.100.0/24");
  });

  test("a key without restrictions says so", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/api-keys");
    await keyRow(page, "srdkn").getByRole("link", { name: "srdkn", exact: true }).click();
    const details = page.getByRole("region", { name: "Key settings" });
    await expect(details.getByText("Any address")).toBeVisible();
    await expect(details.getByText("No limit")).toBeVisible();
  });
});
