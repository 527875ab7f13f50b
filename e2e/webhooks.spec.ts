import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { createKeyThroughDialog, deleteKeyThroughDialogs, uniqueName } from "./support/api-keys";
import { expect, expectNoSeriousA11yViolations, screenshotBoth, test } from "./support/fixtures";

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A webhook receiver on 127.0.0.1 (the e2e server sets WEBHOOK_ALLOW_PRIVATE_NETWORKS=true). */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/keyward`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const verify = (secret: string, hook: Received) =>
  new Webhook(secret).verify(hook.body, {
    "webhook-id": String(hook.headers["webhook-id"]),
    "webhook-timestamp": String(hook.headers["webhook-timestamp"]),
    "webhook-signature": String(hook.headers["webhook-signature"]),
  }) as { type: string; data: { key?: { name: string } } };

test.describe("Webhooks (Settings)", () => {
  test("the owner adds an endpoint, sends a test event, and sees a key's creation delivered and signed", async ({ as }) => {
    test.setTimeout(180_000);
    const receiver = await startReceiver();
    try {
      const page = await as("owner");
      await page.goto("/w/acme/settings");
      const section = page.getByRole("region", { name: "Webhooks" });
      await expect(section.getByRole("heading", { name: "Webhooks" })).toBeVisible();

      await section.getByRole("button", { name: "Add endpoint" }).click();
      const dialog = page.getByRole("dialog", { name: "Add webhook endpoint" });
      // Bad input: field messages, nothing saved.
      await dialog.getByLabel("URL").fill("not a url");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog.getByText("Enter a valid URL, such as https://example.com/webhooks")).toBeVisible();
      await expect(dialog.getByText("Choose at least one event")).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, "webhooks-add-dialog-errors");

      await dialog.getByLabel("URL").fill(receiver.url);
      await dialog.getByLabel("Description").fill("Security tooling");
      await dialog.getByRole("checkbox", { name: "api_key.created" }).check();
      await dialog.getByRole("checkbox", { name: "api_key.deleted" }).check();
      await screenshotBoth(page, "webhooks-add-dialog");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText("Webhook endpoint added")).toBeVisible();

      const card = section.getByRole("article", { name: `Webhook endpoint ${receiver.url}` });
      await expect(card.getByTestId("webhook-url")).toHaveText(receiver.url);
      await expect(card.getByText("api_key.created", { exact: true })).toBeVisible();
      const secretBox = card.getByTestId("webhook-secret");
      await expect(secretBox).toHaveText(/^whsec_.{4}…$/);
      await card.getByRole("button", { name: "Reveal" }).click();
      await expect(secretBox).toHaveText(/^whsec_[A-Za-z0-9+/]{32}$/);
      const secret = (await secretBox.textContent())!;
      await card.getByRole("button", { name: "Hide" }).click();

      await card.getByRole("button", { name: "Send test event" }).click();
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
      expect(verify(secret, receiver.received[0]!).type).toBe("webhook.test");

      // A key created in the console is delivered, and shows in the log.
      const name = uniqueName("hooked");
      await page.goto("/w/acme/api-keys");
      await createKeyThroughDialog(page, name);
      await expect.poll(() => receiver.received.map((r) => JSON.parse(r.body).type), { timeout: 30_000 }).toContain("api_key.created");
      const created = verify(secret, receiver.received.find((r) => JSON.parse(r.body).type === "api_key.created")!);
      expect(created.data.key?.name).toBe(name);
      await deleteKeyThroughDialogs(page, name);

      await page.goto("/w/acme/settings");
      const log = page.getByRole("article", { name: `Webhook endpoint ${receiver.url}` }).getByTestId("webhook-delivery");
      await expect(async () => {
        await page.getByRole("article", { name: `Webhook endpoint ${receiver.url}` }).getByRole("button", { name: "Refresh" }).click();
        await expect(log.filter({ hasText: "api_key.deleted" }).filter({ hasText: "Delivered" })).toHaveCount(1, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await expect(log.filter({ hasText: "api_key.created" }).filter({ hasText: "Delivered" })).toHaveCount(1);
      await expect(log.filter({ hasText: "webhook.test" }).first()).toContainText("204");
      await expectNoSeriousA11yViolations(page);
      await screenshotBoth(page, "webhooks-section");

      // Retry re-sends a delivery; Rotate and Delete ask first.
      const before = receiver.received.length;
      await log.filter({ hasText: "webhook.test" }).first().getByRole("button", { name: /^Retry/ }).click();
      await expect(page.getByText("Delivery queued for another attempt")).toBeVisible();
      await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThan(before);

      const endpointCard = page.getByRole("article", { name: `Webhook endpoint ${receiver.url}` });
      await endpointCard.getByRole("button", { name: "Rotate" }).click();
      const rotate = page.getByRole("alertdialog", { name: "Rotate signing secret" });
      await screenshotBoth(page, "webhooks-rotate-dialog");
      await rotate.getByRole("button", { name: "Rotate" }).click();
      await expect(rotate).toBeHidden();
      await expect(page.getByText("Signing secret rotated")).toBeVisible();

      await endpointCard.getByRole("switch", { name: "Enabled" }).click();
      await expect(endpointCard.getByRole("switch", { name: "Enabled" })).toHaveAttribute("aria-checked", "false");

      await endpointCard.getByRole("button", { name: "Delete", exact: true }).click();
      const del = page.getByRole("alertdialog", { name: "Delete webhook endpoint" });
      await screenshotBoth(page, "webhooks-delete-dialog");
      await del.getByRole("button", { name: "Delete" }).click();
      await expect(del).toBeHidden();
      await expect(endpointCard).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });

  test("members without workspace:manage do not see the section", async ({ as }) => {
    const page = await as("admin");
    await page.goto("/w/acme/settings");
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Webhooks" })).toHaveCount(0);
  });
});
