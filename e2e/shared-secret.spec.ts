import { signRequest } from "@/lib/signing/format";
import { createKeyThroughDialog, deleteKeyThroughDialogs, uniqueName } from "./support/api-keys";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";

const HINT = /^ss_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/;
const SECRET = /^ss_[0-9A-Za-z]{43}$/;

test.describe("API shared secret (Settings)", () => {
  test("the owner creates, reveals, copies and rotates it, and requires signed requests", async ({ as }) => {
    test.setTimeout(180_000);
    const page = await as("owner");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/w/signed/settings");
    const section = page.getByRole("region", { name: "API shared secret" });
    await expect(section.getByRole("heading", { name: "API shared secret" })).toBeVisible();
    const value = section.getByTestId("shared-secret-value");
    const requireSigned = section.getByRole("switch", { name: "Require signed requests" });

    // Before a secret exists the switch is refused with a clear message.
    await requireSigned.click();
    await expect(section.getByRole("alert")).toHaveText("Create an API shared secret before requiring signed requests.");
    await expect(requireSigned).toHaveAttribute("aria-checked", "false");
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "shared-secret-none");

    await section.getByRole("button", { name: "Create shared secret" }).click();
    await expect(page.getByText("Shared secret created")).toBeVisible();
    await expect(value).toHaveText(HINT);
    const firstHint = (await value.textContent())!;

    await section.getByRole("button", { name: "Reveal" }).click();
    await expect(value).toHaveText(SECRET);
    const first = (await value.textContent())!;
    expect(firstHint).toBe(`${first.slice(0, 7)}…${first.slice(-4)}`);
    await section.getByRole("button", { name: "Hide" }).click();
    await expect(value).toHaveText(firstHint);

    await section.getByRole("button", { name: "Copy" }).click();
    await expect(page.getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    await section.getByRole("button", { name: "Rotate" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate API shared secret" });
    await dialog.getByRole("radio", { name: "24 hours" }).check();
    await expectNoSeriousA11yViolations(page);
    await screenshotBoth(page, "shared-secret-rotate-dialog");
    await dialog.getByRole("button", { name: "Rotate" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Shared secret rotated")).toBeVisible();
    await expect(value).toHaveText(HINT);
    await expect(value).not.toHaveText(firstHint);
    // The previous secret's end: 24 hours from now, in YYYY-MM-DD HH:mm:ss (the page runs in UTC).
    const previous = section.getByTestId("previous-shared-secret");
    await expect(previous).toContainText(firstHint);
    const until = await previous.locator("time").getAttribute("datetime");
    expect(Math.abs(Date.parse(until!) - Date.now() - 24 * 3600_000)).toBeLessThan(60_000);
    await expect(previous.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    await section.getByRole("button", { name: "Reveal" }).click();
    await expect(value).toHaveText(SECRET);
    const second = (await value.textContent())!;
    expect(second).not.toBe(first);

    // A key to call the Open API with, made before signing is on (in its own workspace: other specs' keys never meet the switch).
    const keyName = uniqueName("signing-e2e");
    await page.goto("/w/signed/api-keys");
    const apiKey = await createKeyThroughDialog(page, keyName);
    await page.goto("/w/signed/settings");

    await requireSigned.click();
    await expect(requireSigned).toHaveAttribute("aria-checked", "true");
    await expect(page.getByText("Signed requests are now required")).toBeVisible();
    try {
      const unsigned = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": apiKey } });
      expect(unsigned.status()).toBe(401);
      expect((await unsigned.json()).error.code).toBe("missing_signature");
      const path = "/api/v1/workspace";
      const signed = await page.request.get(path, {
        headers: { "X-Api-Key": apiKey, ...signRequest({ secret: second, method: "GET", pathWithQuery: path }) },
      });
      expect(signed.status()).toBe(200);
      expect(await signed.json()).toMatchObject({ slug: "signed", requireSignedRequests: true });
      // The previous secret still works during its 24 hours.
      const withPrevious = await page.request.get("/api/v1/me", {
        headers: { "X-Api-Key": apiKey, ...signRequest({ secret: first, method: "GET", pathWithQuery: "/api/v1/me" }) },
      });
      expect(withPrevious.status()).toBe(200);

      await page.reload();
      await expect(requireSigned).toHaveAttribute("aria-checked", "true");
      await expect(section.getByTestId("previous-shared-secret")).toContainText(firstHint);
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, "shared-secret");
    } finally {
      // e2e specs share one database: leave signing off for the others.
      await requireSigned.click();
      await expect(requireSigned).toHaveAttribute("aria-checked", "false");
    }
    const unsignedAgain = await page.request.get("/api/v1/me", { headers: { "X-Api-Key": apiKey } });
    expect(unsignedAgain.status()).toBe(200);
    await page.goto("/w/signed/api-keys");
    await deleteKeyThroughDialogs(page, keyName);

    // Every step is in the audit log, never the secret.
    await page.goto("/w/signed/audit-log");
    for (const label of ["Shared secret created", "Shared secret revealed", "Shared secret copied", "Shared secret rotated"]) {
      await expect(page.getByRole("row").filter({ hasText: label }).first()).toBeVisible();
    }
    expect(await page.content()).not.toContain(first.slice(3));
  });

  test("members without workspace:manage see nothing of it", async ({ as }) => {
    for (const role of ["admin", "viewer"] as const) {
      const page = await as(role);
      await page.goto("/w/acme/settings");
      await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
      await expect(page.getByText("API shared secret")).toHaveCount(0);
      await expect(page.getByRole("switch", { name: "Require signed requests" })).toHaveCount(0);
      expect(await page.content()).not.toMatch(/ss_[0-9A-Za-z]{4}/);
    }
  });
});
